import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { summarizeAttempts } from './attempts';
import { ServerSourceAdapter } from './types';

/** Logon types an analyst names (4624/4625 `LogonType`). */
export const LOGON_TYPES: Record<string, string> = {
  '2': 'interactive',
  '3': 'network',
  '7': 'unlock',
  '10': 'RDP',
  '11': 'cached',
};

const ATTEMPTS = 'win|attempts|';

export const windowsEventServer: ServerSourceAdapter = {
  id: 'windows_event',
  reads: [
    '@timestamp',
    'event.code',
    'event.action',
    'event.outcome',
    'Event.EventData.Data.TargetUserName',
    'Event.EventData.Data.TargetDomainName',
    'Event.EventData.Data.LogonType',
    'Event.EventData.Data.WorkstationName',
    'Event.EventData.Data.SubStatus',
    'source.ip',
    'host.name',
    'cloud.instance.id',
  ],
  describe(doc, timestamp) {
    const code = first(doc, 'event.code') ?? '?';
    const action = first(doc, 'event.action') ?? `event ${code}`;
    const outcome = first(doc, 'event.outcome');
    const user = first(doc, 'Event.EventData.Data.TargetUserName');
    const ip = first(doc, 'source.ip');
    const host = first(doc, 'cloud.instance.id', 'host.name');
    const type = LOGON_TYPES[first(doc, 'Event.EventData.Data.LogonType') ?? ''];
    const failed = outcome === 'failure';
    return {
      timestamp,
      action: `Windows ${action}`,
      summary: i18n.translate('siemInvestigations.timeline.windows_event.summary', {
        defaultMessage:
          '{code} {action}{hasType, select, yes { ({type})} other {}}{hasUser, select, yes { as {user}} other {}}{hasIp, select, yes { from {ip}} other {}}{hasHost, select, yes { on {host}} other {}}',
        values: { code, action, hasType: type ? 'yes' : 'no', type: type ?? '', hasUser: user ? 'yes' : 'no', user: user ?? '', hasIp: ip ? 'yes' : 'no', ip: ip ?? '', hasHost: host ? 'yes' : 'no', host: host ?? '' },
      }),
      outcome,
      // Failed logons of one address merge into one run; each successful logon stays apart per user.
      mergeKey: failed ? `${ATTEMPTS}${ip}|${host}` : `win|${code}|${user}|${ip}|${host}`,
      ...(failed && user ? { failedUser: user } : {}),
      ...(failed && ip ? { spanKey: ip } : {}),
      failed,
    };
  },
  summarizeRun(run) {
    return summarizeAttempts(run, ATTEMPTS, {
      action: 'Windows failed logons',
      sentence: ({ failures, names, from }) =>
        i18n.translate('siemInvestigations.timeline.windows_event.failedRun', {
          defaultMessage: '{failures, number} failed logons{hasNames, select, yes { as {names}} other {}}{hasFrom, select, yes { from {from}} other {}}',
          values: { failures, hasNames: names ? 'yes' : 'no', names, hasFrom: from ? 'yes' : 'no', from: from ?? '' },
        }),
    });
  },
  link(b, d) {
    const ip = b.node('ip', first(d, 'source.ip'));
    const inst = b.node('instance', first(d, 'cloud.instance.id'));
    const outcome = first(d, 'event.outcome');
    const user = first(d, 'Event.EventData.Data.TargetUserName');
    if (outcome === 'success' && user) {
      const u = b.node('user', user);
      b.edge(ip, u, 'logged on as');
      b.edge(u, inst, 'logged on to');
    } else if (outcome === 'failure') {
      b.edge(ip, inst, 'failed Windows logon');
    }
  },
};
