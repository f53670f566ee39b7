import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiButtonGroup,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiSelect,
  EuiSpacer,
} from '@elastic/eui';
import { AddAttachmentRequest, Case, CASE_LIMITS, CaseSeverity, CaseSummary, DEFAULT_CASE_SEVERITY } from '../../common/case_types';
import { CaseSearchSelect } from '../shared/case_search_select';
import { SEVERITY_OPTIONS } from '../shared/case_labels';
import { addToCase, CaseTarget } from '../services/add_to_case';
import { useAppServices } from '../services/app_services';
import { TemplateSelect } from '../cases/template_select';
import { CaseTemplate } from '../../common/case_template_types';
import { i18n } from '@osd/i18n';

export interface CasePickerProps {
  /** The document to attach. */
  attachment: AddAttachmentRequest;
  /** Title offered for a new case (the finding's title, or what the event was). */
  suggestedTitle: string;
  /** The GuardDuty type of the finding attached: a template matching it is preselected for a new case. */
  findingType?: string;
  onAdded(c: Case): void;
  onCancel?(): void;
}

type Mode = 'new' | 'existing';

/**
 * "Add to new case" (title prefilled) or "Add to existing case" (searchable, most recently updated
 * first), then attaches the document and confirms with a toast linking to the case. Needs no
 * router, so it also works inside Discover.
 */
export function CasePicker({ attachment, suggestedTitle, findingType, onAdded, onCancel }: CasePickerProps) {
  const { api, core } = useAppServices();
  const [mode, setMode] = useState<Mode>('new');
  const [title, setTitle] = useState(suggestedTitle.slice(0, CASE_LIMITS.titleLength));
  const [severity, setSeverity] = useState<CaseSeverity>(DEFAULT_CASE_SEVERITY);
  const [selected, setSelected] = useState<CaseSummary | null>(null);
  const [busy, setBusy] = useState(false);
  // undefined: never chosen; null: "No template" picked (even if the finding type matches one).
  const [template, setTemplate] = useState<CaseTemplate | null | undefined>(undefined);
  const pickTemplate = (t: CaseTemplate | null) => {
    setTemplate(t);
    if (t?.severity) setSeverity(t.severity);
  };
  const target: CaseTarget | null =
    mode === 'new' ? (title.trim() ? { kind: 'new', title: title.trim(), severity, ...(template !== undefined ? { templateId: template?.id ?? null } : {}) } : null) : selected ? { kind: 'existing', id: selected.id, title: selected.title } : null;

  const submit = async () => {
    if (!target) return;
    setBusy(true);
    const added = await addToCase(api, core, target, attachment);
    setBusy(false);
    if (added) onAdded(added);
  };

  return (
    <div data-test-subj="casePicker">
      <EuiButtonGroup
        legend={i18n.translate('siemInvestigations.addToCase.casePicker.whichCase', { defaultMessage: 'Which case' })}
        options={[
          { id: 'new', label: i18n.translate('siemInvestigations.addToCase.casePicker.addToNewCase', { defaultMessage: 'Add to new case' }), 'data-test-subj': 'casePickerNew' },
          { id: 'existing', label: i18n.translate('siemInvestigations.addToCase.casePicker.addToExistingCase', { defaultMessage: 'Add to existing case' }), 'data-test-subj': 'casePickerExisting' },
        ]}
        idSelected={mode}
        onChange={(id) => setMode(id as Mode)}
        buttonSize="compressed"
        isFullWidth
      />
      <EuiSpacer size="m" />
      {mode === 'new' ? (
        <>
          <TemplateSelect findingType={findingType} onChange={pickTemplate} data-test-subj="casePickerTemplate" />
          <EuiFormRow label={i18n.translate('siemInvestigations.addToCase.casePicker.caseTitle', { defaultMessage: 'Case title' })} fullWidth isInvalid={!title.trim()} error={!title.trim() ? i18n.translate('siemInvestigations.addToCase.picker.titleRequired', { defaultMessage: 'A case needs a title.' }) : undefined}>
            <EuiFieldText fullWidth value={title} maxLength={CASE_LIMITS.titleLength} onChange={(e) => setTitle(e.target.value)} data-test-subj="casePickerTitle" />
          </EuiFormRow>
          <EuiFormRow label={i18n.translate('siemInvestigations.addToCase.casePicker.severity', { defaultMessage: 'Severity' })} fullWidth>
            <EuiSelect
              fullWidth
              options={SEVERITY_OPTIONS}
              value={severity}
              onChange={(e) => setSeverity(e.target.value as CaseSeverity)}
              data-test-subj="casePickerSeverity"
            />
          </EuiFormRow>
        </>
      ) : (
        <CaseSearchSelect
          selected={selected}
          onSelect={setSelected}
          ariaLabel={i18n.translate('siemInvestigations.addToCase.casePicker.cases', { defaultMessage: 'Cases' })}
          placeholder={i18n.translate('siemInvestigations.addToCase.casePicker.searchCaseTitlesDescriptions', { defaultMessage: 'Search case titles, descriptions or numbers (SIR-12)' })}
          emptyMessage={i18n.translate('siemInvestigations.addToCase.picker.noCases', { defaultMessage: 'No cases yet: add to a new case.' })}
          noMatchesMessage={i18n.translate('siemInvestigations.addToCase.picker.noMatch', { defaultMessage: 'No case matches.' })}
          testSubjPrefix="casePicker"
        />
      )}
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" justifyContent="flexEnd" responsive={false}>
        {onCancel && (
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onCancel} data-test-subj="casePickerCancel">
              {i18n.translate('siemInvestigations.addToCase.casePicker.cancel', { defaultMessage: 'Cancel' })}</EuiButtonEmpty>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <EuiButton fill iconType="folderCheck" isDisabled={!target || busy} isLoading={busy} onClick={submit} data-test-subj="casePickerSubmit">
            {mode === 'new' ? i18n.translate('siemInvestigations.addToCase.picker.createAndAdd', { defaultMessage: 'Create case and add' }) : i18n.translate('siemInvestigations.addToCase.picker.addToCase', { defaultMessage: 'Add to case' })}
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </div>
  );
}
