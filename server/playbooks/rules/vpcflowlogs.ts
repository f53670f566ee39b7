import { list, plural } from '../narration';
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
  return u === 0 ? `${Math.round(v)} ${units[0]}` : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}

export const REMOTE_TRAFFIC: PivotRule = {
  id: 'vpcflowlogs.remote_traffic',
  source: 'vpcflowlogs',
  title: 'Network flows with the remote addresses',
  question: 'Did the instance talk to the attacker, and how much left?',
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip', 'destination.ip'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'actions', field: 'event.action', label: 'Action', sum: 'network.bytes' },
    { key: 'destinations', field: 'destination.ip', label: 'Destination address', sum: 'network.bytes' },
    { key: 'ports', field: 'destination.port', label: 'Destination port' },
    { key: 'instances', field: 'cloud.instance.id', label: 'Instance' },
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
          text:
            `VPC Flow Logs hold ${plural(group.total, 'flow record')} with the remote addresses` +
            (instances.length ? ` (${list(instances)})` : '') +
            `: ${accepted?.count ?? 0} accepted, ${rejected} rejected` +
            (ports.length ? `, to port ${list(ports, 4)}` : '') +
            `; ${formatBytes(total)} in all, ${formatBytes(sent)} of them sent to the remote addresses.`,
          evidence: [REMOTE_TRAFFIC.id],
        },
      ];
    },
  },
};
