import { ENTITY_NOUNS } from '../../common/entity_nouns';
import { EntityType, GraphNodeType, Severity, SourceId } from '../../common/types';

/** Elastic Security's severity colours, so a SOC analyst reads them without a legend. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  low: '#54B399',
  medium: '#D6BF57',
  high: '#DA8B45',
  critical: '#E7664C',
};

/** OUI's colour-blind-safe visualisation palette, one hue per log source. */
export const SOURCE_COLORS: Record<SourceId, string> = {
  guardduty: '#6092C0',
  cloudtrail: '#D36086',
  linux_secure: '#9170B8',
  securityhub: '#54B399',
  vpcflowlogs: '#CA8EAE',
  r53resolver: '#B9A888',
  s3accesslog: '#E7664C',
  windows_event: '#6092C0',
  linux_os: '#AA6556',
};

/** Entity types as labels: the nouns the server's sentences use (common/entity_nouns.ts), capitalised. */
export const ENTITY_LABELS: Record<GraphNodeType, string> = {
  finding: 'Finding',
  ...(Object.fromEntries(Object.entries(ENTITY_NOUNS).map(([type, noun]) => [type, noun.charAt(0).toUpperCase() + noun.slice(1)])) as Record<EntityType, string>),
};

/** OUI 1.x icon names (see `typeToPathMap` of @elastic/eui's icon). */
export const ENTITY_ICONS: Record<GraphNodeType, string> = {
  finding: 'securitySignalDetected',
  access_key: 'tokenKey',
  role: 'usersRolesApp',
  user: 'user',
  instance: 'compute',
  ip: 'tokenIP',
  account: 'logoAWSMono',
  region: 'globe',
  bucket: 'storage',
  object: 'document',
  principal_arn: 'tokenAlias',
  k8s_cluster: 'grid',
  k8s_namespace: 'tokenNamespace',
  k8s_user: 'user',
  k8s_workload: 'node',
  container_image: 'package',
  ecs_cluster: 'layers',
  ecs_task: 'shard',
  lambda_function: 'function',
  rds_instance: 'database',
  db_user: 'lock',
  domain: 'link',
  process: 'console',
  file_hash: 'tokenFile',
  signal: 'securitySignal',
};

export const ENTITY_COLORS: Record<GraphNodeType, string> = {
  finding: '#E7664C',
  access_key: '#D6BF57',
  role: '#9170B8',
  user: '#CA8EAE',
  instance: '#6092C0',
  ip: '#D36086',
  account: '#B9A888',
  region: '#AA6556',
  bucket: '#54B399',
  object: '#7DE2D1',
  principal_arn: '#7B61A6',
  k8s_cluster: '#326CE5',
  k8s_namespace: '#5A8DEE',
  k8s_user: '#A06DA8',
  k8s_workload: '#3F8FA8',
  container_image: '#4C9F8A',
  ecs_cluster: '#D08B3E',
  ecs_task: '#E0A458',
  lambda_function: '#E38B2C',
  rds_instance: '#4A76B8',
  db_user: '#B07AA1',
  domain: '#6E9E3F',
  process: '#69707D',
  file_hash: '#8D7B68',
  signal: '#BD271E',
};

/**
 * Label, icon and colour of a node type, safe for a type this browser does not know yet (a newer
 * server): a readable label from the type name, a neutral icon and colour, never `undefined`.
 */
export function entityLabel(type: string): string {
  return own(ENTITY_LABELS, type) ?? humanize(type);
}

export function entityIcon(type: string): string {
  return own(ENTITY_ICONS, type) ?? 'questionInCircle';
}

export function entityColor(type: string): string {
  return own(ENTITY_COLORS, type) ?? '#98A2B3';
}

function own(map: Record<GraphNodeType, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key as GraphNodeType] : undefined;
}

function humanize(type: string): string {
  const words = String(type).replace(/[_.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Entity';
}
