import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { formatTime, list } from '../narration';
import { PivotRule } from '../types';

const sshd = { term: { 'process.name': 'sshd' } };

export const SSH_FROM_ATTACKER: PivotRule = {
  id: 'linux_secure.ssh_from_attacker',
  source: 'linux_secure',
  get title() {
    return i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.title', { defaultMessage: 'SSH attempts from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.question', { defaultMessage: 'Which accounts did the SSH brute force try?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  filter: [sshd],
  size: 50,
  facets: [
    { key: 'failedUsers', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.facet.failedUsers', { defaultMessage: 'User name (failed logins)' }); }, where: { term: { 'event.outcome': 'failure' } } },
    { key: 'outcomes', field: 'event.outcome', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.facet.outcomes', { defaultMessage: 'Outcome' }); } },
    { key: 'failureKinds', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.facet.failureKinds', { defaultMessage: 'Kind of failure' }); }, where: { term: { 'event.outcome': 'failure' } } },
    { key: 'users', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.facet.users', { defaultMessage: 'User name (all lines)' }); } },
    { key: 'instances', field: 'cloud.instance.id', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.facet.instances', { defaultMessage: 'Instance' }); } },
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
          // One message: the parts an analyst reads together, each present or not (ICU `select`).
          text: i18n.translate('siemInvestigations.rule.linux_secure.ssh_from_attacker.story', {
            defaultMessage:
              '{ips} made {partial, select, yes {at least } other {}}{attempts, plural, one {# failed SSH login} other {# failed SSH logins}}{hasTargets, select, yes { against {targets}} other {}}{hasTop, select, yes {, {share}% of them as "{topUser}"} other {}}{unknownUsers, plural, =0 {.} one {; # attempt named an account that does not exist ("Invalid user").} other {; # attempts named an account that does not exist ("Invalid user").}}',
            values: {
              ips: list(ips),
              // Counted from the documents collected when the search stopped early (`breakdownIsPartial`).
              partial: group.breakdownIsPartial ? 'yes' : 'no',
              attempts,
              hasTargets: targets.length ? 'yes' : 'no',
              targets: list(targets),
              hasTop: top && attempts ? 'yes' : 'no',
              share: top && attempts ? Math.min(100, Math.round((top.count / attempts) * 100)) : 0,
              topUser: top?.value ?? '',
              unknownUsers,
            },
          }),
          evidence: [SSH_FROM_ATTACKER.id],
        },
      ];
    },
  },
};

export const SSH_SUCCESS: PivotRule = {
  id: 'linux_secure.ssh_success',
  source: 'linux_secure',
  get title() {
    return i18n.translate('siemInvestigations.rule.linux_secure.ssh_success.title', { defaultMessage: 'Successful SSH logins from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.linux_secure.ssh_success.question', { defaultMessage: 'Did the SSH brute force succeed?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  filter: [sshd, { term: { 'event.outcome': 'success' } }, { exists: { field: 'user.name' } }],
  size: 50,
  facets: [
    { key: 'users', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.ssh_success.facet.users', { defaultMessage: 'User name' }); } },
    { key: 'instances', field: 'cloud.instance.id', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.ssh_success.facet.instances', { defaultMessage: 'Instance' }); } },
  ],
  yields: [{ entity: 'user', field: 'user.name' }],
  narrate: {
    chapter: 'access',
    tell({ group, groupOf, facet }) {
      if ((groupOf(SSH_FROM_ATTACKER.id)?.total ?? 0) === 0) return [];
      if (group.total === 0) {
        return [
          {
            text: i18n.translate('siemInvestigations.rule.linux_secure.ssh_success.story.none', { defaultMessage: 'None of these SSH attempts succeeded.' }),
            evidence: [SSH_FROM_ATTACKER.id, SSH_SUCCESS.id],
          },
        ];
      }
      const h = group.hits[0];
      const who = facet('users').map((b) => `"${b.value}"`);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.linux_secure.ssh_success.story', {
            defaultMessage: 'The brute force succeeded: {ip} logged in as {users} at {time}{total, plural, one {.} other { (# successful logins in all).}}',
            values: { ip: first(h.doc, 'source.ip') ?? '', users: list(who), time: formatTime(h.timestamp), total: group.total },
          }),
          evidence: [SSH_SUCCESS.id],
        },
      ];
    },
  },
};
