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
  playbook?: Investigation['playbook'];
  checks: Investigation['checks'];
  message?: string;
}

/** The playbook an analyst expects for each family of the corpus (by finding type where a family spans several). */
function expectedPlaybook(f: CorpusFinding): string[] {
  if (f.type.startsWith('AttackSequence:')) return ['attack_sequence'];
  if (/:IAMUser\/InstanceCredentialExfiltration/.test(f.type)) return ['iam_instance_credentials'];
  if (/:IAMUser\//.test(f.type)) return ['iam'];
  if (/:S3\//.test(f.type)) return ['s3'];
  if (/:Kubernetes\//.test(f.type)) return ['kubernetes'];
  if (/:(ECS|Container)\//.test(f.type)) return ['ecs'];
  if (/:RDS\//.test(f.type)) return ['rds'];
  if (/:Lambda\//.test(f.type)) return ['lambda'];
  if (/:Runtime\//.test(f.type)) return ['runtime', 'dns'];
  if (/:EC2\/RDPBruteForce/.test(f.type)) return ['rdp'];
  if (/:EC2\//.test(f.type)) return ['ec2', 'dns'];
  return ['generic'];
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
        const ok = r.status === 200;
        return {
          finding,
          status: r.status,
          entities: ok ? r.body.entities : [],
          playbook: ok ? r.body.playbook : undefined,
          checks: ok ? r.body.checks : [],
          message: ok ? undefined : String(r.body?.message ?? r.body),
        };
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

    it('asks each family its playbook, and says for every question what it found or why nothing', () => {
      const wrongPlaybook = outcomes[mapping].filter((o) => !expectedPlaybook(o.finding).includes(o.playbook?.id ?? '')).map((o) => `${o.finding.type}: ${o.playbook?.id}`);
      expect(wrongPlaybook).toEqual([]);
      const unexplained: string[] = [];
      for (const o of outcomes[mapping]) {
        expect(o.checks.length).toBeGreaterThan(0);
        for (const c of o.checks) {
          if (c.state === 'found' && !(c.total! > 0)) unexplained.push(`${o.finding.type} ${c.rule}: found without documents`);
          if (c.state !== 'found' && !c.reason) unexplained.push(`${o.finding.type} ${c.rule}: ${c.state} without a reason`);
        }
        // The finding itself is always found.
        expect(o.checks.find((c) => c.rule === 'guardduty.finding')?.state).toBe('found');
      }
      expect(unexplained).toEqual([]);
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
