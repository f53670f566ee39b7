import React from 'react';
import { EuiCallOut, EuiSpacer } from '@elastic/eui';
import { SourceCoverage, SourceId } from '../../common/types';
import { SourceDefinitions } from '../../common/sources';

/** "No evidence" and "no data" are different answers: say which sources could not be seen. */
export function CoverageCallout({ coverage, sources, asked }: { coverage: SourceCoverage[]; sources: SourceDefinitions; asked?: SourceId[] }) {
  // A source the playbook does not search is not part of this finding's picture.
  const missing = coverage.filter(
    (c) => (c.docsInWindow === 0 || c.error || c.clusters?.some((k) => k.error)) && (!asked || asked.includes(c.source))
  );
  if (!missing.length) return null;
  return (
    <>
      <EuiCallOut size="s" color="warning" iconType="help" title="Part of the picture is missing" data-test-subj="coverageCallout">
      <ul style={{ margin: 0 }}>
        {missing.map((c) => (
          <li key={c.source}>
            <strong>{sources[c.source]?.label ?? c.source}</strong>{' '}
            {c.error ? `could not be searched (${c.error}).` : c.docsInWindow === 0 ? <>has no documents in <code>{c.indexPattern}</code> for this window.</> : 'was searched in part:'}
            {c.clusters && (
              <ul data-test-subj="coverageClusters">
                {c.clusters.map((k) => (
                  <li key={k.cluster} data-test-subj="coverageCluster">
                    cluster <strong>{k.cluster}</strong> (<code>{k.indexPattern}</code>):{' '}
                    {k.error
                      ? `not searched (${k.error})`
                      : `${k.docsInWindow.toLocaleString('en-US')}${k.docsInWindowIsLowerBound ? '+' : ''} documents in this window`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </EuiCallOut>
      <EuiSpacer size="m" />
    </>
  );
}
