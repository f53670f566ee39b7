import { formatNumber } from '../shared/format';
import React, { useState } from 'react';
import { EuiButtonEmpty, EuiFlexGrid, EuiFlexItem, EuiText, EuiTextColor } from '@elastic/eui';
import { Facet } from '../../common/types';
import { BAR_COLOR } from '../shared/palette';
import { i18n } from '@osd/i18n';

const SHOWN = 5;

/** Breakdowns of the whole group (not just the shown rows), e.g. user names tried or outcomes. */
export function FacetList({ facets, total }: { facets: Facet[]; total: number }) {
  const [expanded, setExpanded] = useState<string[]>([]);
  const shown = facets.filter((f) => f.buckets.length > 0);
  if (!shown.length) return null;
  return (
    <EuiFlexGrid columns={shown.length >= 3 ? 3 : (shown.length as 1 | 2)} gutterSize="m" data-test-subj="facets">
      {shown.map((facet) => {
        const max = Math.max(...facet.buckets.map((b) => b.count), 1);
        const open = expanded.includes(facet.field);
        const buckets = open ? facet.buckets : facet.buckets.slice(0, SHOWN);
        return (
          <EuiFlexItem key={facet.field} data-test-subj="facet" data-facet-field={facet.field}>
            <EuiText size="xs">
              <strong>{facet.label}</strong> <EuiTextColor color="subdued">{facet.field}</EuiTextColor>
            </EuiText>
            <table style={{ width: '100%', marginTop: 4, borderCollapse: 'collapse' }}>
              <tbody>
                {buckets.map((b) => (
                  <tr key={b.value}>
                    <td style={{ fontSize: 12, padding: '1px 6px 1px 0', maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={b.value}>
                      {b.value}
                    </td>
                    <td style={{ width: '45%', padding: '1px 0' }}>
                      <div aria-hidden style={{ height: 8, borderRadius: 2, background: BAR_COLOR, width: `${Math.max(2, Math.round((b.count / max) * 100))}%` }} />
                    </td>
                    <td style={{ fontSize: 12, textAlign: 'right', paddingLeft: 6, whiteSpace: 'nowrap' }} title={total ? i18n.translate('siemInvestigations.investigation.facets.share', { defaultMessage: '{share, number, percent} of {total, number}', values: { share: b.count / total, total } }) : undefined}>
                      {formatNumber(b.count)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {facet.buckets.length > SHOWN && (
              <EuiButtonEmpty
                size="xs"
                flush="left"
                onClick={() => setExpanded(open ? expanded.filter((f) => f !== facet.field) : [...expanded, facet.field])}
              >
                {open ? i18n.translate('siemInvestigations.investigation.facets.showFewer', { defaultMessage: 'Show fewer' }) : i18n.translate('siemInvestigations.investigation.facets.showMore', { defaultMessage: 'Show {count, number} more', values: { count: facet.buckets.length - SHOWN } })}
              </EuiButtonEmpty>
            )}
          </EuiFlexItem>
        );
      })}
    </EuiFlexGrid>
  );
}
