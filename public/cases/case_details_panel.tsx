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

/** Fields saved as soon as they change; a refused save keeps them as unsaved changes. */
const IMMEDIATE_FIELDS: readonly CaseField[] = ['status', 'closeReason', 'severity', 'tags', 'assignees'];
const FIELD_NAMES: Record<CaseField, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  closeReason: 'close reason',
  severity: 'severity',
  tags: 'tags',
  assignees: 'assignees',
};

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
      <SectionTitle>Details</SectionTitle>
      <EuiSpacer size="m" />
      {unsaved.length > 0 && (
        <>
          <EuiCallOut size="s" color="warning" iconType="pencil" title={`Unsaved changes: ${unsaved.map((f) => FIELD_NAMES[f]).join(', ')}`} data-test-subj="caseUnsaved">
            <EuiButton size="s" onClick={() => void editor.save(Object.fromEntries(unsaved.map((f) => [f, editor.draft[f]])) as CaseDraft)} data-test-subj="saveUnsaved">
              Save changes
            </EuiButton>{' '}
            <EuiButtonEmpty size="s" color="text" onClick={() => editor.discard(unsaved)}>
              Discard
            </EuiButtonEmpty>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      <EuiFormRow
        label="Status"
        fullWidth
        helpText={
          c.status === 'closed' ? (
            <>
              Closed as <strong data-test-subj="caseCloseReasonText">{c.closeReason ? CLOSE_REASON_LABELS[c.closeReason] : 'unknown'}</strong>.{' '}
              {editor.canSave && (
                <EuiLink onClick={() => setClosing('reason')} data-test-subj="changeCloseReason">
                  Change reason
                </EuiLink>
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
      <EuiFormRow label="Severity" fullWidth>
        <EuiSelect
          fullWidth
          options={SEVERITY_OPTIONS}
          value={shownValue(c, editor.draft, 'severity')}
          disabled={!editor.canSave}
          onChange={(e) => change({ severity: e.target.value as CaseSeverity })}
          data-test-subj="caseSeveritySelect"
        />
      </EuiFormRow>
      <EuiFormRow label="Assignees" fullWidth>
        <NameListInput
          noun="assignees"
          values={shownValue(c, editor.draft, 'assignees')}
          maxLength={CASE_LIMITS.assigneeLength}
          isDisabled={!editor.canSave}
          onChange={(assignees) => change({ assignees })}
          data-test-subj="caseAssignees"
        />
      </EuiFormRow>
      <EuiFormRow label="Tags" fullWidth>
        <NameListInput noun="tags" values={shownValue(c, editor.draft, 'tags')} maxLength={CASE_LIMITS.tagLength} isDisabled={!editor.canSave} onChange={(tags) => change({ tags })} data-test-subj="caseTags" />
      </EuiFormRow>
      <EuiSpacer size="m" />
      <EuiDescriptionList
        compressed
        type="column"
        listItems={[
          { title: 'Evidence', description: `${c.attachments.length}` },
          { title: 'Comments', description: `${c.comments.length}` },
        ]}
      />
      {closing && (
        <CloseCaseModal
          initial={closing === 'reason' ? c.closeReason : undefined}
          confirmLabel={closing === 'close' ? 'Close case' : 'Change reason'}
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
