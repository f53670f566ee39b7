import { LIMITS } from '../../common/constants';
import { DocRef, Investigation, SourceCoverage, SourceId, SOURCE_IDS } from '../../common/types';
import { SourceDefinitions } from '../../common/sources';
import { badRequest, notFound } from '../lib/errors';
import { EntitySet } from './entity_set';
import { addFindingEntities, isGuardDutyFinding, summarizeFinding } from './finding';
import { FlatDoc, flattenDocument, values } from './flatten';
import { buildGraph } from './graph';
import { PIVOT_RULES, PivotRule } from './pivot_rules';
import { buildCoverageSearch, buildRuleSearch, MsearchItem, ruleInputs, RuleSearch, SearchContext, toMsearchBody } from './query_builder';
import { errorOf, ParsedGroup, parseRuleResponse, SearchResponseItem, toEvidenceGroup, totalOf } from './response_parser';
import { buildStory } from './story';
import { buildTimeline } from './timeline';
import { investigationWindow } from './window';

/** The part of OSD's scoped OpenSearch client (`asCurrentUser`) an investigation uses. */
export interface SearchClient {
  get(params: { index: string; id: string }, options?: { requestTimeout?: number }): Promise<{ body: { _source?: Record<string, unknown>; found?: boolean } }>;
  msearch(params: { body: Array<Record<string, unknown>> }, options?: { requestTimeout?: number }): Promise<{ body: { responses: SearchResponseItem[] } }>;
}

export interface InvestigateOptions {
  finding: DocRef;
  window?: { before?: string; after?: string };
  sources: SourceDefinitions;
}

const REQUEST_OPTIONS = { requestTimeout: LIMITS.requestTimeoutMs };

async function readFinding(client: SearchClient, ref: DocRef): Promise<FlatDoc> {
  let body: { _source?: Record<string, unknown>; found?: boolean };
  try {
    ({ body } = await client.get({ index: ref.index, id: ref.id }, REQUEST_OPTIONS));
  } catch (e) {
    const status = (e as { statusCode?: number; meta?: { statusCode?: number } }).statusCode ?? (e as { meta?: { statusCode?: number } }).meta?.statusCode;
    if (status === 404) throw notFound(`No finding ${ref.id} in index ${ref.index}`);
    throw e;
  }
  if (!body.found && !body._source) throw notFound(`No finding ${ref.id} in index ${ref.index}`);
  const doc = flattenDocument(body._source ?? {});
  if (!isGuardDutyFinding(doc)) throw badRequest(`Document ${ref.id} in ${ref.index} is not a GuardDuty finding`);
  return doc;
}

/** Entities revealed by a group's hits, added to `set`. */
function collectYields(rule: PivotRule, group: ParsedGroup, set: EntitySet): void {
  for (const y of rule.yields ?? []) {
    for (const h of group.hits) {
      if (y === 'finding') addFindingEntities(h.doc, set, rule.id);
      else for (const v of values(h.doc, y.field)) set.add(y.entity, v, rule.id, y.ipRole);
    }
  }
}

async function runMsearch(client: SearchClient, items: MsearchItem[]): Promise<SearchResponseItem[]> {
  const { body } = await client.msearch({ body: toMsearchBody(items) }, REQUEST_OPTIONS);
  return body.responses;
}

/**
 * One investigation in at most two round trips to OpenSearch: the first runs every pivot the
 * finding's own entities allow plus the coverage counts; the second re-runs only the pivots whose
 * inputs grew with what the first found (an IAM finding → its instance → the SSH brute force on
 * that instance → the logins from the brute-force address).
 */
export async function investigate(client: SearchClient, opts: InvestigateOptions): Promise<Investigation> {
  const started = Date.now();
  const findingDoc = await readFinding(client, opts.finding);
  const finding = summarizeFinding(opts.finding.index, opts.finding.id, findingDoc);
  const window = investigationWindow(finding.firstSeen ?? finding.timestamp, finding.lastSeen ?? finding.timestamp, opts.window);

  const entities = new EntitySet();
  addFindingEntities(findingDoc, entities, 'finding');
  const ctx = (set: EntitySet): SearchContext => ({ entities: set, window, findingId: finding.findingId, sources: opts.sources });

  // Round trip 1.
  const firstInputs = new Map<string, string>();
  const firstSearches: RuleSearch[] = [];
  for (const rule of PIVOT_RULES) {
    const inputs = ruleInputs(rule, entities);
    if (inputs === null) continue;
    firstInputs.set(rule.id, inputs);
    firstSearches.push(buildRuleSearch(rule, ctx(entities)));
  }
  const coverageSources: SourceId[] = [...SOURCE_IDS];
  const coverageSearches = coverageSources.map((s) => buildCoverageSearch(opts.sources[s], window));
  const firstResponses = await runMsearch(client, [...firstSearches, ...coverageSearches]);
  let roundTrips = 1;

  const groups = new Map<string, ParsedGroup>();
  firstSearches.forEach((s, i) => groups.set(s.rule.id, parseRuleResponse(s, firstResponses[i] ?? {}, opts.sources, 1)));
  const coverage: SourceCoverage[] = coverageSources.map((source, i) => {
    const item = firstResponses[firstSearches.length + i] ?? {};
    const error = errorOf(item);
    return { source, indexPattern: opts.sources[source].indexPattern, docsInWindow: totalOf(item), ...(error ? { error } : {}) };
  });

  // Round trip 2: only what the first one made newly possible or wider.
  const expanded = entities.clone();
  for (const rule of PIVOT_RULES) {
    const g = groups.get(rule.id);
    if (g) collectYields(rule, g, expanded);
  }
  const secondSearches = PIVOT_RULES.filter((rule) => !rule.findingItself)
    .filter((rule) => {
      const inputs = ruleInputs(rule, expanded);
      return inputs !== null && inputs !== firstInputs.get(rule.id);
    })
    .map((rule) => buildRuleSearch(rule, ctx(expanded)));
  if (secondSearches.length) {
    const second = await runMsearch(client, secondSearches);
    roundTrips++;
    secondSearches.forEach((s, i) => {
      const g = parseRuleResponse(s, second[i] ?? {}, opts.sources, 2);
      groups.set(s.rule.id, g);
      collectYields(s.rule, g, expanded);
    });
  }

  const ordered = PIVOT_RULES.map((r) => groups.get(r.id)).filter((g): g is ParsedGroup => !!g);
  return {
    finding,
    window,
    entities: expanded.toArray(),
    evidence: ordered.map(toEvidenceGroup),
    timeline: buildTimeline(ordered),
    graph: buildGraph(finding, findingDoc, expanded, ordered),
    story: buildStory(finding, expanded, groups, coverage, opts.sources),
    coverage,
    took: { ms: Date.now() - started, roundTrips },
  };
}
