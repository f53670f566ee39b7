import { i18n } from '@osd/i18n';
import React, { useEffect, useState } from 'react';
import { EuiFormRow, EuiSelect } from '@elastic/eui';
import { CaseTemplate } from '../../common/case_template_types';
import { useAppServices } from '../services/app_services';
import { errorMessage, isAbortError } from '../services/http_error';

const NONE = '';

/**
 * Picks the template a new case starts from. With `findingType`, the server's match for it is
 * preselected (the user may pick another, or none); templates damaged by an import are not offered.
 */
export function TemplateSelect({
  findingType,
  onChange,
  'data-test-subj': testSubj = 'caseTemplateSelect',
}: {
  findingType?: string;
  onChange(template: CaseTemplate | null): void;
  'data-test-subj'?: string;
}) {
  const { api } = useAppServices();
  const [templates, setTemplates] = useState<CaseTemplate[]>([]);
  const [selected, setSelected] = useState<string>(NONE);
  const [error, setError] = useState<string | undefined>();
  const onChangeRef = React.useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const controller = new AbortController();
    api.caseTemplates(findingType, controller.signal).then(
      (res) => {
        if (controller.signal.aborted) return;
        const usable = res.templates.filter((t) => !t.damaged);
        setTemplates(usable);
        const matched = usable.find((t) => t.id === res.matchedId);
        if (matched) {
          setSelected(matched.id);
          onChangeRef.current(matched);
        }
      },
      (e: unknown) => {
        if (!controller.signal.aborted && !isAbortError(e)) setError(errorMessage(e));
      }
    );
    return () => controller.abort();
  }, [api, findingType]);

  if (!templates.length && !error) return null;
  return (
    <EuiFormRow
      label={i18n.translate('siemInvestigations.cases.templateSelect.label', { defaultMessage: 'Template' })}
      fullWidth
      isInvalid={!!error}
      error={error ? i18n.translate('siemInvestigations.cases.templateSelect.loadError', { defaultMessage: 'Templates could not be loaded: {error}', values: { error } }) : undefined}
      helpText={selected ? i18n.translate('siemInvestigations.cases.templateSelect.help', { defaultMessage: 'Title, severity, tags, tasks and required close fields come from the template.' }) : undefined}
    >
      <EuiSelect
        fullWidth
        options={[{ value: NONE, text: i18n.translate('siemInvestigations.cases.templateSelect.none', { defaultMessage: 'No template' }) }, ...templates.map((t) => ({ value: t.id, text: t.name }))]}
        value={selected}
        onChange={(e) => {
          setSelected(e.target.value);
          onChange(templates.find((t) => t.id === e.target.value) ?? null);
        }}
        data-test-subj={testSubj}
      />
    </EuiFormRow>
  );
}
