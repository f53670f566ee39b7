import React from 'react';
import { EuiCallOut, EuiSpacer } from '@elastic/eui';
import { SourceCoverage, SourceId } from '../../common/types';
import { SourceDefinitions } from '../../common/sources';

/** "No evidence" and "no data" are different answers: say which sources could not be seen. */
export function CoverageCallout({ coverage, sources, asked }: { coverage: SourceCoverage[]; sources: SourceDefinitions; asked?: SourceId[] }) {
  // A source the playbook does not search is not part of this finding's picture.
  const missing = coverage.filter((c) => (c.docsInWindow === 0 || c.error) && (!asked || asked.includes(c.source)));
  if (!missing.length) return null;
  return (
    <>
      <EuiCallOut size="s" color="warning" iconType="help" title="Part of the picture is missing" data-test-subj="coverageCallout">
      <ul style={{ margin: 0 }}>
        {missing.map((c) => (
          <li key={c.source}>
            <strong>{sources[c.source]?.label ?? c.source}</strong>{' '}
            {c.error ? `could not be searched (${c.error}).` : <>has no documents in <code>{c.indexPattern}</code> for this window.</>}
          </li>
        ))}
      </ul>
    </EuiCallOut>
      <EuiSpacer size="m" />
    </>
  );
}
