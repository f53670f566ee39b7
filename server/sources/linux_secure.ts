import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

/** A brute force is hundreds of failures with connection noise in between: one run per address and host. */
const ATTEMPTS = 'linux|attempts|';

export const linuxSecureServer: ServerSourceAdapter = {
  id: 'linux_secure',
  reads: ['@timestamp', 'event.action', 'event.outcome', 'user.name', 'source.ip', 'host.hostname', 'cloud.instance.id', 'process.name', 'syslog_message'],
  describe(doc, timestamp) {
    const action = first(doc, 'event.action') ?? first(doc, 'process.name') ?? 'log line';
    const outcome = first(doc, 'event.outcome');
    const ip = first(doc, 'source.ip');
    const user = first(doc, 'user.name');
    const host = first(doc, 'cloud.instance.id', 'host.hostname');
    const failed = outcome === 'failure';
    return {
      timestamp,
      action: `sshd ${action}`,
      summary: first(doc, 'syslog_message') ?? `${action}${user ? ` ${user}` : ''}${ip ? ` from ${ip}` : ''}`,
      outcome,
      // The logins that succeed stay apart, one entry per user.
      mergeKey: outcome === 'success' ? `linux|success|${user}|${ip}|${host}` : `${ATTEMPTS}${ip}|${host}`,
      ...(failed && user ? { failedUser: user } : {}),
      ...(failed && ip ? { spanKey: ip } : {}),
      failed,
    };
  },
  summarizeRun({ mergeKey, failures, users, ...e }) {
    if (!mergeKey.startsWith(ATTEMPTS) || failures === 0 || (e.count ?? 1) === 1) return e;
    const top = [...users.entries()].sort((x, y) => y[1] - x[1]);
    const names = top.slice(0, 3).map(([u, n]) => `${u} ×${n}`).join(', ') + (top.length > 3 ? ', …' : '');
    const from = /from (\S+)/.exec(e.summary)?.[1];
    return {
      ...e,
      action: 'sshd failed logins',
      outcome: 'failure',
      count: failures,
      summary: `${failures} failed logins${names ? ` as ${names}` : ''}${from ? ` from ${from}` : ''}`,
    };
  },
  link(b, d) {
    const ip = b.node('ip', first(d, 'source.ip'));
    const inst = b.node('instance', first(d, 'cloud.instance.id'));
    const outcome = first(d, 'event.outcome');
    const user = first(d, 'user.name');
    if (outcome === 'success' && user) {
      const u = b.node('user', user);
      b.edge(ip, u, 'logged in as');
      b.edge(u, inst, 'logged into');
    } else if (outcome === 'failure') {
      b.edge(ip, inst, 'failed SSH login');
    }
  },
};
