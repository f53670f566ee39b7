import { DEFAULT_SOURCES } from '../../common/sources';
import { LIMITS } from '../../common/constants';
import { ruleById } from '../playbooks';
import { EntitySet } from './entity_set';
import { buildCountSearch, buildRuleSearch, UNIQUE_AGG } from './query_builder';
import { applyExactCount, parseRuleResponse, SearchResponseItem, toEvidenceGroup } from './response_parser';
import { buildTimeline } from './timeline';
import { buildStory } from './story';
import { FindingSummary } from '../../common/types';
import { example } from '../../test/fixtures/example_docs';

/**
 * A group whose collection stopped at `terminate_after` gets its exact count from a size-0 search of
 * the same query (riding in the next round trip): the count becomes exact, the breakdown stays
 * marked as built from the documents collected, and a count that cannot be trusted changes nothing.
 */
const window = { from: '2021-04-20T10:00:00.000Z', to: '2021-04-27T16:00:00.000Z' };

function sshSearch() {
  const set = new EntitySet();
  set.add('ip', '10.0.1.214', 'finding', 'remote');
  return buildRuleSearch(ruleById('linux_secure.ssh_from_attacker')!, { entities: set, window, findingId: 'f1', sources: DEFAULT_SOURCES, maxDocsPerShard: 1000 });
}

const stoppedEarly = (total: number): SearchResponseItem => {
  const d = example('linux_secure_failed_password_root');
  return {
    terminated_early: true,
    hits: { total: { value: total, relation: 'eq' }, hits: [d] },
    aggregations: { facet_1: { buckets: [{ key: 'failure', doc_count: total }] } },
  };
};
const counted = (total: number, extra: Partial<SearchResponseItem> = {}): SearchResponseItem => ({ hits: { total: { value: total, relation: 'eq' }, hits: [] }, ...extra });

describe('the exact count of a group that stopped early', () => {
  it('repeats the query, index pattern and window, without the bound, hits or aggregations, in bounded time', () => {
    const s = sshSearch();
    const c = buildCountSearch(s);
    expect(c.header).toEqual(s.header);
    expect(c.body).toEqual({ query: s.body.query, size: 0, track_total_hits: true, timeout: `${LIMITS.exactCountTimeoutMs}ms` });
    // The window is in the query it repeats.
    expect(JSON.stringify(c.body.query)).toContain(window.from);
    expect(c.body).not.toHaveProperty('terminate_after');
  });

  it('counts what a collapsed group counts: the distinct findings, not their documents', () => {
    const set = new EntitySet();
    set.add('instance', 'i-0a1b2c3d4e5f67890', 'finding');
    const s = buildRuleSearch(ruleById('securityhub.inspector')!, { entities: set, window, findingId: 'f1', sources: DEFAULT_SOURCES });
    const c = buildCountSearch(s);
    expect(c.body.aggs).toEqual({ [UNIQUE_AGG]: (s.body.aggs as Record<string, unknown>)[UNIQUE_AGG] });
    const g = parseRuleResponse(s, { terminated_early: true, hits: { total: { value: 900, relation: 'eq' }, hits: [] }, aggregations: { [UNIQUE_AGG]: { value: 12 } } }, DEFAULT_SOURCES, 1);
    expect(g).toMatchObject({ total: 12, collected: 12, totalIsLowerBound: true, breakdownIsPartial: true });
    expect(applyExactCount(g, s, counted(5000, { aggregations: { [UNIQUE_AGG]: { value: 40 } } }))).toMatchObject({ total: 40, collected: 12, breakdownIsPartial: true });
  });

  it('marks a group that stopped early as a lower bound with a partial breakdown, and one that did not as neither', () => {
    const s = sshSearch();
    const early = parseRuleResponse(s, stoppedEarly(1000), DEFAULT_SOURCES, 1);
    expect(early).toMatchObject({ total: 1000, totalIsLowerBound: true, breakdownIsPartial: true, collected: 1000 });
    const whole = parseRuleResponse(s, counted(12), DEFAULT_SOURCES, 1);
    expect(whole.total).toBe(12);
    expect(whole).not.toHaveProperty('totalIsLowerBound');
    expect(whole).not.toHaveProperty('breakdownIsPartial');
    expect(whole).not.toHaveProperty('collected');
  });

  it('makes the count exact and keeps the breakdown marked partial, on the wire too', () => {
    const s = sshSearch();
    const g = applyExactCount(parseRuleResponse(s, stoppedEarly(1000), DEFAULT_SOURCES, 1), s, counted(6001));
    expect(g).toMatchObject({ total: 6001, breakdownIsPartial: true, collected: 1000 });
    expect(g).not.toHaveProperty('totalIsLowerBound');
    // The facets still count the documents collected.
    expect(g.facets.find((f) => f.field === 'event.outcome')!.buckets).toEqual([{ value: 'failure', count: 1000 }]);
    const wire = toEvidenceGroup(g);
    expect(wire).toMatchObject({ total: 6001, breakdownIsPartial: true, collected: 1000 });
    expect(wire).not.toHaveProperty('totalIsLowerBound');
  });

  it.each<[string, SearchResponseItem | undefined]>([
    ['no answer', undefined],
    ['an error', { error: { type: 'search_phase_execution_exception', reason: 'boom' } }],
    ['a count that timed out', counted(4000, { timed_out: true })],
    ['a count that stopped early itself', counted(4000, { terminated_early: true })],
    ['a count stopped at a bound', { hits: { total: { value: 10000, relation: 'gte' } } }],
    ['a remote cluster left out', counted(4000, { _clusters: { total: 2, successful: 1, skipped: 1 } })],
    ['less than was collected', counted(999)],
  ])('keeps the lower bound on %s', (_what, item) => {
    const s = sshSearch();
    const g = parseRuleResponse(s, stoppedEarly(1000), DEFAULT_SOURCES, 1);
    expect(applyExactCount(g, s, item)).toBe(g);
  });

  it('never touches a group that did not stop early or failed', () => {
    const s = sshSearch();
    const whole = parseRuleResponse(s, counted(12), DEFAULT_SOURCES, 1);
    expect(applyExactCount(whole, s, counted(500))).toBe(whole);
    const failed = parseRuleResponse(s, { ...stoppedEarly(1000), error: 'boom' }, DEFAULT_SOURCES, 1);
    expect(applyExactCount(failed, s, counted(5000))).toBe(failed);
  });

  it('keeps the timeline of a group with a partial breakdown marked "at least", its activity span included', () => {
    const s = sshSearch();
    const item = stoppedEarly(1000);
    item.aggregations = {
      __spans: { by: { buckets: [{ key: '10.0.1.214', doc_count: 1000, first: { value_as_string: '2021-04-27T10:22:01.000Z' }, last: { value_as_string: '2021-04-27T10:40:00.000Z' }, counted: { doc_count: 990 } }] } },
    } as unknown as SearchResponseItem['aggregations'];
    const g = applyExactCount(parseRuleResponse(s, item, DEFAULT_SOURCES, 1), s, counted(6001));
    const [run] = buildTimeline([g]);
    expect(run).toMatchObject({ count: 990, partial: true });
    // A span over all the documents (no early stop) is whole.
    const whole = parseRuleResponse(s, { ...item, terminated_early: undefined }, DEFAULT_SOURCES, 1);
    expect(buildTimeline([{ ...whole, total: 1 }])[0].partial).toBeUndefined();
  });

  it('tells the story with "at least" where its figures come from the documents collected, and says how many were counted', () => {
    const s = sshSearch();
    const rule = s.rule;
    const storyOf = (g: ReturnType<typeof parseRuleResponse>) => {
      g.facets[2] = { ...g.facets[2], buckets: [{ value: 'Failed', count: g.collected ?? g.total }] };
      return buildStory({} as FindingSummary, new EntitySet(), [rule], new Map([[rule.id, g]]), [], DEFAULT_SOURCES).map((x) => x.text);
    };
    const exact = storyOf(applyExactCount(parseRuleResponse(s, stoppedEarly(1000), DEFAULT_SOURCES, 1), s, counted(6001)));
    expect(exact[0]).toMatch(/ made at least 1,000 failed SSH logins/);
    expect(exact[1]).toBe('The search "SSH attempts from the remote addresses" matched 6,001 documents; OpenSearch stopped collecting them at a bound per shard, so its breakdown (counts by value, rows, timeline) is built from the first 1,000 collected.');
    const bound = storyOf(parseRuleResponse(s, stoppedEarly(1000), DEFAULT_SOURCES, 1));
    expect(bound[0]).toMatch(/ made at least 1,000 failed SSH logins/);
    expect(bound[1]).toMatch(/^The search "SSH attempts from the remote addresses" matched at least 1,000 documents: .* its counts are lower bounds\.$/);
    const whole = storyOf(parseRuleResponse(s, { ...stoppedEarly(1000), terminated_early: undefined }, DEFAULT_SOURCES, 1));
    expect(whole).toHaveLength(1);
    expect(whole[0]).toMatch(/ made 1,000 failed SSH logins/);
  });
});
