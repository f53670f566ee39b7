import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { summarizeAttempts } from './attempts';
import { ServerSourceAdapter } from './types';

/** A brute force is hundreds of failures with connection noise in between: one run per address and host. */
const ATTEMPTS = 'linux|attempts|';

export const linuxSecureServer: ServerSourceAdapter = {
  id: 'linux_secure',
  reads: ['@timestamp', 'event.action', 'event.outcome', 'user.name', 'source.ip', 'host.hostname', 'cloud.instance.id', 'process.name', 'syslog_message'],
  describe(doc, timestamp) {
    const action = first(doc, 'event.action') ?? first(doc, 'process.name') ?? i18n.translate('siemInvestigations.timeline.linux.logLine', { defaultMessage: 'log line' });
    const outcome = first(doc, 'event.outcome');
    const ip = first(doc, 'source.ip');
    const user = first(doc, 'user.name');
    const host = first(doc, 'cloud.instance.id', 'host.hostname');
    const failed = outcome === 'failure';
    return {
      timestamp,
      action: `sshd ${action}`,
      summary: first(doc, 'syslog_message') ?? i18n.translate('siemInvestigations.timeline.linux.line', { defaultMessage: '{action}{user}{hasIp, select, yes { from {ip}} other {}}', values: { action, user: user ? ` ${user}` : '', hasIp: ip ? 'yes' : 'no', ip: ip ?? '' } }),
      outcome,
      // The logins that succeed stay apart, one entry per user.
      mergeKey: outcome === 'success' ? `linux|success|${user}|${ip}|${host}` : `${ATTEMPTS}${ip}|${host}`,
      ...(failed && user ? { failedUser: user } : {}),
      ...(failed && ip ? { spanKey: ip } : {}),
      failed,
    };
  },
  summarizeRun(run) {
    return summarizeAttempts(run, ATTEMPTS, {
      action: i18n.translate('siemInvestigations.timeline.linux.failedLoginsAction', { defaultMessage: 'sshd failed logins' }),
      // The address: from sshd's own line when it is there, else the run's key (`linux|attempts|<ip>|<host>`).
      from: (e) => /from (\S+)/.exec(e.summary)?.[1],
      sentence: ({ failures, names, from }) =>
        i18n.translate('siemInvestigations.timeline.linux.failedLogins', {
          defaultMessage: '{failures} failed logins{hasNames, select, yes { as {names}} other {}}{hasFrom, select, yes { from {from}} other {}}',
          values: { failures: String(failures), hasNames: names ? 'yes' : 'no', names, hasFrom: from ? 'yes' : 'no', from: from ?? '' },
        }),
    });
  },
  link(b, d) {
    const ip = b.node('ip', first(d, 'source.ip'));
    const inst = b.node('instance', first(d, 'cloud.instance.id'));
    const outcome = first(d, 'event.outcome');
    const user = first(d, 'user.name');
    if (outcome === 'success' && user) {
      const u = b.node('user', user);
      b.edge(ip, u, i18n.translate('siemInvestigations.graph.loggedInAs', { defaultMessage: 'logged in as' }));
      b.edge(u, inst, i18n.translate('siemInvestigations.graph.loggedInto', { defaultMessage: 'logged into' }));
    } else if (outcome === 'failure') {
      b.edge(ip, inst, 'failed SSH login');
    }
  },
};
