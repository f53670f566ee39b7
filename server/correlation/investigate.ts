import { ClusterCoverage, DocRef, EntityType, Investigation, InvestigationWindow, SourceCoverage, SourceId, SOURCE_IDS } from '../../common/types';
import { SourceDefinitions } from '../../common/sources';
import { badRequest, HttpError, notFound } from '../lib/errors';
import { OpenSearchReader, OpenSearchResponseError } from '../lib/opensearch_reader';
import { EntitySet } from './entity_set';
import { addFindingEntities, findingAccount, isGuardDutyFinding, summarizeFinding } from './finding';
import { first, FlatDoc, flattenDocument, values } from '../../common/flatten';
import { buildGraph } from './graph';
import { PivotRule, playbookFor, RuleId } from '../playbooks';
import { seenBy } from '../playbooks/provenance';
import { LIMITS } from '../../common/constants';
import { buildCountSearch, buildCoverageSearches, buildRuleSearch, CoverageSearch, MsearchItem, ruleInputs, RuleSearch, SearchContext, toMsearchBody } from './query_builder';
import { applyExactCount, errorOf, ParsedGroup, parseRuleResponse, SearchResponseItem, stoppedEarly, toEvidenceGroup, totalIsLowerBound, totalOf } from './response_parser';
import { checkRules } from './checks';
import { buildStory } from './story';
import { buildTimeline } from './timeline';
import { investigationWindow } from './window';

export interface InvestigateOptions {
  finding: DocRef;
  /** An incident's other member findings (read with one multi-get, not a search round trip). */
  members?: DocRef[];
  window?: { before?: string; after?: string };
  sources: SourceDefinitions;
  /** `terminate_after` of the evidence searches (siem_investigations.maxDocsPerShard). */
  maxDocsPerShard?: number;
}

async function readFinding(reader: OpenSearchReader, ref: DocRef): Promise<FlatDoc> {
  const found = await reader.getDocument(ref);
  if (!found) throw notFound(`No finding ${ref.id} in index ${ref.index}`);
  const doc = flattenDocument(found.source);
  if (!isGuardDutyFinding(doc)) throw badRequest(`Document ${ref.id} in ${ref.index} is not a GuardDuty finding`);
  return doc;
}

/**
 * Entities revealed by a group, added to `set` with the strength of their evidence: from the
 * group's aggregation over all its documents where there is one, else from its hits.
 */
function collectYields(rule: PivotRule, group: ParsedGroup, set: EntitySet, accounts: LinkedAccounts, window: InvestigationWindow): void {
  (rule.yields ?? []).forEach((y, i) => {
    if (y === 'finding') {
      for (const h of group.hits) addRelatedFinding(h.doc, h.ref, set, rule.id, accounts(set));
      return;
    }
    const aggregated = group.yieldValues[i];
    if (aggregated) {
      // A document that names the value, when one of the hits read does.
      const refOf = (value: string) => group.hits.find((h) => values(h.doc, y.field).includes(value))?.ref;
      for (const b of aggregated.values) set.add(y.entity, b.value, rule.id, y.ipRole, { hits: b.hits, successes: b.successes }, refOf(b.value));
      if (aggregated.more) set.noteUnlisted(y.entity);
      return;
    }
    for (const h of group.hits) {
      const successes = first(h.doc, 'event.outcome') === 'success' ? 1 : 0;
      if (y.successOnly && !successes) continue;
      const t = Date.parse(h.timestamp);
      if (y.inWindow && !(t >= Date.parse(window.from) && t <= Date.parse(window.to))) continue;
      for (const v of values(h.doc, y.field)) set.add(y.entity, v, rule.id, y.ipRole, { hits: 1, successes }, h.ref);
    }
  });
}

/** Entity types that tie two findings to the same credentials, principal or machine. */
const STRONG_KEYS: EntityType[] = ['access_key', 'instance', 'role', 'user', 'principal_arn'];
/** At most this many new entities come from one related finding. */
export const RELATED_FINDING_ENTITIES = 20;

/**
 * The accounts of this incident: the finding's, and those its credentials reached by an
 * `AssumeRole` into another account (CloudTrail evidence of `cloudtrail.created_credentials`).
 * Undefined when the finding names no account (nothing to compare with).
 */
type LinkedAccounts = (set: EntitySet) => Set<string> | undefined;

function linkedAccounts(account: string | undefined): LinkedAccounts {
  return (set) => (account ? new Set([account, ...set.values('account', undefined, seenBy('cloudtrail.created_credentials'))]) : undefined);
}

/**
 * A related finding's entities join the investigation only when it shares a strong key (access
 * key, principal, instance or a remote address) with what is known, and it is of one of the
 * incident's accounts: a finding of another account that shares an attacker address is related,
 * but its buckets and principals are not this incident's unless the evidence shows the accounts
 * linked (the credentials assumed a role there).
 */
function addRelatedFinding(doc: FlatDoc, ref: DocRef, set: EntitySet, ruleId: string, accounts: Set<string> | undefined): void {
  const its = new EntitySet();
  addFindingEntities(doc, its, 'finding');
  const itsAccount = findingAccount(doc);
  if (accounts && itsAccount && !accounts.has(itsAccount)) return;
  const remote = new Set(set.values('ip', 'remote'));
  const shares = STRONG_KEYS.some((t) => its.values(t).some((v) => set.has(t, v))) || its.values('ip', 'remote').some((v) => remote.has(v));
  if (!shares) return;
  let added = 0;
  for (const e of its.toArray()) {
    if (added >= RELATED_FINDING_ENTITIES) break;
    if (set.add(e.type, e.value, ruleId, e.role, undefined, ref)) added++;
  }
}

/** The newest document of the finding and the span of activity all its updates describe. */
function newestUpdate(own: ParsedGroup | undefined): { hit: ParsedGroup['hits'][number]; firstSeen: string; lastSeen: string } | undefined {
  if (!own?.hits.length) return undefined;
  const hit = own.hits[0]; // the rule sorts newest first
  const times = (field: string) => own.hits.map((h) => Date.parse(first(h.doc, field) ?? h.timestamp)).filter((t) => !Number.isNaN(t));
  const firstSeen = Math.min(...times('service.eventFirstSeen'));
  const lastSeen = Math.max(...times('service.eventLastSeen'));
  if (!Number.isFinite(firstSeen) || !Number.isFinite(lastSeen)) return undefined;
  return { hit, firstSeen: new Date(firstSeen).toISOString(), lastSeen: new Date(lastSeen).toISOString() };
}

/**
 * One coverage line per source; with a pattern over several clusters, the line sums the clusters
 * that answered and lists each (a remote that is down or skipped is its own line with an error,
 * not a failure of the investigation).
 */
export function readCoverageResponses(ids: SourceId[], sources: SourceDefinitions, searches: CoverageSearch[], responses: SearchResponseItem[]): SourceCoverage[] {
  const lines = searches.map((s, i) => {
    const item = responses[i] ?? {};
    const error = errorOf(item);
    const absent = !error && item._shards?.total === 0;
    const lowerBound = totalIsLowerBound(item);
    return { search: s, line: { indexPattern: s.indexPattern, docsInWindow: totalOf(item), ...(lowerBound ? { docsInWindowIsLowerBound: true } : {}), ...(absent ? { absent } : {}), ...(error ? { error } : {}) } };
  });
  return ids.map((source) => {
    const own = lines.filter((l) => l.search.source === source);
    if (own.length === 1 && own[0].search.cluster === undefined) return { source, ...own[0].line };
    const clusters: ClusterCoverage[] = own.map((l) => ({ cluster: l.search.cluster!, ...l.line }));
    const answered = clusters.filter((c) => !c.error);
    const lowerBound = answered.some((c) => c.docsInWindowIsLowerBound);
    return {
      source,
      indexPattern: sources[source].indexPattern,
      docsInWindow: answered.reduce((n, c) => n + c.docsInWindow, 0),
      ...(lowerBound ? { docsInWindowIsLowerBound: true } : {}),
      ...(answered.length && answered.every((c) => c.absent) ? { absent: true } : {}),
      ...(!answered.length ? { error: clusters.map((c) => `${c.cluster}: ${c.error}`).join('; ') } : {}),
      clusters,
    };
  });
}

/** The other members of an incident, read in one multi-get; a member that is gone or not a finding is a 400. */
async function readMembers(reader: OpenSearchReader, refs: DocRef[], lead: DocRef): Promise<Array<{ ref: DocRef; doc: FlatDoc }>> {
  const unique = refs.filter((r, i) => !(r.index === lead.index && r.id === lead.id) && refs.findIndex((o) => o.index === r.index && o.id === r.id) === i);
  if (!unique.length) return [];
  const docs = await reader.mget<{ _index: string; _id: string; found?: boolean; _source?: Record<string, unknown> }>(unique.map((r) => ({ _index: r.index, _id: r.id })));
  return unique.map((ref, i) => {
    const d = docs[i];
    if (!d?.found || !d._source) throw notFound(`No finding ${ref.id} in index ${ref.index}`);
    const doc = flattenDocument(d._source);
    if (!isGuardDutyFinding(doc)) throw badRequest(`Document ${ref.id} in ${ref.index} is not a GuardDuty finding`);
    return { ref: { index: d._index ?? ref.index, id: ref.id }, doc };
  });
}

/** The rules of every member's playbook, the lead's first, each once. */
function rulesOf(types: string[]): { playbook: ReturnType<typeof playbookFor>; rules: PivotRule[] } {
  const playbook = playbookFor(types[0]);
  const rules: PivotRule[] = [...playbook.rules];
  for (const t of types.slice(1)) for (const r of playbookFor(t).rules) if (!rules.some((x) => x.id === r.id)) rules.push(r);
  return { playbook, rules };
}

function runMsearch(reader: OpenSearchReader, items: MsearchItem[]): Promise<SearchResponseItem[]> {
  return reader.msearch<SearchResponseItem>(toMsearchBody(items));
}

/** Time the request must have left for an exact count to be asked: its own timeout, and as much again for the rest. */
const EXACT_COUNT_MIN_BUDGET_MS = 2 * LIMITS.exactCountTimeoutMs;

interface ExactCount extends MsearchItem {
  search: RuleSearch;
}

/**
 * The exact counts to ride in round trip `hop`, for the groups that stopped at `terminate_after`:
 * - a group of the round trip before that is not searched again in this one: its own query;
 * - a search re-run in this one (wider inputs or window) whose group stopped early before: its new
 *   query, counted alongside it. It matches at least what it matched, so it stops early again (if it
 *   does not, `applyExactCount` leaves the count unused).
 * Counts only ride: they never add a round trip beyond the investigation's own (the caller decides),
 * so a group that first stops early in the last round trip keeps its lower bound. None when the
 * request's budget is nearly spent.
 */
function exactCountsFor(groups: Map<RuleId, ParsedGroup>, searches: Map<RuleId, RuleSearch>, hop: number, rerun: RuleSearch[], reader: OpenSearchReader): ExactCount[] {
  if (reader.budget.remainingMs() < EXACT_COUNT_MIN_BUDGET_MS) return [];
  const again = new Set(rerun.map((s) => s.rule.id));
  const carried = [...groups.values()]
    .filter((g) => g.hop === hop - 1 && stoppedEarly(g) && g.totalIsLowerBound && !again.has(g.id as RuleId))
    .map((g) => searches.get(g.id as RuleId))
    .filter((s): s is RuleSearch => !!s);
  const alongside = rerun.filter((s) => {
    const g = groups.get(s.rule.id);
    return !!g && stoppedEarly(g);
  });
  return [...carried, ...alongside].map((search) => ({ search, ...buildCountSearch(search) }));
}

/**
 * The counts' answers (the last items of a round trip's responses) applied to their groups, once the
 * round trip's own groups are in: each count then meets the group of the search it repeats.
 */
function applyExactCounts(groups: Map<RuleId, ParsedGroup>, counts: ExactCount[], responses: SearchResponseItem[]): void {
  counts.forEach((c, i) => groups.set(c.search.rule.id, applyExactCount(groups.get(c.search.rule.id)!, c.search, responses[i])));
}

/**
 * One investigation in two round trips to OpenSearch: the first runs every pivot the finding's own
 * entities allow plus the coverage counts; the second re-runs only the pivots whose inputs grew
 * with what the first found (an IAM finding → its instance → the SSH brute force on that instance
 * → the logins from the brute-force address). A credential chain may need one more, bounded hop:
 * credentials created by credentials found only in the second round trip (`PivotRule.thirdHop`).
 */
export async function investigate(reader: OpenSearchReader, opts: InvestigateOptions): Promise<Investigation> {
  const started = Date.now();
  const findingDoc = await readFinding(reader, opts.finding);
  const members = await readMembers(reader, opts.members ?? [], opts.finding);
  let finding = summarizeFinding(opts.finding.index, opts.finding.id, findingDoc);
  const memberSummaries = members.map((m) => summarizeFinding(m.ref.index, m.ref.id, m.doc));
  // An incident's window spans the activity of all its members.
  const spanTimes = (pick: (f: typeof finding) => string) => [finding, ...memberSummaries].map((f) => Date.parse(pick(f))).filter((t) => !Number.isNaN(t));
  const firstTimes = spanTimes((f) => f.firstSeen ?? f.timestamp);
  const lastTimes = spanTimes((f) => f.lastSeen ?? f.timestamp);
  const spanFirst = firstTimes.length ? new Date(Math.min(...firstTimes)).toISOString() : finding.timestamp;
  const spanLast = lastTimes.length ? new Date(Math.max(...lastTimes)).toISOString() : finding.timestamp;
  let window = members.length && firstTimes.length && lastTimes.length
    ? investigationWindow(spanFirst, spanLast, opts.window)
    : investigationWindow(finding.firstSeen ?? finding.timestamp, finding.lastSeen ?? finding.timestamp, opts.window);

  const entities = new EntitySet();
  addFindingEntities(findingDoc, entities, 'finding', opts.finding);
  for (const m of members) addFindingEntities(m.doc, entities, 'finding', m.ref);
  const ctx = (set: EntitySet): SearchContext => ({ entities: set, window, findingId: finding.findingId, sources: opts.sources, maxDocsPerShard: opts.maxDocsPerShard });
  const { playbook, rules } = rulesOf([finding.type, ...memberSummaries.map((m) => m.type)]);

  // Round trip 1.
  const firstInputs = new Map<string, string>();
  const firstSearches: RuleSearch[] = [];
  for (const rule of rules) {
    const inputs = ruleInputs(rule, entities);
    if (inputs === null) continue;
    firstInputs.set(rule.id, inputs);
    firstSearches.push(buildRuleSearch(rule, ctx(entities)));
  }
  const coverageSources: SourceId[] = [...SOURCE_IDS];
  const coverageSearches = buildCoverageSearches(opts.sources, coverageSources, window);
  const firstResponses = await runMsearch(reader, [...firstSearches, ...coverageSearches]);
  let roundTrips = 1;

  const groups = new Map<RuleId, ParsedGroup>();
  /** The search each group came from: what its exact count repeats. */
  const searchOf = new Map<RuleId, RuleSearch>();
  firstSearches.forEach((s, i) => {
    groups.set(s.rule.id, parseRuleResponse(s, firstResponses[i] ?? {}, opts.sources, 1));
    searchOf.set(s.rule.id, s);
  });
  const readCoverage = (searches: CoverageSearch[], responses: SearchResponseItem[], offset: number): SourceCoverage[] =>
    readCoverageResponses(coverageSources, opts.sources, searches, responses.slice(offset));
  let coverage = readCoverage(coverageSearches, firstResponses, firstSearches.length);

  // The analyst may have opened an older update of the finding (GuardDuty writes one document per
  // count update): its newest document, found in round trip 1, sets the window and the summary.
  const expanded = entities.clone();
  const ownRule = rules.find((r) => r.findingItself);
  const newest = newestUpdate(ownRule && groups.get(ownRule.id));
  let windowGrew = false;
  if (newest && Date.parse(newest.lastSeen) > Date.parse(finding.lastSeen ?? finding.timestamp)) {
    finding = { ...summarizeFinding(newest.hit.ref.index, newest.hit.ref.id, newest.hit.doc), ref: opts.finding };
    addFindingEntities(newest.hit.doc, expanded, 'finding', newest.hit.ref);
    const wider = members.length
      ? investigationWindow(new Date(Math.min(Date.parse(newest.firstSeen), Date.parse(spanFirst))).toISOString(), new Date(Math.max(Date.parse(newest.lastSeen), Date.parse(spanLast))).toISOString(), opts.window)
      : investigationWindow(newest.firstSeen, newest.lastSeen, opts.window);
    windowGrew = wider.from !== window.from || wider.to !== window.to;
    window = wider;
  }

  // Round trip 2: only what the first one made newly possible or wider.
  for (const rule of rules) {
    const g = groups.get(rule.id);
    if (g) collectYields(rule, g, expanded, linkedAccounts(finding.accountId), window);
  }
  const inputsUsed = new Map(firstInputs);
  const secondSearches = rules.filter((rule) => !rule.findingItself)
    .filter((rule) => {
      const inputs = ruleInputs(rule, expanded);
      if (inputs === null || (!windowGrew && inputs === firstInputs.get(rule.id))) return false;
      inputsUsed.set(rule.id, inputs);
      return true;
    })
    .map((rule) => buildRuleSearch(rule, ctx(expanded)));
  // The exact counts of the groups that stopped early ride in round trip 2 (last, after the coverage).
  const secondCounts = exactCountsFor(groups, searchOf, 2, secondSearches, reader);
  if (secondSearches.length || windowGrew) {
    const coverageAgain = windowGrew ? buildCoverageSearches(opts.sources, coverageSources, window) : [];
    const second = await runMsearch(reader, [...secondSearches, ...coverageAgain, ...secondCounts]);
    roundTrips++;
    const before = expanded.clone();
    secondSearches.forEach((s, i) => {
      const g = parseRuleResponse(s, second[i] ?? {}, opts.sources, 2);
      groups.set(s.rule.id, g);
      searchOf.set(s.rule.id, s);
      collectYields(s.rule, g, expanded, linkedAccounts(finding.accountId), window);
    });
    applyExactCounts(groups, secondCounts, second.slice(secondSearches.length + coverageAgain.length));
    if (windowGrew) coverage = readCoverage(coverageAgain, second, secondSearches.length);

    // Round trip 3, bounded: only the chain's next hop, only if the second round trip found new
    // credentials or principals for it (compared with what it was last asked with).
    const thirdSearches = rules
      .filter((rule) => rule.thirdHop)
      .filter((rule) => {
        const bound = rule.thirdHop!.maxValues;
        const inputs = ruleInputs(rule, expanded, bound);
        return inputs !== null && inputs !== ruleInputs(rule, before, bound) && inputs !== inputsUsed.get(rule.id);
      })
      .map((rule) => buildRuleSearch(rule, { ...ctx(expanded), bound: rule.thirdHop }));
    if (thirdSearches.length) {
      // A chain's third hop runs anyway: the counts of the groups that stopped early ride in it.
      const thirdCounts = exactCountsFor(groups, searchOf, 3, thirdSearches, reader);
      const third = await runMsearch(reader, [...thirdSearches, ...thirdCounts]);
      roundTrips++;
      thirdSearches.forEach((s, i) => {
        const g = parseRuleResponse(s, third[i] ?? {}, opts.sources, 3);
        groups.set(s.rule.id, g);
        collectYields(s.rule, g, expanded, linkedAccounts(finding.accountId), window);
      });
      applyExactCounts(groups, thirdCounts, third.slice(thirdSearches.length));
    }
  } else if (secondCounts.length) {
    // Nothing else to ask: the counts make round trip 2 on their own (still two at most). They only
    // sharpen counts, so whatever goes wrong with them leaves the lower bounds, never an error.
    roundTrips++;
    let counted: SearchResponseItem[] | undefined;
    try {
      counted = await runMsearch(reader, secondCounts);
    } catch (e) {
      // OpenSearch's trouble (an error answer, unreachable, out of time): the lower bounds stand.
      if (!(e instanceof HttpError || e instanceof OpenSearchResponseError)) throw e;
    }
    if (counted) applyExactCounts(groups, secondCounts, counted);
  }

  const ordered = rules.map((r) => groups.get(r.id)).filter((g): g is ParsedGroup => !!g);
  return {
    finding,
    window,
    entities: expanded.toArray(),
    evidence: ordered.map(toEvidenceGroup),
    timeline: buildTimeline(ordered),
    graph: buildGraph(finding, findingDoc, expanded, ordered),
    story: buildStory(finding, expanded, rules, groups, coverage, opts.sources),
    coverage,
    playbook: { id: playbook.id, title: playbook.title },
    checks: checkRules(rules, groups, expanded, coverage, opts.sources),
    omittedEntities: expanded.omitted(),
    ...(members.length ? { members: [finding, ...memberSummaries] } : {}),
    took: { ms: Date.now() - started, roundTrips },
  };
}
