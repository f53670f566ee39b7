import React from 'react';
import { EuiFilterButton, EuiFilterGroup } from '@elastic/eui';
import { CASE_STATUSES, CaseStatus } from '../../common/case_types';
import { STATUS_LABELS } from '../shared/case_labels';
import { i18n } from '@osd/i18n';

/** Toggle buttons; none selected means every status. */
export function CaseStatusFilter({ selected, onChange }: { selected: CaseStatus[]; onChange(next: CaseStatus[]): void }) {
  return (
    <EuiFilterGroup aria-label={i18n.translate('siemInvestigations.cases.caseStatusFilter.status', { defaultMessage: 'Status' })}>
      {CASE_STATUSES.map((status) => {
        const on = selected.includes(status);
        return (
          <EuiFilterButton
            key={status}
            hasActiveFilters={on}
            aria-pressed={on}
            data-test-subj={`statusFilter-${status}`}
            onClick={() => onChange(on ? selected.filter((s) => s !== status) : [...selected, status])}
          >
            {STATUS_LABELS[status]}
          </EuiFilterButton>
        );
      })}
    </EuiFilterGroup>
  );
}
