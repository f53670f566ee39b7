import { Investigation, FindingsResponse } from '../../common/types';
import { API_PATHS } from '../../common/constants';
import { applyIndexTemplates } from '../../dev/index_templates';
import { generateScenario } from '../fixtures/scenario/generate';
import { loadScenario, startTestHost, TestHost } from './helpers';

jest.setTimeout(600_000);

type Facts = ReturnType<typeof generateScenario>['facts'];

/**
 * The same data under one primary and under three primaries with a replica (the SIEM's layout on a
 * multi-node domain; on the 3-node CI cluster the shards and replicas sit on different nodes) must
 * give the same answer: same facts, same order, same counts. Collapse, terms aggregations across
 * shards, exact totals and the order of equal timestamps are what could differ.
 */
describe('one shard or three primaries with a replica: the same investigation', () => {
  let one: TestHost;
  let three: TestHost;
  let facts: Facts;

  beforeAll(async () => {
    one = await startTestHost('shards-one');
    three = await startTestHost('shards-three');
    await applyIndexTemplates(one.opensearch, { prefix: one.prefix, shards: 1, replicas: 0 });
    const nodes = Number((await three.opensearch.cat.nodes({ format: 'json' } as any)).body.length);
    // A replica only gets allocated with a second node; on one node it would leave the index yellow.
    await applyIndexTemplates(three.opensearch, { prefix: three.prefix, shards: 3, replicas: nodes > 1 ? 1 : 0 });
    // Enough noise for equal timestamps (noise is cut to the second) and findings on every shard.
    ({ facts } = await loadScenario(one.opensearch, one.prefix, { noise: 4000 }));
    await loadScenario(three.opensearch, three.prefix, { noise: 4000 });
    const settings = (await three.opensearch.indices.getSettings({ index: `${three.prefix}log-aws-cloudtrail-*` } as any)).body as Record<string, any>;
    for (const s of Object.values(settings)) expect(s.settings.index.number_of_shards).toBe('3');
    await three.opensearch.cluster.health({ index: `${three.prefix}log-*`, wait_for_status: nodes > 1 ? 'green' : 'yellow', timeout: '60s' } as any);
  });
  afterAll(async () => {
    await one?.cleanup();
    await three?.cleanup();
  });

  /** The answer without what legitimately differs: the time taken and the index prefix. */
  const comparable = (host: TestHost, body: unknown) => JSON.parse(JSON.stringify(body, (k, v) => (k === 'took' ? undefined : v)).split(host.prefix).join('<prefix>'));

  async function both<T>(method: string, path: (h: TestHost) => string, body?: (h: TestHost) => unknown): Promise<[T, T]> {
    const a = await one.api<T>(method, path(one), body?.(one));
    const b = await three.api<T>(method, path(three), body?.(three));
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    return [comparable(one, a.body), comparable(three, b.body)];
  }

  const ref = (h: TestHost, r: { index: string; id: string }) => ({ index: r.index.replace(one.prefix, h.prefix), id: r.id });

  it.each(['iamFinding', 'sshBruteForceFinding', 'outboundFinding', 'reconFinding'] as const)('%s: same evidence (ids in order, totals, facets), entities, timeline, graph, story and coverage', async (name) => {
    const finding = facts[name];
    if (!finding) throw new Error(`the scenario has no ${name}`);
    const [a, b] = await both<Investigation>('POST', () => API_PATHS.investigate, (h) => ({ finding: ref(h, finding) }));
    expect(a.evidence.length).toBeGreaterThan(0);
    // Field by field first, for a readable failure; then the whole answer.
    expect(b.evidence.map((g) => [g.id, g.total, g.hits.map((x) => x.ref.id)])).toEqual(a.evidence.map((g) => [g.id, g.total, g.hits.map((x) => x.ref.id)]));
    expect(b.evidence.map((g) => g.facets)).toEqual(a.evidence.map((g) => g.facets));
    expect(b.timeline).toEqual(a.timeline);
    expect(b.coverage).toEqual(a.coverage);
    expect(b).toEqual(a);
  });

  it('the findings list: same rows in the same order, same total, on every page and sort', async () => {
    for (const sortField of ['timestamp', 'severity']) {
      for (const page of [1, 2, 3]) {
        const q = `?from=2021-04-20T00:00:00Z&to=2021-05-01T00:00:00Z&perPage=50&page=${page}&sortField=${sortField}`;
        const [a, b] = await both<FindingsResponse>('GET', () => API_PATHS.findings + q);
        if (page === 1) expect(a.findings.length).toBe(50);
        expect(b.total).toBe(a.total);
        expect(b.findings.map((f) => f.ref.id)).toEqual(a.findings.map((f) => f.ref.id));
        expect(b).toEqual(a);
      }
    }
  });
});
