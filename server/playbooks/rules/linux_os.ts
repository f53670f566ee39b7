import { i18n } from '@osd/i18n';
import { newAccountName } from '../../sources/linux_os';
import { first } from '../../../common/flatten';
import { formatTime, list } from '../narration';
import { PivotRule } from '../types';
import { SSH_SUCCESS } from './linux_secure';

/** Programs that create or change local accounts (shadow-utils), as syslog names them. */
export const ACCOUNT_PROGRAMS = ['useradd', 'usermod', 'userdel', 'groupadd', 'groupmod', 'gpasswd', 'passwd', 'chpasswd', 'chage'];

/** The first successful SSH login of the investigation, if any: what follows it is the attacker's. */
function loginOf(groupOf: Parameters<NonNullable<PivotRule['narrate']>['tell']>[0]['groupOf']): { at: string; user?: string } | undefined {
  const h = groupOf(SSH_SUCCESS.id)?.hits[0];
  return h ? { at: h.timestamp, user: first(h.doc, 'user.name') } : undefined;
}

export const ACCOUNT_CHANGES: PivotRule = {
  id: 'linux_os.account_changes',
  source: 'linux_os',
  get title() {
    return i18n.translate('siemInvestigations.rule.linux_os.account_changes.title', { defaultMessage: 'Local accounts created or changed on the instance' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.linux_os.account_changes.question', { defaultMessage: 'Were local accounts created or changed on the instance?' });
  },
  match: [{ entity: 'instance', fields: ['cloud.instance.id'] }],
  filter: [{ terms: { 'process.name': ACCOUNT_PROGRAMS } }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'programs', field: 'process.name', get label() { return i18n.translate('siemInvestigations.rule.linux_os.account_changes.facet.programs', { defaultMessage: 'Program' }); } },
    { key: 'instances', field: 'cloud.instance.id', get label() { return i18n.translate('siemInvestigations.rule.linux_os.account_changes.facet.instances', { defaultMessage: 'Instance' }); } },
  ],
  narrate: {
    chapter: 'permissions',
    tell({ group, facet, groupOf }) {
      if (group.total === 0) return [];
      const login = loginOf(groupOf);
      const after = login ? group.hits.filter((h) => Date.parse(h.timestamp) >= Date.parse(login.at)) : group.hits;
      const created = [...new Set(after.map((h) => newAccountName(first(h.doc, 'syslog_message') ?? '')).filter((v): v is string => !!v))];
      const programs = facet('programs').map((b) => `${b.value} ×${b.count}`);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.linux_os.account_changes.story', {
            defaultMessage:
              "The instance's system log records {total, plural, one {# account change} other {# account changes}} ({programs}){hasLogin, select, yes {, {after, number} of them after the SSH login at {loginAt}} other {}}{hasCreated, select, yes {; new local account {created}.} other {.}}",
            values: {
              total: group.total,
              programs: list(programs, 4),
              hasLogin: login ? 'yes' : 'no',
              after: after.length,
              loginAt: login ? formatTime(login.at) : '',
              hasCreated: created.length ? 'yes' : 'no',
              created: list(created.map((u) => `"${u}"`)),
            },
          }),
          evidence: [ACCOUNT_CHANGES.id],
        },
      ];
    },
  },
};

/**
 * sudo and su: es-loader routes these lines to `log-linux-secure` (sf_linux_os_syslog.py), with the
 * sudo command in `event.action` and the invoking user in `user.name`.
 */
export const PRIVILEGE_USE: PivotRule = {
  id: 'linux_secure.privilege_use',
  source: 'linux_secure',
  get title() {
    return i18n.translate('siemInvestigations.rule.linux_secure.privilege_use.title', { defaultMessage: 'sudo and su on the instance' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.linux_secure.privilege_use.question', { defaultMessage: 'What did the accounts on the instance run as root?' });
  },
  match: [{ entity: 'instance', fields: ['cloud.instance.id'] }],
  filter: [{ terms: { 'process.name': ['sudo', 'su'] } }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'users', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.privilege_use.facet.users', { defaultMessage: 'User' }); } },
    { key: 'commands', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.privilege_use.facet.commands', { defaultMessage: 'Command' }); }, where: { bool: { must_not: [{ terms: { 'event.action': ['session opened', 'session closed'] } }] } } },
    { key: 'programs', field: 'process.name', get label() { return i18n.translate('siemInvestigations.rule.linux_secure.privilege_use.facet.programs', { defaultMessage: 'Program' }); } },
  ],
  narrate: {
    chapter: 'activity',
    tell({ group, facet, groupOf }) {
      if (group.total === 0) return [];
      const login = loginOf(groupOf);
      const after = login ? group.hits.filter((h) => Date.parse(h.timestamp) >= Date.parse(login.at)) : group.hits;
      const byIntruder = login?.user ? after.filter((h) => first(h.doc, 'user.name') === login.user) : [];
      const commands = [...new Set(byIntruder.map((h) => first(h.doc, 'event.action') ?? '').filter((c) => c && !/^session (opened|closed)$/.test(c)))];
      const users = facet('users').map((b) => `"${b.value}" (${b.count})`);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.linux_secure.privilege_use.story', {
            defaultMessage:
              'sudo/su ran {total, plural, one {# time} other {# times}} on the instance{hasUsers, select, yes { by {users}} other {}}{hasLogin, select, yes {; {after, number} after the SSH login at {loginAt}} other {}}{hasCommands, select, yes {; "{loginUser}" ran as root: {commands}.} other {.}}',
            values: {
              total: group.total,
              hasUsers: users.length ? 'yes' : 'no',
              users: list(users, 4),
              hasLogin: login ? 'yes' : 'no',
              after: after.length,
              loginAt: login ? formatTime(login.at) : '',
              hasCommands: commands.length ? 'yes' : 'no',
              loginUser: login?.user ?? '',
              commands: list(commands.map((c) => `"${c}"`), 4),
            },
          }),
          evidence: [PRIVILEGE_USE.id],
        },
      ];
    },
  },
};
