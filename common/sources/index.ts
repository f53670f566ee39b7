import { FlatDoc, first } from '../flatten';
import { SourceId } from '../types';
import { cloudtrail } from './cloudtrail';
import { config } from './config';
import { elb } from './elb';
import { guardduty } from './guardduty';
import { linuxOs } from './linux_os';
import { linuxSecure } from './linux_secure';
import { networkfirewall } from './networkfirewall';
import { r53resolver } from './r53resolver';
import { s3accesslog } from './s3accesslog';
import { securityhub } from './securityhub';
import { vpcflowlogs } from './vpcflowlogs';
import { waf } from './waf';
import { windowsEvent } from './windows_event';
import { SourceAdapter, SourceDefinition, SourceDefinitions, SourceOverrides } from './types';

export type { SourceAdapter, SourceDefinition, SourceDefinitions, SourceOverrides } from './types';

/** Every log source the plugin knows, one adapter each (adding a source = one adapter here and in server/sources). */
export const SOURCE_ADAPTERS: Record<SourceId, SourceAdapter> = {
  guardduty,
  cloudtrail,
  linux_secure: linuxSecure,
  securityhub,
  vpcflowlogs,
  r53resolver,
  s3accesslog,
  windows_event: windowsEvent,
  linux_os: linuxOs,
  waf,
  elb,
  networkfirewall,
  config,
};

export const DEFAULT_SOURCES: SourceDefinitions = Object.fromEntries(
  Object.entries(SOURCE_ADAPTERS).map(([id, a]) => [id, a.definition])
) as SourceDefinitions;

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

/** The cluster alias of the local cluster in coverage lines. */
export const LOCAL_CLUSTER = '(local)';

/**
 * A source's index pattern split by cluster, for cross-cluster search: `a-*,other:a-*,other:b-*`
 * → `[{ cluster: '(local)', pattern: 'a-*' }, { cluster: 'other', pattern: 'other:a-*,other:b-*' }]`,
 * local first, then remotes in the order they first appear.
 */
export function patternsByCluster(indexPattern: string): Array<{ cluster: string; pattern: string }> {
  const byCluster = new Map<string, string[]>();
  for (const raw of indexPattern.split(',')) {
    const p = raw.trim();
    if (!p) continue;
    const colon = p.indexOf(':');
    const cluster = colon > 0 ? p.slice(0, colon) : LOCAL_CLUSTER;
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), p]);
  }
  const local = byCluster.get(LOCAL_CLUSTER);
  const order = [...(local ? [LOCAL_CLUSTER] : []), ...[...byCluster.keys()].filter((c) => c !== LOCAL_CLUSTER)];
  return order.map((cluster) => ({ cluster, pattern: byCluster.get(cluster)!.join(',') }));
}

/** `other:log-aws-cloudtrail-2021-04` is on the remote cluster `other` (cross-cluster search). */
export function remoteClusterOf(index: string): string | undefined {
  const colon = index.indexOf(':');
  return colon > 0 ? index.slice(0, colon) : undefined;
}

/** A finding is attached as a finding, a log line as an event. */
export function attachmentTypeOf(source: SourceId | null): 'finding' | 'event' {
  return source ? SOURCE_ADAPTERS[source].attachmentType : 'event';
}

/** One line saying what a document is: its source's title, or the fields any log line may have. */
export function documentTitle(source: SourceId | null, doc: FlatDoc): string | undefined {
  return source ? SOURCE_ADAPTERS[source].title(doc) : first(doc, 'title', 'Title', 'rule.name', 'message', 'event.action');
}

function globMatch(pattern: string, value: string): boolean {
  if (!pattern) return false;
  const re = new RegExp('^' + pattern.split('*').map(escapeRegExp).join('.*') + '$');
  return re.test(value);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
