import { i18n } from '@osd/i18n';
import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiButtonGroup,
  EuiFieldText,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiRadioGroup,
  EuiSelect,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { CLOSE_REASON_LABELS, CLOSE_REASONS, CloseReason } from '../../common/case_types';
import { closeFieldValueProblem, CloseFieldDefinition, CloseFieldValues, missingCloseFields } from '../../common/case_template_types';

/**
 * Closing needs a reason (Sentinel's classification) and, for a case made from a template, its
 * required close fields; the button stays off until all are given and valid.
 */
export function CloseCaseModal({
  initial,
  confirmLabel,
  fields = [],
  values: initialValues = {},
  onConfirm,
  onCancel,
}: {
  initial?: CloseReason;
  confirmLabel: string;
  /** Required close fields of the case (only when closing, not when changing the reason). */
  fields?: CloseFieldDefinition[];
  values?: CloseFieldValues;
  onConfirm(reason: CloseReason, values: CloseFieldValues): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState<CloseReason | undefined>(initial);
  const [values, setValues] = useState<CloseFieldValues>(initialValues);
  const set = (key: string, value: string | boolean | undefined) =>
    setValues((v) => {
      const next = { ...v };
      if (value === undefined || value === '') delete next[key];
      else next[key] = value;
      return next;
    });
  const missing = missingCloseFields(fields, values);
  const invalid = fields.filter((f) => values[f.key] !== undefined && closeFieldValueProblem(f, values[f.key]));
  const ready = !!reason && missing.length === 0 && invalid.length === 0;

  return (
    <EuiModal onClose={onCancel} style={{ width: 520 }} data-test-subj="closeCaseModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          <h2>{i18n.translate('siemInvestigations.cases.closeCaseModal.whyIsTheCase', { defaultMessage: 'Why is the case closed?' })}</h2>
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiText size="s" color="subdued">
          <p>{i18n.translate('siemInvestigations.cases.closeCaseModal.theReasonGoesInto', { defaultMessage: 'The reason goes into the activity log and the SOC’s metrics. A closed case can be reopened.' })}</p>
        </EuiText>
        <EuiRadioGroup
          name="closeReason"
          options={CLOSE_REASONS.map((r) => ({ id: r, label: CLOSE_REASON_LABELS[r], 'data-test-subj': `closeReason-${r}` }))}
          idSelected={reason}
          onChange={(id) => setReason(id as CloseReason)}
          legend={{ children: i18n.translate('siemInvestigations.cases.closeModal.legend', { defaultMessage: 'Close reason' }), display: 'hidden' }}
        />
        {fields.length > 0 && (
          <div data-test-subj="closeFields">
            <EuiSpacer size="m" />
            <EuiTitle size="xxs">
              <h3>{i18n.translate('siemInvestigations.cases.closeFields.title', { defaultMessage: 'Required by the case’s template' })}</h3>
            </EuiTitle>
            <EuiSpacer size="s" />
            {fields.map((f) => {
              const value = values[f.key];
              const problem = value !== undefined ? closeFieldValueProblem(f, value) : undefined;
              const testSubj = `closeField-${f.key}`;
              return (
                <EuiFormRow key={f.key} label={f.label} fullWidth isInvalid={!!problem} error={problem}>
                  {f.type === 'select' ? (
                    <EuiSelect
                      fullWidth
                      hasNoInitialSelection
                      options={f.options.map((o) => ({ value: o, text: o }))}
                      value={typeof value === 'string' ? value : ''}
                      onChange={(e) => set(f.key, e.target.value)}
                      data-test-subj={testSubj}
                    />
                  ) : f.type === 'boolean' ? (
                    <EuiButtonGroup
                      legend={f.label}
                      options={[
                        { id: `${f.key}-yes`, label: i18n.translate('siemInvestigations.cases.closeFields.yes', { defaultMessage: 'Yes' }), 'data-test-subj': `${testSubj}-yes` },
                        { id: `${f.key}-no`, label: i18n.translate('siemInvestigations.cases.closeFields.no', { defaultMessage: 'No' }), 'data-test-subj': `${testSubj}-no` },
                      ]}
                      idSelected={value === true ? `${f.key}-yes` : value === false ? `${f.key}-no` : ''}
                      onChange={(id) => set(f.key, id === `${f.key}-yes`)}
                      buttonSize="compressed"
                    />
                  ) : (
                    <EuiFieldText fullWidth value={typeof value === 'string' ? value : ''} maxLength={f.maxLength} onChange={(e) => set(f.key, e.target.value)} data-test-subj={testSubj} />
                  )}
                </EuiFormRow>
              );
            })}
            {missing.length > 0 && (
              <EuiText size="xs" color="subdued" data-test-subj="closeFieldsMissing">
                <p>
                  {i18n.translate('siemInvestigations.cases.closeFields.missing', { defaultMessage: 'Still needed: {fields}', values: { fields: missing.map((f) => f.label).join(', ') } })}
                </p>
              </EuiText>
            )}
          </div>
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onCancel}>{i18n.translate('siemInvestigations.cases.closeCaseModal.cancel', { defaultMessage: 'Cancel' })}</EuiButtonEmpty>
        <EuiButton fill isDisabled={!ready} onClick={() => reason && onConfirm(reason, values)} data-test-subj="confirmCloseCase">
          {confirmLabel}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}
