import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { CREATION_CALLS, describeCreation } from '../../sources/cloudtrail';
import { formatTime, list } from '../narration';
import { CHAIN_RULES, foundBy, namedByFinding, notOnlyFoundBy, seenBy } from '../provenance';
import { PivotRule } from '../types';

/**
 * Credential chains in CloudTrail: what the finding's credentials created or handed out, what those
 * new credentials and principals did next, who created the finding's own key or user, and the
 * console sign-ins of the user and from the attacker's addresses.
 *
 * Fields as es-loader stores them (aws.ini [cloudtrail], sf_cloudtrail.py): the raw record is kept at
 * its paths, so the new key of `CreateAccessKey` is `responseElements.accessKey.accessKeyId` and the
 * temporary key of `AssumeRole` / `GetSessionToken` / `GetFederationToken` is
 * `responseElements.credentials.accessKeyId`; `responseElements.role` (CreateRole) is flattened to
 * text by `json_to_text`, so a created role is read from `requestParameters.roleName`. Names are
 * qualified by the account (`cloud.account.id` = `recipientAccountId`).
 */

/** Calls that issue an access key (the backward question: who issued this one?). */
const ISSUING_CALLS = ['CreateUser', 'CreateAccessKey', 'AssumeRole', 'GetSessionToken', 'GetFederationToken'];

/** EC2 delivering instance-role credentials: told by `cloudtrail.instance_credentials`, not a chain. */
const NOT_EC2_DELIVERY = { bool: { must_not: [{ term: { 'source.address': 'ec2.amazonaws.com' } }] } };

const KEY_FIELDS = ['responseElements.accessKey.accessKeyId', 'responseElements.credentials.accessKeyId'];

export const CREATED_CREDENTIALS: PivotRule = {
  id: 'cloudtrail.created_credentials',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.title', { defaultMessage: 'Principals and credentials created or handed out' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.question', { defaultMessage: 'Which users, keys, roles, permissions and temporary credentials did the credentials create or hand out?' });
  },
  match: [{ entity: 'access_key', fields: ['user.id'] }],
  filter: [{ terms: { eventName: CREATION_CALLS } }],
  size: 50,
  facets: [
    { key: 'calls', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.facet.calls', { defaultMessage: 'Call' }); } },
    { key: 'outcomes', field: 'event.outcome', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.facet.outcomes', { defaultMessage: 'Outcome' }); } },
    { key: 'users', field: 'requestParameters.userName', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.facet.users', { defaultMessage: 'User' }); } },
    { key: 'roles', field: 'requestParameters.roleName', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.facet.roles', { defaultMessage: 'Role' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
  ],
  // The next hop: the new keys (also temporary ones), the users and roles created or changed, and
  // the accounts whose roles were assumed (the evidence that links the accounts).
  yields: [
    { entity: 'access_key', field: 'responseElements.accessKey.accessKeyId', successOnly: true },
    { entity: 'access_key', field: 'responseElements.credentials.accessKeyId', successOnly: true },
    { entity: 'user', field: 'requestParameters.userName', successOnly: true },
    { entity: 'role', field: 'requestParameters.roleName', successOnly: true },
    { entity: 'account', field: 'resources.accountId', successOnly: true },
  ],
  narrate: {
    chapter: 'persistence',
    tell({ group }) {
      if (group.total === 0) return [];
      // Per calling key: in an S3 finding's investigation the caller is the key's creator, not the finding's key.
      const callers = [...new Set(group.hits.map((h) => first(h.doc, 'user.id') ?? ''))].filter(Boolean);
      return callers.slice(0, 3).map((caller) => {
        const hits = group.hits.filter((h) => first(h.doc, 'user.id') === caller);
        const done = hits.filter((h) => first(h.doc, 'event.outcome') === 'success');
        const failed = hits.length - done.length;
        const calls = done.slice(0, 5).map((h) =>
          i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.story.call', {
            defaultMessage: '{call} at {time}',
            values: { call: describeCreation(h.doc), time: formatTime(h.timestamp) },
          })
        );
        const ips = [...new Set(hits.map((h) => first(h.doc, 'source.ip', 'source.address') ?? ''))].filter(Boolean);
        const name = first(hits[0].doc, 'user.name');
        return {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.created_credentials.story', {
            defaultMessage:
              'Key {caller}{hasName, select, yes { ({name})} other {}} {hasCalls, select, yes {created or handed out: {calls}} other {tried to create principals or credentials}}{more, plural, =0 {} other { and # more}}{hasIps, select, yes {, from {ips}} other {}}{failed, plural, =0 {} one { (# attempt failed)} other { (# attempts failed)}}.',
            values: {
              caller,
              hasName: name ? 'yes' : 'no',
              name: name ?? '',
              hasCalls: calls.length ? 'yes' : 'no',
              calls: list(calls, 5),
              more: done.length - calls.length,
              hasIps: ips.length ? 'yes' : 'no',
              ips: list(ips, 3),
              failed,
            },
          }),
          evidence: [CREATED_CREDENTIALS.id],
        };
      });
    },
  },
};

const createdByChain = foundBy('cloudtrail.created_credentials');

export const CREATED_ACTIVITY: PivotRule = {
  id: 'cloudtrail.created_activity',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.title', { defaultMessage: 'What the new credentials and principals did' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.question', { defaultMessage: 'What did the credentials and principals created or handed out do next, and from where?' });
  },
  match: [],
  matchAny: [
    { entity: 'access_key', fields: ['user.id'], keep: createdByChain, noun: 'access key created or handed out by the credentials' },
    // A created user acts with its keys or signs in to the console; a created role through its sessions.
    { entity: 'user', fields: ['user.name'], keep: createdByChain, accountField: 'cloud.account.id', noun: 'user created or changed by the credentials' },
    { entity: 'role', fields: ['userIdentity.sessionContext.sessionIssuer.userName'], keep: createdByChain, accountField: 'cloud.account.id', noun: 'role created or changed by the credentials' },
  ],
  size: 50,
  thirdHop: { maxValues: 10, size: 30 },
  facets: [
    { key: 'keys', field: 'user.id', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.facet.keys', { defaultMessage: 'Access key' }); } },
    { key: 'principals', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.facet.principals', { defaultMessage: 'Principal' }); } },
    { key: 'calls', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.facet.calls', { defaultMessage: 'API call' }); } },
    { key: 'outcomes', field: 'event.outcome', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.facet.outcomes', { defaultMessage: 'Outcome' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
    { key: 'buckets', field: 'requestParameters.bucketName', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.facet.buckets', { defaultMessage: 'Bucket' }); } },
  ],
  yields: [
    { entity: 'bucket', field: 'requestParameters.bucketName' },
    { entity: 'ip', field: 'source.ip', ipRole: 'remote', successOnly: true },
  ],
  narrate: {
    chapter: 'persistence',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const failed = facet('outcomes').find((b) => b.value === 'failure')?.count ?? 0;
      // Each key with the principal it belongs to, then the principals seen without a key (console sign-ins).
      const owner = (key: string) => first(group.hits.find((h) => first(h.doc, 'user.id') === key)?.doc ?? {}, 'user.name');
      const keys = facet('keys').map((b) => ({ key: b.value, name: owner(b.value) }));
      const named = new Set(keys.map((k) => k.name));
      const who = [
        ...keys.map((k) =>
          i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.story.key', {
            defaultMessage: 'key {key}{hasName, select, yes { ({name})} other {}}',
            values: { key: k.key, hasName: k.name ? 'yes' : 'no', name: k.name ?? '' },
          })
        ),
        ...facet('principals').map((b) => b.value).filter((n) => !named.has(n)),
      ];
      const calls = facet('calls').map((b) => `${b.value} (${b.count})`);
      const ips = facet('sourceIps').map((b) => b.value);
      const buckets = facet('buckets').map((b) => b.value);
      const logins = group.hits.filter((h) => first(h.doc, 'event.action') === 'ConsoleLogin' && first(h.doc, 'event.outcome') === 'success');
      const sentences = [
        {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.story', {
            defaultMessage:
              'The new credentials were then used: {who} made {total, plural, one {# call} other {# calls}} ({failed, number} failed){hasIps, select, yes { from {ips}} other {}}: {calls}{hasBuckets, select, yes {, on bucket {buckets}} other {}}.',
            values: {
              who: who.length ? list(who, 3) : i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.story.createdPrincipals', { defaultMessage: 'the created principals' }),
              total: group.total,
              failed,
              hasIps: ips.length ? 'yes' : 'no',
              ips: list(ips, 3),
              calls: list(calls, 5),
              hasBuckets: buckets.length ? 'yes' : 'no',
              buckets: list(buckets, 3),
            },
          }),
          evidence: [CREATED_ACTIVITY.id],
        },
      ];
      for (const h of logins.slice(0, 2)) {
        const user = first(h.doc, 'user.name');
        const ip = first(h.doc, 'source.ip', 'source.address');
        sentences.push({
          text: i18n.translate('siemInvestigations.rule.cloudtrail.created_activity.story.consoleLogin', {
            defaultMessage:
              '{hasUser, select, yes {{user}} other {A created user}} signed in to the console {mfa, select, yes {with MFA} other {without MFA}} at {time} from {hasIp, select, yes {{ip}} other {an unknown address}}.',
            values: {
              hasUser: user !== undefined ? 'yes' : 'no',
              user: user ?? '',
              mfa: first(h.doc, 'additionalEventData.MFAUsed') === 'Yes' ? 'yes' : 'no',
              time: formatTime(h.timestamp),
              hasIp: ip !== undefined ? 'yes' : 'no',
              ip: ip ?? '',
            },
          }),
          evidence: [CREATED_ACTIVITY.id],
        });
      }
      return sentences;
    },
  },
};

export const KEY_ORIGIN: PivotRule = {
  id: 'cloudtrail.key_origin',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.key_origin.title', { defaultMessage: 'Who created the credentials' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.key_origin.question', { defaultMessage: 'Who created the access key or the user of the finding, when and from where?' });
  },
  match: [],
  matchAny: [
    // Keys a chain rule found were created by what that rule shows; this asks for the others.
    { entity: 'access_key', fields: KEY_FIELDS, keep: notOnlyFoundBy(CHAIN_RULES) },
    { entity: 'user', fields: ['requestParameters.userName'], keep: namedByFinding, accountField: 'cloud.account.id', noun: 'IAM user named by the finding' },
  ],
  filter: [{ terms: { eventName: ISSUING_CALLS } }, { term: { 'event.outcome': 'success' } }, NOT_EC2_DELIVERY],
  // A long-term key is used long after it was made.
  lookbackDays: 90,
  size: 20,
  sort: 'desc',
  facets: [
    { key: 'creators', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.key_origin.facet.creators', { defaultMessage: 'Created by' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.key_origin.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
  ],
  // The creator is followed (what else it created) only when it acted inside the window: a key made
  // by an administrator months ago is told, not chased.
  yields: [{ entity: 'access_key', field: 'user.id', inWindow: true }],
  narrate: {
    chapter: 'access',
    tell({ group }) {
      return group.hits.slice(0, 3).map((h) => {
        const by = first(h.doc, 'user.name') ?? first(h.doc, 'userIdentity.arn');
        const key = first(h.doc, 'user.id');
        const ip = first(h.doc, 'source.ip', 'source.address');
        return {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.key_origin.story', {
            defaultMessage:
              '{call} was called at {time} by {hasBy, select, yes {{by}} other {an unknown principal}}{hasKey, select, yes { (key {key})} other {}} from {hasIp, select, yes {{ip}} other {an unknown address}}.',
            values: {
              call: describeCreation(h.doc),
              time: formatTime(h.timestamp),
              hasBy: by !== undefined ? 'yes' : 'no',
              by: by ?? '',
              hasKey: key ? 'yes' : 'no',
              key: key ?? '',
              hasIp: ip !== undefined ? 'yes' : 'no',
              ip: ip ?? '',
            },
          }),
          evidence: [KEY_ORIGIN.id],
        };
      });
    },
  },
};

export const CONSOLE_LOGINS: PivotRule = {
  id: 'cloudtrail.console_logins',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.title', { defaultMessage: 'Console sign-ins' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.question', { defaultMessage: 'Did the user sign in to the console, with or without MFA, and did anyone sign in from the attacker’s addresses?' });
  },
  match: [],
  matchAny: [
    { entity: 'user', fields: ['user.name'], keep: namedByFinding, accountField: 'cloud.account.id', noun: 'IAM user named by the finding' },
    { entity: 'ip', ipRole: 'remote', fields: ['source.ip'] },
  ],
  filter: [{ term: { eventName: 'ConsoleLogin' } }],
  size: 30,
  facets: [
    { key: 'users', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.facet.users', { defaultMessage: 'User' }); } },
    { key: 'mfa', field: 'additionalEventData.MFAUsed', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.facet.mfa', { defaultMessage: 'MFA used' }); } },
    { key: 'results', field: 'responseElements.ConsoleLogin', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.facet.results', { defaultMessage: 'Result' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
  ],
  narrate: {
    chapter: 'access',
    tell({ group, entities }) {
      if (group.total === 0) return [];
      const remote = new Set(entities.values('ip', 'remote'));
      const line = (h: (typeof group.hits)[number]) => {
        const ok = first(h.doc, 'event.outcome') === 'success';
        const ip = first(h.doc, 'source.ip', 'source.address');
        const user = first(h.doc, 'user.name');
        return i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.story.signIn', {
          defaultMessage:
            '{ok, select, yes {signed in} other {failed to sign in}} as {hasUser, select, yes {{user}} other {an unknown user}} {mfa, select, yes {with MFA} other {without MFA}} at {time} from {hasIp, select, yes {{ip}} other {an unknown address}}{attacker, select, yes { (an attacker address)} other {}}',
          values: {
            ok: ok ? 'yes' : 'no',
            hasUser: user !== undefined ? 'yes' : 'no',
            user: user ?? '',
            mfa: first(h.doc, 'additionalEventData.MFAUsed') === 'Yes' ? 'yes' : 'no',
            time: formatTime(h.timestamp),
            hasIp: ip !== undefined ? 'yes' : 'no',
            ip: ip ?? '',
            attacker: ip !== undefined && remote.has(ip) ? 'yes' : 'no',
          },
        });
      };
      // The attacker's sign-ins first, then the user's own.
      const ordered = [...group.hits].sort((a, b) => Number(remote.has(first(b.doc, 'source.ip') ?? '')) - Number(remote.has(first(a.doc, 'source.ip') ?? '')));
      const shown = ordered.slice(0, 3).map(line);
      const noMfa = group.hits.filter((h) => first(h.doc, 'event.outcome') === 'success' && first(h.doc, 'additionalEventData.MFAUsed') !== 'Yes').length;
      return [
        {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.console_logins.story', {
            defaultMessage:
              'Console sign-ins ({total, plural, one {# sign-in} other {# sign-ins}}, {noMfa, number} successful without MFA): {shown}{more, plural, =0 {} other { and # more}}.',
            values: { total: group.total, noMfa, shown: list(shown, 3), more: Math.max(0, group.total - shown.length) },
          }),
          evidence: [CONSOLE_LOGINS.id],
        },
      ];
    },
  },
};

export const INSTANCE_CREDENTIALS_ELSEWHERE: PivotRule = {
  id: 'cloudtrail.instance_credentials_elsewhere',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials_elsewhere.title', { defaultMessage: 'The instance’s credentials used elsewhere' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials_elsewhere.question', { defaultMessage: 'Where else were the instance’s role credentials used, from addresses that are not the instance’s?' });
  },
  match: [{ entity: 'access_key', fields: ['user.id'], keep: seenBy('cloudtrail.instance_credentials'), noun: 'credential the instance received' }],
  notMatch: [{ entity: 'ip', ipRole: 'local', fields: ['source.ip'] }],
  filter: [{ exists: { field: 'source.ip' } }],
  size: 30,
  facets: [
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials_elsewhere.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
    { key: 'calls', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials_elsewhere.facet.calls', { defaultMessage: 'API call' }); } },
  ],
  spans: { by: 'source.ip', where: { match_all: {} } },
  narrate: {
    chapter: 'activity',
    tell({ group, facet, entities }) {
      if (group.total === 0 || !group.spans) return [];
      const spans = group.spans;
      const where = facet('sourceIps').map((b) => {
        const s = spans[b.value];
        return i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials_elsewhere.story.address', {
          defaultMessage: '{ip} ({calls, plural, one {# call} other {# calls}}{hasSpan, select, yes {, {from} to {to}} other {}})',
          values: { ip: b.value, calls: b.count, hasSpan: s ? 'yes' : 'no', from: s ? formatTime(s.first) : '', to: s ? formatTime(s.last) : '' },
        });
      });
      const own = entities.values('ip', 'local');
      return [
        {
          text: own.length
            ? i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials_elsewhere.story', {
                defaultMessage: 'The instance’s role credentials were used away from the instance ({own}): from {where}.',
                values: { own: list(own, 3), where: list(where, 4) },
              })
            : i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials_elsewhere.story.ownUnknown', {
                defaultMessage: 'The instance’s role credentials were used from {where}; the instance’s own addresses are not known, so they may be among these.',
                values: { where: list(where, 4) },
              }),
          evidence: [INSTANCE_CREDENTIALS_ELSEWHERE.id],
        },
      ];
    },
  },
};
