import { LIMITS } from '../../common/constants';
import { EvidenceGroup, EvidenceHit, Facet } from '../../common/types';
import { boundValues, clipText } from '../lib/bounds';
import { SourceDefinitions } from '../../common/sources';
import { FlatDoc, first, flattenDocument } from '../../common/flatten';
import { DISTINCT_AGG, facetAggName, RuleSearch, SUM_AGG, SPANS_AGG, SUCCESS_AGG, UNIQUE_AGG, YIELD_VALUES, yieldAggName } from './query_builder';
import { permissionError } from './permission';
import { unreadOf } from '../lib/unread_shards';

/** One item of an `_msearch` response, as far as we read it. */
export interface SearchResponseItem {
  status?: number;
  error?: { type?: string; reason?: string; root_cause?: Array<{ reason?: string }> } | string;
  timed_out?: boolean;
  /** Set when OpenSearch stopped collecting at `terminate_after` documents per shard. */
  terminated_early?: boolean;
  _shards?: { total?: number; failed?: number; failures?: Array<{ index?: string; reason?: { reason?: string; type?: string } }> };
  /** Cross-cluster search: clusters asked, and those skipped because they did not answer (`skip_unavailable`). */
  _clusters?: { total?: number; successful?: number; skipped?: number };
  hits?: {
    total?: number | { value: number; relation?: 'eq' | 'gte' };
    hits?: Array<{ _index: string; _id: string; _source?: Record<string, unknown> }>;
  };
  aggregations?: Record<string, AggregationResult>;
}

interface AggregationResult {
  buckets?: Array<{ key: unknown; key_as_string?: string; doc_count: number; successes?: { doc_count?: number }; [SUM_AGG]?: { value?: number | null }; [DISTINCT_AGG]?: { value?: number | null } }>;
  sum_other_doc_count?: number;
  value?: number;
  /** A filtered facet: the terms sit one level down. */
  values?: AggregationResult;
}

/** A hit with its flattened document, kept server side for the timeline, graph and story. */
export interface ParsedHit extends EvidenceHit {
  doc: FlatDoc;
}

export interface ParsedGroup extends Omit<EvidenceGroup, 'hits'> {
  hits: ParsedHit[];
  /** The rule's spans (`PivotRule.spans`), by value: a repeated activity from all its documents. */
  spans?: Record<string, ActivitySpan>;
  /** The finding's own documents (its count updates). */
  ofFinding?: boolean;
  /** Per yield of the rule (by index), the values over all matching documents, strongest first. */
  yieldValues: Array<YieldValues | undefined>;
}

export interface ActivitySpan {
  first: string;
  last: string;
  count: number;
  detail: Array<[string, number]>;
}

interface SpanBucket {
  key: unknown;
  doc_count: number;
  first?: { value_as_string?: string; value?: number | null };
  last?: { value_as_string?: string; value?: number | null };
  counted?: { doc_count?: number };
  detail?: { buckets?: Array<{ key: unknown; doc_count: number }> };
}

function readSpans(item: SearchResponseItem): Record<string, ActivitySpan> | undefined {
  const buckets = (item.aggregations?.[SPANS_AGG] as { by?: { buckets?: SpanBucket[] } } | undefined)?.by?.buckets;
  if (!buckets) return undefined;
  const out: Record<string, ActivitySpan> = Object.create(null);
  const time = (v: SpanBucket['first']) => v?.value_as_string ?? (typeof v?.value === 'number' ? new Date(v.value).toISOString() : undefined);
  for (const b of buckets) {
    const first = time(b.first);
    const last = time(b.last);
    if (!first || !last) continue;
    out[String(b.key)] = {
      first,
      last,
      count: b.counted?.doc_count ?? b.doc_count,
      detail: (b.detail?.buckets ?? []).map((d) => [String(d.key), d.doc_count]),
    };
  }
  return out;
}

export interface YieldValues {
  values: YieldValue[];
  /** Documents with further values the aggregation did not return. */
  more: boolean;
}

export interface YieldValue {
  value: string;
  hits: number;
  successes: number;
}

export function totalOf(item: SearchResponseItem): number {
  const t = item.hits?.total;
  return typeof t === 'number' ? t : t?.value ?? 0;
}

/** The count stopped at a bound (`track_total_hits` as a number, `terminate_after`) or missed failed shards: the real one is at least this. */
export function totalIsLowerBound(item: SearchResponseItem): boolean {
  const t = item.hits?.total;
  // Failed shards counted nothing: the total is at least what the others hold.
  return (typeof t === 'object' && t?.relation === 'gte') || item.terminated_early === true || (item._shards?.failed ?? 0) > 0;
}

/** Remote clusters of a cross-cluster search that did not answer (their `skip_unavailable` is true). */
export function skippedClusters(item: SearchResponseItem): number {
  return item._clusters?.skipped ?? 0;
}

export function errorOf(item: SearchResponseItem): string | undefined {
  if (item.error) {
    const denied = permissionError(item);
    if (denied) return denied;
    if (typeof item.error === 'string') return item.error;
    return item.error.root_cause?.[0]?.reason ?? item.error.reason ?? item.error.type ?? 'search failed';
  }
  if (item.timed_out) return 'The search timed out; the results are partial.';
  const skipped = skippedClusters(item);
  if (skipped) return `${skipped} of ${item._clusters?.total ?? skipped} clusters did not answer (remote cluster unavailable); the results are partial.`;
  return undefined;
}

/** A group's count: its findings (a collapsed group counts the distinct values) or its documents. */
function groupTotal(search: Pick<RuleSearch, 'rule'>, item: SearchResponseItem): number {
  const unique = item.aggregations?.[UNIQUE_AGG]?.value;
  return search.rule.collapse && typeof unique === 'number' ? unique : totalOf(item);
}

/** The collection stopped at `terminate_after` on some shard: the breakdown is built from part of the matches. */
export function stoppedEarly(group: Pick<ParsedGroup, 'breakdownIsPartial' | 'error'>): boolean {
  return group.breakdownIsPartial === true && !group.error;
}

/**
 * A group whose collection stopped early, with the exact count of the same query (`buildCountSearch`,
 * a later round trip): `total` becomes exact and loses its lower-bound mark, while `breakdownIsPartial`
 * and `collected` keep saying that the rest was built from the documents collected. A count that
 * failed, timed out, left a cluster out, stopped early itself or says less than was collected changes
 * nothing: the group keeps its lower bound.
 */
export function applyExactCount(group: ParsedGroup, search: Pick<RuleSearch, 'rule'>, item: SearchResponseItem | undefined): ParsedGroup {
  if (!item || !stoppedEarly(group) || errorOf(item) || totalIsLowerBound(item)) return group;
  const exact = groupTotal(search, item);
  if (!Number.isFinite(exact) || exact < (group.collected ?? group.total)) return group;
  const { totalIsLowerBound: _bound, ...rest } = group;
  return { ...rest, total: exact };
}

export function parseRuleResponse(search: RuleSearch, item: SearchResponseItem, sources: SourceDefinitions, hop: number): ParsedGroup {
  const { rule } = search;
  const unread = unreadOf(item);
  const def = sources[rule.source];
  const columns = def.columns;
  const hits: ParsedHit[] = (item.hits?.hits ?? []).map((h) => {
    const doc = flattenDocument(h._source ?? {});
    const fields: FlatDoc = {};
    let truncated = false;
    let budget = LIMITS.hitChars;
    for (const c of columns) {
      if (doc[c] === undefined) continue;
      // Columns come in the analyst's order: the first ones get the room, every one at least a glimpse.
      const { value, cut } = boundValues(doc[c], LIMITS.hitValuesPerField, Math.max(16, Math.min(LIMITS.hitValueChars, budget)));
      fields[c] = value;
      budget -= (Array.isArray(value) ? value : [value]).reduce((n, v) => n + v.length, 0);
      truncated ||= cut;
    }
    return { ref: { index: h._index, id: h._id }, timestamp: first(doc, def.timeField) ?? '', fields, doc, ...(truncated ? { truncated } : {}) };
  });
  const facets: Facet[] = (rule.facets ?? []).map((f, i) => {
    const agg = item.aggregations?.[facetAggName(i)];
    const buckets = (f.where ? agg?.values?.buckets : agg?.buckets) ?? [];
    return { field: f.field, label: f.label, buckets: buckets.map((b) => {
        const sum = f.sum ? b[SUM_AGG]?.value : undefined;
        const distinct = f.distinct ? b[DISTINCT_AGG]?.value : undefined;
        return {
          value: clipText(b.key_as_string ?? String(b.key), LIMITS.labelChars),
          count: b.doc_count,
          ...(typeof sum === 'number' ? { sum } : {}),
          ...(typeof distinct === 'number' ? { distinct } : {}),
        };
      }),
    };
  });
  const yieldValues = (rule.yields ?? []).map((_y, i): YieldValues | undefined => {
    const outer = item.aggregations?.[yieldAggName(i)];
    // A filtered yield (`successOnly`, `inWindow`) has its terms one level down.
    const agg = outer?.[YIELD_VALUES] ?? outer;
    if (!agg?.buckets) return undefined;
    return {
      values: agg.buckets.map((b) => ({ value: b.key_as_string ?? String(b.key), hits: b.doc_count, successes: b[SUCCESS_AGG]?.doc_count ?? 0 })),
      more: (agg.sum_other_doc_count ?? 0) > 0,
    };
  });
  return {
    id: rule.id,
    source: rule.source,
    title: rule.title,
    question: rule.question,
    indexPattern: def.indexPattern,
    indexPatternId: def.indexPatternId,
    timeField: def.timeField,
    query: search.query,
    columns,
    total: groupTotal(search, item),
    ...(totalIsLowerBound(item) ? { totalIsLowerBound: true } : {}),
    // Stopped at `terminate_after`: what was built, was built from the documents collected.
    ...(item.terminated_early === true ? { breakdownIsPartial: true, collected: groupTotal(search, item) } : {}),
    hits,
    facets,
    yieldValues,
    ...(rule.spans ? { spans: readSpans(item) } : {}),
    ...(rule.findingItself ? { ofFinding: true } : {}),
    hop,
    ...(errorOf(item) ? { error: errorOf(item) } : {}),
    // Failed shards: its documents in those indices are missing (a timeout is already its `error`).
    ...(unread && unread.shards > 0 ? { unread } : {}),
  };
}

/** Drops the server-side flattened documents before the group goes on the wire. */
export function toEvidenceGroup(g: ParsedGroup): EvidenceGroup {
  const { yieldValues: _yields, ofFinding: _own, spans: _spans, ...wire } = g;
  return { ...wire, hits: g.hits.map(({ doc: _doc, ...hit }) => hit) };
}
