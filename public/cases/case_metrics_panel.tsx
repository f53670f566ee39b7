import { i18n } from '@osd/i18n';
import React from 'react';
import { EuiBasicTable, EuiText } from '@elastic/eui';
import { CASE_SEVERITIES, CaseSeverity } from '../../common/case_types';
import { SeverityMetrics } from '../../common/case_template_types';
import { SEVERITY_LABELS } from '../shared/case_labels';
import { useRequest } from '../shared/use_request';
import { CasesListParams } from '../services/api_client';
import { useAppServices } from '../services/app_services';
import { formatDuration } from './case_tasks_panel';

type Row = SeverityMetrics & { severity: CaseSeverity };

/** Median time to acknowledge / to close per severity, over the cases the list's filters select (computed by the server). */
export function CaseMetricsPanel({ filters, refreshKey }: { filters: CasesListParams; refreshKey: number }) {
  const { api } = useAppServices();
  const { page: _p, perPage: _pp, sortField: _s, sortOrder: _o, ...only } = filters;
  const { data, error } = useRequest(JSON.stringify([only, refreshKey]), (signal) => api.caseMetrics(filters, signal), i18n.translate('siemInvestigations.cases.metrics.loadError', { defaultMessage: 'Could not compute the case times' }));
  if (error) return null;
  const rows: Row[] = data ? CASE_SEVERITIES.map((severity) => ({ severity, ...data.bySeverity[severity] })).filter((r) => r.cases > 0) : [];
  const ms = (v: number | null, n: number) => (v === null ? '—' : `${formatDuration(v)} (${n})`);
  return (
    <div data-test-subj="caseMetrics">
      <EuiText size="xs" color="subdued">
        <p>
          {i18n.translate('siemInvestigations.cases.metrics.caption', {
            defaultMessage: 'Median times over the {total} cases these filters select (number of cases measured in brackets).',
            values: { total: data ? data.total : '…' },
          })}
        </p>
      </EuiText>
      <EuiBasicTable<Row>
        compressed
        items={rows}
        noItemsMessage={data ? i18n.translate('siemInvestigations.cases.metrics.noCases', { defaultMessage: 'No cases' }) : i18n.translate('siemInvestigations.cases.metrics.loading', { defaultMessage: 'Loading…' })}
        columns={[
          { field: 'severity', name: i18n.translate('siemInvestigations.cases.metrics.severity', { defaultMessage: 'Severity' }), render: (s: CaseSeverity) => SEVERITY_LABELS[s] ?? s },
          { field: 'cases', name: i18n.translate('siemInvestigations.cases.metrics.cases', { defaultMessage: 'Cases' }), align: 'right' },
          { field: 'medianTimeToAcknowledgeMs', name: i18n.translate('siemInvestigations.cases.metrics.medianTimeToAcknowledge', { defaultMessage: 'Median time to acknowledge' }), render: (v: number | null, r: Row) => ms(v, r.acknowledged) },
          { field: 'medianTimeToCloseMs', name: i18n.translate('siemInvestigations.cases.metrics.medianTimeToClose', { defaultMessage: 'Median time to close' }), render: (v: number | null, r: Row) => ms(v, r.closed) },
        ]}
        rowProps={(r: Row) => ({ 'data-severity': r.severity })}
      />
    </div>
  );
}
