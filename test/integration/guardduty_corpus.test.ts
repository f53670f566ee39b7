/**
 * The GuardDuty regression corpus (test/fixtures/guardduty_corpus) on a real OpenSearch: every
 * finding type of AWS's list, indexed the way es-loader indexes it with both SIEM mappings,
 * investigated through the plugin's HTTP API.
 *
 * Every entity each finding names (written down in the corpus, not computed by the engine) must
 * come back with its type and side; the finding's own addresses are never remote; no account
 * enters without the finding naming it. The corpus holds the cases that broke these in the first
 * release: hosts whose role calls from the host, member-account findings exported by an
 * administrator account, one attacker address in two accounts.
 */
import { Entity, ENTITY_TYPES, Investigation } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { buildCorpus, corpusDocs, CorpusFinding } from '../fixtures/guardduty_corpus/generate';
import { GuardDutyMapping } from '../fixtures/siem_guardduty';
import { startTestHost, TestHost } from './helpers';

jest.setTimeout(180_000);

/** The entity types the engine extracts from a finding (common/types.ts). */
const SUPPORTED = new Set<string>(ENTITY_TYPES);
const MAPPINGS: GuardDutyMapping[] = ['current', 'legacy'];
const CONCURRENCY = 4;

const key = (e: { type: string; value: string; role?: string }): string => `${e.type}|${e.value}|${e.type === 'ip' ? e.role : ''}`;

async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    })
  );
  return out;
}

interface Outcome {
  finding: CorpusFinding;
  status: number;
  entities: Entity[];
  message?: string;
}

describe('the GuardDuty corpus: every finding type, both SIEM mappings (real OpenSearch)', () => {
  const corpus = buildCorpus();
  let host: TestHost;
  const outcomes: Record<GuardDutyMapping, Outcome[]> = { current: [], legacy: [] };
  const loaded: Record<GuardDutyMapping, { rejected: string; loaded: number; count: number }> = { current: { rejected: 'not run', loaded: 0, count: 0 }, legacy: { rejected: 'not run', loaded: 0, count: 0 } };

  beforeAll(async () => {
    host = await startTestHost('gdcorpus');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    for (const mapping of MAPPINGS) {
      const docs = corpusDocs(corpus, mapping, host.prefix);
      await host.opensearch.indices.delete({ index: `${host.prefix}log-aws-guardduty-*`, ignore_unavailable: true, allow_no_indices: true } as any);
      // loadDocuments throws at the first document the index templates reject
      const result = await loadDocuments(host.opensearch, docs, { refresh: true }).then(
        (r) => ({ rejected: '', loaded: r.loaded }),
        (err: Error) => ({ rejected: err.message, loaded: 0 })
      );
      const count = await host.opensearch.count({ index: `${host.prefix}log-aws-guardduty-*` });
      loaded[mapping] = { ...result, count: Number((count.body as any).count) };
      outcomes[mapping] = await pool(corpus, CONCURRENCY, async (finding) => {
        const doc = docs[corpus.indexOf(finding)];
        const r = await host.api<Investigation & { message?: string }>('POST', '/api/siem_investigations/investigate', { finding: { index: doc._index, id: doc._id } });
        return { finding, status: r.status, entities: r.status === 200 ? r.body.entities : [], message: r.status === 200 ? undefined : String(r.body?.message ?? r.body) };
      });
    }
  });
  afterAll(() => host?.cleanup());

  describe.each(MAPPINGS)('%s mapping', (mapping) => {
    it('indexes every finding: the SIEM index templates accept all documents', () => {
      expect(loaded[mapping]).toEqual({ rejected: '', loaded: corpus.length, count: corpus.length });
    });

    it('answers 200 for every finding', () => {
      const bad = outcomes[mapping].filter((o) => o.status !== 200).map((o) => `${o.finding.type}: ${o.status} ${o.message}`);
      expect(bad).toEqual([]);
      expect(outcomes[mapping]).toHaveLength(corpus.length);
    });

    it('extracts every entity the finding names, with its type and side', () => {
      const missing: string[] = [];
      for (const o of outcomes[mapping]) {
        const got = new Set(o.entities.map(key));
        for (const e of o.finding.expected) {
          if (!SUPPORTED.has(e.type)) continue;
          if (!got.has(key(e))) missing.push(`${o.finding.type} ${key(e)}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it("never names the finding's own addresses (instance, local side) as remote, whatever a related finding says", () => {
      const wrong: string[] = [];
      for (const o of outcomes[mapping]) {
        const own = new Set(o.finding.expected.filter((e) => e.type === 'ip' && e.role === 'local').map((e) => e.value));
        for (const e of o.entities) if (e.type === 'ip' && e.role === 'remote' && own.has(e.value)) wrong.push(`${o.finding.type} ${e.value}`);
      }
      expect(wrong).toEqual([]);
    });

    it('names no account beyond the ones the finding names (no admin account of an export, no account of a related finding elsewhere)', () => {
      const foreign: string[] = [];
      for (const o of outcomes[mapping]) {
        const named = new Set(o.finding.expected.filter((e) => e.type === 'account').map((e) => e.value));
        for (const e of o.entities) if (e.type === 'account' && !named.has(e.value)) foreign.push(`${o.finding.type} ${e.value}`);
      }
      expect(foreign).toEqual([]);
    });
  });
});
