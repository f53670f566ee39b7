import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

/** RFC 1918, loopback, link-local and carrier-grade NAT: the VPC's side of a flow. */
export function isPrivateIpv4(ip: string): boolean {
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(ip);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/**
 * Which end of a flow is the remote one: the flow direction when the record has it (version 5
 * fields), otherwise the public address of the two.
 */
export function remoteEnd(doc: Parameters<ServerSourceAdapter['describe']>[0]): 'source' | 'destination' | undefined {
  const direction = first(doc, 'network.direction');
  if (direction === 'ingress') return 'source';
  if (direction === 'egress') return 'destination';
  const src = first(doc, 'source.ip');
  const dst = first(doc, 'destination.ip');
  if (src && dst && isPrivateIpv4(src) !== isPrivateIpv4(dst)) return isPrivateIpv4(src) ? 'destination' : 'source';
  return undefined;
}

export const vpcflowlogsServer: ServerSourceAdapter = {
  id: 'vpcflowlogs',
  reads: [
    '@timestamp',
    'event.action',
    'event.outcome',
    'source.ip',
    'source.port',
    'destination.ip',
    'destination.port',
    'network.transport',
    'network.direction',
    'network.bytes',
    'network.packets',
    'cloud.instance.id',
    'start',
    'end',
  ],
  describe(doc, timestamp) {
    const action = first(doc, 'event.action') ?? 'flow';
    const src = first(doc, 'source.ip') ?? '?';
    const dst = first(doc, 'destination.ip') ?? '?';
    const port = first(doc, 'destination.port');
    const transport = first(doc, 'network.transport');
    const bytes = first(doc, 'network.bytes');
    const packets = first(doc, 'network.packets');
    const instance = first(doc, 'cloud.instance.id');
    const outcome = first(doc, 'event.outcome');
    return {
      timestamp,
      action: i18n.translate('siemInvestigations.timeline.flow.action', { defaultMessage: 'flow {action}', values: { action } }),
      summary:
        `${action} ${src} → ${dst}${port ? `:${port}` : ''}${transport ? `/${transport}` : ''}` +
        (bytes ? i18n.translate('siemInvestigations.timeline.flow.bytes', { defaultMessage: ', {bytes} bytes', values: { bytes } }) : '') +
        (packets ? i18n.translate('siemInvestigations.timeline.flow.packets', { defaultMessage: ' in {packets} packets', values: { packets } }) : '') +
        (instance ? ` (${instance})` : ''),
      outcome,
      // Repeated records of one connection (every capture interval) merge into one entry.
      mergeKey: `vpcflowlogs|${action}|${src}|${dst}|${port}`,
    };
  },
  link(b, d) {
    const end = remoteEnd(d);
    if (!end) return;
    const remote = b.node('ip', first(d, end === 'source' ? 'source.ip' : 'destination.ip'));
    const inst = b.node('instance', first(d, 'cloud.instance.id'));
    const port = first(d, 'destination.port');
    const rejected = first(d, 'event.action') === 'REJECT';
    const relation = i18n.translate('siemInvestigations.graph.flow', { defaultMessage: '{rejected, select, yes {rejected flow} other {flow}}{hasPort, select, yes { to port {port}} other {}}', values: { rejected: rejected ? 'yes' : 'no', hasPort: port ? 'yes' : 'no', port: port ?? '' } });
    if (end === 'source') b.edge(remote, inst, relation);
    else b.edge(inst, remote, relation);
  },
};
