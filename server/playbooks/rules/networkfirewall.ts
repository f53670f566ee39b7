import { i18n } from '@osd/i18n';
import { list } from '../narration';
import { PivotRule } from '../types';
import { formatBytes } from './vpcflowlogs';
import { counted } from './waf';

/** AWS Network Firewall (`log-aws-networkfirewall`): alerts and flows from or to the remote addresses. */
export const FIREWALL_TRAFFIC: PivotRule = {
  id: 'networkfirewall.remote_traffic',
  source: 'networkfirewall',
  get title() {
    return i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.title', { defaultMessage: 'Network Firewall alerts and flows with the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.question', { defaultMessage: 'Did the network firewall see the remote addresses, and did it block them?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip', 'destination.ip'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'kinds', field: 'event.module', get label() { return i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.facet.kinds', { defaultMessage: 'Record' }); }, sum: 'network.bytes' },
    { key: 'actions', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.facet.actions', { defaultMessage: 'Alert action' }); } },
    { key: 'signatures', field: 'rule.name', get label() { return i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.facet.signatures', { defaultMessage: 'Signature' }); } },
    { key: 'ports', field: 'destination.port', get label() { return i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.facet.ports', { defaultMessage: 'Destination port' }); } },
    { key: 'firewalls', field: 'service.node.name', get label() { return i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.facet.firewalls', { defaultMessage: 'Firewall' }); } },
  ],
  narrate: {
    chapter: 'access',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const kinds = facet('kinds');
      const alerts = kinds.find((b) => b.value === 'alert')?.count ?? 0;
      const flows = kinds.find((b) => b.value === 'netflow');
      const actions = facet('actions');
      return [
        {
          text: i18n.translate('siemInvestigations.rule.networkfirewall.remote_traffic.story', {
            defaultMessage:
              'AWS Network Firewall{hasFirewalls, select, yes { ({firewalls})} other {}} logged {alerts, plural, one {# alert} other {# alerts}} ({blocked} blocked, {allowed} allowed){hasSignatures, select, yes {: {signatures}} other {}} and {flows, plural, one {# flow} other {# flows}} ({bytes}) with the remote addresses{hasPorts, select, yes {, to port {ports}} other {}}.',
            values: {
              hasFirewalls: facet('firewalls').length ? 'yes' : 'no',
              firewalls: list(facet('firewalls').map((b) => b.value)),
              alerts,
              blocked: actions.find((b) => b.value === 'blocked')?.count ?? 0,
              allowed: actions.find((b) => b.value === 'allowed')?.count ?? 0,
              hasSignatures: facet('signatures').length ? 'yes' : 'no',
              signatures: list(facet('signatures').map(counted), 3),
              flows: flows?.count ?? 0,
              bytes: formatBytes(flows?.sum ?? 0),
              hasPorts: facet('ports').length ? 'yes' : 'no',
              ports: list(facet('ports').map((b) => b.value), 4),
            },
          }),
          evidence: [FIREWALL_TRAFFIC.id],
        },
      ];
    },
  },
};
