import { i18n } from '@osd/i18n';
import { first, values } from '../../../common/flatten';
import { formatTime, list } from '../narration';
import { CHAIN_RULES, notOnlyFoundBy } from '../provenance';
import { PivotRule } from '../types';

const S3_PERMISSION_CHANGES = [
  'PutBucketAcl',
  'PutBucketPolicy',
  'DeleteBucketPolicy',
  'PutBucketPublicAccessBlock',
  'DeleteBucketPublicAccessBlock',
  'DeleteBucketEncryption',
  'PutObjectAcl',
];

export const INSTANCE_CREDENTIALS: PivotRule = {
  id: 'cloudtrail.instance_credentials',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials.title', { defaultMessage: 'Credentials issued to the instance' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.instance_credentials.question', { defaultMessage: 'Which temporary credentials did the instance role hand out?' });
  },
  match: [{ entity: 'instance', fields: ['cloud.instance.id', 'requestParameters.roleSessionName'] }],
  filter: [{ term: { eventName: 'AssumeRole' } }],
  size: 20,
  yields: [{ entity: 'access_key', field: 'responseElements.credentials.accessKeyId' }],
};

export const ACCESS_KEY: PivotRule = {
  id: 'cloudtrail.access_key',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.access_key.title', { defaultMessage: 'API calls with the credentials' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.access_key.question', { defaultMessage: 'What did the credentials do, and from where?' });
  },
  // The credentials a chain found (created by these, or their creator) have questions of their own.
  match: [{ entity: 'access_key', fields: ['user.id'], keep: notOnlyFoundBy(CHAIN_RULES) }],
  size: 100,
  facets: [
    { key: 'calls', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.access_key.facet.calls', { defaultMessage: 'API call' }); } },
    { key: 'outcomes', field: 'event.outcome', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.access_key.facet.outcomes', { defaultMessage: 'Outcome' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.access_key.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
    { key: 'buckets', field: 'requestParameters.bucketName', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.access_key.facet.buckets', { defaultMessage: 'Bucket' }); } },
  ],
  yields: [{ entity: 'bucket', field: 'requestParameters.bucketName' }],
  narrate: {
    chapter: 'activity',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const failed = facet('outcomes').find((b) => b.value === 'failure')?.count ?? 0;
      const ips = facet('sourceIps').map((b) => `${b.value} (${b.count})`);
      return [
        {
          text: ips.length
            ? i18n.translate('siemInvestigations.rule.cloudtrail.access_key.story.from', {
                defaultMessage: 'With these credentials {total, plural, one {# API call was} other {# API calls were}} made ({failed} failed), from {ips}.',
                values: { total: group.total, failed, ips: list(ips, 4) },
              })
            : i18n.translate('siemInvestigations.rule.cloudtrail.access_key.story', {
                defaultMessage: 'With these credentials {total, plural, one {# API call was} other {# API calls were}} made ({failed} failed).',
                values: { total: group.total, failed },
              }),
          evidence: [ACCESS_KEY.id],
        },
      ];
    },
  },
};

export const OBJECT_ACCESS: PivotRule = {
  id: 'cloudtrail.object_access',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.object_access.title', { defaultMessage: 'S3 objects read' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.object_access.question', { defaultMessage: 'Which S3 objects were read with the credentials?' });
  },
  match: [{ entity: 'access_key', fields: ['user.id'], keep: notOnlyFoundBy(CHAIN_RULES) }],
  filter: [{ terms: { eventName: ['GetObject'] } }, { term: { 'event.outcome': 'success' } }],
  size: 50,
  facets: [
    { key: 'objects', field: 'requestParameters.key', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.object_access.facet.objects', { defaultMessage: 'Object' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.object_access.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
  ],
  yields: [
    { entity: 'bucket', field: 'requestParameters.bucketName' },
    { entity: 'object', field: 'requestParameters.key' },
  ],
  narrate: {
    chapter: 'data',
    tell({ group, facet }) {
      if (group.hits.length === 0) return [];
      const h = group.hits[0];
      const keysRead = facet('objects').map((b) =>
        i18n.translate('siemInvestigations.rule.cloudtrail.object_access.story.object', {
          defaultMessage: '"{key}" ({count, plural, one {# time} other {# times}})',
          values: { key: b.value, count: b.count },
        })
      );
      const buckets = [...new Set(group.hits.flatMap((x) => values(x.doc, 'requestParameters.bucketName')))];
      return [
        {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.object_access.story', {
            defaultMessage: '{objects} {count, plural, one {was} other {were}} read from bucket {buckets}, first at {time} from {address}.',
            values: {
              objects: list(keysRead),
              count: keysRead.length,
              buckets: list(buckets),
              time: formatTime(h.timestamp),
              address: first(h.doc, 'source.ip', 'source.address') ?? i18n.translate('siemInvestigations.story.unknownAddress', { defaultMessage: 'an unknown address' }),
            },
          }),
          evidence: [OBJECT_ACCESS.id],
        },
      ];
    },
  },
};

export const BUCKET_PERMISSIONS: PivotRule = {
  id: 'cloudtrail.bucket_permissions',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.title', { defaultMessage: 'Bucket permission changes' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.question', { defaultMessage: 'Who changed the access rules of the affected buckets?' });
  },
  match: [{ entity: 'bucket', fields: ['requestParameters.bucketName'] }],
  filter: [{ terms: { eventName: S3_PERMISSION_CHANGES } }],
  size: 50,
  facets: [
    { key: 'changes', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.facet.changes', { defaultMessage: 'Change' }); } },
    { key: 'keys', field: 'user.id', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.facet.keys', { defaultMessage: 'Access key' }); } },
  ],
  narrate: {
    chapter: 'permissions',
    tell({ group }) {
      if (group.hits.length === 0) return [];
      const buckets = [...new Set(group.hits.map((h) => first(h.doc, 'requestParameters.bucketName') ?? ''))].filter(Boolean);
      const changes = group.hits.slice(0, 4).map((h) => {
        const grant = first(h.doc, 'requestParameters.x-amz-grant-read') ?? '';
        const values = { action: first(h.doc, 'event.action', 'eventName') ?? '', time: formatTime(h.timestamp) };
        return grant.includes('AllUsers')
          ? i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.story.changeToEveryone', {
              defaultMessage: '{action} at {time} granting read access to everyone (AllUsers)',
              values,
            })
          : i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.story.change', { defaultMessage: '{action} at {time}', values });
      });
      const unknown = i18n.translate('siemInvestigations.story.unknown', { defaultMessage: 'unknown' });
      const who = [
        ...new Set(
          group.hits.map((h) =>
            i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.story.who', {
              defaultMessage: 'key {key} from {address}',
              values: { key: first(h.doc, 'user.id') ?? unknown, address: first(h.doc, 'source.ip', 'source.address') ?? unknown },
            })
          )
        ),
      ];
      return [
        {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.bucket_permissions.story', {
            defaultMessage: 'The access rules of bucket {buckets} changed: {changes}{more, plural, =0 {} one { and # more change} other { and # more changes}} ({who}).',
            values: { buckets: list(buckets), changes: list(changes, 4), more: Math.max(0, group.total - changes.length), who: list(who, 2) },
          }),
          evidence: [BUCKET_PERMISSIONS.id],
        },
      ];
    },
  },
};

export const ATTACKER_IP: PivotRule = {
  id: 'cloudtrail.attacker_ip',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.attacker_ip.title', { defaultMessage: 'API calls from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.attacker_ip.question', { defaultMessage: 'What else was called from the attacker’s addresses?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  size: 50,
  facets: [
    { key: 'keys', field: 'user.id', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.attacker_ip.facet.keys', { defaultMessage: 'Access key' }); } },
    { key: 'calls', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.attacker_ip.facet.calls', { defaultMessage: 'API call' }); } },
  ],
};
