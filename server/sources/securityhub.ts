import { i18n } from '@osd/i18n';
import { first, values } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

/** Findings about a resource repeat a lot: the graph shows the first few of a group. */
const GRAPH_FINDINGS = 5;

export const securityhubServer: ServerSourceAdapter = {
  id: 'securityhub',
  reads: [
    '@timestamp',
    '@id',
    'event.module',
    'Title',
    'Types',
    'Severity.Label',
    'rule.name',
    'rule.description',
    'ProductFields.aws/inspector/id',
    'ProductFields.attributes/INSTANCE_ID',
    'Resources.Id',
    'Resources.Type',
    'cloud.instance.id',
    'ThreatFamilyName',
    'Workflow.Status',
    'Compliance.SecurityControlId',
    'Compliance.Status',
    'Vulnerabilities.Id',
    'Vulnerabilities.VulnerablePackages.Name',
    'Vulnerabilities.Cvss.BaseScore',
  ],
  describe(doc, timestamp) {
    const module = first(doc, 'event.module') ?? 'securityhub';
    const label = i18n.translate('siemInvestigations.timeline.securityhub.finding', { defaultMessage: '{module, select, inspector {Inspector finding} macie {Macie finding} other {Security Hub finding}}', values: { module } });
    return { timestamp, action: label, summary: first(doc, 'Title', 'rule.name') ?? label, mergeKey: `securityhub|${first(doc, '@id')}` };
  },
  link(b, d, rank) {
    if (rank >= GRAPH_FINDINGS) return;
    const f = b.node('finding', first(d, '@id'), first(d, 'Title', 'rule.name'));
    b.edge(f, b.node('instance', first(d, 'cloud.instance.id', 'ProductFields.attributes/INSTANCE_ID')), 'reports');
    for (const arn of values(d, 'Resources.Id')) {
      if (arn.startsWith('arn:aws:s3:::')) b.edge(f, b.node('bucket', arn.slice('arn:aws:s3:::'.length)), 'reports');
    }
  },
};
