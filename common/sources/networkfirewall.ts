import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * AWS Network Firewall alert and flow logs as es-loader stores them (SIEM on Amazon OpenSearch
 * Service, `aws.ini` section `[networkfirewall]`, `siem/sf_networkfirewall.py`): index
 * `log-aws-networkfirewall`, the record at its own paths (`firewall_name`, `availability_zone`,
 * `event.event_type`, `event.src_ip`, `event.alert.*`, `event.netflow.*`), `@timestamp` from
 * `event.timestamp`, ECS `event.module` = event_type (`alert` or `netflow`), `event.action` = the
 * alert's action (`blocked`, `allowed`), `rule.name` = the alert's signature, `rule.id` = its
 * signature id, `source.ip`/`destination.ip`/ports, `network.bytes`/`network.packets` of a flow,
 * `service.node.name` = the firewall, `network.transport`; an alert is `event.kind` alert.
 */
export const networkfirewall: SourceAdapter = {
  definition: {
    id: 'networkfirewall',
    label: 'AWS Network Firewall logs',
    indexPattern: 'log-aws-networkfirewall-*',
    timeField: '@timestamp',
    indexPatternId: 'a091f6b0-800e-11eb-8df6-bfc8c422de10',
    columns: ['@timestamp', 'event.module', 'event.action', 'rule.name', 'source.ip', 'source.port', 'destination.ip', 'destination.port', 'network.transport', 'network.bytes', 'service.node.name'],
  },
  attachmentType: 'event',
  title(doc) {
    const src = first(doc, 'source.ip');
    const dst = first(doc, 'destination.ip');
    if (!src || !dst) return undefined;
    const port = first(doc, 'destination.port');
    const rule = first(doc, 'rule.name');
    const action = first(doc, 'event.action');
    const kind = first(doc, 'event.module') === 'alert' ? 'alert' : 'flow';
    return `Network Firewall ${kind}${action ? ` ${action}` : ''} ${src} → ${dst}${port ? `:${port}` : ''}${rule ? ` (${rule})` : ''}`;
  },
};
