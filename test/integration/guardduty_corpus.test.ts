/**
 * The GuardDuty regression corpus (test/fixtures/guardduty_corpus) on a real OpenSearch: every
 * finding type of AWS's list, indexed the way es-loader indexes it with both SIEM mappings,
 * investigated through the plugin's HTTP API.
 *
 * Entity checks cover the entity types the engine has today; the rest of each finding's expected
 * entities (k8s_*, container_image, ecs_*, lambda_function, rds_instance, db_user, domain,
 * process, file_hash, principal_arn, signal, object) wait for the entity model of issue 10.
 * Known engine defects are listed in KNOWN_GAPS and asserted to still be there, so the list
 * shrinks as they are fixed.
 */
import { Entity, Investigation } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { buildCorpus, corpusDocs, CorpusFinding, ExpectedEntity, MEMBER_TYPES, OTHER_ACCOUNT, SELF_CALLER, SHARED_ATTACKER, SHARED_HOSTS } from '../fixtures/guardduty_corpus/generate';
import { GuardDutyMapping } from '../fixtures/siem_guardduty';
import { startTestHost, TestHost } from './helpers';

jest.setTimeout(180_000);

/** The entity types the engine extracts from a finding today (common/types.ts; `object` only comes from CloudTrail). */
const SUPPORTED = new Set(['access_key', 'instance', 'ip', 'bucket', 'account', 'region', 'role', 'user']);
const MAPPINGS: GuardDutyMapping[] = ['current', 'legacy'];
const CONCURRENCY = 4;

interface KnownGap {
  /** Finding types the gap applies to. */
  types: RegExp;
  /** The expected entity that is missing (or on the wrong side). */
  entity: (e: ExpectedEntity, f: CorpusFinding) => boolean;
  what: string;
  /** Where issue 10 asks for the fix. */
  item: string;
}

/** A regular expression matching exactly these finding types. */
const oneOf = (types: Iterable<string>): RegExp => new RegExp(`^(${[...types].map((t) => t.replace(/[.*+?^${}()|[\]\\!/]/g, '\\$&')).join('|')})$`);
const SHARED = oneOf(SHARED_HOSTS.flat());
/** The public address of a shared host, as its findings name it. */
const publicIpOf = (f: CorpusFinding): string | undefined => f.raw.resource?.instanceDetails?.networkInterfaces?.[0]?.publicIp;

/**
 * Expected entities the engine does not return today, each with the issue item that fixes it.
 * Every entry must still fail for every finding it covers (checked below): when the lead fixes a
 * defect, its entry must go.
 */
const KNOWN_GAPS: KnownGap[] = [
  {
    types: /^AttackSequence:/,
    entity: (e) => e.type === 'ip' && e.role === 'remote',
    what: 'attack sequences: the remote addresses of service.detection.sequence.endpoints[].ip are not extracted (no remote address at all)',
    item: 'scope 3 (entity model: signals/indicators/actors/endpoints of AttackSequence findings)',
  },
  {
    types: /:RDS\//,
    entity: (e) => e.type === 'ip' && e.role === 'remote',
    what: 'RDS: service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV4 is not extracted (es-loader maps it to no ECS field either)',
    item: 'scope 6 (RDS remote IP)',
  },
  {
    types: /^Execution:S3\/MaliciousFile!RecoveryPoint$/,
    entity: (e) => e.type === 'bucket',
    what: 'Malware Protection for Backup, S3 recovery point: the bucket is named only by service.malwareScanDetails.threats[].itemDetails[].resourceArn',
    item: 'scope 3 (entity model: Malware Protection, S3 beyond the bucket name)',
  },
  {
    types: /\.InsideAWS$/,
    entity: (e) => e.type === 'account' && e.value === OTHER_ACCOUNT,
    what: "credential exfiltration inside AWS: the caller's account (awsApiCallAction.remoteAccountDetails.accountId) is not named",
    item: 'scope 4 (cross-account link shown by the evidence itself)',
  },
  {
    types: SHARED,
    entity: (e, f) => e.type === 'ip' && e.role === 'local' && e.value === publicIpOf(f),
    what: `findings on a shared host: the instance's public IP is marked remote because a related IAM finding (${Object.keys(SELF_CALLER).join(', ')}: the host's role called from the host) has it as the API caller`,
    item: 'scope 4 (entity hygiene: the finding\'s own addresses are never attacker addresses)',
  },
];

interface ViolationGap {
  types: RegExp;
  what: string;
  item: string;
}

/** Findings whose investigation names one of the finding's own addresses as remote today. */
const OWN_AS_REMOTE_GAPS: ViolationGap[] = [
  {
    types: SHARED,
    what: "the shared host's public IP becomes remote through the related IAM finding that names it as API caller (entity_set.ts: remote wins)",
    item: 'scope 4 (entity hygiene)',
  },
];

/** Findings whose investigation names an account the finding does not name. */
const FOREIGN_ACCOUNT_GAPS: ViolationGap[] = [
  {
    types: oneOf(MEMBER_TYPES),
    what: "member-account findings: cloud.account.id is the administrator account that exports them (es-loader reads it from the export's S3 key), and the engine names it as an account of the incident",
    item: 'scope 4 (no entity from another account without evidence)',
  },
  {
    types: oneOf(Object.values(SHARED_ATTACKER)),
    what: "one attacker address in two accounts: the related finding of the member account (same remote IP only) brings its account in — guardduty.related has no account scope",
    item: 'scope 4 (related findings enter only with a strong key and the same account)',
  },
];

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

/** Violations (`<finding type> <value>`) are all covered by the gaps, and every finding a gap covers still has one. */
function expectOnlyKnown(violations: string[], gaps: ViolationGap[], corpus: CorpusFinding[]): void {
  const typeOf = (v: string): string => v.slice(0, v.lastIndexOf(' '));
  expect(violations.filter((v) => !gaps.some((g) => g.types.test(typeOf(v))))).toEqual([]);
  const fixed = gaps.flatMap((g) => corpus.filter((f) => g.types.test(f.type) && !violations.some((v) => typeOf(v) === f.type)).map((f) => `${g.what} — ${f.type}`));
  expect(fixed).toEqual([]);
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

    it('extracts every expected entity of the supported types with its type and side, except the known gaps', () => {
      const missing: string[] = [];
      for (const o of outcomes[mapping]) {
        const got = new Set(o.entities.map(key));
        for (const e of o.finding.expected) {
          if (!SUPPORTED.has(e.type)) continue;
          if (!got.has(key(e))) missing.push(`${o.finding.type} ${key(e)}`);
        }
      }
      const gap = (m: string): boolean => {
        const [type, k] = m.split(' ');
        const f = corpus.find((x) => x.type === type)!;
        const e = f.expected.find((x) => key(x) === k)!;
        return KNOWN_GAPS.some((g) => g.types.test(type) && g.entity(e, f));
      };
      expect(missing.filter((m) => !gap(m))).toEqual([]);
    });

    it("never names the finding's own addresses (instance, local side) as remote, except the known gaps", () => {
      const wrong: string[] = [];
      for (const o of outcomes[mapping]) {
        const own = new Set(o.finding.expected.filter((e) => e.type === 'ip' && e.role === 'local').map((e) => e.value));
        for (const e of o.entities) if (e.type === 'ip' && e.role === 'remote' && own.has(e.value)) wrong.push(`${o.finding.type} ${e.value}`);
      }
      expectOnlyKnown(wrong, OWN_AS_REMOTE_GAPS, corpus);
    });

    it('names no account beyond the ones the finding names, except the known gaps', () => {
      const foreign: string[] = [];
      for (const o of outcomes[mapping]) {
        const named = new Set(o.finding.expected.filter((e) => e.type === 'account').map((e) => e.value));
        for (const e of o.entities) if (e.type === 'account' && !named.has(e.value)) foreign.push(`${o.finding.type} ${e.value}`);
      }
      expectOnlyKnown(foreign, FOREIGN_ACCOUNT_GAPS, corpus);
    });

    it('still has every known gap (remove an entry once its defect is fixed)', () => {
      const fixed: string[] = [];
      for (const g of KNOWN_GAPS) {
        const covered = outcomes[mapping].filter((o) => g.types.test(o.finding.type));
        expect(covered.length).toBeGreaterThan(0);
        for (const o of covered) {
          const got = new Set(o.entities.map(key));
          const gapEntities = o.finding.expected.filter((e) => SUPPORTED.has(e.type) && g.entity(e, o.finding));
          if (gapEntities.length === 0 || gapEntities.every((e) => got.has(key(e)))) fixed.push(`${g.what} — ${o.finding.type}`);
        }
      }
      expect(fixed).toEqual([]);
    });
  });
});
