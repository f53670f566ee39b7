import React, { useState } from 'react';
import { EuiButton, EuiButtonEmpty, EuiModal, EuiModalBody, EuiModalFooter, EuiModalHeader, EuiModalHeaderTitle, EuiRadioGroup, EuiText } from '@elastic/eui';
import { CLOSE_REASON_LABELS, CLOSE_REASONS, CloseReason } from '../../common/case_types';

/** Closing needs a reason (Sentinel's classification); the button stays off until one is picked. */
export function CloseCaseModal({ initial, confirmLabel, onConfirm, onCancel }: { initial?: CloseReason; confirmLabel: string; onConfirm(reason: CloseReason): void; onCancel(): void }) {
  const [reason, setReason] = useState<CloseReason | undefined>(initial);
  return (
    <EuiModal onClose={onCancel} style={{ width: 480 }} data-test-subj="closeCaseModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          <h2>Why is the case closed?</h2>
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiText size="s" color="subdued">
          <p>The reason goes into the activity log and the SOC&apos;s metrics. A closed case can be reopened.</p>
        </EuiText>
        <EuiRadioGroup
          name="closeReason"
          options={CLOSE_REASONS.map((r) => ({ id: r, label: CLOSE_REASON_LABELS[r], 'data-test-subj': `closeReason-${r}` }))}
          idSelected={reason}
          onChange={(id) => setReason(id as CloseReason)}
          legend={{ children: 'Close reason', display: 'hidden' }}
        />
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onCancel}>Cancel</EuiButtonEmpty>
        <EuiButton fill isDisabled={!reason} onClick={() => reason && onConfirm(reason)} data-test-subj="confirmCloseCase">
          {confirmLabel}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}
