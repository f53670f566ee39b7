import React from 'react';
import { Criteria, EuiBadge, EuiBasicTable, EuiBasicTableColumn, EuiLink, EuiText } from '@elastic/eui';
import { CaseSortField, CaseSummary } from '../../common/case_types';
import { formatTime } from '../shared/format';
import { CASES_PAGE_SIZE_OPTIONS } from './cases_url_state';
import { CaseStatusBadge } from './case_status_badge';
import { SeverityBadge } from '../shared/severity_badge';
import { mergedIntoTitle } from './merge_case_modal';
import { i18n } from '@osd/i18n';

export interface CasesTableProps {
  cases: CaseSummary[];
  total: number;
  loading: boolean;
  /** 0-based, as OUI counts pages. */
  pageIndex: number;
  pageSize: number;
  sortField: CaseSortField;
  sortDirection: 'asc' | 'desc';
  noItemsMessage: React.ReactNode;
  hrefFor(c: CaseSummary): string;
  onTableChange(change: { pageIndex: number; pageSize: number; sortField: CaseSortField; sortDirection: 'asc' | 'desc' }): void;
  /** Row checkboxes for bulk actions (only for users who may change cases). */
  onSelectionChange?(selected: CaseSummary[]): void;
}

const SORTABLE: readonly string[] = ['title', 'status', 'severity', 'updatedAt', 'createdAt', 'number'];

export function CasesTable(props: CasesTableProps) {
  const columns: Array<EuiBasicTableColumn<CaseSummary>> = [
    {
      field: 'title',
      name: i18n.translate('siemInvestigations.cases.casesTable.case', { defaultMessage: 'Case' }),
      sortable: true,
      render: (_: string, c: CaseSummary) => (
        <div style={{ minWidth: 0 }}>
          {c.reference && (
            <EuiBadge color="hollow" data-test-subj="caseReference">
              {c.reference}
            </EuiBadge>
          )}
          <EuiLink href={props.hrefFor(c)} data-test-subj="caseLink">
            {c.title}
          </EuiLink>
          {c.redirectedFrom && (
            <EuiText size="xs" color="subdued" data-test-subj="caseMergedNote">
              {mergedIntoTitle(c.redirectedFrom, c)}
            </EuiText>
          )}
          {c.tags.length > 0 && (
            <div style={{ marginTop: 4 }}>
              {c.tags.map((t) => (
                <EuiBadge key={t} color="hollow">
                  {t}
                </EuiBadge>
              ))}
            </div>
          )}
        </div>
      ),
    },
    { field: 'status', name: i18n.translate('siemInvestigations.cases.casesTable.status', { defaultMessage: 'Status' }), sortable: true, width: '120px', render: (_: string, c: CaseSummary) => <CaseStatusBadge status={c.status} /> },
    { field: 'severity', name: i18n.translate('siemInvestigations.cases.casesTable.severity', { defaultMessage: 'Severity' }), sortable: true, width: '100px', render: (_: string, c: CaseSummary) => <SeverityBadge label={c.severity} /> },
    {
      field: 'assignees',
      name: i18n.translate('siemInvestigations.cases.casesTable.assignees', { defaultMessage: 'Assignees' }),
      width: '160px',
      render: (a: string[]) => (
        <EuiText size="s" color={a.length ? 'default' : 'subdued'}>
          {a.length ? a.join(', ') : i18n.translate('siemInvestigations.cases.table.unassigned', { defaultMessage: 'Unassigned' })}
        </EuiText>
      ),
    },
    { field: 'attachmentCount', name: i18n.translate('siemInvestigations.cases.casesTable.evidence', { defaultMessage: 'Evidence' }), width: '90px', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
    { field: 'commentCount', name: i18n.translate('siemInvestigations.cases.casesTable.comments', { defaultMessage: 'Comments' }), width: '100px', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
    { field: 'updatedAt', name: i18n.translate('siemInvestigations.cases.casesTable.updatedUTC', { defaultMessage: 'Updated (UTC)' }), sortable: true, width: '165px', render: (t: string) => formatTime(t) },
    { field: 'createdAt', name: i18n.translate('siemInvestigations.cases.casesTable.openedUTC', { defaultMessage: 'Opened (UTC)' }), sortable: true, width: '165px', render: (t: string, c: CaseSummary) => <span title={i18n.translate('siemInvestigations.cases.table.openedBy', { defaultMessage: 'by {user}', values: { user: c.createdBy } })}>{formatTime(t)}</span> },
  ];

  const onChange = ({ page, sort }: Criteria<CaseSummary>) => {
    const field = sort?.field as string | undefined;
    const sortField = (field && SORTABLE.includes(field) ? field : props.sortField) as CaseSortField;
    props.onTableChange({
      pageIndex: page?.index ?? props.pageIndex,
      pageSize: page?.size ?? props.pageSize,
      sortField,
      sortDirection: sort?.direction ?? props.sortDirection,
    });
  };

  return (
    <EuiBasicTable<CaseSummary>
      data-test-subj="casesTable"
      items={props.cases}
      itemId="id"
      columns={columns}
      loading={props.loading}
      noItemsMessage={props.noItemsMessage}
      pagination={{ pageIndex: props.pageIndex, pageSize: props.pageSize, totalItemCount: props.total, pageSizeOptions: CASES_PAGE_SIZE_OPTIONS }}
      sorting={{ sort: { field: props.sortField, direction: props.sortDirection } }}
      onChange={onChange}
      {...(props.onSelectionChange ? { isSelectable: true, selection: { onSelectionChange: props.onSelectionChange, selectable: () => true } } : {})}
      rowProps={(c: CaseSummary) => ({ 'data-case-id': c.id })}
    />
  );
}
