import { i18n } from '@osd/i18n';
import { list } from '../narration';
import { PivotRule } from '../types';

/** `1234567` → `1.2 MB`: an analyst compares orders of magnitude, not bytes. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0
    ? i18n.translate('siemInvestigations.story.bytes', { defaultMessage: '{n} bytes', values: { n: String(Math.round(v)) } })
    : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}

export const REMOTE_TRAFFIC: PivotRule = {
  id: 'vpcflowlogs.remote_traffic',
  source: 'vpcflowlogs',
  get title() {
    return i18n.translate('siemInvestigations.rule.vpcflowlogs.remote_traffic.title', { defaultMessage: 'Network flows with the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.vpcflowlogs.remote_traffic.question', { defaultMessage: 'Did the instance talk to the attacker, and how much left?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip', 'destination.ip'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'actions', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.vpcflowlogs.remote_traffic.facet.actions', { defaultMessage: 'Action' }); }, sum: 'network.bytes' },
    { key: 'destinations', field: 'destination.ip', get label() { return i18n.translate('siemInvestigations.rule.vpcflowlogs.remote_traffic.facet.destinations', { defaultMessage: 'Destination address' }); }, sum: 'network.bytes' },
    { key: 'ports', field: 'destination.port', get label() { return i18n.translate('siemInvestigations.rule.vpcflowlogs.remote_traffic.facet.ports', { defaultMessage: 'Destination port' }); } },
    { key: 'instances', field: 'cloud.instance.id', get label() { return i18n.translate('siemInvestigations.rule.vpcflowlogs.remote_traffic.facet.instances', { defaultMessage: 'Instance' }); } },
  ],
  narrate: {
    chapter: 'data',
    tell({ group, facet, entities }) {
      if (group.total === 0) return [];
      const actions = facet('actions');
      const accepted = actions.find((b) => b.value === 'ACCEPT');
      const rejected = actions.find((b) => b.value === 'REJECT')?.count ?? 0;
      const remote = new Set(entities.values('ip', 'remote'));
      // Bytes a record counts go from its source to its destination: what left is what went to a remote address.
      const sent = facet('destinations')
        .filter((b) => remote.has(b.value))
        .reduce((n, b) => n + (b.sum ?? 0), 0);
      const total = actions.reduce((n, b) => n + (b.sum ?? 0), 0);
      const instances = facet('instances').map((b) => b.value);
      const ports = facet('ports').map((b) => b.value);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.vpcflowlogs.remote_traffic.story', {
            defaultMessage:
              'VPC Flow Logs hold {total, plural, one {# flow record} other {# flow records}} with the remote addresses{hasInstances, select, yes { ({instances})} other {}}: {accepted} accepted, {rejected} rejected{hasPorts, select, yes {, to port {ports}} other {}}; {bytes} in all, {sent} of them sent to the remote addresses.',
            values: {
              total: group.total,
              hasInstances: instances.length ? 'yes' : 'no',
              instances: list(instances),
              accepted: accepted?.count ?? 0,
              rejected,
              hasPorts: ports.length ? 'yes' : 'no',
              ports: list(ports, 4),
              bytes: formatBytes(total),
              sent: formatBytes(sent),
            },
          }),
          evidence: [REMOTE_TRAFFIC.id],
        },
      ];
    },
  },
};
