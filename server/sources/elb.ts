import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

export const elbServer: ServerSourceAdapter = {
  id: 'elb',
  reads: [
    '@timestamp',
    'elb',
    'source.ip',
    'destination.ip',
    'destination.port',
    'http.request.method',
    'url.domain',
    'url.path',
    'url.query',
    'http.response.status_code',
    'target_status_code',
    'http.response.bytes',
    'http.request.bytes',
    'actions_executed',
    'user_agent.original',
  ],
  describe(doc, timestamp) {
    const lb = first(doc, 'elb') ?? '?';
    const ip = first(doc, 'source.ip');
    const method = first(doc, 'http.request.method') ?? '';
    const path = first(doc, 'url.path') ?? '/';
    const status = first(doc, 'http.response.status_code');
    const bytes = first(doc, 'http.response.bytes');
    const target = first(doc, 'destination.ip');
    const ok = status ? /^[23]/.test(status) : undefined;
    return {
      timestamp,
      action: i18n.translate('siemInvestigations.timeline.elb.action', { defaultMessage: 'load balancer request' }),
      summary: i18n.translate('siemInvestigations.timeline.elb.summary', {
        defaultMessage:
          '{lb}: {method} {path}{hasIp, select, yes { from {ip}} other {}}{hasStatus, select, yes { → {status}} other {}}{hasBytes, select, yes {, {bytes} bytes sent} other {}}{hasTarget, select, yes { (target {target})} other {}}',
        values: { lb, method, path, hasIp: ip ? 'yes' : 'no', ip: ip ?? '', hasStatus: status ? 'yes' : 'no', status: status ?? '', hasBytes: bytes ? 'yes' : 'no', bytes: bytes ?? '', hasTarget: target ? 'yes' : 'no', target: target ?? '' },
      }),
      ...(ok === undefined ? {} : { outcome: ok ? 'success' : 'failure' }),
      mergeKey: `elb|${lb}|${ip}|${method}|${path}|${status}`,
    };
  },
  link(b, d) {
    // The remote address reached the target behind the load balancer (an instance's private address).
    const target = first(d, 'destination.ip');
    if (!target) return;
    b.edge(b.node('ip', first(d, 'source.ip')), b.node('ip', target), i18n.translate('siemInvestigations.graph.elb', { defaultMessage: 'HTTP via load balancer' }));
  },
};
