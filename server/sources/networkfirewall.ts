import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

export const networkfirewallServer: ServerSourceAdapter = {
  id: 'networkfirewall',
  reads: [
    '@timestamp',
    'event.module',
    'event.action',
    'event.kind',
    'rule.name',
    'rule.id',
    'source.ip',
    'source.port',
    'destination.ip',
    'destination.port',
    'network.transport',
    'network.protocol',
    'network.bytes',
    'network.packets',
    'service.node.name',
    'url.domain',
  ],
  describe(doc, timestamp) {
    const alert = first(doc, 'event.module') === 'alert';
    const action = first(doc, 'event.action');
    const src = first(doc, 'source.ip') ?? '?';
    const dst = first(doc, 'destination.ip') ?? '?';
    const port = first(doc, 'destination.port');
    const transport = first(doc, 'network.transport');
    const rule = first(doc, 'rule.name');
    const bytes = first(doc, 'network.bytes');
    const firewall = first(doc, 'service.node.name');
    return {
      timestamp,
      action: i18n.translate('siemInvestigations.timeline.networkfirewall.action', {
        defaultMessage: '{alert, select, yes {Network Firewall alert} other {Network Firewall flow}}{hasAction, select, yes { {action}} other {}}',
        values: { alert: alert ? 'yes' : 'no', hasAction: action ? 'yes' : 'no', action: action ?? '' },
      }),
      summary: i18n.translate('siemInvestigations.timeline.networkfirewall.summary', {
        defaultMessage: '{flow}{hasRule, select, yes {: {rule}} other {}}{hasBytes, select, yes {, {bytes} bytes} other {}}{hasFirewall, select, yes { ({firewall})} other {}}',
        values: {
          flow: `${src} → ${dst}${port ? `:${port}` : ''}${transport ? `/${transport}` : ''}`,
          hasRule: rule ? 'yes' : 'no',
          rule: rule ?? '',
          hasBytes: bytes ? 'yes' : 'no',
          bytes: bytes ?? '',
          hasFirewall: firewall ? 'yes' : 'no',
          firewall: firewall ?? '',
        },
      }),
      ...(action ? { outcome: action === 'blocked' ? 'failure' : 'success' } : {}),
      mergeKey: `networkfirewall|${alert ? 'alert' : 'flow'}|${action}|${rule}|${src}|${dst}|${port}`,
    };
  },
  link(b, d) {
    const alert = first(d, 'event.module') === 'alert';
    const blocked = first(d, 'event.action') === 'blocked';
    const port = first(d, 'destination.port');
    const relation = i18n.translate('siemInvestigations.graph.networkfirewall', {
      defaultMessage: '{kind, select, blocked {firewall blocked} alert {firewall alert} other {firewall flow}}{hasPort, select, yes { to port {port}} other {}}',
      values: { kind: alert ? (blocked ? 'blocked' : 'alert') : 'flow', hasPort: port ? 'yes' : 'no', port: port ?? '' },
    });
    b.edge(b.node('ip', first(d, 'source.ip')), b.node('ip', first(d, 'destination.ip')), relation);
  },
};
