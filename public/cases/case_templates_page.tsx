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
  useBreadcrumbs([{ text: 'Cases', path: '/cases' }, { text: 'Templates' }]);
  const [changes, setChanges] = useState(0);
  const [editing, setEditing] = useState<CaseTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CaseTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const { data, loading, error } = useRequest(String(changes), (signal) => api.caseTemplates(undefined, signal), 'Could not load the case templates');

  const save = async (body: CaseTemplateBody) => {
    setBusy(true);
    try {
      const saved = editing && editing !== 'new' ? await api.updateCaseTemplate(editing.id, body, editing.version) : await api.createCaseTemplate(body);
      core.notifications.toasts.addSuccess({ title: `Template "${saved.name}" saved` });
      setEditing(null);
      setChanges((n) => n + 1);
    } catch (e) {
      core.notifications.toasts.addDanger({ title: 'Could not save the template', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (t: CaseTemplate) => {
    setDeleting(null);
    try {
      await api.deleteCaseTemplate(t.id);
      core.notifications.toasts.addSuccess({ title: `Template "${t.name}" deleted` });
    } catch (e) {
      core.notifications.toasts.addDanger({ title: 'Could not delete the template', text: errorMessage(e) });
    }
    setChanges((n) => n + 1);
  };

  return (
    <EuiPage>
      <EuiPageBody data-test-subj="caseTemplatesPage">
        <EuiPageHeader
          pageTitle="Case templates"
          description="Defaults, a task checklist and the fields required to close, for cases of a kind; matched to GuardDuty finding types."
          rightSideItems={
            canSave
              ? [
                  <EuiButton key="new" fill iconType="plusInCircle" onClick={() => setEditing('new')} data-test-subj="newCaseTemplate">
                    New template
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
                'Loading templates…'
              ) : (
                <EuiEmptyPrompt iconType="documents" title={<h3>No templates yet</h3>} body={<p>A template gives new cases a checklist and the fields an analyst must fill in to close them.</p>} />
              )
            }
            rowProps={(t: CaseTemplate) => ({ 'data-template-id': t.id })}
            columns={[
              {
                field: 'name',
                name: 'Template',
                render: (name: string, t: CaseTemplate) => (
                  <div>
                    <strong>{name}</strong>
                    {t.damaged && (
                      <EuiText size="xs" color="danger">
                        <p>Damaged: {t.damaged}</p>
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
                name: 'Finding types',
                render: (types: string[]) => (types.length ? types.map((p) => <EuiBadge key={p} color="hollow">{p}</EuiBadge>) : '—'),
              },
              { field: 'tasks', name: 'Tasks', width: '80px', align: 'right', render: (tasks: unknown[]) => tasks.length },
              { field: 'closeFields', name: 'Close fields', width: '110px', align: 'right', render: (fields: unknown[]) => fields.length },
              ...(canSave
                ? [
                    {
                      name: 'Actions',
                      width: '100px',
                      render: (t: CaseTemplate) => (
                        <>
                          <EuiButtonIcon iconType="pencil" aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)} data-test-subj="editCaseTemplate" />
                          <EuiButtonIcon iconType="trash" color="danger" aria-label={`Delete ${t.name}`} onClick={() => setDeleting(t)} data-test-subj="deleteCaseTemplate" />
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
            title={`Delete template "${deleting.name}"?`}
            onCancel={() => setDeleting(null)}
            onConfirm={() => void remove(deleting)}
            cancelButtonText="Cancel"
            confirmButtonText="Delete"
            buttonColor="danger"
            data-test-subj="deleteCaseTemplateConfirm"
          >
            <p>Cases already made from it keep their tasks and close fields.</p>
          </EuiConfirmModal>
        )}
      </EuiPageBody>
    </EuiPage>
  );
}
