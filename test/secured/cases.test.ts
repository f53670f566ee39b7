import { Client } from '@opensearch-project/opensearch';
import { Case, CasesFindResponse } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { WITHHELD_TITLE } from '../../server/cases/snapshot_visibility';
import { generateScenario, SiemDoc } from '../fixtures/scenario/generate';
import { ACCOUNT_Y, adminClient, basic, deletePrefixed, SecuredHost, startSecuredHost } from './helpers';

jest.setTimeout(180_000);

/** The tenant names security dashboards sends in `securitytenant`: the user's private tenant… */
const PRIVATE = '__user__';
/** …and the global tenant, the empty name (its GLOBAL_TENANT_SYMBOL; `global_tenant` would be a tenant index of its own). */
const GLOBAL = '';

/**
 * Cases on a secured cluster: tenants (the security plugin's multi-tenancy, reached through the
 * user's `securitytenant` header), real authors, the read-only user, and who sees attachment snapshots.
 */
describe('cases on a secured cluster (OpenSearch 2.19 + security plugin)', () => {
  let admin: Client;
  let host: SecuredHost;
  /** Same data, `siem_investigations.cases.snapshotVisibility: case`. */
  let caseModeHost: SecuredHost;
  let refs: { cloudtrail: { index: string; id: string }; cloudtrailY: { index: string; id: string }; linux: { index: string; id: string } };

  const create = async (user: string, tenant: string, title: string) => {
    const r = await host.as<Case>(user, 'POST', API_PATHS.cases, { title }, { tenant });
    expect({ user, tenant, status: r.status, body: r.status === 200 ? 'ok' : r.body }).toEqual({ user, tenant, status: 200, body: 'ok' });
    return r.body;
  };
  const list = async (user: string, tenant: string | undefined) => {
    const r = await host.as<CasesFindResponse>(user, 'GET', `${API_PATHS.cases}?perPage=100`, undefined, { tenant });
    expect(r.status).toBe(200);
    return r.body.cases.map((c) => c.id);
  };

  beforeAll(async () => {
    admin = adminClient();
    host = await startSecuredHost('cases');
    caseModeHost = await startSecuredHost('cases-casemode', { cases: { snapshotVisibility: 'case' } }, host.prefix);
    await applyIndexTemplates(admin, { prefix: host.prefix });
    const { docs, facts } = generateScenario({ noise: 0, indexPrefix: host.prefix });
    const ct = docs.find((d) => d._id === facts.putBucketAcl.id)!;
    const twin: SiemDoc = { _index: ct._index, _id: `${ct._id}-acct-y`, _source: { ...JSON.parse(JSON.stringify(ct._source)) } };
    (twin._source.cloud as { account: { id: string } }).account.id = ACCOUNT_Y;
    await loadDocuments(admin, [...docs, twin], { refresh: true });
    refs = { cloudtrail: facts.putBucketAcl, cloudtrailY: { index: twin._index, id: twin._id }, linux: facts.aliceLogin };
  });
  afterAll(async () => {
    await deletePrefixed(admin, host.prefix);
    await caseModeHost?.cleanup();
    await host?.cleanup();
    await admin?.close();
  });

  describe('tenants and authors', () => {
    it('a case of another tenant cannot be merged, in either direction: 404 and nothing changes; within a tenant the merge carries the real user', async () => {
      const mine = await create('analyst_a', PRIVATE, 'Private: to merge');
      const shared = await create('analyst_a', GLOBAL, 'Global: merge target');
      for (const [target, source, tenant] of [
        [shared.id, mine.id, GLOBAL],
        [mine.id, shared.id, PRIVATE],
      ]) {
        const r = await host.as('analyst_a', 'POST', API_PATHS.caseMerge(target), { source }, { tenant });
        expect({ tenant, status: r.status }).toEqual({ tenant, status: 404 });
      }
      const privateAfter = await host.as<Case>('analyst_a', 'GET', API_PATHS.case(mine.id), undefined, { tenant: PRIVATE });
      expect(privateAfter.body).toMatchObject({ id: mine.id, status: 'open' });
      expect(privateAfter.body.redirectedFrom).toBeUndefined();
      const second = await create('analyst_b', GLOBAL, 'Global: merged away');
      const merged = await host.as<{ case: Case }>('analyst_b', 'POST', API_PATHS.caseMerge(shared.id), { source: second.id }, { tenant: GLOBAL });
      expect(merged.status).toBe(200);
      expect(merged.body.case.activity.at(-1)).toMatchObject({ action: 'case_merged', by: 'analyst_b', caseId: second.id });
      const viaOld = await host.as<Case>('analyst_a', 'GET', API_PATHS.case(second.id), undefined, { tenant: GLOBAL });
      expect(viaOld.body).toMatchObject({ id: shared.id, redirectedFrom: { id: second.id, mergedBy: 'analyst_b' } });
      // The other tenant does not see the tombstone either.
      expect((await host.as('analyst_a', 'GET', API_PATHS.case(second.id), undefined, { tenant: PRIVATE })).status).toBe(404);
      // The list search for the merged case's number finds the kept case in its tenant; its id finds nothing in another.
      const search = (tenant: string, text: string) => host.as<CasesFindResponse>('analyst_a', 'GET', `${API_PATHS.cases}?${new URLSearchParams({ search: text })}`, undefined, { tenant });
      const found = await search(GLOBAL, second.reference!);
      expect(found.body).toMatchObject({ total: 1, cases: [{ id: shared.id, redirectedFrom: { id: second.id } }], redirect: { from: { id: second.id }, to: { id: shared.id } } });
      expect((await search(PRIVATE, second.id)).body).toEqual({ total: 0, cases: [] });
      // A write through the merged case's id lands on the kept case, as the writer, in that tenant only.
      const late = await host.as<Case>('analyst_a', 'POST', API_PATHS.caseComments(second.id), { text: 'via the old link' }, { tenant: GLOBAL });
      expect(late.body).toMatchObject({ id: shared.id, redirectedFrom: { id: second.id }, comments: [expect.objectContaining({ text: 'via the old link', createdBy: 'analyst_a' })] });
      expect((await host.as('analyst_a', 'POST', API_PATHS.caseComments(second.id), { text: 'elsewhere' }, { tenant: PRIVATE })).status).toBe(404);
    });

    it("a case in A's private tenant is A's alone: B gets 404 on its id and does not see it listed", async () => {
      const c = await create('analyst_a', PRIVATE, 'Private: SSH brute force');
      expect(c.createdBy).toBe('analyst_a');
      expect((await host.as('analyst_a', 'GET', API_PATHS.case(c.id), undefined, { tenant: PRIVATE })).status).toBe(200);
      expect(await list('analyst_a', PRIVATE)).toContain(c.id);
      for (const tenant of [PRIVATE, GLOBAL]) {
        const r = await host.as('analyst_b', 'GET', API_PATHS.case(c.id), undefined, { tenant });
        expect({ tenant, status: r.status }).toEqual({ tenant, status: 404 });
        expect(r.text).not.toContain('SSH brute force');
        expect(await list('analyst_b', tenant)).not.toContain(c.id);
      }
      // Nor is it in the global tenant for A.
      expect(await list('analyst_a', GLOBAL)).not.toContain(c.id);
    });

    it('a case in the global tenant is shared, and every change carries the real user', async () => {
      const c = await create('analyst_a', GLOBAL, 'Shared: IAM key used from a threat-list IP');
      expect(await list('analyst_b', GLOBAL)).toContain(c.id);
      const comment = await host.as<Case>('analyst_b', 'POST', API_PATHS.caseComments(c.id), { text: 'Looking at CloudTrail' }, { tenant: GLOBAL });
      expect(comment.status).toBe(200);
      expect(comment.body.createdBy).toBe('analyst_a');
      expect(comment.body.comments.map((x) => x.createdBy)).toEqual(['analyst_b']);
      expect(comment.body.updatedBy).toBe('analyst_b');
      expect(comment.body.activity.map((e) => [e.action, e.by])).toEqual([
        ['created', 'analyst_a'],
        ['comment_added', 'analyst_b'],
      ]);
      const viewer = await host.as<Case>('viewer', 'GET', API_PATHS.case(c.id), undefined, { tenant: GLOBAL });
      expect(viewer.status).toBe(200);
      expect(viewer.body.comments[0].createdBy).toBe('analyst_b');
    });

    it('a URL with security_tenant= picks the tenant for the session (cookie), as security dashboards does', async () => {
      const c = await create('analyst_a', PRIVATE, 'Private, opened by a link');
      const auth = { authorization: basic('analyst_a'), 'osd-xsrf': 'true' };
      // (This host serves no pages: the 404 still carries the session's tenant.)
      const pickedCookie = async (tenant: string) => {
        const r = await fetch(`${host.url}/app/siem-investigations?security_tenant=${tenant}`, { headers: auth });
        return (r.headers.get('set-cookie') ?? '').split(';')[0];
      };
      const privateCookie = await pickedCookie('private');
      expect(privateCookie).toBe('security_tenant=__user__');
      const inPrivate = await fetch(`${host.url}${API_PATHS.case(c.id)}`, { headers: { ...auth, cookie: privateCookie } });
      expect(inPrivate.status).toBe(200);
      const globalCookie = await pickedCookie('global');
      expect(globalCookie).toBe('security_tenant=');
      const inGlobal = await fetch(`${host.url}${API_PATHS.case(c.id)}`, { headers: { ...auth, cookie: globalCookie } });
      expect(inGlobal.status).toBe(404);
    });

    it('without a securitytenant header a request is in the global tenant', async () => {
      const c = await create('analyst_a', GLOBAL, 'Default tenant');
      expect(await list('analyst_b', undefined)).toContain(c.id);
    });
  });

  describe('the user without the save capability (viewer: the global tenant is read-only for them)', () => {
    let c: Case;
    let other: Case;
    beforeAll(async () => {
      c = await create('analyst_a', GLOBAL, 'Read-only for the viewer');
      other = await create('analyst_a', GLOBAL, 'Not merged by the viewer');
    });

    it('has siemInvestigations.save off, unlike an analyst', async () => {
      const caps = (user: string) => host.host.resolveCapabilities({ headers: { authorization: `Basic ${Buffer.from(`${user}:${user}-dev-pw`).toString('base64')}`, securitytenant: GLOBAL } });
      expect((await caps('viewer')).siemInvestigations).toEqual({ show: true, save: false });
      expect((await caps('analyst_a')).siemInvestigations).toEqual({ show: true, save: true });
    });

    it('reads cases, and every write route answers 403 and changes nothing', async () => {
      expect((await host.as('viewer', 'GET', API_PATHS.case(c.id), undefined, { tenant: GLOBAL })).status).toBe(200);
      expect(await list('viewer', GLOBAL)).toContain(c.id);
      const writes: Array<[string, string, unknown]> = [
        ['POST', API_PATHS.cases, { title: 'viewer was here' }],
        ['PATCH', API_PATHS.case(c.id), { version: c.version, title: 'viewer was here' }],
        ['DELETE', API_PATHS.case(c.id), undefined],
        ['POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref: refs.linux }],
        ['POST', API_PATHS.caseComments(c.id), { text: 'viewer was here' }],
        ['POST', API_PATHS.caseMerge(c.id), { source: other.id }],
      ];
      for (const [method, path, body] of writes) {
        const r = await host.as('viewer', method, path, body, { tenant: GLOBAL });
        expect({ method, path, status: r.status }).toEqual({ method, path, status: 403 });
        expect(r.body.message).toMatch(/^Not allowed/);
      }
      const after = await host.as<Case>('analyst_a', 'GET', API_PATHS.case(c.id), undefined, { tenant: GLOBAL });
      expect(after.body).toEqual(c);
      expect((await host.as<Case>('analyst_a', 'GET', API_PATHS.case(other.id), undefined, { tenant: GLOBAL })).body).toMatchObject({ id: other.id, status: 'open' });
      expect(JSON.stringify(await host.as('analyst_a', 'GET', `${API_PATHS.cases}?perPage=100&search=viewer`, undefined, { tenant: GLOBAL }))).not.toContain('viewer was here');
    });
  });

  describe('snapshots', () => {
    it("B's own snapshot has none of B's hidden fields, nor has B's export", async () => {
      const c = await create('analyst_b', GLOBAL, 'Attached by B');
      const r = await host.as<Case>('analyst_b', 'POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref: refs.cloudtrail }, { tenant: GLOBAL });
      expect(r.status).toBe(200);
      const fields = Object.keys(r.body.attachments[0].snapshot.fields);
      expect(fields).toContain('event.action');
      expect(fields.filter((f) => f === 'user_agent.original' || f === 'userAgent' || f.startsWith('source.geo'))).toEqual([]);
      for (const format of ['markdown', 'json']) {
        const e = await host.as('analyst_b', 'GET', `${API_PATHS.caseExport(c.id)}?format=${format}`, undefined, { tenant: GLOBAL });
        expect(e.status).toBe(200);
        expect(e.text).toContain('PutBucketAcl');
        expect(e.text).not.toContain('aws-cli');
      }
    });

    describe('a case with snapshots taken by admin (every field of both accounts)', () => {
      let c: Case;
      const read = async (h: SecuredHost, user: string) => {
        const r = await h.as<Case>(user, 'GET', API_PATHS.case(c.id), undefined, { tenant: GLOBAL });
        expect(r.status).toBe(200);
        return r.body;
      };
      const snapshotOf = (x: Case, ref: { id: string }) => x.attachments.find((a) => a.ref.id === ref.id)!.snapshot;

      beforeAll(async () => {
        c = await create('admin', GLOBAL, 'Attached by admin');
        for (const ref of [refs.cloudtrail, refs.cloudtrailY, refs.linux]) {
          const r = await host.as<Case>('admin', 'POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref }, { tenant: GLOBAL });
          expect(r.status).toBe(200);
        }
        const asAdmin = await read(host, 'admin');
        expect(snapshotOf(asAdmin, refs.cloudtrail).fields['user_agent.original']).toMatch(/aws-cli/);
      });

      it('default (source): B sees the snapshot without the fields FLS hides from B, in the case and in its exports', async () => {
        const asB = await read(host, 'analyst_b');
        const s = snapshotOf(asB, refs.cloudtrail);
        expect(s.fields['event.action']).toBe('PutBucketAcl');
        expect(Object.keys(s.fields).filter((f) => f === 'user_agent.original' || f.startsWith('source.geo'))).toEqual([]);
        expect(JSON.stringify(asB)).not.toContain('aws-cli');
        for (const format of ['markdown', 'json']) {
          const e = await host.as('analyst_b', 'GET', `${API_PATHS.caseExport(c.id)}?format=${format}`, undefined, { tenant: GLOBAL });
          expect(e.status).toBe(200);
          expect(e.text).not.toContain('aws-cli');
        }
      });

      it("default (source): A sees no snapshot of the other account's document (withheld, also in the activity)", async () => {
        const asA = await read(host, 'analyst_a');
        expect(snapshotOf(asA, refs.cloudtrailY)).toEqual({ source: 'cloudtrail', title: WITHHELD_TITLE, fields: {} });
        expect(snapshotOf(asA, refs.cloudtrail).fields['user_agent.original']).toMatch(/aws-cli/);
        const entry = asA.activity.find((e) => e.action === 'attachment_added' && e.ref.id === refs.cloudtrailY.id);
        expect(entry).toMatchObject({ title: WITHHELD_TITLE });
        expect(JSON.stringify(asA)).not.toContain(ACCOUNT_Y);
      });

      it('default (source): the reader without CloudTrail sees the Linux snapshot, not the CloudTrail ones', async () => {
        const asReader = await read(host, 'reader');
        expect(snapshotOf(asReader, refs.cloudtrail).fields).toEqual({});
        expect(snapshotOf(asReader, refs.cloudtrailY).fields).toEqual({});
        expect(Object.keys(snapshotOf(asReader, refs.linux).fields).length).toBeGreaterThan(3);
        const md = await host.as('reader', 'GET', `${API_PATHS.caseExport(c.id)}?format=markdown`, undefined, { tenant: GLOBAL });
        expect(md.text).not.toContain('PutBucketAcl');
      });

      it('snapshotVisibility: case: every case reader sees every snapshot as stored', async () => {
        const asB = await read(caseModeHost, 'analyst_b');
        expect(snapshotOf(asB, refs.cloudtrail).fields['user_agent.original']).toMatch(/aws-cli/);
        const asA = await read(caseModeHost, 'analyst_a');
        expect(snapshotOf(asA, refs.cloudtrailY).fields['cloud.account.id']).toBe(ACCOUNT_Y);
        const asReader = await read(caseModeHost, 'reader');
        expect(snapshotOf(asReader, refs.cloudtrail).fields['event.action']).toBe('PutBucketAcl');
      });
    });
  });
});
