import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiFieldText,
  EuiForm,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiSelect,
  EuiTextArea,
} from '@elastic/eui';
import { Case, CASE_LIMITS, CaseSeverity, DEFAULT_CASE_SEVERITY } from '../../common/case_types';
import { SEVERITY_OPTIONS } from '../shared/case_labels';
import { useAppServices } from '../services/app_services';
import { errorMessage } from '../services/http_error';
import { NameListInput } from './name_list_input';
import { TemplateSelect } from './template_select';
import { CaseTemplate } from '../../common/case_template_types';
import { i18n } from '@osd/i18n';

/** An empty case, from the cases list. */
export function CreateCaseModal({ onClose, onCreated }: { onClose(): void; onCreated(c: Case): void }) {
  const { api, core } = useAppServices();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<CaseSeverity>(DEFAULT_CASE_SEVERITY);
  const [tags, setTags] = useState<string[]>([]);
  const [assignees, setAssignees] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // undefined: never chosen (the server applies none); null: "No template" picked.
  const [template, setTemplate] = useState<CaseTemplate | null | undefined>(undefined);
  const pickTemplate = (t: CaseTemplate | null) => {
    setTemplate(t);
    if (t?.title) setTitle(t.title);
    if (t?.severity) setSeverity(t.severity);
  };

  const create = async () => {
    setBusy(true);
    try {
      // The server adds the template's tags, tasks and close fields.
      const c = await api.createCase({ title: title.trim(), description, severity, tags, assignees, ...(template !== undefined ? { templateId: template?.id ?? null } : {}) });
      core.notifications.toasts.addSuccess({ title: i18n.translate('siemInvestigations.cases.create.created', { defaultMessage: 'Case "{title}" created', values: { title: c.title } }) });
      onCreated(c);
    } catch (e) {
      core.notifications.toasts.addDanger({ title: i18n.translate('siemInvestigations.cases.createCaseModal.couldNotCreateThe', { defaultMessage: 'Could not create the case' }), text: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <EuiModal onClose={onClose} style={{ width: 640 }} data-test-subj="createCaseModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          <h2>{i18n.translate('siemInvestigations.cases.createCaseModal.createCase', { defaultMessage: 'Create case' })}</h2>
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiForm
          component="form"
          id="createCaseForm"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) void create();
          }}
        >
          <TemplateSelect onChange={pickTemplate} />
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.createCaseModal.title', { defaultMessage: 'Title' })} fullWidth helpText={i18n.translate('siemInvestigations.cases.create.titleHelp', { defaultMessage: 'Up to {max, number} characters.', values: { max: CASE_LIMITS.titleLength } })}>
            <EuiFieldText fullWidth autoFocus value={title} maxLength={CASE_LIMITS.titleLength} onChange={(e) => setTitle(e.target.value)} data-test-subj="createCaseTitle" />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.createCaseModal.description', { defaultMessage: 'Description' })} fullWidth helpText="Markdown.">
            <EuiTextArea fullWidth rows={5} value={description} maxLength={CASE_LIMITS.descriptionLength} onChange={(e) => setDescription(e.target.value)} data-test-subj="createCaseDescription" />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.createCaseModal.severity', { defaultMessage: 'Severity' })} fullWidth>
            <EuiSelect
              fullWidth
              options={SEVERITY_OPTIONS}
              value={severity}
              onChange={(e) => setSeverity(e.target.value as CaseSeverity)}
              data-test-subj="createCaseSeverity"
            />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.createCaseModal.tags', { defaultMessage: 'Tags' })} fullWidth>
            <NameListInput noun={i18n.translate('siemInvestigations.cases.create.tagsNoun', { defaultMessage: 'tags' })} values={tags} maxLength={CASE_LIMITS.tagLength} onChange={setTags} data-test-subj="createCaseTags" />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.createCaseModal.assignees', { defaultMessage: 'Assignees' })} fullWidth>
            <NameListInput noun={i18n.translate('siemInvestigations.cases.create.assigneesNoun', { defaultMessage: 'assignees' })} values={assignees} maxLength={CASE_LIMITS.assigneeLength} onChange={setAssignees} data-test-subj="createCaseAssignees" />
          </EuiFormRow>
        </EuiForm>
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onClose}>{i18n.translate('siemInvestigations.cases.createCaseModal.cancel', { defaultMessage: 'Cancel' })}</EuiButtonEmpty>
        <EuiButton fill type="submit" form="createCaseForm" isDisabled={!title.trim() || busy} isLoading={busy} data-test-subj="createCaseSubmit">
          {i18n.translate('siemInvestigations.cases.createCaseModal.createCase2', { defaultMessage: 'Create case' })}</EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}
