import { isIP } from 'net';
import { EntityType } from '../../common/types';

/**
 * Which strings are acceptable as a value of each entity type. Values come from log data, which
 * an attacker can shape; a value that is not what its type promises is dropped here, before any
 * query is built (an `ip` field query with a non-IP literal would fail the whole search).
 */
const MAX_VALUE_LENGTH = 1024;

const VALIDATORS: Record<EntityType, (v: string) => boolean> = {
  access_key: (v) => /^[A-Z0-9]{16,128}$/.test(v),
  instance: (v) => /^i-[0-9a-f]{8,17}$/.test(v),
  ip: (v) => isIP(v) !== 0,
  account: (v) => /^\d{12}$/.test(v),
  region: (v) => /^[a-z]{2}(-[a-z]+)+-\d$/.test(v),
  bucket: (v) => v.length >= 3 && v.length <= 255,
  role: (v) => v.length <= 512,
  user: (v) => v.length <= 512,
  object: (v) => v.length <= MAX_VALUE_LENGTH,
  principal_arn: (v) => /^arn:aws[a-z-]*:(iam|sts)::\d{12}:\S+$/.test(v),
  k8s_cluster: (v) => /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(v),
  k8s_namespace: (v) => /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(v),
  k8s_user: (v) => v.length <= 256 && printable(v),
  k8s_workload: (v) => /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(v),
  container_image: (v) => v.length <= 512 && /^\S+$/.test(v),
  ecs_cluster: (v) => v.length <= 512 && /^\S+$/.test(v),
  ecs_task: (v) => v.length <= 512 && /^\S+$/.test(v),
  lambda_function: (v) => /^[a-zA-Z0-9_-]{1,64}$/.test(v) || /^arn:aws[a-z-]*:lambda:\S+$/.test(v),
  rds_instance: (v) => /^[a-zA-Z][a-zA-Z0-9-]{0,62}$/.test(v),
  db_user: (v) => v.length <= 128 && printable(v),
  domain: (v) => v.length <= 253 && /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/.test(v),
  process: (v) => v.length <= 256 && printable(v),
  file_hash: (v) => /^[a-fA-F0-9]{32,128}$/.test(v),
  signal: (v) => v.length <= 256 && printable(v),
};

/** No control characters: such a value cannot be shown or searched for as written. */
function printable(v: string): boolean {
  return !/[\u0000-\u001f\u007f]/.test(v);
}

export function isValidEntityValue(type: EntityType, value: string): boolean {
  return value.length > 0 && value.length <= MAX_VALUE_LENGTH && VALIDATORS[type](value);
}

/** Escapes the characters that a `wildcard` query treats specially, so a value matches literally. */
export function escapeWildcard(value: string): string {
  return value.replace(/[\\*?]/g, (c) => `\\${c}`);
}

/** The instance id inside an EC2 role session's principal id (`AROA…:i-0abc…`), if there is one. */
export function instanceFromPrincipalId(principalId: string | undefined): string | undefined {
  if (!principalId) return undefined;
  const session = principalId.slice(principalId.indexOf(':') + 1);
  return principalId.includes(':') && VALIDATORS.instance(session) ? session : undefined;
}
