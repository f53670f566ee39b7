import React from 'react';
import { Criteria, EuiBasicTable, EuiBasicTableColumn, EuiLink, EuiText } from '@elastic/eui';
import { FindingSummary } from '../../common/types';
import { fieldText, formatTime } from '../shared/format';
import { FindingsSortField, PAGE_SIZE_OPTIONS } from './findings_url_state';
import { SeverityBadge } from '../shared/severity_badge';
import { SeenInBadge } from '../shared/seen_in_badge';
import { SeenInCases } from '../../common/incident_types';
import { i18n } from '@osd/i18n';

export interface FindingsTableProps {
  findings: FindingSummary[];
  /** "Seen in N cases" per finding (same order), when known. */
  seenIn?: SeenInCases[];
  total: number;
  loading: boolean;
  /** 0-based, as OUI counts pages. */
  pageIndex: number;
  pageSize: number;
  sortField: FindingsSortField;
  sortDirection: 'asc' | 'desc';
  noItemsMessage: React.ReactNode;
  hrefFor(finding: FindingSummary): string;
  onOpen(finding: FindingSummary): void;
  onTableChange(change: { pageIndex: number; pageSize: number; sortField: FindingsSortField; sortDirection: 'asc' | 'desc' }): void;
}

export function FindingsTable(props: FindingsTableProps) {
  const seenOf = new Map(props.findings.map((f, i) => [f, props.seenIn?.[i]]));
  const columns: Array<EuiBasicTableColumn<FindingSummary>> = [
    {
      field: 'severity',
      name: i18n.translate('siemInvestigations.findings.findingsTable.severity', { defaultMessage: 'Severity' }),
      sortable: true,
      width: '110px',
      render: (_: number, f: FindingSummary) => <SeverityBadge label={f.severityLabel} score={f.severity} />,
    },
    {
      field: 'title',
      name: i18n.translate('siemInvestigations.findings.findingsTable.finding', { defaultMessage: 'Finding' }),
      render: (_: string, f: FindingSummary) => (
        <div>
          <EuiLink href={props.hrefFor(f)} data-test-subj="findingLink">
            {f.title}
          </EuiLink>
          <EuiText size="xs" color="subdued">
            {f.type}
          </EuiText>
          <SeenInBadge seen={seenOf.get(f)} />
        </div>
      ),
    },
    { field: 'count', name: i18n.translate('siemInvestigations.findings.findingsTable.count', { defaultMessage: 'Count' }), width: '80px', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
    { field: 'firstSeen', name: i18n.translate('siemInvestigations.findings.findingsTable.firstSeenUTC', { defaultMessage: 'First seen (UTC)' }), width: '160px', render: (t: string | undefined) => formatTime(t) },
    // GuardDuty's eventLastSeen: not what the list can be sorted by, so no sort arrow here.
    { field: 'lastSeen', name: i18n.translate('siemInvestigations.findings.findingsTable.lastSeenUTC', { defaultMessage: 'Last seen (UTC)' }), width: '160px', render: (_: string | undefined, f: FindingSummary) => formatTime(f.lastSeen ?? f.timestamp) },
    {
      // The `timestamp` sort is by `@timestamp` (the finding's last update): the column with the arrow shows exactly that.
      field: 'timestamp',
      name: i18n.translate('siemInvestigations.findings.findingsTable.updatedUTC', { defaultMessage: 'Updated (UTC)' }),
      sortable: true,
      width: '160px',
      render: (t: string) => formatTime(t),
    },
    { field: 'accountId', name: i18n.translate('siemInvestigations.findings.findingsTable.account', { defaultMessage: 'Account' }), width: '130px', render: (v?: string) => fieldText(v) },
    { field: 'region', name: i18n.translate('siemInvestigations.findings.findingsTable.region', { defaultMessage: 'Region' }), width: '110px', render: (v?: string) => fieldText(v) },
    { field: 'resourceType', name: i18n.translate('siemInvestigations.findings.findingsTable.resource', { defaultMessage: 'Resource' }), width: '120px', render: (v?: string) => fieldText(v) },
  ];

  const onChange = ({ page, sort }: Criteria<FindingSummary>) => {
    const sortField = (sort?.field as FindingsSortField | undefined) ?? props.sortField;
    props.onTableChange({
      pageIndex: page?.index ?? props.pageIndex,
      pageSize: page?.size ?? props.pageSize,
      sortField: sortField === 'severity' ? 'severity' : 'timestamp',
      sortDirection: sort?.direction ?? props.sortDirection,
    });
  };

  return (
    <EuiBasicTable<FindingSummary>
      data-test-subj="findingsTable"
      items={props.findings}
      itemId={(f) => `${f.ref.index}/${f.ref.id}`}
      columns={columns}
      loading={props.loading}
      noItemsMessage={props.noItemsMessage}
      pagination={{
        pageIndex: props.pageIndex,
        pageSize: props.pageSize,
        totalItemCount: props.total,
        pageSizeOptions: PAGE_SIZE_OPTIONS,
      }}
      sorting={{ sort: { field: props.sortField, direction: props.sortDirection } }}
      onChange={onChange}
      rowProps={(f: FindingSummary) => ({
        // A mouse convenience only (the title link is the keyboard's way in): as `onClick`, OUI
        // would make the row a button around the link (nested interactive controls).
        onClickCapture: (e: React.MouseEvent) => {
          // The title is a real link (new tab, copy URL); a click elsewhere on the row opens it too.
          if ((e.target as HTMLElement).closest('a,button')) return;
          props.onOpen(f);
        },
        style: { cursor: 'pointer' },
      })}
    />
  );
}
