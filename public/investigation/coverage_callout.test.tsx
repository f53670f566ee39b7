import { I18nProvider } from '@osd/i18n/react';
import React from 'react';
import { render, screen } from '@testing-library/react';
import '../testing/test_ids';
import { DEFAULT_SOURCES } from '../../common/sources';
import { SourceCoverage } from '../../common/types';
import { CoverageCallout } from './coverage_callout';

const coverage: SourceCoverage[] = [
  { source: 'guardduty', indexPattern: 'log-aws-guardduty-*', docsInWindow: 4 },
  { source: 'vpcflowlogs', indexPattern: 'log-aws-vpcflowlogs-*', docsInWindow: 0, absent: true },
  { source: 'r53resolver', indexPattern: 'log-aws-r53resolver-*', docsInWindow: 0, absent: true },
];

describe('the coverage callout', () => {
  it('names only the missing sources the playbook searches', () => {
    render(<I18nProvider><CoverageCallout coverage={coverage} sources={DEFAULT_SOURCES} asked={['guardduty', 'vpcflowlogs']} /></I18nProvider>);
    const callout = screen.getByTestId('coverageCallout');
    expect(callout).toHaveTextContent('VPC Flow Logs has no documents in log-aws-vpcflowlogs-* for this window.');
    expect(callout).not.toHaveTextContent('Route 53 Resolver');
  });

  it('shows nothing when every source the playbook searches has data', () => {
    render(<I18nProvider><CoverageCallout coverage={coverage} sources={DEFAULT_SOURCES} asked={['guardduty']} /></I18nProvider>);
    expect(screen.queryByTestId('coverageCallout')).toBeNull();
  });

  it('lists the clusters of a cross-cluster source, a remote that did not answer as its own line', () => {
    const ccs: SourceCoverage[] = [
      {
        source: 'cloudtrail',
        indexPattern: 'log-aws-cloudtrail-*,other:log-aws-cloudtrail-*',
        docsInWindow: 1200,
        clusters: [
          { cluster: '(local)', indexPattern: 'log-aws-cloudtrail-*', docsInWindow: 1200 },
          { cluster: 'other', indexPattern: 'other:log-aws-cloudtrail-*', docsInWindow: 0, error: '1 of 1 clusters did not answer' },
        ],
      },
    ];
    render(<I18nProvider><CoverageCallout coverage={ccs} sources={DEFAULT_SOURCES} asked={['cloudtrail']} /></I18nProvider>);
    const lines = screen.getAllByTestId('coverageCluster');
    expect(lines[0]).toHaveTextContent('cluster (local) (log-aws-cloudtrail-*): 1,200 documents in this window');
    expect(lines[1]).toHaveTextContent('cluster other (other:log-aws-cloudtrail-*): not searched (1 of 1 clusters did not answer)');
  });

  it('names every missing source when it does not know the playbook (an older saved investigation)', () => {
    render(<I18nProvider><CoverageCallout coverage={coverage} sources={DEFAULT_SOURCES} /></I18nProvider>);
    expect(screen.getByTestId('coverageCallout')).toHaveTextContent('Route 53 Resolver');
  });
});
