import { LIMITS } from '../../common/constants';
import { InvestigationWindow } from '../../common/types';
import { SourceDefinition, SourceDefinitions } from '../../common/sources';
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
/** The ECS outcome of an action: a success ties a value to the incident more strongly than a failure. */
export const SUCCESS_FILTER = { term: { 'event.outcome': 'success' } };
export const SUCCESS_AGG = 'successes';
export const SPANS_AGG = '__spans';

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
}

function matchValues(m: PivotMatch, entities: EntitySet): string[] {
  return entities.values(m.entity, m.ipRole).sort();
}

/** The entity values a rule would pivot on, or null when it cannot run yet. */
export function ruleInputs(rule: PivotRule, entities: EntitySet): string | null {
  if (rule.findingItself) return 'finding';
  const parts: string[] = [];
  for (const m of rule.match) {
    const v = matchValues(m, entities);
    if (!v.length) return null;
    parts.push(`${m.entity}=${v.join(',')}`);
  }
  if (rule.matchAny) {
    const any = rule.matchAny.map((m) => `${m.entity}=${matchValues(m, entities).join(',')}`);
    if (rule.matchAny.every((m) => matchValues(m, entities).length === 0)) return null;
    parts.push(...any);
  }
  return parts.join(';');
}

/** One clause: any of its fields holds any of the values, compared literally. */
function clauseQuery(m: PivotMatch, values: string[]): Dsl {
  const should: Dsl[] = m.fields.map((f) =>
    typeof f === 'string'
      ? { terms: { [f]: values } }
      : { terms: { [f.field]: values.map((v) => f.prefix + v) } }
  );
  for (const f of m.suffixFields ?? []) {
    for (const v of values) should.push({ wildcard: { [f]: { value: `*:${escapeWildcard(v)}` } } });
  }
  return should.length === 1 ? should[0] : { bool: { should, minimum_should_match: 1 } };
}

function findingIdQuery(findingId: string): Dsl {
  return { bool: { should: [{ term: { '@id': findingId } }, { term: { id: findingId } }], minimum_should_match: 1 } };
}

export function ruleQuery(rule: PivotRule, ctx: SearchContext): Dsl {
  const filter: Dsl[] = [];
  if (rule.findingItself) filter.push(findingIdQuery(ctx.findingId));
  for (const m of rule.match) filter.push(clauseQuery(m, matchValues(m, ctx.entities)));
  if (rule.matchAny) {
    const should = rule.matchAny
      .map((m) => ({ m, v: matchValues(m, ctx.entities) }))
      .filter(({ v }) => v.length > 0)
      .map(({ m, v }) => clauseQuery(m, v));
    filter.push(should.length === 1 ? should[0] : { bool: { should, minimum_should_match: 1 } });
  }
  filter.push(...(rule.filter ?? []));
  const bool: Dsl = { filter };
  if (rule.excludeFinding) bool.must_not = [findingIdQuery(ctx.findingId)];
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
    aggs[yieldAggName(i)] = {
      // Twice the cap: the values past it are what the answer reports as left out.
      terms: { field: y.field, size: LIMITS.entitiesPerType * 2, order: [{ [SUCCESS_AGG]: 'desc' }, { _count: 'desc' }, { _key: 'asc' }] },
      aggs: { [SUCCESS_AGG]: { filter: SUCCESS_FILTER } },
    };
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
    size: Math.min(rule.size ?? LIMITS.evidenceHits, 200),
    sort: [{ [def.timeField]: { order: rule.sort ?? 'asc', unmapped_type: 'date' } }],
    track_total_hits: true,
    timeout: LIMITS.searchTimeout,
    // What the engine reads plus what this deployment shows (its columns and time field).
    _source: { includes: [...new Set([...SERVER_SOURCES[rule.source].reads, ...def.columns, def.timeField])] },
    ...(Object.keys(aggs).length ? { aggs } : {}),
    ...(rule.collapse ? { collapse: { field: rule.collapse } } : {}),
  };
  return { rule, query, header: header(def), body };
}

/** How many documents each source holds in the window: "no evidence" vs "no data". */
export function buildCoverageSearch(def: SourceDefinition, window: InvestigationWindow): MsearchItem {
  return {
    header: header(def),
    body: { size: 0, track_total_hits: true, timeout: LIMITS.searchTimeout, query: { bool: { filter: [timeRange(def, window)] } } },
  };
}

export function toMsearchBody(items: MsearchItem[]): Dsl[] {
  return items.flatMap((i) => [i.header, i.body]);
}
