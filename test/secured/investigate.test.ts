import { Client } from '@opensearch-project/opensearch';
import { API_PATHS } from '../../common/constants';
import { DocumentResponse, Investigation } from '../../common/types';
import { NO_PERMISSION } from '../../server/correlation/permission';
import { flattenDocument } from '../../common/flatten';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { generateScenario, SiemDoc } from '../fixtures/scenario/generate';
import { ACCOUNT_Y, adminClient, basic, deletePrefixed, SecuredHost, startSecuredHost } from './helpers';

jest.setTimeout(180_000);

type Facts = ReturnType<typeof generateScenario>['facts'];

/** Every log document of account X again as account Y, same content, id suffixed: a second tenant's data. */
const Y_SUFFIX = '-acct-y';
function twinInAccountY(doc: SiemDoc): SiemDoc {
  const source = JSON.parse(JSON.stringify(doc._source));
  source.cloud.account.id = ACCOUNT_Y;
  return { _index: doc._index, _id: doc._id + Y_SUFFIX, _source: source };
}

const investigate = (host: SecuredHost, user: string, facts: Facts) =>
  host.as<Investigation>(user, 'POST', API_PATHS.investigate, { finding: facts.iamFinding });

const documentPath = (ref: { index: string; id: string }) => `${API_PATHS.document}?${new URLSearchParams(ref)}`;

/** Every field name of every hit in an investigation. */
const hitFields = (inv: Investigation) => new Set(inv.evidence.flatMap((g) => g.hits.flatMap((h) => Object.keys(h.fields))));

/** Every document reference anywhere in an investigation. */
function refsOf(inv: Investigation): string[] {
  const refs: string[] = [];
  JSON.stringify(inv, (key, value) => {
    if (value && typeof value === 'object' && typeof value.index === 'string' && typeof value.id === 'string') refs.push(`${value.index}/${value.id}`);
    return value;
  });
  return refs;
}

describe('investigations on a secured cluster (OpenSearch 2.19 + security plugin)', () => {
  let admin: Client;
  let host: SecuredHost;
  let facts: Facts;
  let asAdmin: Investigation;
  /** The same incident without account Y, in other indices: what an investigation of A's data must say. */
  let xOnlyPrefix: string;
  let asAdminXOnly: Investigation;

  beforeAll(async () => {
    admin = adminClient();
    host = await startSecuredHost('investigate');
    await applyIndexTemplates(admin, { prefix: host.prefix });
    const scenario = generateScenario({ noise: 200, indexPrefix: host.prefix });
    facts = scenario.facts;
    const twins = scenario.docs.filter((d) => !d._index.includes('guardduty')).map(twinInAccountY);
    await loadDocuments(admin, [...scenario.docs, ...twins], { refresh: true });
    const r = await investigate(host, 'admin', facts);
    expect(r.status).toBe(200);
    asAdmin = r.body;

    xOnlyPrefix = host.prefix.replace(/-$/, 'x-');
    const xOnly = await startSecuredHost('investigate-x', {}, xOnlyPrefix);
    try {
      await applyIndexTemplates(admin, { prefix: xOnlyPrefix });
      const x = generateScenario({ noise: 200, indexPrefix: xOnlyPrefix });
      await loadDocuments(admin, x.docs, { refresh: true });
      const rx = await investigate(xOnly, 'admin', x.facts);
      expect(rx.status).toBe(200);
      asAdminXOnly = rx.body;
    } finally {
      await xOnly.cleanup();
    }
  });
  afterAll(async () => {
    await deletePrefixed(admin, xOnlyPrefix);
    await deletePrefixed(admin, host.prefix);
    await host?.cleanup();
    await admin?.close();
  });

  it('admin (all_access) sees both accounts: the twins are in scope of the investigation', () => {
    expect(refsOf(asAdmin).some((r) => r.endsWith(Y_SUFFIX))).toBe(true);
  });

  describe('analyst A (DLS: account 123456789012 only)', () => {
    let inv: Investigation;
    beforeAll(async () => {
      const r = await investigate(host, 'analyst_a', facts);
      expect(r.status).toBe(200);
      inv = r.body;
    });

    it('sees no document of the other account anywhere in the response', () => {
      expect(refsOf(inv).length).toBeGreaterThan(0);
      expect(refsOf(inv).filter((r) => r.endsWith(Y_SUFFIX))).toEqual([]);
      expect(JSON.stringify(inv)).not.toContain(ACCOUNT_Y);
    });

    it('gets exactly the investigation an admin gets on the same data without account Y: evidence, counts, facets, timeline, graph, story, coverage', () => {
      // Order-insensitive: hits with the same timestamp come back in either order (ties).
      const canonical = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(canonical).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1))
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canonical(x)]))
            : v;
      const normalize = (inv: Investigation, prefix: string) => canonical(JSON.parse(JSON.stringify({ ...inv, took: undefined }).split(prefix).join('<prefix>')));
      expect(normalize(inv, host.prefix)).toEqual(normalize(asAdminXOnly, xOnlyPrefix));
      // …and that is less than the admin sees on the data with account Y.
      expect(inv.coverage.map((c) => c.docsInWindow)).not.toEqual(asAdmin.coverage.map((c) => c.docsInWindow));
    });

    it('cannot open a document of the other account by its reference (404, nothing of it in the body)', async () => {
      const ref = { index: facts.putBucketAcl.index, id: facts.putBucketAcl.id + Y_SUFFIX };
      const denied = await host.as('analyst_a', 'GET', documentPath(ref));
      expect(denied.status).toBe(404);
      expect(denied.text).not.toContain(ACCOUNT_Y);
      const own = await host.as<DocumentResponse>('analyst_a', 'GET', documentPath(facts.putBucketAcl));
      expect(own.status).toBe(200);
    });
  });

  describe('analyst B (FLS: no user_agent.original, no source.geo.*)', () => {
    let inv: Investigation;
    beforeAll(async () => {
      const r = await investigate(host, 'analyst_b', facts);
      expect(r.status).toBe(200);
      inv = r.body;
    });

    it('admin sees the user agent that B may not: the test data has it', () => {
      expect(hitFields(asAdmin).has('user_agent.original')).toBe(true);
      expect(JSON.stringify(asAdmin)).toContain('aws-cli/');
    });

    it('gets the same evidence without the hidden fields, anywhere in the response', () => {
      expect([...hitFields(inv)].filter((f) => f === 'user_agent.original' || f.startsWith('source.geo.'))).toEqual([]);
      const text = JSON.stringify(inv);
      expect(text).not.toContain('aws-cli/');
      expect(inv.evidence.map((g) => [g.id, g.total])).toEqual(asAdmin.evidence.map((g) => [g.id, g.total]));
      expect(inv.timeline.length).toBe(asAdmin.timeline.length);
    });

    it('gets the document without the hidden fields in the document flyout', async () => {
      const r = await host.as<DocumentResponse>('analyst_b', 'GET', documentPath(facts.putBucketAcl));
      expect(r.status).toBe(200);
      expect(r.body.document.eventName).toBe('PutBucketAcl');
      const fields = Object.keys(flattenDocument(r.body.document));
      expect(fields.filter((f) => f === 'user_agent.original' || f.startsWith('source.geo'))).toEqual([]);
      expect(fields).toContain('user_agent.name');
      expect(r.text).not.toContain('aws-cli/');
      // (FLS leaves `source.geo` as an empty object; no field of it.)
      const a = await host.as<DocumentResponse>('admin', 'GET', documentPath(facts.putBucketAcl));
      const adminFields = Object.keys(flattenDocument(a.body.document));
      expect(adminFields).toContain('user_agent.original');
      expect(adminFields.filter((f) => f.startsWith('source.geo.')).length).toBeGreaterThan(0);
    });
  });

  describe('the reader without log-aws-cloudtrail-*', () => {
    let inv: Investigation;
    let status: number;
    beforeAll(async () => {
      const r = await investigate(host, 'reader', facts);
      status = r.status;
      inv = r.body;
    });

    it('gets an investigation (no 500) whose CloudTrail coverage says "no permission"', () => {
      expect(status).toBe(200);
      const ct = inv.coverage.find((c) => c.source === 'cloudtrail')!;
      expect(ct.error).toBe(NO_PERMISSION);
      expect(ct.docsInWindow).toBe(0);
      for (const c of inv.coverage.filter((x) => x.source !== 'cloudtrail')) expect({ source: c.source, error: c.error }).toEqual({ source: c.source, error: undefined });
    });

    it('still has the evidence of the other sources, and no CloudTrail document', () => {
      const adminSsh = asAdmin.evidence.find((g) => g.id === 'linux_secure.ssh_from_attacker')!;
      expect(inv.evidence.find((g) => g.id === 'linux_secure.ssh_from_attacker')!.total).toBe(adminSsh.total);
      expect(refsOf(inv).filter((r) => r.includes('cloudtrail'))).toEqual([]);
      const cloudtrailGroups = inv.evidence.filter((x) => x.source === 'cloudtrail');
      expect(cloudtrailGroups.length).toBeGreaterThan(0);
      for (const g of cloudtrailGroups) expect({ id: g.id, error: g.error, total: g.total }).toEqual({ id: g.id, error: NO_PERMISSION, total: 0 });
      expect(JSON.stringify(inv)).not.toContain('name=reader');
    });
  });

  it('a wrong password is a 401 from the host, with nothing but "Unauthorized" in the body', async () => {
    for (const who of [{ user: 'analyst_a', password: 'wrong' }, { user: 'nobody', password: 'x' }]) {
      const r = await host.as(who, 'POST', API_PATHS.investigate, { finding: facts.iamFinding });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
    }
    const none = await host.as(null, 'GET', API_PATHS.cases);
    expect(none.status).toBe(401);
    const res = await fetch(`${host.url}${API_PATHS.cases}`, { headers: { authorization: basic('analyst_a', 'wrong') } });
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
  });
});
