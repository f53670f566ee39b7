import React from 'react';
import { EuiFilterButton, EuiFilterGroup } from '@elastic/eui';
import { Severity } from '../../common/types';
import { i18n } from '@osd/i18n';

const OPTIONS: Array<{ value: Severity; label: string }> = [
  { value: 'critical', get label() { return i18n.translate('siemInvestigations.shared.severity.critical', { defaultMessage: 'Critical' }); } },
  { value: 'high', get label() { return i18n.translate('siemInvestigations.shared.severity.high', { defaultMessage: 'High' }); } },
  { value: 'medium', get label() { return i18n.translate('siemInvestigations.shared.severity.medium', { defaultMessage: 'Medium' }); } },
  { value: 'low', get label() { return i18n.translate('siemInvestigations.shared.severity.low', { defaultMessage: 'Low' }); } },
];

/** Toggle buttons; none selected means every severity. */
export function SeverityFilter({ selected, onChange }: { selected: Severity[]; onChange(next: Severity[]): void }) {
  return (
    <EuiFilterGroup aria-label={i18n.translate('siemInvestigations.shared.severityFilter.severity', { defaultMessage: 'Severity' })}>
      {OPTIONS.map(({ value, label }) => {
        const on = selected.includes(value);
        return (
          <EuiFilterButton
            key={value}
            hasActiveFilters={on}
            aria-pressed={on}
            data-test-subj={`severityFilter-${value}`}
            onClick={() => onChange(on ? selected.filter((s) => s !== value) : [...selected, value])}
          >
            {label}
          </EuiFilterButton>
        );
      })}
    </EuiFilterGroup>
  );
}
