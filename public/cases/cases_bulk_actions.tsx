import { i18n } from '@osd/i18n';
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
      if (response.failed === 0) core.notifications.toasts.addSuccess({
          title: i18n.translate('siemInvestigations.cases.bulk.done', { defaultMessage: '{count, plural, one {# case} other {# cases}} changed', values: { count: response.succeeded } }),
        });
    } catch (e) {
      core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.bulk.failed', { defaultMessage: 'The bulk action failed' }), text: errorMessage(e) });
    } finally {
      setBusy(false);
      onDone();
    }
  };

  const panels: EuiContextMenuPanelDescriptor[] = [
    {
      id: 0,
      items: [
        { name: i18n.translate('siemInvestigations.cases.bulk.status', { defaultMessage: 'Status' }), panel: 1, 'data-test-subj': 'bulkStatus' },
        { name: i18n.translate('siemInvestigations.cases.bulk.severity', { defaultMessage: 'Severity' }), panel: 2, 'data-test-subj': 'bulkSeverity' },
        { name: i18n.translate('siemInvestigations.cases.bulk.addAssignees', { defaultMessage: 'Add assignees…' }), onClick: () => (setOpen(false), setListAction({ type: 'assignee', mode: 'add' })), 'data-test-subj': 'bulkAddAssignees' },
        { name: i18n.translate('siemInvestigations.cases.bulk.removeAssignees', { defaultMessage: 'Remove assignees…' }), onClick: () => (setOpen(false), setListAction({ type: 'assignee', mode: 'remove' })) },
        { name: i18n.translate('siemInvestigations.cases.bulk.addTags', { defaultMessage: 'Add tags…' }), onClick: () => (setOpen(false), setListAction({ type: 'tag', mode: 'add' })), 'data-test-subj': 'bulkAddTags' },
        { name: i18n.translate('siemInvestigations.cases.bulk.removeTags', { defaultMessage: 'Remove tags…' }), onClick: () => (setOpen(false), setListAction({ type: 'tag', mode: 'remove' })) },
        { name: i18n.translate('siemInvestigations.cases.bulk.delete', { defaultMessage: 'Delete' }), icon: 'trash', onClick: () => (setOpen(false), setDeleting(true)), 'data-test-subj': 'bulkDelete' },
      ],
    },
    {
      id: 1,
      title: i18n.translate('siemInvestigations.cases.bulk.status', { defaultMessage: 'Status' }),
      items: CASE_STATUSES.map((status) => ({
        name: STATUS_LABELS[status],
        'data-test-subj': `bulkStatus-${status}`,
        onClick: () => (status === 'closed' ? (setOpen(false), setClosing(true)) : void run({ type: 'status', status })),
      })),
    },
    {
      id: 2,
      title: i18n.translate('siemInvestigations.cases.bulk.severity', { defaultMessage: 'Severity' }),
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
            {tooMany
              ? i18n.translate('siemInvestigations.cases.bulk.tooMany', { defaultMessage: 'At most {limit} cases at once', values: { limit: CASE_TEMPLATE_LIMITS.bulkCases } })
              : i18n.translate('siemInvestigations.cases.bulk.button', { defaultMessage: 'Bulk actions ({count})', values: { count: selected.length } })}
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
          title={i18n.translate('siemInvestigations.cases.bulk.partial', {
            defaultMessage: '{succeeded, plural, one {# case} other {# cases}} changed, {failed, plural, one {# case} other {# cases}} not',
            values: { succeeded: result!.response.succeeded, failed: failures.length },
          })}
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
            {i18n.translate('siemInvestigations.cases.bulk.dismiss', { defaultMessage: 'Dismiss' })}
          </EuiButtonEmpty>
        </EuiCallOut>
      )}
      {closing && (
        <CloseCaseModal
          confirmLabel={i18n.translate('siemInvestigations.cases.bulk.close', { defaultMessage: 'Close {count, plural, one {# case} other {# cases}}', values: { count: selected.length } })}
          onCancel={() => setClosing(false)}
          onConfirm={(closeReason: CloseReason) => {
            setClosing(false);
            void run({ type: 'status', status: 'closed', closeReason });
          }}
        />
      )}
      {deleting && (
        <EuiConfirmModal
          title={i18n.translate('siemInvestigations.cases.bulk.deleteTitle', { defaultMessage: 'Delete {count, plural, one {# case} other {# cases}}?', values: { count: selected.length } })}
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void run({ type: 'delete' });
          }}
          cancelButtonText={i18n.translate('siemInvestigations.cases.bulk.cancel', { defaultMessage: 'Cancel' })}
          confirmButtonText={i18n.translate('siemInvestigations.cases.bulk.delete', { defaultMessage: 'Delete' })}
          buttonColor="danger"
          data-test-subj="bulkDeleteConfirm"
        >
          <p>{i18n.translate('siemInvestigations.cases.bulk.deleteBody', { defaultMessage: 'The cases, their comments and evidence references are deleted. The source documents are not touched.' })}</p>
        </EuiConfirmModal>
      )}
      {listAction && (
        <EuiModal onClose={() => setListAction(null)} style={{ width: 480 }} data-test-subj="bulkListModal">
          <EuiModalHeader>
            <EuiModalHeaderTitle>
              <h2>
                {i18n.translate('siemInvestigations.cases.bulk.listTitle', { defaultMessage: '{mode, select, add {Add} other {Remove}} {type, select, tag {tags} other {assignees}}', values: { mode: listAction.mode, type: listAction.type } })}
              </h2>
            </EuiModalHeaderTitle>
          </EuiModalHeader>
          <EuiModalBody>
            <EuiFormRow label={listAction.type === 'tag' ? i18n.translate('siemInvestigations.cases.bulk.tags', { defaultMessage: 'Tags' }) : i18n.translate('siemInvestigations.cases.bulk.assignees', { defaultMessage: 'Assignees' })} fullWidth>
              <NameListInput
                noun={listAction.type === 'tag' ? i18n.translate('siemInvestigations.cases.details.tagsNoun', { defaultMessage: 'tags' }) : i18n.translate('siemInvestigations.cases.details.assigneesNoun', { defaultMessage: 'assignees' })}
                values={names}
                maxLength={listAction.type === 'tag' ? CASE_LIMITS.tagLength : CASE_LIMITS.assigneeLength}
                onChange={setNames}
                data-test-subj="bulkNames"
              />
            </EuiFormRow>
          </EuiModalBody>
          <EuiModalFooter>
            <EuiButtonEmpty onClick={() => setListAction(null)}>{i18n.translate('siemInvestigations.cases.bulk.cancel', { defaultMessage: 'Cancel' })}</EuiButtonEmpty>
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
              {i18n.translate('siemInvestigations.cases.bulk.apply', { defaultMessage: 'Apply to {count, plural, one {# case} other {# cases}}', values: { count: selected.length } })}
            </EuiButton>
          </EuiModalFooter>
        </EuiModal>
      )}
    </>
  );
}
