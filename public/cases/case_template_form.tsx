import { i18n } from '@osd/i18n';
import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiButtonIcon,
  EuiFieldNumber,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiSelect,
  EuiSpacer,
  EuiTextArea,
  EuiTitle,
} from '@elastic/eui';
import { CASE_LIMITS, CaseSeverity } from '../../common/case_types';
import { CASE_TEMPLATE_LIMITS, CaseTemplate, CaseTemplateBody, CLOSE_FIELD_TYPES, CloseFieldDefinition, CloseFieldType } from '../../common/case_template_types';
import { SEVERITY_OPTIONS } from '../shared/case_labels';
import { NameListInput } from './name_list_input';

const TYPE_LABELS: Record<CloseFieldType, string> = {
  select: i18n.translate('siemInvestigations.cases.templateForm.type.select', { defaultMessage: 'Choice' }),
  boolean: i18n.translate('siemInvestigations.cases.templateForm.type.boolean', { defaultMessage: 'Yes / no' }),
  text: i18n.translate('siemInvestigations.cases.templateForm.type.text', { defaultMessage: 'Text' }),
};

export const EMPTY_TEMPLATE: CaseTemplateBody = { name: '', description: '', title: '', tags: [], tasks: [], closeFields: [], findingTypes: [] };

/** A field's key from its label: letters and digits, camel-cased (the server checks it). */
export function keyFromLabel(label: string, taken: readonly string[]): string {
  const words = label.replace(/[^A-Za-z0-9 ]/g, ' ').trim().split(/\s+/).filter(Boolean);
  let key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('') || 'field';
  if (!/^[A-Za-z]/.test(key)) key = `f${key}`;
  key = key.slice(0, CASE_TEMPLATE_LIMITS.fieldKeyLength - 3);
  let unique = key;
  for (let i = 2; taken.includes(unique); i++) unique = `${key}${i}`;
  return unique;
}

function fieldOfType(f: CloseFieldDefinition, type: CloseFieldType): CloseFieldDefinition {
  const base = { key: f.key, label: f.label };
  if (type === 'select') return { ...base, type, options: f.type === 'select' ? f.options : ['Yes', 'No'] };
  if (type === 'text') return { ...base, type, minLength: 1, maxLength: 500 };
  return { ...base, type };
}

/** Create or edit a template: defaults, task checklist, required close fields, finding types. */
export function CaseTemplateForm({
  template,
  busy,
  onSave,
  onClose,
}: {
  template?: CaseTemplate;
  busy: boolean;
  onSave(body: CaseTemplateBody): void;
  onClose(): void;
}) {
  const [body, setBody] = useState<CaseTemplateBody>(() => {
    if (!template) return EMPTY_TEMPLATE;
    const { id: _i, version: _v, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, damaged: _d, ...rest } = template;
    return rest;
  });
  const set = (change: Partial<CaseTemplateBody>) => setBody((b) => ({ ...b, ...change }));
  const setField = (i: number, f: CloseFieldDefinition) => set({ closeFields: body.closeFields.map((x, j) => (j === i ? f : x)) });
  const valid = body.name.trim() !== '' && body.tasks.every((t) => t.title.trim()) && body.closeFields.every((f) => f.label.trim() && (f.type !== 'select' || f.options.length >= 2));

  return (
    <EuiFlyout onClose={onClose} size="m" ownFocus data-test-subj="caseTemplateForm">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2>
            {template
              ? i18n.translate('siemInvestigations.cases.templateForm.editTitle', { defaultMessage: 'Edit template "{name}"', values: { name: template.name } })
              : i18n.translate('siemInvestigations.cases.templateForm.newTitle', { defaultMessage: 'New case template' })}
          </h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiForm component="form" id="caseTemplateForm" onSubmit={(e) => (e.preventDefault(), valid && onSave(body))}>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.templateForm.name', { defaultMessage: 'Name' })} fullWidth>
            <EuiFieldText fullWidth value={body.name} maxLength={CASE_TEMPLATE_LIMITS.nameLength} onChange={(e) => set({ name: e.target.value })} data-test-subj="templateName" />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.templateForm.description', { defaultMessage: 'Description' })} fullWidth>
            <EuiTextArea fullWidth rows={2} value={body.description} maxLength={CASE_TEMPLATE_LIMITS.descriptionLength} onChange={(e) => set({ description: e.target.value })} />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.templateForm.title', { defaultMessage: 'Default case title' })} fullWidth>
            <EuiFieldText fullWidth value={body.title} maxLength={CASE_LIMITS.titleLength} onChange={(e) => set({ title: e.target.value })} data-test-subj="templateTitle" />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.templateForm.severity', { defaultMessage: 'Default severity' })} fullWidth>
            <EuiSelect
              fullWidth
              options={[{ value: '', text: i18n.translate('siemInvestigations.cases.templateForm.severityNone', { defaultMessage: 'As chosen when creating' }) }, ...SEVERITY_OPTIONS]}
              value={body.severity ?? ''}
              onChange={(e) => set({ severity: (e.target.value || undefined) as CaseSeverity | undefined })}
              data-test-subj="templateSeverity"
            />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.cases.templateForm.tags', { defaultMessage: 'Tags' })} fullWidth>
            <NameListInput noun={i18n.translate('siemInvestigations.cases.caseTemplateForm.tags2', { defaultMessage: 'tags' })} values={body.tags} maxLength={CASE_LIMITS.tagLength} onChange={(tags) => set({ tags })} />
          </EuiFormRow>
          <EuiFormRow
            label={i18n.translate('siemInvestigations.cases.templateForm.findingTypes', { defaultMessage: 'GuardDuty finding types' })}
            fullWidth
            helpText={i18n.translate('siemInvestigations.cases.templateForm.findingTypesHelp', { defaultMessage: 'A case created from a finding of one of these types starts from this template. * matches any characters, e.g. UnauthorizedAccess:IAMUser/*' })}
          >
            <NameListInput noun={i18n.translate('siemInvestigations.cases.caseTemplateForm.findingTypes', { defaultMessage: 'finding types' })} values={body.findingTypes} maxLength={CASE_TEMPLATE_LIMITS.findingTypeLength} onChange={(findingTypes) => set({ findingTypes })} data-test-subj="templateFindingTypes" />
          </EuiFormRow>

          <EuiSpacer size="m" />
          <EuiTitle size="xs">
            <h3>{i18n.translate('siemInvestigations.cases.templateForm.tasks', { defaultMessage: 'Tasks' })}</h3>
          </EuiTitle>
          <EuiSpacer size="s" />
          {body.tasks.map((t, i) => (
            <EuiFlexGroup key={i} gutterSize="s" responsive={false} data-test-subj="templateTask">
              <EuiFlexItem grow={3}>
                <EuiFieldText
                  compressed
                  aria-label={i18n.translate('siemInvestigations.cases.templateForm.task', { defaultMessage: 'Task {n}', values: { n: i + 1 } })}
                  placeholder={i18n.translate('siemInvestigations.cases.templateForm.taskPlaceholder', { defaultMessage: 'Task' })}
                  value={t.title}
                  maxLength={CASE_TEMPLATE_LIMITS.taskTitleLength}
                  onChange={(e) => set({ tasks: body.tasks.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)) })}
                  data-test-subj="templateTaskTitle"
                />
              </EuiFlexItem>
              <EuiFlexItem grow={1}>
                <EuiFieldText
                  compressed
                  aria-label={i18n.translate('siemInvestigations.cases.templateForm.taskAssignee', { defaultMessage: 'Assignee of task {n}', values: { n: i + 1 } })}
                  placeholder={i18n.translate('siemInvestigations.cases.templateForm.assigneePlaceholder', { defaultMessage: 'Assignee' })}
                  value={t.assignee ?? ''}
                  maxLength={CASE_LIMITS.assigneeLength}
                  onChange={(e) => set({ tasks: body.tasks.map((x, j) => (j === i ? { title: x.title, ...(e.target.value ? { assignee: e.target.value } : {}) } : x)) })}
                />
              </EuiFlexItem>
              <EuiFlexItem grow={false}>
                <EuiButtonIcon iconType="trash" color="danger" aria-label={i18n.translate('siemInvestigations.cases.templateForm.removeTask', { defaultMessage: 'Remove task {n}', values: { n: i + 1 } })} onClick={() => set({ tasks: body.tasks.filter((_, j) => j !== i) })} />
              </EuiFlexItem>
            </EuiFlexGroup>
          ))}
          <EuiButtonEmpty size="s" iconType="plusInCircle" isDisabled={body.tasks.length >= CASE_TEMPLATE_LIMITS.tasks} onClick={() => set({ tasks: [...body.tasks, { title: '' }] })} data-test-subj="templateAddTask">
            {i18n.translate('siemInvestigations.cases.templateForm.addTask', { defaultMessage: 'Add task' })}
          </EuiButtonEmpty>

          <EuiSpacer size="m" />
          <EuiTitle size="xs">
            <h3>{i18n.translate('siemInvestigations.cases.templateForm.closeFields', { defaultMessage: 'Required to close' })}</h3>
          </EuiTitle>
          <EuiSpacer size="s" />
          {body.closeFields.map((f, i) => (
            <div key={f.key} data-test-subj="templateCloseField">
              <EuiFlexGroup gutterSize="s" responsive={false}>
                <EuiFlexItem grow={3}>
                  <EuiFieldText compressed aria-label={i18n.translate('siemInvestigations.cases.templateForm.fieldLabel', { defaultMessage: 'Label of field {n}', values: { n: i + 1 } })} placeholder={i18n.translate('siemInvestigations.cases.templateForm.labelPlaceholder', { defaultMessage: 'Label' })} value={f.label} maxLength={CASE_TEMPLATE_LIMITS.fieldLabelLength} onChange={(e) => setField(i, { ...f, label: e.target.value })} data-test-subj="templateFieldLabel" />
                </EuiFlexItem>
                <EuiFlexItem grow={1}>
                  <EuiSelect
                    compressed
                    aria-label={i18n.translate('siemInvestigations.cases.templateForm.fieldType', { defaultMessage: 'Type of field {n}', values: { n: i + 1 } })}
                    options={CLOSE_FIELD_TYPES.map((t) => ({ value: t, text: TYPE_LABELS[t] }))}
                    value={f.type}
                    onChange={(e) => setField(i, fieldOfType(f, e.target.value as CloseFieldType))}
                    data-test-subj="templateFieldType"
                  />
                </EuiFlexItem>
                <EuiFlexItem grow={false}>
                  <EuiButtonIcon iconType="trash" color="danger" aria-label={i18n.translate('siemInvestigations.cases.templateForm.removeField', { defaultMessage: 'Remove field {n}', values: { n: i + 1 } })} onClick={() => set({ closeFields: body.closeFields.filter((_, j) => j !== i) })} />
                </EuiFlexItem>
              </EuiFlexGroup>
              {f.type === 'select' && (
                <EuiFormRow label={i18n.translate('siemInvestigations.cases.templateForm.options', { defaultMessage: 'Options' })} fullWidth display="rowCompressed" helpText={i18n.translate('siemInvestigations.cases.templateForm.optionsHelp', { defaultMessage: 'At least two.' })}>
                  <NameListInput noun={i18n.translate('siemInvestigations.cases.caseTemplateForm.options2', { defaultMessage: 'options' })} compressed values={f.options} maxLength={CASE_TEMPLATE_LIMITS.optionLength} onChange={(options) => setField(i, { ...f, options })} data-test-subj="templateFieldOptions" />
                </EuiFormRow>
              )}
              {f.type === 'text' && (
                <EuiFormRow label={i18n.translate('siemInvestigations.cases.templateForm.bounds', { defaultMessage: 'Characters (at least / at most)' })} display="rowCompressed">
                  <EuiFlexGroup gutterSize="s" responsive={false}>
                    <EuiFlexItem>
                      <EuiFieldNumber compressed min={1} max={f.maxLength} value={f.minLength} onChange={(e) => setField(i, { ...f, minLength: Math.max(1, Number(e.target.value) || 1) })} aria-label={i18n.translate('siemInvestigations.cases.caseTemplateForm.atLeast', { defaultMessage: 'At least' })} />
                    </EuiFlexItem>
                    <EuiFlexItem>
                      <EuiFieldNumber
                        compressed
                        min={1}
                        max={CASE_TEMPLATE_LIMITS.textLength}
                        value={f.maxLength}
                        onChange={(e) => setField(i, { ...f, maxLength: Math.min(CASE_TEMPLATE_LIMITS.textLength, Math.max(1, Number(e.target.value) || 1)) })}
                        aria-label={i18n.translate('siemInvestigations.cases.caseTemplateForm.atMost', { defaultMessage: 'At most' })}
                      />
                    </EuiFlexItem>
                  </EuiFlexGroup>
                </EuiFormRow>
              )}
              <EuiSpacer size="s" />
            </div>
          ))}
          <EuiButtonEmpty
            size="s"
            iconType="plusInCircle"
            isDisabled={body.closeFields.length >= CASE_TEMPLATE_LIMITS.closeFields}
            onClick={() => set({ closeFields: [...body.closeFields, { key: keyFromLabel(`field ${body.closeFields.length + 1}`, body.closeFields.map((f) => f.key)), label: '', type: 'boolean' }] })}
            data-test-subj="templateAddField"
          >
            {i18n.translate('siemInvestigations.cases.templateForm.addField', { defaultMessage: 'Add required field' })}
          </EuiButtonEmpty>
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onClose}>{i18n.translate('siemInvestigations.cases.templateForm.cancel', { defaultMessage: 'Cancel' })}</EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton fill type="submit" form="caseTemplateForm" isDisabled={!valid || busy} isLoading={busy} data-test-subj="templateSave">
              {i18n.translate('siemInvestigations.cases.templateForm.save', { defaultMessage: 'Save template' })}
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
}
