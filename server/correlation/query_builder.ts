import { LIMITS } from '../../common/constants';
import { InvestigationWindow, SourceId } from '../../common/types';
import { patternsByCluster, SourceDefinition, SourceDefinitions } from '../../common/sources';
import { EntitySet } from './entity_set';
import { escapeWildcard } from './entity_values';
import { PivotMatch, PivotRule } from '../playbooks';
import { SERVER_SOURCES } from '../sources';

type Dsl = Record<string, unknown>;

export const UNIQUE_AGG = '__unique';

export const facetAggName = (i: number) => `facet_${i}`;
/** The sum of a facet's numeric field, per value (`PivotFacet.sum`). */
export const SUM_AGG = 'sum';
/** The number of distinct values of a facet's second field, per value (`PivotFacet.distinct`). */
export const DISTINCT_AGG = 'distinct';
export const yieldAggName = (i: number) => `yield_${i}`;
/** A filtered yield (`successOnly`, `inWindow`): its terms sit one level down. */
export const YIELD_VALUES = 'values';
/** The ECS outcome of an action: a success ties a value to the incident more strongly than a failure. */
export const SUCCESS_FILTER = { term: { 'event.outcome': 'success' } };
export const SUCCESS_AGG = 'successes';
export const SPANS_AGG = '__spans';

/**
 * The second sort key of every evidence and findings search: documents with the same timestamp
 * come in the same order whatever shard, replica or node answers (without it, equal timestamps
 * come in shard and segment order, which differs between a single node and a cluster). `@id` is
 * the es-loader's per-document id (event id, finding id, ASFF id), a keyword in every SIEM index.
 */
export const TIE_BREAKER = { '@id': { order: 'asc', unmapped_type: 'keyword', missing: '_last' } };

export interface MsearchItem {
  header: Dsl;
  body: Dsl;
}

export interface RuleSearch extends MsearchItem {
  rule: PivotRule;
  /** The query without the time range: what Discover and the evidence group show. */
  query: Dsl;
}

export interface SearchContext {
  entities: EntitySet;
  window: InvestigationWindow;
  findingId: string;
  sources: SourceDefinitions;
  /** `terminate_after` of the evidence searches (default LIMITS.maxDocsPerShard). */
  maxDocsPerShard?: number;
  /** A bounded hop (`PivotRule.thirdHop`): at most this many values per clause, this many hits. */
  bound?: { maxValues: number; size: number };
}

function matchValues(m: PivotMatch, entities: EntitySet, maxValues?: number): string[] {
  const values = entities.values(m.entity, m.ipRole, m.keep);
  // The strongest values first when bounded, then sorted so that equal inputs make equal queries.
  return (maxValues === undefined ? values : values.slice(0, maxValues)).sort();
}

/** The accounts a name must belong to (`PivotMatch.accountField`). */
function accountValues(m: PivotMatch, entities: EntitySet): string[] {
  return m.accountField ? entities.values('account').sort() : [];
}

/** The entity values a rule would pivot on, or null when it cannot run yet. */
export function ruleInputs(rule: PivotRule, entities: EntitySet, maxValues?: number): string | null {
  if (rule.findingItself) return 'finding';
  const parts: string[] = [];
  const usable = (m: PivotMatch) => {
    const v = matchValues(m, entities, maxValues);
    // A name without an account to qualify it matches nothing.
    return m.accountField && accountValues(m, entities).length === 0 ? [] : v;
  };
  const part = (m: PivotMatch) => `${m.entity}=${usable(m).join(',')}` + (m.accountField ? `@${accountValues(m, entities).join(',')}` : '');
  for (const m of rule.match) {
    if (!usable(m).length) return null;
    parts.push(part(m));
  }
  if (rule.matchAny) {
    if (rule.matchAny.every((m) => usable(m).length === 0)) return null;
    parts.push(...rule.matchAny.map(part));
  }
  for (const m of rule.notMatch ?? []) parts.push(`not ${part(m)}`);
  return parts.join(';');
}

/** One clause: any of its fields holds any of the values, compared literally. */
function clauseQuery(m: PivotMatch, values: string[], accounts: string[]): Dsl {
  const should: Dsl[] = m.fields.map((f) =>
    typeof f === 'string'
      ? { terms: { [f]: values } }
      : { terms: { [f.field]: values.map((v) => f.prefix + v) } }
  );
  for (const f of m.suffixFields ?? []) {
    for (const v of values) should.push({ wildcard: { [f]: { value: `*:${escapeWildcard(v)}` } } });
  }
  if (m.valueQuery) for (const v of values) {
    const q = m.valueQuery(v);
    if (q) should.push(q);
  }
  // No value could be read into a query: the clause matches nothing.
  const clause = should.length === 0 ? { bool: { must_not: [{ match_all: {} }] } } : should.length === 1 ? should[0] : { bool: { should, minimum_should_match: 1 } };
  return m.accountField ? { bool: { filter: [clause, { terms: { [m.accountField]: accounts } }] } } : clause;
}

function findingIdQuery(findingId: string): Dsl {
  return { bool: { should: [{ term: { '@id': findingId } }, { term: { id: findingId } }], minimum_should_match: 1 } };
}

export function ruleQuery(rule: PivotRule, ctx: SearchContext): Dsl {
  const filter: Dsl[] = [];
  const max = ctx.bound?.maxValues;
  if (rule.findingItself) filter.push(findingIdQuery(ctx.findingId));
  for (const m of rule.match) filter.push(clauseQuery(m, matchValues(m, ctx.entities, max), accountValues(m, ctx.entities)));
  if (rule.matchAny) {
    const should = rule.matchAny
      .map((m) => ({ m, v: matchValues(m, ctx.entities, max), a: accountValues(m, ctx.entities) }))
      .filter(({ m, v, a }) => v.length > 0 && (!m.accountField || a.length > 0))
      .map(({ m, v, a }) => clauseQuery(m, v, a));
    filter.push(should.length === 1 ? should[0] : { bool: { should, minimum_should_match: 1 } });
  }
  filter.push(...(rule.filter ?? []));
  const bool: Dsl = { filter };
  const mustNot: Dsl[] = [];
  if (rule.excludeFinding) mustNot.push(findingIdQuery(ctx.findingId));
  for (const m of rule.notMatch ?? []) {
    const v = matchValues(m, ctx.entities);
    if (v.length) mustNot.push(clauseQuery(m, v, accountValues(m, ctx.entities)));
  }
  if (mustNot.length) bool.must_not = mustNot;
  return { bool };
}

export function timeRange(def: SourceDefinition, window: InvestigationWindow, lookbackDays = 0): Dsl {
  const from = new Date(Date.parse(window.from) - lookbackDays * 86400000).toISOString();
  return { range: { [def.timeField]: { gte: from, lte: window.to, format: 'strict_date_optional_time' } } };
}

function header(def: SourceDefinition): Dsl {
  return { index: def.indexPattern, ignore_unavailable: true, allow_no_indices: true };
}

export function buildRuleSearch(rule: PivotRule, ctx: SearchContext): RuleSearch {
  const def = ctx.sources[rule.source];
  const query = ruleQuery(rule, ctx);
  const filtered = rule.findingItself
    ? query
    : { bool: { ...(query.bool as Dsl), filter: [...((query.bool as Dsl).filter as Dsl[]), timeRange(def, ctx.window, rule.lookbackDays)] } };
  const aggs: Dsl = {};
  (rule.facets ?? []).forEach((f, i) => {
    const sub: Dsl = {
      ...(f.sum ? { [SUM_AGG]: { sum: { field: f.sum } } } : {}),
      ...(f.distinct ? { [DISTINCT_AGG]: { cardinality: { field: f.distinct } } } : {}),
    };
    const terms = { terms: { field: f.field, size: LIMITS.facetSize }, ...(Object.keys(sub).length ? { aggs: sub } : {}) };
    aggs[facetAggName(i)] = f.where ? { filter: f.where, aggs: { values: terms } } : terms;
  });
  // Values this group yields, over ALL its documents (not only the hits returned), strongest first:
  // a flood of failed calls on made-up names cannot push a successful one out.
  (rule.yields ?? []).forEach((y, i) => {
    if (y === 'finding') return;
    const values = {
      // Twice the cap: the values past it are what the answer reports as left out.
      terms: { field: y.field, size: LIMITS.entitiesPerType * 2, order: [{ [SUCCESS_AGG]: 'desc' }, { _count: 'desc' }, { _key: 'asc' }] },
      aggs: { [SUCCESS_AGG]: { filter: SUCCESS_FILTER } },
    };
    const only: Dsl[] = [...(y.successOnly ? [SUCCESS_FILTER] : []), ...(y.inWindow ? [timeRange(def, ctx.window)] : [])];
    aggs[yieldAggName(i)] = only.length ? { filter: { bool: { filter: only } }, aggs: { [YIELD_VALUES]: values } } : values;
  });
  if (rule.spans) {
    const s = rule.spans;
    aggs[SPANS_AGG] = {
      filter: s.where,
      aggs: {
        by: {
          terms: { field: s.by, size: 20 },
          aggs: {
            first: { min: { field: def.timeField } },
            last: { max: { field: def.timeField } },
            ...(s.countWhere ? { counted: { filter: s.countWhere } } : {}),
            ...(s.detail ? { detail: { terms: { field: s.detail, size: 5 } } } : {}),
          },
        },
      },
    };
  }
  // Collapsed groups count findings, not their per-update documents.
  if (rule.collapse) aggs[UNIQUE_AGG] = { cardinality: { field: rule.collapse, precision_threshold: 10000 } };
  const body: Dsl = {
    query: filtered,
    size: Math.min(rule.size ?? LIMITS.evidenceHits, ctx.bound?.size ?? 200, 200),
    sort: [{ [def.timeField]: { order: rule.sort ?? 'asc', unmapped_type: 'date' } }, TIE_BREAKER],
    track_total_hits: true,
    timeout: LIMITS.searchTimeout,
    // Bounded under pressure: at most this many documents per shard are collected (hits, counts and
    // aggregations alike); the answer then marks its counts as lower bounds.
    terminate_after: ctx.maxDocsPerShard ?? LIMITS.maxDocsPerShard,
    // What the engine reads plus what this deployment shows (its columns and time field).
    _source: { includes: [...new Set([...SERVER_SOURCES[rule.source].reads, ...def.columns, def.timeField])] },
    ...(Object.keys(aggs).length ? { aggs } : {}),
    ...(rule.collapse ? { collapse: { field: rule.collapse } } : {}),
  };
  return { rule, query, header: header(def), body };
}

/**
 * The exact count of a rule search that stopped early (`terminated_early`): the same index pattern,
 * query and window, without `terminate_after`, no hits and no aggregations but the distinct count of
 * a collapsed group (what its `total` counts). Bounded in time by `LIMITS.exactCountTimeoutMs`: a
 * count that does not finish in it is partial and the group keeps its lower bound.
 */
export function buildCountSearch(search: RuleSearch): MsearchItem {
  const unique = (search.body.aggs as Dsl | undefined)?.[UNIQUE_AGG];
  return {
    header: search.header,
    body: {
      query: search.body.query,
      size: 0,
      track_total_hits: true,
      timeout: `${LIMITS.exactCountTimeoutMs}ms`,
      ...(unique ? { aggs: { [UNIQUE_AGG]: unique } } : {}),
    },
  };
}

/** How many documents each source holds in the window: "no evidence" vs "no data". */
export function buildCoverageSearch(def: SourceDefinition, window: InvestigationWindow, indexPattern = def.indexPattern): MsearchItem {
  return {
    header: { ...header(def), index: indexPattern },
    body: {
      size: 0,
      // Counting stops at this many: on a busy month the exact count costs time and says nothing more.
      track_total_hits: LIMITS.coverageCountLimit,
      timeout: LIMITS.searchTimeout,
      query: { bool: { filter: [timeRange(def, window)] } },
    },
  };
}

export interface CoverageSearch extends MsearchItem {
  source: SourceId;
  /** Set when the source's pattern spans clusters: one search per cluster. */
  cluster?: string;
  indexPattern: string;
}

/** The coverage searches of the sources: one per source, or one per cluster when its pattern spans several. */
export function buildCoverageSearches(sources: SourceDefinitions, ids: SourceId[], window: InvestigationWindow): CoverageSearch[] {
  return ids.flatMap((source) => {
    const def = sources[source];
    const parts = patternsByCluster(def.indexPattern);
    if (parts.length <= 1) return [{ source, indexPattern: def.indexPattern, ...buildCoverageSearch(def, window) }];
    return parts.map((p) => ({ source, cluster: p.cluster, indexPattern: p.pattern, ...buildCoverageSearch(def, window, p.pattern) }));
  });
}

export function toMsearchBody(items: MsearchItem[]): Dsl[] {
  return items.flatMap((i) => [i.header, i.body]);
}
