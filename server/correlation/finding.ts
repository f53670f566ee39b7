import { DocRef, EntityType, FindingSummary, Severity } from '../../common/types';
import { LIMITS } from '../../common/constants';
import { guardDutyTitle, guardDutyType } from '../../common/sources/guardduty';
import { clipText } from '../lib/bounds';
import { EntitySet } from './entity_set';
import { FlatDoc, first, values } from '../../common/flatten';
import { instanceFromPrincipalId } from './entity_values';

/**
 * Reading a GuardDuty finding as es-loader indexed it. The raw GuardDuty fields are kept in every
 * SIEM version, so they come first; the ECS copies are the fallback. Before SIEM v2.7.0
 * `rule.name` held the type and `rule.description` the title; from v2.7.0 `rule.id` holds the
 * type and `rule.name` the title (SIEM_SCHEMA.md TL;DR 3).
 */
export function isGuardDutyFinding(doc: FlatDoc): boolean {
  const logType = first(doc, '@log_type');
  if (logType && logType !== 'guardduty') return false;
  return first(doc, 'type', 'rule.id') !== undefined && first(doc, 'service.serviceName', 'event.module') !== undefined;
}

export function severityLabel(severity: number): Severity {
  if (severity >= 9) return 'critical';
  if (severity >= 7) return 'high';
  if (severity >= 4) return 'medium';
  return 'low';
}

/** Numeric bounds of each GuardDuty severity label, for range queries. */
export const SEVERITY_RANGES: Record<Severity, { gte: number; lt: number }> = {
  low: { gte: 0, lt: 4 },
  medium: { gte: 4, lt: 7 },
  high: { gte: 7, lt: 9 },
  critical: { gte: 9, lt: 100 },
};

/**
 * The finding's account. `cloud.account.id` comes from the export's S3 key: in a delegated
 * administrator setup it is the administrator's account, not the finding's, so it is a fallback.
 */
export function findingAccount(doc: FlatDoc): string | undefined {
  return first(doc, 'accountId', 'cloud.account.id');
}

/** A number read from a document, or `fallback` when it is none (or not finite: JSON would answer `null`). */
function finiteOr(v: string | undefined, fallback: number): number {
  const n = Number(v ?? fallback);
  return Number.isFinite(n) ? n : fallback;
}

export function summarizeFinding(index: string, id: string, doc: FlatDoc): FindingSummary {
  const severity = finiteOr(first(doc, 'severity', 'event.severity'), 0);
  const timestamp = first(doc, '@timestamp', 'updatedAt') ?? '';
  return {
    ref: { index, id },
    findingId: first(doc, 'id', '@id') ?? id,
    type: clipText(guardDutyType(doc), LIMITS.labelChars),
    title: clipText(guardDutyTitle(doc), LIMITS.labelChars),
    severity,
    severityLabel: severityLabel(severity),
    timestamp,
    firstSeen: first(doc, 'service.eventFirstSeen', 'createdAt'),
    lastSeen: first(doc, 'service.eventLastSeen', 'updatedAt'),
    count: finiteOr(first(doc, 'service.count'), 1) || 1,
    accountId: findingAccount(doc),
    region: first(doc, 'region', 'cloud.region'),
    resourceType: first(doc, 'resource.resourceType', 'ResourceTypeAffected'),
  };
}

/** Fields naming the finding's access key (the raw ones, and es-loader's ECS copy `user.id`). */
export const ACCESS_KEY_FIELDS = ['resource.accessKeyDetails.accessKeyId', 'user.id', 'service.detection.sequence.actors.user.credentialUid'];
/** The principal's name (the first found), a role when `USER_TYPE_FIELD` says AssumedRole, else a user. */
export const USER_NAME_FIELDS = ['resource.accessKeyDetails.userName', 'user.name'];
export const USER_TYPE_FIELD = 'resource.accessKeyDetails.userType';
export const INSTANCE_FIELDS = ['resource.instanceDetails.instanceId', 'cloud.instance.id'];
/** An EC2 role session's principal id, which names its instance (`AROA…:i-0abc…`). */
export const PRINCIPAL_ID_FIELD = 'resource.accessKeyDetails.principalId';
/** A caller from another account, named by the finding itself: the evidence linking accounts. */
export const REMOTE_ACCOUNT_FIELDS = ['service.action.awsApiCallAction.remoteAccountDetails.accountId'];
export const BUCKET_FIELDS = ['service.action.awsApiCallAction.affectedResources.AWS::S3::Bucket', 'resource.s3BucketDetails.name'];
/**
 * es-loader's ECS copies of raw GuardDuty fields: read as fallbacks, never needed where the raw
 * field is read too (it holds the same value).
 */
export const ECS_COPY_FIELDS: ReadonlySet<string> = new Set(['user.id', 'user.name', 'cloud.instance.id']);

export const REMOTE_IP_FIELDS = [
  'service.action.awsApiCallAction.remoteIpDetails.ipAddressV4',
  'service.action.awsApiCallAction.remoteIpDetails.ipAddressV6',
  'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4',
  'service.action.networkConnectionAction.remoteIpDetails.ipAddressV6',
  'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4',
  'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV6',
  'service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV4',
  'service.action.kubernetesApiCallAction.sourceIPs',
  'service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV4',
  'service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV6',
  // AttackSequence findings: the network endpoints of the sequence's signals.
  'service.detection.sequence.endpoints.ip',
];

const LOCAL_IP_FIELDS = [
  'resource.instanceDetails.networkInterfaces.privateIpAddress',
  'resource.instanceDetails.networkInterfaces.privateIpAddresses.privateIpAddress',
  'resource.instanceDetails.networkInterfaces.publicIp',
  'service.action.networkConnectionAction.localIpDetails.ipAddressV4',
  'service.action.networkConnectionAction.localIpDetails.ipAddressV6',
  'service.action.portProbeAction.portProbeDetails.localIpDetails.ipAddressV4',
];

/**
 * The entities of the other GuardDuty families, by the raw fields GuardDuty writes (the same in
 * both SIEM mappings; es-loader makes no ECS copy of most of them). Field list verified against
 * every finding type of test/fixtures/guardduty_corpus (entity_fields.ts).
 */
export const FAMILY_FIELDS: ReadonlyArray<readonly [EntityType, readonly string[]]> = [
  ['principal_arn', ['resource.lambdaDetails.role', 'service.detection.sequence.actors.user.uid']],
  ['k8s_cluster', ['resource.eksClusterDetails.name']],
  ['k8s_namespace', ['resource.kubernetesDetails.kubernetesWorkloadDetails.namespace', 'service.action.kubernetesApiCallAction.namespace']],
  ['k8s_user', ['resource.kubernetesDetails.kubernetesUserDetails.username']],
  ['k8s_workload', ['resource.kubernetesDetails.kubernetesWorkloadDetails.name']],
  [
    'container_image',
    ['resource.containerDetails.image', 'resource.kubernetesDetails.kubernetesWorkloadDetails.containers.image', 'resource.ecsClusterDetails.taskDetails.containers.image'],
  ],
  ['ecs_cluster', ['resource.ecsClusterDetails.name']],
  ['ecs_task', ['resource.ecsClusterDetails.taskDetails.arn']],
  ['lambda_function', ['resource.lambdaDetails.functionName']],
  ['rds_instance', ['resource.rdsDbInstanceDetails.dbInstanceIdentifier']],
  ['db_user', ['resource.rdsDbUserDetails.user', 'service.action.rdsLoginAttemptAction.LoginAttributes.user']],
  ['domain', ['service.action.dnsRequestAction.domain', 'dns.question.name']],
  ['process', ['service.runtimeDetails.process.name']],
  [
    'file_hash',
    [
      'service.runtimeDetails.process.executableSha256',
      'service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames.filePaths.hash',
      'service.malwareScanDetails.threats.hash',
      'service.malwareScanDetails.threats.itemPaths.hash',
      'resource.s3BucketDetails.s3ObjectDetails.hash',
    ],
  ],
  ['signal', ['service.detection.sequence.signals.uid']],
  ['object', ['resource.s3BucketDetails.s3ObjectDetails.key']],
];

/**
 * The entities a GuardDuty finding names. Raw GuardDuty paths are direction-proof: es-loader swaps
 * `source` and `destination` for OUTBOUND findings, so the ECS fields are used only when the raw
 * ones are missing, and then with `network.direction` in mind.
 */
export function addFindingEntities(doc: FlatDoc, set: EntitySet, sourceLabel: string, ref?: DocRef): void {
  const add = (type: Parameters<EntitySet['add']>[0], value: string | undefined, role?: 'remote' | 'local') =>
    set.add(type, value, sourceLabel, role, undefined, ref);

  // Every candidate field is tried: a value that fails validation must not hide a good copy.
  const addAll = (type: Parameters<EntitySet['add']>[0], fields: readonly string[]) => {
    for (const f of fields) for (const v of values(doc, f)) add(type, v);
  };
  addAll('access_key', ACCESS_KEY_FIELDS);
  const userType = first(doc, USER_TYPE_FIELD);
  const userName = first(doc, ...USER_NAME_FIELDS);
  if (userName) add(userType === 'AssumedRole' ? 'role' : 'user', userName);

  addAll('instance', INSTANCE_FIELDS);
  add('instance', instanceFromPrincipalId(first(doc, PRINCIPAL_ID_FIELD)));

  let remoteFound = false;
  for (const f of REMOTE_IP_FIELDS) for (const v of values(doc, f)) remoteFound = add('ip', v, 'remote') || remoteFound || set.has('ip', v);
  for (const f of LOCAL_IP_FIELDS) for (const v of values(doc, f)) add('ip', v, 'local');
  if (!remoteFound) {
    const outbound = (first(doc, 'network.direction') ?? '').toLowerCase() === 'outbound';
    for (const v of values(doc, outbound ? 'destination.ip' : 'source.ip')) add('ip', v, 'remote');
  }

  // A caller from another account is named by the finding itself (`remoteAccountDetails`): that is
  // the evidence linking the accounts.
  add('account', findingAccount(doc));
  addAll('account', REMOTE_ACCOUNT_FIELDS);
  addAll('region', ['region', 'cloud.region']);
  addAll('bucket', BUCKET_FIELDS);
  for (const arn of values(doc, 'service.malwareScanDetails.threats.itemDetails.resourceArn')) {
    if (arn.startsWith('arn:aws:s3:::')) add('bucket', arn.slice('arn:aws:s3:::'.length).split('/')[0]);
  }
  for (const [type, fields] of FAMILY_FIELDS) addAll(type, fields);
}

/**
 * Every field `summarizeFinding` and `addFindingEntities` read: a `_source` filter for reading many
 * findings at once (the Incidents view) without their large parts.
 */
export const FINDING_READ_FIELDS: readonly string[] = [
  'id', '@id', 'type', 'title', 'severity', '@timestamp', 'updatedAt', 'createdAt', 'accountId', 'region', '@log_type',
  'rule.id', 'rule.name', 'rule.description', 'event.severity', 'event.module', 'event.outcome',
  'service.serviceName', 'service.eventFirstSeen', 'service.eventLastSeen', 'service.count',
  'cloud.account.id', 'cloud.region', 'cloud.instance.id', 'resource.resourceType', 'ResourceTypeAffected',
  'resource.accessKeyDetails', 'user.id', 'user.name', 'resource.instanceDetails.instanceId',
  'network.direction', 'source.ip', 'destination.ip',
  'service.action.awsApiCallAction.remoteAccountDetails.accountId', 'service.action.awsApiCallAction.affectedResources',
  'resource.s3BucketDetails.name', 'service.malwareScanDetails.threats.itemDetails.resourceArn',
  ...REMOTE_IP_FIELDS, ...LOCAL_IP_FIELDS, ...FAMILY_FIELDS.flatMap(([, fields]) => fields),
  'service.detection.sequence.signals',
];
