import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiConfirmModal,
  EuiContextMenu,
  EuiContextMenuPanelDescriptor,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiPopover,
} from '@elastic/eui';
import { CASE_LIMITS, CASE_SEVERITIES, CASE_STATUSES, CaseSummary, CloseReason } from '../../common/case_types';
import { BulkCaseAction, BulkCasesResponse, CASE_TEMPLATE_LIMITS } from '../../common/case_template_types';
import { SEVERITY_LABELS, STATUS_LABELS } from '../shared/case_labels';
import { plural } from '../shared/format';
import { useAppServices } from '../services/app_services';
import { errorMessage } from '../services/http_error';
import { CloseCaseModal } from './close_case_modal';
import { NameListInput } from './name_list_input';

type ListAction = { type: 'tag' | 'assignee'; mode: 'add' | 'remove' };

/**
 * Bulk actions on the selected cases (at most CASE_TEMPLATE_LIMITS.bulkCases): status, severity,
 * assignee, tag, delete. Each case is changed on its own; the ones that failed are listed with why.
 */
export function CasesBulkActions({ selected, onDone }: { selected: CaseSummary[]; onDone(): void }) {
  const { api, core } = useAppServices();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [listAction, setListAction] = useState<ListAction | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [result, setResult] = useState<{ response: BulkCasesResponse; titles: Record<string, string> } | null>(null);
  const tooMany = selected.length > CASE_TEMPLATE_LIMITS.bulkCases;

  const run = async (action: BulkCaseAction) => {
    setOpen(false);
    setBusy(true);
    try {
      const response = await api.bulkCases({ ids: selected.map((c) => c.id), action });
      setResult({ response, titles: Object.fromEntries(selected.map((c) => [c.id, c.title])) });
      if (response.failed === 0) core.notifications.toasts.addSuccess({ title: `${plural(response.succeeded, 'case')} changed` });
    } catch (e) {
      core.notifications.toasts.addDanger({ title: 'The bulk action failed', text: errorMessage(e) });
    } finally {
      setBusy(false);
      onDone();
    }
  };

  const panels: EuiContextMenuPanelDescriptor[] = [
    {
      id: 0,
      items: [
        { name: 'Status', panel: 1, 'data-test-subj': 'bulkStatus' },
        { name: 'Severity', panel: 2, 'data-test-subj': 'bulkSeverity' },
        { name: 'Add assignees…', onClick: () => (setOpen(false), setListAction({ type: 'assignee', mode: 'add' })), 'data-test-subj': 'bulkAddAssignees' },
        { name: 'Remove assignees…', onClick: () => (setOpen(false), setListAction({ type: 'assignee', mode: 'remove' })) },
        { name: 'Add tags…', onClick: () => (setOpen(false), setListAction({ type: 'tag', mode: 'add' })), 'data-test-subj': 'bulkAddTags' },
        { name: 'Remove tags…', onClick: () => (setOpen(false), setListAction({ type: 'tag', mode: 'remove' })) },
        { name: 'Delete', icon: 'trash', onClick: () => (setOpen(false), setDeleting(true)), 'data-test-subj': 'bulkDelete' },
      ],
    },
    {
      id: 1,
      title: 'Status',
      items: CASE_STATUSES.map((status) => ({
        name: STATUS_LABELS[status],
        'data-test-subj': `bulkStatus-${status}`,
        onClick: () => (status === 'closed' ? (setOpen(false), setClosing(true)) : void run({ type: 'status', status })),
      })),
    },
    {
      id: 2,
      title: 'Severity',
      items: CASE_SEVERITIES.map((severity) => ({ name: SEVERITY_LABELS[severity], 'data-test-subj': `bulkSeverity-${severity}`, onClick: () => void run({ type: 'severity', severity }) })),
    },
  ];

  const failures = result?.response.results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok) ?? [];
  return (
    <>
      <EuiPopover
        isOpen={open}
        closePopover={() => setOpen(false)}
        panelPaddingSize="none"
        anchorPosition="downLeft"
        button={
          <EuiButton
            size="s"
            iconType="arrowDown"
            iconSide="right"
            isDisabled={selected.length === 0 || tooMany || busy}
            isLoading={busy}
            onClick={() => setOpen((o) => !o)}
            data-test-subj="casesBulkActions"
          >
            {tooMany ? `At most ${CASE_TEMPLATE_LIMITS.bulkCases} cases at once` : `Bulk actions (${selected.length})`}
          </EuiButton>
        }
      >
        <EuiContextMenu initialPanelId={0} panels={panels} />
      </EuiPopover>
      {failures.length > 0 && (
        <EuiCallOut
          size="s"
          color="warning"
          iconType="alert"
          title={`${plural(result!.response.succeeded, 'case')} changed, ${plural(failures.length, 'case')} not`}
          data-test-subj="casesBulkFailures"
          style={{ marginTop: 8 }}
        >
          <ul>
            {failures.map((f) => (
              <li key={f.id}>
                <strong>{result!.titles[f.id] ?? f.id}</strong>: {f.message}
              </li>
            ))}
          </ul>
          <EuiButtonEmpty size="xs" onClick={() => setResult(null)}>
            Dismiss
          </EuiButtonEmpty>
        </EuiCallOut>
      )}
      {closing && (
        <CloseCaseModal
          confirmLabel={`Close ${plural(selected.length, 'case')}`}
          onCancel={() => setClosing(false)}
          onConfirm={(closeReason: CloseReason) => {
            setClosing(false);
            void run({ type: 'status', status: 'closed', closeReason });
          }}
        />
      )}
      {deleting && (
        <EuiConfirmModal
          title={`Delete ${plural(selected.length, 'case')}?`}
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void run({ type: 'delete' });
          }}
          cancelButtonText="Cancel"
          confirmButtonText="Delete"
          buttonColor="danger"
          data-test-subj="bulkDeleteConfirm"
        >
          <p>The cases, their comments and evidence references are deleted. The source documents are not touched.</p>
        </EuiConfirmModal>
      )}
      {listAction && (
        <EuiModal onClose={() => setListAction(null)} style={{ width: 480 }} data-test-subj="bulkListModal">
          <EuiModalHeader>
            <EuiModalHeaderTitle>
              <h2>
                {listAction.mode === 'add' ? 'Add' : 'Remove'} {listAction.type === 'tag' ? 'tags' : 'assignees'}
              </h2>
            </EuiModalHeaderTitle>
          </EuiModalHeader>
          <EuiModalBody>
            <EuiFormRow label={listAction.type === 'tag' ? 'Tags' : 'Assignees'} fullWidth>
              <NameListInput
                noun={listAction.type === 'tag' ? 'tags' : 'assignees'}
                values={names}
                maxLength={listAction.type === 'tag' ? CASE_LIMITS.tagLength : CASE_LIMITS.assigneeLength}
                onChange={setNames}
                data-test-subj="bulkNames"
              />
            </EuiFormRow>
          </EuiModalBody>
          <EuiModalFooter>
            <EuiButtonEmpty onClick={() => setListAction(null)}>Cancel</EuiButtonEmpty>
            <EuiButton
              fill
              isDisabled={names.length === 0}
              onClick={() => {
                const action = { type: listAction.type, add: listAction.mode === 'add' ? names : [], remove: listAction.mode === 'remove' ? names : [] };
                setListAction(null);
                setNames([]);
                void run(action);
              }}
              data-test-subj="bulkNamesApply"
            >
              Apply to {plural(selected.length, 'case')}
            </EuiButton>
          </EuiModalFooter>
        </EuiModal>
      )}
    </>
  );
}
