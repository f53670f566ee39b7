import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

export const linuxOsServer: ServerSourceAdapter = {
  id: 'linux_os',
  reads: ['@timestamp', 'process.name', 'host.hostname', 'cloud.instance.id', 'syslog_message'],
  describe(doc, timestamp) {
    const proc = first(doc, 'process.name') ?? 'syslog';
    const host = first(doc, 'cloud.instance.id', 'host.hostname');
    const message = first(doc, 'syslog_message') ?? proc;
    return { timestamp, action: proc, summary: `${message}${host ? ` (${host})` : ''}`, mergeKey: `linux_os|${host}|${proc}|${message}` };
  },
  link(b, d) {
    const user = newAccountName(first(d, 'syslog_message') ?? '');
    if (!user) return;
    b.edge(b.node('instance', first(d, 'cloud.instance.id')), b.node('user', user), 'account created');
  },
};

/** The account a `useradd` line creates (`new user: name=backdoor, UID=1001, …`). */
export function newAccountName(message: string): string | undefined {
  return /^new user: name=([^,\s]+)/.exec(message)?.[1];
}
