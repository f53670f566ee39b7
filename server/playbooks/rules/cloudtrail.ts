import { first, values } from '../../../common/flatten';
import { formatTime, list, plural } from '../narration';
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
  title: 'Credentials issued to the instance',
  question: 'Which temporary credentials did the instance role hand out?',
  match: [{ entity: 'instance', fields: ['cloud.instance.id', 'requestParameters.roleSessionName'] }],
  filter: [{ term: { eventName: 'AssumeRole' } }],
  size: 20,
  yields: [{ entity: 'access_key', field: 'responseElements.credentials.accessKeyId' }],
};

export const ACCESS_KEY: PivotRule = {
  id: 'cloudtrail.access_key',
  source: 'cloudtrail',
  title: 'API calls with the credentials',
  question: 'What did the credentials do, and from where?',
  // The credentials a chain found (created by these, or their creator) have questions of their own.
  match: [{ entity: 'access_key', fields: ['user.id'], keep: notOnlyFoundBy(CHAIN_RULES) }],
  size: 100,
  facets: [
    { key: 'calls', field: 'event.action', label: 'API call' },
    { key: 'outcomes', field: 'event.outcome', label: 'Outcome' },
    { key: 'sourceIps', field: 'source.ip', label: 'Source IP' },
    { key: 'buckets', field: 'requestParameters.bucketName', label: 'Bucket' },
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
          text: `With these credentials ${plural(group.total, 'API call')} were made (${failed} failed)` + (ips.length ? `, from ${list(ips, 4)}.` : '.'),
          evidence: [ACCESS_KEY.id],
        },
      ];
    },
  },
};

export const OBJECT_ACCESS: PivotRule = {
  id: 'cloudtrail.object_access',
  source: 'cloudtrail',
  title: 'S3 objects read',
  question: 'Which S3 objects were read with the credentials?',
  match: [{ entity: 'access_key', fields: ['user.id'], keep: notOnlyFoundBy(CHAIN_RULES) }],
  filter: [{ terms: { eventName: ['GetObject'] } }, { term: { 'event.outcome': 'success' } }],
  size: 50,
  facets: [
    { key: 'objects', field: 'requestParameters.key', label: 'Object' },
    { key: 'sourceIps', field: 'source.ip', label: 'Source IP' },
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
      const keysRead = facet('objects').map((b) => `"${b.value}" (${plural(b.count, 'time')})`);
      const buckets = [...new Set(group.hits.flatMap((x) => values(x.doc, 'requestParameters.bucketName')))];
      return [
        {
          text:
            `${list(keysRead)} ${keysRead.length === 1 ? 'was' : 'were'} read from bucket ${list(buckets)}` +
            `, first at ${formatTime(h.timestamp)} from ${first(h.doc, 'source.ip', 'source.address') ?? 'an unknown address'}.`,
          evidence: [OBJECT_ACCESS.id],
        },
      ];
    },
  },
};

export const BUCKET_PERMISSIONS: PivotRule = {
  id: 'cloudtrail.bucket_permissions',
  source: 'cloudtrail',
  title: 'Bucket permission changes',
  question: 'Who changed the access rules of the affected buckets?',
  match: [{ entity: 'bucket', fields: ['requestParameters.bucketName'] }],
  filter: [{ terms: { eventName: S3_PERMISSION_CHANGES } }],
  size: 50,
  facets: [
    { key: 'changes', field: 'event.action', label: 'Change' },
    { key: 'keys', field: 'user.id', label: 'Access key' },
  ],
  narrate: {
    chapter: 'permissions',
    tell({ group }) {
      if (group.hits.length === 0) return [];
      const buckets = [...new Set(group.hits.map((h) => first(h.doc, 'requestParameters.bucketName') ?? ''))].filter(Boolean);
      const changes = group.hits.slice(0, 4).map((h) => {
        const grant = first(h.doc, 'requestParameters.x-amz-grant-read') ?? '';
        return `${first(h.doc, 'event.action', 'eventName')} at ${formatTime(h.timestamp)}` + (grant.includes('AllUsers') ? ' granting read access to everyone (AllUsers)' : '');
      });
      const who = [...new Set(group.hits.map((h) => `key ${first(h.doc, 'user.id') ?? 'unknown'} from ${first(h.doc, 'source.ip', 'source.address') ?? 'unknown'}`))];
      return [
        {
          text:
            `The access rules of bucket ${list(buckets)} changed: ${list(changes, 4)}` +
            (group.total > changes.length ? ` and ${plural(group.total - changes.length, 'more change')}` : '') +
            ` (${list(who, 2)}).`,
          evidence: [BUCKET_PERMISSIONS.id],
        },
      ];
    },
  },
};

export const ATTACKER_IP: PivotRule = {
  id: 'cloudtrail.attacker_ip',
  source: 'cloudtrail',
  title: 'API calls from the remote addresses',
  question: 'What else was called from the attacker’s addresses?',
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  size: 50,
  facets: [
    { key: 'keys', field: 'user.id', label: 'Access key' },
    { key: 'calls', field: 'event.action', label: 'API call' },
  ],
};
