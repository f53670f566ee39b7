import { FindingSummary, Severity } from '../../common/types';
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

export function summarizeFinding(index: string, id: string, doc: FlatDoc): FindingSummary {
  const severity = Number(first(doc, 'severity', 'event.severity') ?? 0) || 0;
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
    count: Number(first(doc, 'service.count') ?? 1) || 1,
    accountId: first(doc, 'accountId', 'cloud.account.id'),
    region: first(doc, 'region', 'cloud.region'),
    resourceType: first(doc, 'resource.resourceType', 'ResourceTypeAffected'),
  };
}

const REMOTE_IP_FIELDS = [
  'service.action.awsApiCallAction.remoteIpDetails.ipAddressV4',
  'service.action.awsApiCallAction.remoteIpDetails.ipAddressV6',
  'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4',
  'service.action.networkConnectionAction.remoteIpDetails.ipAddressV6',
  'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4',
  'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV6',
  'service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV4',
  'service.action.kubernetesApiCallAction.sourceIPs',
];

const LOCAL_IP_FIELDS = [
  'resource.instanceDetails.networkInterfaces.privateIpAddress',
  'resource.instanceDetails.networkInterfaces.privateIpAddresses.privateIpAddress',
  'resource.instanceDetails.networkInterfaces.publicIp',
  'service.action.networkConnectionAction.localIpDetails.ipAddressV4',
];

/**
 * The entities a GuardDuty finding names. Raw GuardDuty paths are direction-proof: es-loader swaps
 * `source` and `destination` for OUTBOUND findings, so the ECS fields are used only when the raw
 * ones are missing, and then with `network.direction` in mind.
 */
export function addFindingEntities(doc: FlatDoc, set: EntitySet, sourceLabel: string): void {
  const add = (type: Parameters<EntitySet['add']>[0], value: string | undefined, role?: 'remote' | 'local') =>
    set.add(type, value, sourceLabel, role);

  // Every candidate field is tried: a value that fails validation must not hide a good copy.
  const addAll = (type: Parameters<EntitySet['add']>[0], fields: string[]) => {
    for (const f of fields) for (const v of values(doc, f)) add(type, v);
  };
  addAll('access_key', ['resource.accessKeyDetails.accessKeyId', 'user.id']);
  const userType = first(doc, 'resource.accessKeyDetails.userType');
  const userName = first(doc, 'resource.accessKeyDetails.userName', 'user.name');
  if (userName) add(userType === 'AssumedRole' ? 'role' : 'user', userName);

  addAll('instance', ['resource.instanceDetails.instanceId', 'cloud.instance.id']);
  add('instance', instanceFromPrincipalId(first(doc, 'resource.accessKeyDetails.principalId')));

  let remoteFound = false;
  for (const f of REMOTE_IP_FIELDS) for (const v of values(doc, f)) remoteFound = add('ip', v, 'remote') || remoteFound || set.has('ip', v);
  for (const f of LOCAL_IP_FIELDS) for (const v of values(doc, f)) add('ip', v, 'local');
  if (!remoteFound) {
    const outbound = (first(doc, 'network.direction') ?? '').toLowerCase() === 'outbound';
    for (const v of values(doc, outbound ? 'destination.ip' : 'source.ip')) add('ip', v, 'remote');
  }

  addAll('account', ['accountId', 'cloud.account.id']);
  addAll('region', ['region', 'cloud.region']);
  addAll('bucket', ['service.action.awsApiCallAction.affectedResources.AWS::S3::Bucket', 'resource.s3BucketDetails.name']);
}
