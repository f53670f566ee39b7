import React from 'react';
import { EuiFilterButton, EuiFilterGroup } from '@elastic/eui';
import { Severity } from '../../common/types';

const OPTIONS: Array<{ value: Severity; label: string }> = [
  { value: 'critical', label: 'Critical' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];

/** Toggle buttons; none selected means every severity. */
export function SeverityFilter({ selected, onChange }: { selected: Severity[]; onChange(next: Severity[]): void }) {
  return (
    <EuiFilterGroup aria-label="Severity">
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
