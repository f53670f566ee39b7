import React from 'react';
import { EuiModal, EuiModalBody, EuiModalHeader, EuiModalHeaderTitle, EuiSpacer, EuiText } from '@elastic/eui';
import { AddAttachmentRequest } from '../../common/case_types';
import { CasePicker } from './case_picker';
import { i18n } from '@osd/i18n';

export interface AddToCaseModalProps {
  attachment: AddAttachmentRequest;
  /** One line saying what is attached (the finding's title, the event's action…). */
  description: string;
  suggestedTitle: string;
  /** GuardDuty finding type, to preselect the matching case template. */
  findingType?: string;
  onClose(): void;
}

export function AddToCaseModal({ attachment, description, suggestedTitle, findingType, onClose }: AddToCaseModalProps) {
  return (
    <EuiModal onClose={onClose} style={{ width: 560 }} data-test-subj="addToCaseModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          <h2>{i18n.translate('siemInvestigations.addToCase.modal.title', { defaultMessage: 'Add {type, select, finding {finding} other {event}} to a case', values: { type: attachment.type } })}</h2>
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiText size="s" color="subdued">
          <p style={{ overflowWrap: 'anywhere' }}>{description}</p>
        </EuiText>
        <EuiSpacer size="m" />
        <CasePicker attachment={attachment} suggestedTitle={suggestedTitle} findingType={findingType} onAdded={onClose} onCancel={onClose} />
        <EuiSpacer size="m" />
      </EuiModalBody>
    </EuiModal>
  );
}
