import { SourceId } from './types';

/**
 * Where each log source lives and which of its fields an analyst reads first.
 * Defaults follow SIEM on Amazon OpenSearch Service; a deployment overrides them with
 * `siem_investigations.sources.<source>.*` in opensearch_dashboards.yml (see server/config.ts).
 */
export interface SourceDefinition {
  id: SourceId;
  label: string;
  /** Comma-separated index patterns; wildcards match monthly, daily and numbered (rollover) indices. */
  indexPattern: string;
  timeField: string;
  /** Saved-object id of the index pattern in Dashboards, used for "Open in Discover". */
  indexPatternId: string;
  /** Table columns, in the order the analyst in SCENARIO.md chose them. */
  columns: string[];
}

export type SourceDefinitions = Record<SourceId, SourceDefinition>;

export const DEFAULT_SOURCES: SourceDefinitions = {
  guardduty: {
    id: 'guardduty',
    label: 'GuardDuty',
    indexPattern: 'log-aws-guardduty-*',
    timeField: '@timestamp',
    indexPatternId: '8be467d0-7fc8-11ea-9ba8-7fa25bc74a6f',
    columns: ['@timestamp', 'type', 'title', 'severity', 'source.ip', 'user.id', 'user.name', 'cloud.instance.id', 'service.count'],
  },
  cloudtrail: {
    id: 'cloudtrail',
    label: 'CloudTrail',
    indexPattern: 'log-aws-cloudtrail-*',
    timeField: '@timestamp',
    indexPatternId: '5f946950-7fc8-11ea-945d-8d0868f4a377',
    columns: [
      '@timestamp',
      'event.action',
      'event.outcome',
      'source.ip',
      'user.id',
      'user.name',
      'requestParameters.bucketName',
      'requestParameters.key',
      'error.code',
      'user_agent.original',
    ],
  },
  linux_secure: {
    id: 'linux_secure',
    label: 'Linux secure',
    indexPattern: 'log-linux-secure-*',
    timeField: '@timestamp',
    indexPatternId: '52214a80-8cee-11ea-8245-b5a58f1d6758',
    columns: ['@timestamp', 'event.action', 'event.outcome', 'user.name', 'source.ip', 'host.hostname', 'cloud.instance.id', 'syslog_message'],
  },
  securityhub: {
    id: 'securityhub',
    label: 'Security Hub',
    indexPattern: 'log-aws-securityhub-*',
    timeField: '@timestamp',
    indexPatternId: '1dfe5d30-8ba7-11ea-8245-b5a58f1d6758',
    columns: ['@timestamp', 'event.module', 'Title', 'Severity.Label', 'rule.description', 'cloud.instance.id', 'Resources.Id'],
  },
};

export type SourceOverrides = Partial<Record<SourceId, Partial<Pick<SourceDefinition, 'indexPattern' | 'indexPatternId' | 'timeField' | 'columns'>>>>;

/** Applies deployment overrides to the defaults; unknown keys are ignored, empty strings keep the default. */
export function resolveSources(overrides: SourceOverrides = {}): SourceDefinitions {
  const resolved = {} as SourceDefinitions;
  for (const [id, def] of Object.entries(DEFAULT_SOURCES) as Array<[SourceId, SourceDefinition]>) {
    const o = overrides[id] ?? {};
    resolved[id] = {
      ...def,
      indexPattern: nonEmpty(o.indexPattern) ?? def.indexPattern,
      indexPatternId: nonEmpty(o.indexPatternId) ?? def.indexPatternId,
      timeField: nonEmpty(o.timeField) ?? def.timeField,
      columns: Array.isArray(o.columns) && o.columns.length && o.columns.every((c) => nonEmpty(c)) ? o.columns.map((c) => c.trim()) : def.columns,
    };
  }
  return resolved;
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Which source an index belongs to, by matching it against the configured patterns. */
export function sourceOfIndex(index: string, sources: SourceDefinitions): SourceId | null {
  for (const def of Object.values(sources)) {
    for (const pattern of def.indexPattern.split(',')) {
      if (globMatch(pattern.trim(), index)) return def.id;
    }
  }
  return null;
}

function globMatch(pattern: string, value: string): boolean {
  if (!pattern) return false;
  const re = new RegExp('^' + pattern.split('*').map(escapeRegExp).join('.*') + '$');
  return re.test(value);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
