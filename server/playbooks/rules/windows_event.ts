import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { LOGON_TYPES } from '../../sources/windows_event';
import { formatTime, list } from '../narration';
import { PivotRule } from '../types';

/** 4624 an account logged on, 4625 an account failed to log on (Windows Security log). */
const LOGONS = { terms: { 'event.code': ['4624', '4625'] } };

export const RDP_LOGONS: PivotRule = {
  id: 'windows_event.logons_from_attacker',
  source: 'windows_event',
  get title() {
    return i18n.translate('siemInvestigations.rule.windows_event.logons_from_attacker.title', { defaultMessage: 'Windows logons from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.windows_event.logons_from_attacker.question', { defaultMessage: 'Which accounts did the RDP brute force try?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  filter: [LOGONS],
  size: 50,
  facets: [
    { key: 'outcomes', field: 'event.outcome', get label() { return i18n.translate('siemInvestigations.rule.windows_event.logons_from_attacker.facet.outcomes', { defaultMessage: 'Outcome' }); } },
    { key: 'failedUsers', field: 'Event.EventData.Data.TargetUserName', get label() { return i18n.translate('siemInvestigations.rule.windows_event.logons_from_attacker.facet.failedUsers', { defaultMessage: 'Account (failed logons)' }); }, where: { term: { 'event.code': '4625' } } },
    { key: 'instances', field: 'cloud.instance.id', get label() { return i18n.translate('siemInvestigations.rule.windows_event.logons_from_attacker.facet.instances', { defaultMessage: 'Instance' }); } },
    { key: 'hosts', field: 'host.name', get label() { return i18n.translate('siemInvestigations.rule.windows_event.logons_from_attacker.facet.hosts', { defaultMessage: 'Computer' }); } },
  ],
  spans: { by: 'source.ip', where: { term: { 'event.code': '4625' } }, detail: 'Event.EventData.Data.TargetUserName' },
  narrate: {
    chapter: 'access',
    tell({ group, facet }) {
      const failed = facet('outcomes').find((b) => b.value === 'failure')?.count ?? 0;
      if (failed === 0) return [];
      const ips = [...new Set(group.hits.map((h) => first(h.doc, 'source.ip')).filter((v): v is string => !!v))];
      const targets = facet('instances').map((b) => b.value);
      const hosts = facet('hosts').map((b) => b.value);
      const top = facet('failedUsers')[0];
      return [
        {
          text: i18n.translate('siemInvestigations.rule.windows_event.logons_from_attacker.story', {
            defaultMessage:
              '{ips} made {failed, plural, one {# failed Windows logon} other {# failed Windows logons}} (event 4625){against, select, targets { against {targets}} hosts { against {hosts}} other {}}{hasTop, select, yes {, {share}% of them as "{topUser}".} other {.}}',
            values: {
              ips: list(ips),
              failed,
              against: targets.length ? 'targets' : hosts.length ? 'hosts' : 'none',
              targets: list(targets),
              hosts: list(hosts),
              hasTop: top ? 'yes' : 'no',
              share: top ? Math.min(100, Math.round((top.count / failed) * 100)) : 0,
              topUser: top?.value ?? '',
            },
          }),
          evidence: [RDP_LOGONS.id],
        },
      ];
    },
  },
};

export const RDP_SUCCESS: PivotRule = {
  id: 'windows_event.logon_success',
  source: 'windows_event',
  get title() {
    return i18n.translate('siemInvestigations.rule.windows_event.logon_success.title', { defaultMessage: 'Successful Windows logons from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.windows_event.logon_success.question', { defaultMessage: 'Did the RDP brute force succeed, and as which account?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  filter: [{ term: { 'event.code': '4624' } }],
  size: 50,
  facets: [
    { key: 'users', field: 'Event.EventData.Data.TargetUserName', get label() { return i18n.translate('siemInvestigations.rule.windows_event.logon_success.facet.users', { defaultMessage: 'Account' }); } },
    { key: 'logonTypes', field: 'Event.EventData.Data.LogonType', get label() { return i18n.translate('siemInvestigations.rule.windows_event.logon_success.facet.logonTypes', { defaultMessage: 'Logon type' }); } },
    { key: 'instances', field: 'cloud.instance.id', get label() { return i18n.translate('siemInvestigations.rule.windows_event.logon_success.facet.instances', { defaultMessage: 'Instance' }); } },
  ],
  yields: [{ entity: 'user', field: 'Event.EventData.Data.TargetUserName' }],
  narrate: {
    chapter: 'access',
    tell({ group, groupOf, facet }) {
      const tried = groupOf(RDP_LOGONS.id)?.total ?? 0;
      if (tried === 0 && group.total === 0) return [];
      if (group.total === 0) {
        return [
          {
            text: i18n.translate('siemInvestigations.rule.windows_event.logon_success.story.none', {
              defaultMessage: 'None of these Windows logons succeeded (no event 4624 from these addresses).',
            }),
            evidence: [RDP_LOGONS.id, RDP_SUCCESS.id],
          },
        ];
      }
      const h = group.hits[0];
      const who = facet('users').map((b) => `"${b.value}"`);
      const types = facet('logonTypes').map((b) => LOGON_TYPES[b.value] ?? `type ${b.value}`);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.windows_event.logon_success.story', {
            defaultMessage:
              'The logon succeeded: {ip} logged on as {users} at {time}{hasTypes, select, yes { ({types} logon)} other {}}{total, plural, one {.} other {; # successful logons in all.}}',
            values: {
              ip: first(h.doc, 'source.ip') ?? '',
              users: list(who),
              time: formatTime(h.timestamp),
              hasTypes: types.length ? 'yes' : 'no',
              types: list(types),
              total: group.total,
            },
          }),
          evidence: [RDP_SUCCESS.id],
        },
      ];
    },
  },
};
