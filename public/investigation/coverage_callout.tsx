import React from 'react';
import { EuiCallOut, EuiSpacer } from '@elastic/eui';
import { SourceCoverage, SourceId } from '../../common/types';
import { SourceDefinitions } from '../../common/sources';
import { i18n } from '@osd/i18n';
import { FormattedMessage } from '@osd/i18n/react';

/** "No evidence" and "no data" are different answers: say which sources could not be seen. */
export function CoverageCallout({ coverage, sources, asked }: { coverage: SourceCoverage[]; sources: SourceDefinitions; asked?: SourceId[] }) {
  // A source the playbook does not search is not part of this finding's picture.
  const missing = coverage.filter(
    (c) => (c.docsInWindow === 0 || c.error || c.clusters?.some((k) => k.error)) && (!asked || asked.includes(c.source))
  );
  if (!missing.length) return null;
  return (
    <>
      <EuiCallOut size="s" color="warning" iconType="help" title={i18n.translate('siemInvestigations.investigation.coverageCallout.partOfThePicture', { defaultMessage: 'Part of the picture is missing' })} data-test-subj="coverageCallout">
      <ul style={{ margin: 0 }}>
        {missing.map((c) => (
          <li key={c.source}>
            <strong>{sources[c.source]?.label ?? c.source}</strong>{' '}
            {c.error ? (
              i18n.translate('siemInvestigations.investigation.coverage.error', { defaultMessage: 'could not be searched ({error}).', values: { error: c.error } })
            ) : c.docsInWindow === 0 ? (
              <FormattedMessage
                id="siemInvestigations.investigation.coverage.empty"
                defaultMessage="has no documents in {indexPattern} for this window."
                values={{ indexPattern: <code>{c.indexPattern}</code> }}
              />
            ) : (
              i18n.translate('siemInvestigations.investigation.coverage.partial', { defaultMessage: 'was searched in part:' })
            )}
            {c.clusters && (
              <ul data-test-subj="coverageClusters">
                {c.clusters.map((k) => (
                  <li key={k.cluster} data-test-subj="coverageCluster">
                    <FormattedMessage
                      id="siemInvestigations.investigation.coverage.cluster"
                      defaultMessage="cluster {cluster} ({indexPattern}):"
                      values={{ cluster: <strong>{k.cluster}</strong>, indexPattern: <code>{k.indexPattern}</code> }}
                    />{' '}
                    {k.error
                      ? i18n.translate('siemInvestigations.investigation.coverage.clusterError', { defaultMessage: 'not searched ({error})', values: { error: k.error } })
                      : i18n.translate('siemInvestigations.investigation.coverage.clusterDocs', {
                          defaultMessage: '{lowerBound, select, true {{count, number}+ documents} other {{count, number} documents}} in this window',
                          values: { count: k.docsInWindow, lowerBound: String(!!k.docsInWindowIsLowerBound) },
                        })}
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
