import { first } from '../../common/flatten';
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
      summary: `${code} ${action}${type ? ` (${type})` : ''}${user ? ` as ${user}` : ''}${ip ? ` from ${ip}` : ''}${host ? ` on ${host}` : ''}`,
      outcome,
      // Failed logons of one address merge into one run; each successful logon stays apart per user.
      mergeKey: failed ? `${ATTEMPTS}${ip}|${host}` : `win|${code}|${user}|${ip}|${host}`,
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
    return { ...e, action: 'Windows failed logons', outcome: 'failure', count: failures, summary: `${failures} failed logons${names ? ` as ${names}` : ''}${from ? ` from ${from}` : ''}` };
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
