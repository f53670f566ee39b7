import React, { useState } from 'react';
import { EuiButton, EuiButtonEmpty, EuiCallOut, EuiDescriptionList, EuiFormRow, EuiLink, EuiPanel, EuiSelect, EuiSpacer } from '@elastic/eui';
import { CASE_LIMITS, CASE_STATUS_TRANSITIONS, CaseSeverity, CaseStatus, CLOSE_REASON_LABELS, CloseReason } from '../../common/case_types';
import { CaseEditor } from './use_case_editor';
import { CaseDraft, CaseField, pendingFields, shownValue } from './case_draft';
import { SEVERITY_OPTIONS, STATUS_LABELS } from '../shared/case_labels';
import { CloseCaseModal } from './close_case_modal';
import { NameListInput } from './name_list_input';
import { SectionTitle } from '../shared/section_title';
import { useCaseWorkflow } from './case_tasks_panel';
import { i18n } from '@osd/i18n';
import { FormattedMessage } from '@osd/i18n/react';

/** Fields saved as soon as they change; a refused save keeps them as unsaved changes. */
const IMMEDIATE_FIELDS: readonly CaseField[] = ['status', 'closeReason', 'severity', 'tags', 'assignees'];
const fieldName = (field: CaseField): string =>
  i18n.translate('siemInvestigations.cases.details.fieldName', { defaultMessage: '{field, select, title {title} description {description} status {status} closeReason {close reason} severity {severity} tags {tags} other {assignees}}', values: { field } });

/** Status (with its close reason), severity, assignees and tags. */
export function CaseDetailsPanel({ editor }: { editor: CaseEditor }) {
  const c = editor.case!;
  const [closing, setClosing] = useState<'close' | 'reason' | null>(null);
  const workflow = useCaseWorkflow(editor);
  const status = shownValue(c, editor.draft, 'status');
  const change = (changes: CaseDraft) => {
    editor.setDraft(changes);
    void editor.save(changes);
  };
  const unsaved = editor.saving ? [] : pendingFields(c, editor.draft).filter((f) => IMMEDIATE_FIELDS.includes(f));
  const statusOptions = [...new Set<CaseStatus>([c.status, ...CASE_STATUS_TRANSITIONS[c.status], status])];

  return (
    <EuiPanel paddingSize="l" data-test-subj="caseDetails">
      <SectionTitle>{i18n.translate('siemInvestigations.cases.caseDetailsPanel.details', { defaultMessage: 'Details' })}</SectionTitle>
      <EuiSpacer size="m" />
      {unsaved.length > 0 && (
        <>
          <EuiCallOut size="s" color="warning" iconType="pencil" title={i18n.translate('siemInvestigations.cases.details.unsaved', { defaultMessage: 'Unsaved changes: {fields}', values: { fields: unsaved.map(fieldName).join(', ') } })} data-test-subj="caseUnsaved">
            <EuiButton size="s" onClick={() => void editor.save(Object.fromEntries(unsaved.map((f) => [f, editor.draft[f]])) as CaseDraft)} data-test-subj="saveUnsaved">
              {i18n.translate('siemInvestigations.cases.caseDetailsPanel.saveChanges', { defaultMessage: 'Save changes' })}</EuiButton>{' '}
            <EuiButtonEmpty size="s" color="text" onClick={() => editor.discard(unsaved)}>
              {i18n.translate('siemInvestigations.cases.caseDetailsPanel.discard', { defaultMessage: 'Discard' })}</EuiButtonEmpty>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      <EuiFormRow
        label={i18n.translate('siemInvestigations.cases.caseDetailsPanel.status', { defaultMessage: 'Status' })}
        fullWidth
        helpText={
          c.status === 'closed' ? (
            <>
              <FormattedMessage
                id="siemInvestigations.cases.details.closedAs"
                defaultMessage="Closed as {reason}."
                values={{ reason: <strong data-test-subj="caseCloseReasonText">{c.closeReason ? CLOSE_REASON_LABELS[c.closeReason] : i18n.translate('siemInvestigations.cases.details.unknownReason', { defaultMessage: 'unknown' })}</strong> }}
              />{' '}
              {editor.canSave && (
                <EuiLink onClick={() => setClosing('reason')} data-test-subj="changeCloseReason">
                  {i18n.translate('siemInvestigations.cases.caseDetailsPanel.changeReason', { defaultMessage: 'Change reason' })}</EuiLink>
              )}
            </>
          ) : undefined
        }
      >
        <EuiSelect
          fullWidth
          options={statusOptions.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
          value={status}
          disabled={!editor.canSave}
          onChange={(e) => {
            const next = e.target.value as CaseStatus;
            if (next === 'closed' && c.status !== 'closed') setClosing('close');
            else change({ status: next });
          }}
          data-test-subj="caseStatusSelect"
        />
      </EuiFormRow>
      <EuiFormRow label={i18n.translate('siemInvestigations.cases.caseDetailsPanel.severity', { defaultMessage: 'Severity' })} fullWidth>
        <EuiSelect
          fullWidth
          options={SEVERITY_OPTIONS}
          value={shownValue(c, editor.draft, 'severity')}
          disabled={!editor.canSave}
          onChange={(e) => change({ severity: e.target.value as CaseSeverity })}
          data-test-subj="caseSeveritySelect"
        />
      </EuiFormRow>
      <EuiFormRow label={i18n.translate('siemInvestigations.cases.caseDetailsPanel.assignees', { defaultMessage: 'Assignees' })} fullWidth>
        <NameListInput
          noun={i18n.translate('siemInvestigations.cases.details.assigneesNoun', { defaultMessage: 'assignees' })}
          values={shownValue(c, editor.draft, 'assignees')}
          maxLength={CASE_LIMITS.assigneeLength}
          isDisabled={!editor.canSave}
          onChange={(assignees) => change({ assignees })}
          data-test-subj="caseAssignees"
        />
      </EuiFormRow>
      <EuiFormRow label={i18n.translate('siemInvestigations.cases.caseDetailsPanel.tags', { defaultMessage: 'Tags' })} fullWidth>
        <NameListInput noun={i18n.translate('siemInvestigations.cases.details.tagsNoun', { defaultMessage: 'tags' })} values={shownValue(c, editor.draft, 'tags')} maxLength={CASE_LIMITS.tagLength} isDisabled={!editor.canSave} onChange={(tags) => change({ tags })} data-test-subj="caseTags" />
      </EuiFormRow>
      <EuiSpacer size="m" />
      <EuiDescriptionList
        compressed
        type="column"
        listItems={[
          { title: i18n.translate('siemInvestigations.cases.caseDetailsPanel.evidence', { defaultMessage: 'Evidence' }), description: `${c.attachments.length}` },
          { title: i18n.translate('siemInvestigations.cases.caseDetailsPanel.comments', { defaultMessage: 'Comments' }), description: `${c.comments.length}` },
        ]}
      />
      {closing && (
        <CloseCaseModal
          initial={closing === 'reason' ? c.closeReason : undefined}
          confirmLabel={closing === 'close' ? i18n.translate('siemInvestigations.cases.details.closeCase', { defaultMessage: 'Close case' }) : i18n.translate('siemInvestigations.cases.details.confirmChangeReason', { defaultMessage: 'Change reason' })}
          fields={closing === 'close' ? c.closeFields : []}
          values={c.closeFieldValues}
          onCancel={() => setClosing(null)}
          onConfirm={(reason: CloseReason, values) => {
            setClosing(null);
            if (closing === 'close' && c.closeFields.length) void workflow.closeWithFields(reason, values);
            else change(closing === 'close' ? { status: 'closed', closeReason: reason } : { closeReason: reason });
          }}
        />
      )}
    </EuiPanel>
  );
}
