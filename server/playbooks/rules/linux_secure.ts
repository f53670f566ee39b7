import { first } from '../../../common/flatten';
import { formatTime, list, plural } from '../narration';
import { PivotRule } from '../types';

const sshd = { term: { 'process.name': 'sshd' } };

export const SSH_FROM_ATTACKER: PivotRule = {
  id: 'linux_secure.ssh_from_attacker',
  source: 'linux_secure',
  title: 'SSH attempts from the remote addresses',
  question: 'Which accounts did the SSH brute force try?',
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  filter: [sshd],
  size: 50,
  facets: [
    { key: 'failedUsers', field: 'user.name', label: 'User name (failed logins)', where: { term: { 'event.outcome': 'failure' } } },
    { key: 'outcomes', field: 'event.outcome', label: 'Outcome' },
    { key: 'failureKinds', field: 'event.action', label: 'Kind of failure', where: { term: { 'event.outcome': 'failure' } } },
    { key: 'users', field: 'user.name', label: 'User name (all lines)' },
    { key: 'instances', field: 'cloud.instance.id', label: 'Instance' },
  ],
  spans: {
    by: 'source.ip',
    where: { term: { 'event.outcome': 'failure' } },
    countWhere: { term: { 'event.action': 'Failed' } },
    detail: 'user.name',
  },
  narrate: {
    chapter: 'access',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      // sshd logs a wrong password as "Failed password …" and, before that, an account that does not
      // exist as "Invalid user …": one attempt can be two failure lines, so they are counted apart.
      const kinds = facet('failureKinds');
      const passwords = kinds.find((b) => b.value === 'Failed')?.count ?? 0;
      const unknownUsers = kinds.find((b) => b.value === 'Invalid user')?.count ?? 0;
      const attempts = passwords || (facet('outcomes').find((b) => b.value === 'failure')?.count ?? 0);
      const top = facet('failedUsers')[0];
      const ips = [...new Set(group.hits.map((h) => first(h.doc, 'source.ip')).filter((v): v is string => !!v))];
      const targets = facet('instances').map((b) => b.value);
      return [
        {
          text:
            `${list(ips)} made ${plural(attempts, 'failed SSH login')}` +
            (targets.length ? ` against ${list(targets)}` : '') +
            (top && attempts ? `, ${Math.min(100, Math.round((top.count / attempts) * 100))}% of them as "${top.value}"` : '') +
            (unknownUsers ? `; ${plural(unknownUsers, 'attempt')} named an account that does not exist ("Invalid user").` : '.'),
          evidence: [SSH_FROM_ATTACKER.id],
        },
      ];
    },
  },
};

export const SSH_SUCCESS: PivotRule = {
  id: 'linux_secure.ssh_success',
  source: 'linux_secure',
  title: 'Successful SSH logins from the remote addresses',
  question: 'Did the SSH brute force succeed?',
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  filter: [sshd, { term: { 'event.outcome': 'success' } }, { exists: { field: 'user.name' } }],
  size: 50,
  facets: [
    { key: 'users', field: 'user.name', label: 'User name' },
    { key: 'instances', field: 'cloud.instance.id', label: 'Instance' },
  ],
  yields: [{ entity: 'user', field: 'user.name' }],
  narrate: {
    chapter: 'access',
    tell({ group, groupOf, facet }) {
      if ((groupOf(SSH_FROM_ATTACKER.id)?.total ?? 0) === 0) return [];
      if (group.total === 0) return [{ text: 'None of these SSH attempts succeeded.', evidence: [SSH_FROM_ATTACKER.id, SSH_SUCCESS.id] }];
      const h = group.hits[0];
      const who = facet('users').map((b) => `"${b.value}"`);
      return [
        {
          text:
            `The brute force succeeded: ${first(h.doc, 'source.ip')} logged in as ${list(who)} at ${formatTime(h.timestamp)}` +
            (group.total > 1 ? ` (${plural(group.total, 'successful login')} in all).` : '.'),
          evidence: [SSH_SUCCESS.id],
        },
      ];
    },
  },
};
