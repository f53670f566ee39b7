import { GraphNodeType, Severity, SourceId } from '../../common/types';

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
};

export const ENTITY_LABELS: Record<GraphNodeType, string> = {
  finding: 'Finding',
  access_key: 'Access key',
  role: 'Role',
  user: 'User',
  instance: 'Instance',
  ip: 'IP address',
  account: 'Account',
  region: 'Region',
  bucket: 'S3 bucket',
  object: 'S3 object',
};

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
};

