import React from 'react';
import { EuiBasicTableColumn, EuiInMemoryTable } from '@elastic/eui';
import { DocRef, EvidenceHit } from '../../common/types';
import { fieldText, formatTime } from '../shared/format';
import { i18n } from '@osd/i18n';

export interface EvidenceTableProps {
  hits: EvidenceHit[];
  columns: string[];
  timeField: string;
  onInspect(ref: DocRef): void;
  onAddToCase?(hit: EvidenceHit): void;
}

/** Field names contain dots, which OUI would read as paths: cells are looked up by name instead. */
function cellText(hit: EvidenceHit, column: string, timeField: string): string {
  return column === timeField ? formatTime(hit.timestamp) : fieldText(hit.fields[column]);
}

/** The group's hits in the analyst's columns, paged; every value is rendered as plain text. */
export function EvidenceTable({ hits, columns, timeField, onInspect, onAddToCase }: EvidenceTableProps) {
  // The document button leads, as Discover's row expander does, so a wide table never hides it.
  const tableColumns: Array<EuiBasicTableColumn<EvidenceHit>> = [
    {
      name: '',
      width: onAddToCase ? '72px' : '48px',
      actions: [
        {
          name: i18n.translate('siemInvestigations.investigation.evidenceTable.viewDocument', { defaultMessage: 'View document' }),
          description: i18n.translate('siemInvestigations.investigation.evidenceTable.viewTheWholeDocument', { defaultMessage: 'View the whole document' }),
          icon: 'inspect' as const,
          type: 'icon' as const,
          onClick: (hit: EvidenceHit) => onInspect(hit.ref),
          'data-test-subj': 'viewDocument',
        },
        ...(onAddToCase
          ? [
              {
                name: i18n.translate('siemInvestigations.investigation.evidenceTable.addToCase', { defaultMessage: 'Add to case' }),
                description: i18n.translate('siemInvestigations.investigation.evidenceTable.addThisDocumentTo', { defaultMessage: 'Add this document to a case' }),
                icon: 'folderCheck' as const,
                type: 'icon' as const,
                onClick: (hit: EvidenceHit) => onAddToCase(hit),
                'data-test-subj': 'addEvidenceToCase',
              },
            ]
          : []),
      ],
    },
    ...columns.map(
      (column, i): EuiBasicTableColumn<EvidenceHit> => ({
        field: `column_${i}`,
        name: column === timeField ? `${column} (UTC)` : column,
        sortable: (hit: EvidenceHit) => (column === timeField ? hit.timestamp : cellText(hit, column, timeField)),
        width: column === timeField ? '160px' : undefined,
        render: (_: unknown, hit: EvidenceHit) => {
          const text = cellText(hit, column, timeField);
          // Short tokens (IPs, keys, ids) stay on one line; long values wrap anywhere rather than widen the table.
          const token = text.length <= 40 && !/\s/.test(text);
          return (
            <span title={text} style={token ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere', display: 'inline-block', minWidth: 120 }} data-test-subj={`evidenceCell-${column}`}>
              {text.length > 160 ? `${text.slice(0, 160)}…` : text}
            </span>
          );
        },
      })
    ),
  ];
  return (
    <div style={{ overflowX: 'auto' }}>
      <EuiInMemoryTable<EvidenceHit>
        data-test-subj="evidenceTable"
        tableLayout="auto"
        items={hits}
        itemId={(h) => `${h.ref.index}/${h.ref.id}`}
        columns={tableColumns}
        pagination={{ initialPageSize: 10, pageSizeOptions: [10, 25, 50] }}
        sorting
        compressed
        rowProps={(hit: EvidenceHit) => ({ 'data-doc-index': hit.ref.index, 'data-doc-id': hit.ref.id })}
      />
    </div>
  );
}
