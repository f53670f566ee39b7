import { EntityType, SourceId } from '../../common/types';

/**
 * The investigation as data: each rule is one question an analyst asks, answered by one search in
 * one source. A rule runs when the entities it pivots on are known; entities found in its hits
 * (`yields`) can make other rules runnable in the second round trip.
 * Adding a pivot means adding a declaration here and a fixture, nothing else.
 */
export interface PivotMatch {
  entity: EntityType;
  /** For IPs: only the remote side (attacker, caller), or any. */
  ipRole?: 'remote';
  /**
   * The document fields compared with the entity values (exact, literal `terms`); a `prefix` turns
   * a value into the form the field stores (a bucket name into an S3 ARN).
   */
  fields: Array<string | { field: string; prefix: string }>;
  /** Fields whose value ends with `:<value>` (e.g. `AROA…:i-…` principal ids); literal `wildcard`. */
  suffixFields?: string[];
}

export interface PivotYield {
  entity: EntityType;
  field: string;
  ipRole?: 'remote';
}

export interface PivotRule {
  id: string;
  source: SourceId;
  title: string;
  question: string;
  /** Every clause must match (AND); a clause matches if any of its fields holds any value (OR). */
  match: PivotMatch[];
  /** At least one of these clauses must match (OR); clauses without known values are left out. */
  matchAny?: PivotMatch[];
  /** Constant filters (never built from log data). */
  filter?: Array<Record<string, unknown>>;
  /** Terms breakdowns; `where` restricts one to some hits (e.g. the failed logins only). */
  facets?: Array<{ field: string; label: string; where?: Record<string, unknown> }>;
  size?: number;
  sort?: 'asc' | 'desc';
  /** Keep one document per value of this field (GuardDuty/Security Hub write one per update). */
  collapse?: string;
  /** Look further back than the investigation window (findings describe state, not events). */
  lookbackDays?: number;
  /** Entities this evidence reveals, for the second round trip. `finding` = read hits as GuardDuty findings. */
  yields?: Array<PivotYield | 'finding'>;
  /** Leave the finding under investigation out of the hits. */
  excludeFinding?: boolean;
  /** Only runs in the first round trip: the finding's own documents. */
  findingItself?: boolean;
}

const S3_PERMISSION_CHANGES = [
  'PutBucketAcl',
  'PutBucketPolicy',
  'DeleteBucketPolicy',
  'PutBucketPublicAccessBlock',
  'DeleteBucketPublicAccessBlock',
  'DeleteBucketEncryption',
  'PutObjectAcl',
];

const sshd = { term: { 'process.name': 'sshd' } };

export const PIVOT_RULES: PivotRule[] = [
  {
    id: 'guardduty.finding',
    source: 'guardduty',
    title: 'The finding',
    question: 'What exactly did GuardDuty report, and how often?',
    match: [],
    findingItself: true,
    size: 20,
    sort: 'desc',
    facets: [{ field: 'service.count', label: 'Count updates' }],
  },
  {
    id: 'guardduty.related',
    source: 'guardduty',
    title: 'Related GuardDuty findings',
    question: 'What else did GuardDuty detect for the same instance, credentials or addresses?',
    match: [],
    // The IAM findings carry the instance only inside the principal id (`AROA…:i-…`).
    matchAny: [
      {
        entity: 'instance',
        fields: ['cloud.instance.id', 'resource.instanceDetails.instanceId'],
        suffixFields: ['resource.accessKeyDetails.principalId'],
      },
      { entity: 'access_key', fields: ['user.id', 'resource.accessKeyDetails.accessKeyId'] },
      { entity: 'ip', ipRole: 'remote', fields: ['related.ip', 'source.ip', 'destination.ip'] },
    ],
    excludeFinding: true,
    collapse: '@id',
    size: 30,
    sort: 'desc',
    yields: ['finding'],
    facets: [{ field: 'type', label: 'Finding type' }],
  },
  {
    id: 'cloudtrail.instance_credentials',
    source: 'cloudtrail',
    title: 'Credentials issued to the instance',
    question: 'Which temporary credentials did the instance role hand out?',
    match: [{ entity: 'instance', fields: ['cloud.instance.id', 'requestParameters.roleSessionName'] }],
    filter: [{ term: { eventName: 'AssumeRole' } }],
    size: 20,
    yields: [{ entity: 'access_key', field: 'responseElements.credentials.accessKeyId' }],
  },
  {
    id: 'cloudtrail.access_key',
    source: 'cloudtrail',
    title: 'API calls with the credentials',
    question: 'What did the credentials do, and from where?',
    match: [{ entity: 'access_key', fields: ['user.id'] }],
    size: 100,
    facets: [
      { field: 'event.action', label: 'API call' },
      { field: 'event.outcome', label: 'Outcome' },
      { field: 'source.ip', label: 'Source IP' },
      { field: 'requestParameters.bucketName', label: 'Bucket' },
    ],
    yields: [{ entity: 'bucket', field: 'requestParameters.bucketName' }],
  },
  {
    id: 'cloudtrail.object_access',
    source: 'cloudtrail',
    title: 'S3 objects read',
    question: 'Which S3 objects were read with the credentials?',
    match: [{ entity: 'access_key', fields: ['user.id'] }],
    filter: [{ terms: { eventName: ['GetObject'] } }, { term: { 'event.outcome': 'success' } }],
    size: 50,
    facets: [
      { field: 'requestParameters.key', label: 'Object' },
      { field: 'source.ip', label: 'Source IP' },
    ],
    yields: [
      { entity: 'bucket', field: 'requestParameters.bucketName' },
      { entity: 'object', field: 'requestParameters.key' },
    ],
  },
  {
    id: 'cloudtrail.bucket_permissions',
    source: 'cloudtrail',
    title: 'Bucket permission changes',
    question: 'Who changed the access rules of the affected buckets?',
    match: [{ entity: 'bucket', fields: ['requestParameters.bucketName'] }],
    filter: [{ terms: { eventName: S3_PERMISSION_CHANGES } }],
    size: 50,
    facets: [
      { field: 'event.action', label: 'Change' },
      { field: 'user.id', label: 'Access key' },
    ],
  },
  {
    id: 'cloudtrail.attacker_ip',
    source: 'cloudtrail',
    title: 'API calls from the remote addresses',
    question: 'What else was called from the attacker’s addresses?',
    match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
    size: 50,
    facets: [
      { field: 'user.id', label: 'Access key' },
      { field: 'event.action', label: 'API call' },
    ],
  },
  {
    id: 'linux_secure.ssh_from_attacker',
    source: 'linux_secure',
    title: 'SSH attempts from the remote addresses',
    question: 'Which accounts did the SSH brute force try?',
    match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
    filter: [sshd],
    size: 50,
    facets: [
      { field: 'user.name', label: 'User name (failed logins)', where: { term: { 'event.outcome': 'failure' } } },
      { field: 'event.outcome', label: 'Outcome' },
      { field: 'user.name', label: 'User name (all lines)' },
      { field: 'cloud.instance.id', label: 'Instance' },
    ],
  },
  {
    id: 'linux_secure.ssh_success',
    source: 'linux_secure',
    title: 'Successful SSH logins from the remote addresses',
    question: 'Did the SSH brute force succeed?',
    match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
    filter: [sshd, { term: { 'event.outcome': 'success' } }, { exists: { field: 'user.name' } }],
    size: 50,
    facets: [
      { field: 'user.name', label: 'User name' },
      { field: 'cloud.instance.id', label: 'Instance' },
    ],
    yields: [{ entity: 'user', field: 'user.name' }],
  },
  {
    id: 'securityhub.inspector',
    source: 'securityhub',
    title: 'Inspector findings of the instance',
    question: 'Is SSH on the instance vulnerable?',
    match: [{ entity: 'instance', fields: ['cloud.instance.id', 'ProductFields.attributes/INSTANCE_ID'] }],
    filter: [{ term: { 'event.module': 'inspector' } }],
    collapse: '@id',
    lookbackDays: 30,
    size: 30,
    sort: 'desc',
    facets: [{ field: 'Severity.Label', label: 'Severity' }],
  },
  {
    id: 'securityhub.macie',
    source: 'securityhub',
    title: 'Macie findings of the buckets',
    question: 'Is the data in the affected buckets exposed?',
    match: [{ entity: 'bucket', fields: ['Resources.Details.AwsS3Bucket.Name', { field: 'Resources.Id', prefix: 'arn:aws:s3:::' }] }],
    filter: [{ term: { 'event.module': 'macie' } }],
    collapse: '@id',
    lookbackDays: 30,
    size: 30,
    sort: 'desc',
    facets: [{ field: 'ThreatFamilyName', label: 'Finding' }],
  },
];

export function ruleById(id: string): PivotRule | undefined {
  return PIVOT_RULES.find((r) => r.id === id);
}
