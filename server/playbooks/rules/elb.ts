import { i18n } from '@osd/i18n';
import { list } from '../narration';
import { PivotRule } from '../types';
import { formatBytes } from './vpcflowlogs';
import { counted } from './waf';

/** Elastic Load Balancing access logs (`log-aws-elb`): the remote addresses' requests, answers and bytes. */
export const ELB_REQUESTS: PivotRule = {
  id: 'elb.remote_requests',
  source: 'elb',
  get title() {
    return i18n.translate('siemInvestigations.rule.elb.remote_requests.title', { defaultMessage: 'Load balancer requests from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.elb.remote_requests.question', { defaultMessage: 'Which requests of the remote addresses did the load balancers pass, with which answers and how much data?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'statuses', field: 'http.response.status_code', get label() { return i18n.translate('siemInvestigations.rule.elb.remote_requests.facet.statuses', { defaultMessage: 'Status code' }); }, sum: 'sent_bytes' },
    { key: 'balancers', field: 'elb', get label() { return i18n.translate('siemInvestigations.rule.elb.remote_requests.facet.balancers', { defaultMessage: 'Load balancer' }); }, sum: 'sent_bytes' },
    { key: 'paths', field: 'url.path', get label() { return i18n.translate('siemInvestigations.rule.elb.remote_requests.facet.paths', { defaultMessage: 'Path' }); } },
    { key: 'targets', field: 'destination.ip', get label() { return i18n.translate('siemInvestigations.rule.elb.remote_requests.facet.targets', { defaultMessage: 'Target' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.elb.remote_requests.facet.sourceIps', { defaultMessage: 'Source IP' }); }, sum: 'sent_bytes' },
  ],
  narrate: {
    chapter: 'access',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const sent = facet('balancers').reduce((n, b) => n + (b.sum ?? 0), 0);
      const targets = facet('targets').map((b) => b.value);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.elb.remote_requests.story', {
            defaultMessage:
              'The load balancers ({balancers}) logged {total, plural, one {# request} other {# requests}} from {ips}: status {statuses}; {bytes} sent to them{hasTargets, select, yes {, passed to {targets}} other {}}; paths: {paths}.',
            values: {
              balancers: list(facet('balancers').map((b) => b.value)),
              total: group.total,
              ips: list(facet('sourceIps').map((b) => b.value)),
              statuses: list(facet('statuses').map(counted), 5),
              bytes: formatBytes(sent),
              hasTargets: targets.length ? 'yes' : 'no',
              targets: list(targets),
              paths: list(facet('paths').map(counted), 4),
            },
          }),
          evidence: [ELB_REQUESTS.id],
        },
      ];
    },
  },
};
