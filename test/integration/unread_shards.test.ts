/**
 * Failed shards are never silent (real OpenSearch). OpenSearch answers HTTP 200 with
 * `_shards.failed > 0` when an index maps a field the search reads otherwise, and returns the other
 * shards' hits: the findings list and the investigation must say which indices were not read, and
 * keep answering what was read. An index is made to fail its shards with a mapping of its own
 * (explicit at creation, over the SIEM's template), as a hand-made or legacy index would.
 *
 * Shard counts are never assumed: CI also runs this on a 3-node cluster with 3 primaries, where
 * OpenSearch's pre-filter may skip the empty shards of an index, so a failing index reports between
 * 1 and its own number of shards.
 */
import { FindingsResponse, Investigation } from '../../common/types';
import { API_PATHS } from '../../common/constants';
import { generateScenario } from '../fixtures/scenario/generate';
import { loadScenario, startTestHost, TestHost } from './helpers';

jest.setTimeout(240_000);

type Facts = ReturnType<typeof generateScenario>['facts'];

const FINDINGS = `${API_PATHS.findings}?from=2021-04-20T00:00:00Z&to=2021-05-01T00:00:00Z&perPage=50`;

describe('shards OpenSearch could not read are said, and what was read is kept', () => {
  let host: TestHost;
  let facts: Facts;

  beforeAll(async () => {
    host = await startTestHost('unread-shards');
    ({ facts } = await loadScenario(host.opensearch, host.prefix));
  });
  afterAll(() => host?.cleanup());

  async function shardsOf(index: string): Promise<number> {
    const settings = (await host.opensearch.indices.getSettings({ index })).body as Record<string, { settings: { index: { number_of_shards: string } } }>;
    return Number(settings[index].settings.index.number_of_shards);
  }

  /** An index of the pattern whose own mapping makes the searches fail on its shards, holding one document in the range. */
  async function unreadableIndex(name: string, mapping: Record<string, unknown>, doc: Record<string, unknown>): Promise<string> {
    const index = `${host.prefix}${name}`;
    await host.opensearch.indices.create({ index, body: { mappings: { properties: mapping } } });
    await host.opensearch.index({ index, body: doc, refresh: true });
    return index;
  }

  const investigateIam = async () => {
    const r = await host.api<Investigation>('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(r.status).toBe(200);
    return r.body;
  };

  let plainFindings: FindingsResponse;
  let plainInvestigation: Investigation;

  it('a normal findings list and investigation say nothing of unread shards', async () => {
    const r = await host.api<FindingsResponse>('GET', FINDINGS);
    expect(r.status).toBe(200);
    expect(r.body.findings.length).toBeGreaterThan(0);
    expect(r.body).not.toHaveProperty('unread');
    plainFindings = r.body;
    plainInvestigation = await investigateIam();
    expect(plainInvestigation).not.toHaveProperty('unread');
    expect(plainInvestigation.evidence.filter((g) => g.unread)).toEqual([]);
    expect(plainInvestigation.evidence.some((g) => g.source === 'cloudtrail' && g.total > 0)).toBe(true);
  });

  it('the findings list with one index that maps @id as text: the good findings, and which index was not read', async () => {
    // Findings collapse on `@id`: a shard where it is text (no doc values) cannot.
    const bad = await unreadableIndex('log-aws-guardduty-2021-04-unreadable', { '@id': { type: 'text' } }, { '@timestamp': '2021-04-25T00:00:00Z', '@id': 'unreadable', severity: 5, type: 'Recon:EC2/PortProbeUnprotectedPort' });
    try {
      const r = await host.api<FindingsResponse>('GET', FINDINGS);
      expect(r.status).toBe(200);
      // Everything the other indices hold, as before.
      expect(r.body.findings.map((f) => f.ref.id)).toEqual(plainFindings.findings.map((f) => f.ref.id));
      expect(r.body.total).toBe(plainFindings.total);
      const unread = r.body.unread!;
      expect(unread).toEqual({ shards: expect.any(Number), of: expect.any(Number), indices: [bad], reason: expect.stringMatching(/\S/) });
      expect(unread.shards).toBeGreaterThanOrEqual(1);
      expect(unread.shards).toBeLessThanOrEqual(await shardsOf(bad));
      expect(unread.of).toBeGreaterThanOrEqual(unread.shards);
      // Page 2 and the severity sort say the same.
      const p2 = await host.api<FindingsResponse>('GET', `${FINDINGS}&page=2&sortField=severity`);
      expect(p2.status).toBe(200);
      expect(p2.body.unread?.indices).toEqual([bad]);
    } finally {
      await host.opensearch.indices.delete({ index: bad });
    }
    expect((await host.api<FindingsResponse>('GET', FINDINGS)).body).toEqual(plainFindings);
  });

  it('an investigation whose CloudTrail has an index that maps @timestamp as text: its CloudTrail groups and the page say so, the rest is unchanged', async () => {
    // Evidence is sorted by time: a shard where the time is text cannot sort.
    const bad = await unreadableIndex('log-aws-cloudtrail-2021-04-unreadable', { '@timestamp': { type: 'text' } }, { '@timestamp': '2021-04-25T00:00:00Z', eventName: 'GetObject' });
    let inv: Investigation;
    let incident: Investigation;
    let shards: number;
    try {
      shards = await shardsOf(bad);
      inv = await investigateIam();
      // An incident's investigation (its members as the starting point) is the same route and says the same.
      const r = await host.api<Investigation>('POST', API_PATHS.investigate, { finding: facts.iamFinding, members: [facts.iamFinding, facts.sshBruteForceFinding] });
      expect(r.status).toBe(200);
      incident = r.body;
    } finally {
      await host.opensearch.indices.delete({ index: bad });
    }
    // The page.
    expect(inv.unread).toMatchObject({ indices: [bad], reason: expect.stringMatching(/\S/) });
    expect(inv.unread!.shards).toBeGreaterThanOrEqual(1);
    // The groups failed on the same shards: counted once, not once per search.
    expect(inv.unread!.shards).toBeLessThanOrEqual(shards);
    // Each CloudTrail group that searched is marked, with its own count; no other source's is.
    const cloudtrail = inv.evidence.filter((g) => g.source === 'cloudtrail');
    expect(cloudtrail.length).toBeGreaterThan(0);
    for (const g of cloudtrail) {
      expect(g.unread).toMatchObject({ indices: [bad] });
      expect(g.unread!.shards).toBeGreaterThanOrEqual(1);
      expect(g.unread!.shards).toBeLessThanOrEqual(shards);
      expect(g.totalIsLowerBound).toBe(true);
    }
    expect(inv.evidence.filter((g) => g.source !== 'cloudtrail' && g.unread)).toEqual([]);
    expect(incident.members).toHaveLength(2);
    expect(incident.unread).toMatchObject({ indices: [bad] });
    expect(incident.evidence.filter((g) => g.unread).map((g) => g.source)).toEqual(incident.evidence.filter((g) => g.source === 'cloudtrail').map(() => 'cloudtrail'));
    // What the other shards hold is all there: same groups, same documents, same order.
    expect(inv.evidence.map((g) => [g.id, g.total, g.hits.map((h) => h.ref.id)])).toEqual(plainInvestigation.evidence.map((g) => [g.id, g.total, g.hits.map((h) => h.ref.id)]));
    expect(inv.timeline).toEqual(plainInvestigation.timeline);
    expect(inv.entities).toEqual(plainInvestigation.entities);
    // The story says it, naming the group; a question that found nothing does not say "nothing there".
    const said = inv.story.filter((s) => /could not read/.test(s.text));
    expect(said.map((s) => s.evidence[0]).sort()).toEqual(cloudtrail.map((g) => g.id).sort());
    for (const c of inv.checks.filter((c) => c.source === 'cloudtrail' && c.state === 'nothing_found' && cloudtrail.some((g) => g.id === c.rule))) {
      expect(c.reason).toMatch(/could not be read/);
    }
  });
});
