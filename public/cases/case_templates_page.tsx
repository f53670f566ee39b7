import { i18n } from '@osd/i18n';
import React, { useState } from 'react';
import { EuiBadge, EuiBasicTable, EuiButton, EuiButtonIcon, EuiConfirmModal, EuiEmptyPrompt, EuiPage, EuiPageBody, EuiPageHeader, EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import { CaseTemplate, CaseTemplateBody } from '../../common/case_template_types';
import { useCanSaveCases } from '../shared/capabilities';
import { useBreadcrumbs } from '../shared/use_breadcrumbs';
import { useRequest } from '../shared/use_request';
import { useAppServices } from '../services/app_services';
import { errorMessage } from '../services/http_error';
import { CaseTemplateForm } from './case_template_form';

/** Case templates of the tenant: list, create, edit, delete. */
export function CaseTemplatesPage() {
  const { api, core } = useAppServices();
  const canSave = useCanSaveCases();
  useBreadcrumbs([{ text: i18n.translate('siemInvestigations.cases.caseTemplatesPage.cases', { defaultMessage: 'Cases' }), path: '/cases' }, { text: i18n.translate('siemInvestigations.cases.caseTemplatesPage.templates', { defaultMessage: 'Templates' }) }]);
  const [changes, setChanges] = useState(0);
  const [editing, setEditing] = useState<CaseTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CaseTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const { data, loading, error } = useRequest(String(changes), (signal) => api.caseTemplates(undefined, signal), i18n.translate('siemInvestigations.cases.templates.loadError', { defaultMessage: 'Could not load the case templates' }));

  const save = async (body: CaseTemplateBody) => {
    setBusy(true);
    try {
      const saved = editing && editing !== 'new' ? await api.updateCaseTemplate(editing.id, body, editing.version) : await api.createCaseTemplate(body);
      core.notifications.toasts.addSuccess({ title: i18n.translate('siemInvestigations.cases.templates.saved', { defaultMessage: 'Template "{name}" saved', values: { name: saved.name } }) });
      setEditing(null);
      setChanges((n) => n + 1);
    } catch (e) {
      core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.templates.saveError', { defaultMessage: 'Could not save the template' }), text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (t: CaseTemplate) => {
    setDeleting(null);
    try {
      await api.deleteCaseTemplate(t.id);
      core.notifications.toasts.addSuccess({ title: i18n.translate('siemInvestigations.cases.templates.deleted', { defaultMessage: 'Template "{name}" deleted', values: { name: t.name } }) });
    } catch (e) {
      core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.templates.deleteError', { defaultMessage: 'Could not delete the template' }), text: errorMessage(e) });
    }
    setChanges((n) => n + 1);
  };

  return (
    <EuiPage>
      <EuiPageBody data-test-subj="caseTemplatesPage">
        <EuiPageHeader
          pageTitle={i18n.translate('siemInvestigations.cases.templates.pageTitle', { defaultMessage: 'Case templates' })}
          description={i18n.translate('siemInvestigations.cases.templates.pageDescription', { defaultMessage: 'Defaults, a task checklist and the fields required to close, for cases of a kind; matched to GuardDuty finding types.' })}
          rightSideItems={
            canSave
              ? [
                  <EuiButton key="new" fill iconType="plusInCircle" onClick={() => setEditing('new')} data-test-subj="newCaseTemplate">
                    {i18n.translate('siemInvestigations.cases.templates.new', { defaultMessage: 'New template' })}
                  </EuiButton>,
                ]
              : []
          }
        />
        <EuiSpacer size="l" />
        <EuiPanel paddingSize="m">
          <EuiBasicTable<CaseTemplate>
            data-test-subj="caseTemplatesTable"
            items={data?.templates ?? []}
            loading={loading}
            noItemsMessage={
              error ? (
                error
              ) : loading ? (
                i18n.translate('siemInvestigations.cases.templates.loading', { defaultMessage: 'Loading templates…' })
              ) : (
                <EuiEmptyPrompt iconType="documents" title={<h3>{i18n.translate('siemInvestigations.cases.templates.emptyTitle', { defaultMessage: 'No templates yet' })}</h3>}
                  body={<p>{i18n.translate('siemInvestigations.cases.templates.emptyBody', { defaultMessage: 'A template gives new cases a checklist and the fields an analyst must fill in to close them.' })}</p>} />
              )
            }
            rowProps={(t: CaseTemplate) => ({ 'data-template-id': t.id })}
            columns={[
              {
                field: 'name',
                name: i18n.translate('siemInvestigations.cases.templates.column.template', { defaultMessage: 'Template' }),
                render: (name: string, t: CaseTemplate) => (
                  <div>
                    <strong>{name}</strong>
                    {t.damaged && (
                      <EuiText size="xs" color="danger">
                        <p>{i18n.translate('siemInvestigations.cases.templates.damaged', { defaultMessage: 'Damaged: {problem}', values: { problem: t.damaged } })}</p>
                      </EuiText>
                    )}
                    {t.description && (
                      <EuiText size="xs" color="subdued">
                        <p>{t.description}</p>
                      </EuiText>
                    )}
                  </div>
                ),
              },
              {
                field: 'findingTypes',
                name: i18n.translate('siemInvestigations.cases.templates.column.findingTypes', { defaultMessage: 'Finding types' }),
                render: (types: string[]) => (types.length ? types.map((p) => <EuiBadge key={p} color="hollow">{p}</EuiBadge>) : '—'),
              },
              { field: 'tasks', name: i18n.translate('siemInvestigations.cases.templates.column.tasks', { defaultMessage: 'Tasks' }), width: '80px', align: 'right', render: (tasks: unknown[]) => tasks.length },
              { field: 'closeFields', name: i18n.translate('siemInvestigations.cases.templates.column.closeFields', { defaultMessage: 'Close fields' }), width: '110px', align: 'right', render: (fields: unknown[]) => fields.length },
              ...(canSave
                ? [
                    {
                      name: i18n.translate('siemInvestigations.cases.templates.column.actions', { defaultMessage: 'Actions' }),
                      width: '100px',
                      render: (t: CaseTemplate) => (
                        <>
                          <EuiButtonIcon iconType="pencil" aria-label={i18n.translate('siemInvestigations.cases.templates.edit', { defaultMessage: 'Edit {name}', values: { name: t.name } })} onClick={() => setEditing(t)} data-test-subj="editCaseTemplate" />
                          <EuiButtonIcon iconType="trash" color="danger" aria-label={i18n.translate('siemInvestigations.cases.templates.deleteNamed', { defaultMessage: 'Delete {name}', values: { name: t.name } })} onClick={() => setDeleting(t)} data-test-subj="deleteCaseTemplate" />
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </EuiPanel>
        {editing && <CaseTemplateForm template={editing === 'new' ? undefined : editing} busy={busy} onSave={(b) => void save(b)} onClose={() => setEditing(null)} />}
        {deleting && (
          <EuiConfirmModal
            title={i18n.translate('siemInvestigations.cases.templates.deleteTitle', { defaultMessage: 'Delete template "{name}"?', values: { name: deleting.name } })}
            onCancel={() => setDeleting(null)}
            onConfirm={() => void remove(deleting)}
            cancelButtonText={i18n.translate('siemInvestigations.cases.templates.cancel', { defaultMessage: 'Cancel' })}
            confirmButtonText={i18n.translate('siemInvestigations.cases.templates.delete', { defaultMessage: 'Delete' })}
            buttonColor="danger"
            data-test-subj="deleteCaseTemplateConfirm"
          >
            <p>{i18n.translate('siemInvestigations.cases.templates.deleteBody', { defaultMessage: 'Cases already made from it keep their tasks and close fields.' })}</p>
          </EuiConfirmModal>
        )}
      </EuiPageBody>
    </EuiPage>
  );
}
