import { DEFAULT_SOURCES, resolveSources } from '../../common/sources';
import { escapeWildcard } from './entity_values';
import { EntitySet } from './entity_set';
import { PIVOT_RULES, ruleById } from '../playbooks';
import { buildCoverageSearches, buildRuleSearch, ruleInputs, toMsearchBody, UNIQUE_AGG } from './query_builder';
import { LIMITS } from '../../common/constants';

const window = { from: '2021-04-26T10:00:00.000Z', to: '2021-04-27T16:00:00.000Z' };

function ctxWith(entities: EntitySet) {
  return { entities, window, findingId: 'f1', sources: DEFAULT_SOURCES };
}

describe('building the pivot queries', () => {
  it('runs a rule only when the entities it pivots on are known', () => {
    const set = new EntitySet();
    expect(ruleInputs(ruleById('cloudtrail.access_key')!, set)).toBeNull();
    set.add('access_key', 'ASIAEXAMPLEKEY123456', 'finding');
    expect(ruleInputs(ruleById('cloudtrail.access_key')!, set)).toBe('access_key=ASIAEXAMPLEKEY123456');
    // The finding's own documents need nothing.
    expect(ruleInputs(ruleById('guardduty.finding')!, new EntitySet())).toBe('finding');
  });

  it('pivots on the remote side of IP addresses only', () => {
    const set = new EntitySet();
    set.add('ip', '10.0.0.15', 'finding', 'local');
    expect(ruleInputs(ruleById('linux_secure.ssh_from_attacker')!, set)).toBeNull();
    set.add('ip', '10.0.1.214', 'finding', 'remote');
    const s = buildRuleSearch(ruleById('linux_secure.ssh_from_attacker')!, ctxWith(set));
    expect(JSON.stringify(s.query)).toContain('10.0.1.214');
    expect(JSON.stringify(s.query)).not.toContain('10.0.0.15');
  });

  it('matches values with Lucene/DSL special characters literally, never through a query string', () => {
    const hostile = 'role*? "x" \\ : ( ) / OR *';
    const set = new EntitySet();
    set.add('role', hostile, 'finding');
    set.add('instance', 'i-0a1b2c3d4e5f67890', 'finding');
    for (const rule of PIVOT_RULES) {
      if (ruleInputs(rule, set) === null) continue;
      const body = JSON.stringify(buildRuleSearch(rule, ctxWith(set)).body);
      expect(body).not.toMatch(/query_string|simple_query_string/);
    }
    const related = buildRuleSearch(ruleById('guardduty.related')!, ctxWith(set));
    // The principal id suffix is the one wildcard: the value is escaped.
    expect(JSON.stringify(related.query)).toContain('"*:i-0a1b2c3d4e5f67890"');
  });

  it('sums the numeric field of a facet per value, and pivots on either end of a flow', () => {
    const set = new EntitySet();
    set.add('ip', '198.51.100.7', 'finding', 'remote');
    const s = buildRuleSearch(ruleById('vpcflowlogs.remote_traffic')!, ctxWith(set));
    const aggs = s.body.aggs as Record<string, any>;
    expect(aggs.facet_0).toEqual({ terms: { field: 'event.action', size: expect.any(Number) }, aggs: { sum: { sum: { field: 'network.bytes' } } } });
    // A facet without a sum stays a plain terms breakdown.
    expect(aggs.facet_2).toEqual({ terms: { field: 'destination.port', size: expect.any(Number) } });
    const q = JSON.stringify(s.query);
    expect(q).toContain('"source.ip":["198.51.100.7"]');
    expect(q).toContain('"destination.ip":["198.51.100.7"]');
    expect(s.header.index).toBe('log-aws-vpcflowlogs-*');
  });

  it('never lets a wildcard character into the one suffix match', () => {
    const set = new EntitySet();
    // Not a valid instance id → never reaches a query at all.
    expect(set.add('instance', 'i-*', 'finding')).toBe(false);
    expect(escapeWildcard('a*b?c\\d')).toBe('a\\*b\\?c\\\\d');
  });

  it('fetches the columns and time field a deployment configured', () => {
    const set = new EntitySet();
    set.add('ip', '10.0.1.214', 'finding', 'remote');
    const sources = resolveSources({ linux_secure: { timeField: 'event.ingested', columns: ['event.ingested', 'process.pid'] } });
    const s = buildRuleSearch(ruleById('linux_secure.ssh_from_attacker')!, { ...ctxWith(set), sources });
    const includes = (s.body._source as { includes: string[] }).includes;
    expect(includes).toEqual(expect.arrayContaining(['process.pid', 'event.ingested', 'source.ip']));
    expect(s.body.sort).toEqual([{ 'event.ingested': { order: 'asc', unmapped_type: 'date' } }, { '@id': { order: 'asc', unmapped_type: 'keyword', missing: '_last' } }]);
  });

  it('bounds every search in size and time and counts collapsed findings once', () => {
    const set = new EntitySet();
    set.add('instance', 'i-0a1b2c3d4e5f67890', 'finding');
    const s = buildRuleSearch(ruleById('securityhub.inspector')!, ctxWith(set));
    expect(s.body.size).toBeLessThanOrEqual(200);
    expect(s.body.timeout).toBe('10s');
    expect(s.body.collapse).toEqual({ field: '@id' });
    expect((s.body.aggs as Record<string, unknown>)[UNIQUE_AGG]).toBeDefined();
    const range = JSON.stringify(s.body.query);
    // Findings describe state: Inspector looks 30 days further back than the window.
    expect(range).toContain('2021-03-27T10:00:00.000Z');
    expect(s.header).toEqual({ index: 'log-aws-securityhub-*', ignore_unavailable: true, allow_no_indices: true });
  });

  it('keeps the time range out of the query shown for Discover', () => {
    const set = new EntitySet();
    set.add('access_key', 'ASIAEXAMPLEKEY123456', 'finding');
    const s = buildRuleSearch(ruleById('cloudtrail.access_key')!, ctxWith(set));
    expect(JSON.stringify(s.query)).not.toContain('range');
    expect(JSON.stringify(s.body.query)).toContain('range');
  });

  it('turns a bucket into the ARN Security Hub stores', () => {
    const set = new EntitySet();
    set.add('bucket', 'my-bucket', 'finding');
    const s = buildRuleSearch(ruleById('securityhub.macie')!, ctxWith(set));
    expect(JSON.stringify(s.query)).toContain('arn:aws:s3:::my-bucket');
  });

  it('serialises the searches as one _msearch body', () => {
    const set = new EntitySet();
    set.add('access_key', 'ASIAEXAMPLEKEY123456', 'finding');
    const a = buildRuleSearch(ruleById('cloudtrail.access_key')!, ctxWith(set));
    const b = buildRuleSearch(ruleById('cloudtrail.object_access')!, ctxWith(set));
    expect(toMsearchBody([a, b])).toEqual([a.header, a.body, b.header, b.body]);
  });
});

describe('at scale: bounded searches, cross-cluster coverage', () => {
  it('stops every evidence search at the per-shard bound, the configured one when set', () => {
    const set = new EntitySet();
    set.add('ip', '10.0.1.214', 'finding', 'remote');
    const rule = ruleById('linux_secure.ssh_from_attacker')!;
    expect(buildRuleSearch(rule, ctxWith(set)).body.terminate_after).toBe(LIMITS.maxDocsPerShard);
    expect(buildRuleSearch(rule, { ...ctxWith(set), maxDocsPerShard: 1000 }).body.terminate_after).toBe(1000);
  });

  it('counts coverage per cluster when a source pattern spans clusters, and once otherwise', () => {
    const sources = resolveSources({ cloudtrail: { indexPattern: 'log-aws-cloudtrail-*, other:log-aws-cloudtrail-*,other:archive-ct-*' } });
    const searches = buildCoverageSearches(sources, ['cloudtrail', 'guardduty'], window);
    expect(searches.map((s) => [s.source, s.cluster, s.header.index])).toEqual([
      ['cloudtrail', '(local)', 'log-aws-cloudtrail-*'],
      ['cloudtrail', 'other', 'other:log-aws-cloudtrail-*,other:archive-ct-*'],
      ['guardduty', undefined, 'log-aws-guardduty-*'],
    ]);
    expect(searches[0].body.track_total_hits).toBe(LIMITS.coverageCountLimit);
  });
});
