import { Client } from '@opensearch-project/opensearch';
import { Case, CaseActivity, CaseAttachment, CaseComment, CaseItemsPage, CASE_LIMITS, CasesFindResponse } from '../../common/case_types';
import { API_PATHS, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { createSavedObjectsClientFactory, DevSavedObjectsClient } from '../../dev/host/saved_objects_client';
import { example, ExampleName } from '../fixtures/example_docs';
import { OPENSEARCH_URL, startTestHost, TestHost, uniquePrefix } from './helpers';

jest.setTimeout(120_000);

/**
 * The cases API end to end: the plugin loaded by the dev host, cases stored by the dev saved
 * objects client in a real OpenSearch, attached documents read from real indices.
 */
describe('cases (real OpenSearch)', () => {
  const soIndex = `${uniquePrefix('cases-so')}index`;
  const writes = { updates: 0, conflicts: 0, itemCreates: 0, itemConflicts: 0, perRequest: [] as number[] };
  let host: TestHost;
  const client = new Client({ node: OPENSEARCH_URL });

  /** Where an example document lives in this test's prefixed indices. */
  const refOf = (name: ExampleName, id?: string) => {
    const doc = example(name);
    return { index: `${host.prefix}${doc._index}`, id: id ?? doc._id };
  };

  async function indexExample(name: ExampleName, id?: string, change: (source: Record<string, any>) => void = () => undefined) {
    const doc = example(name);
    change(doc._source);
    const ref = refOf(name, id);
    await host.opensearch.index({ index: ref.index, id: ref.id, body: doc._source });
    return ref;
  }

  const create = async (body: Record<string, unknown> = { title: 'IAM key used from a threat-list IP' }) => {
    const r = await host.api<Case>('POST', API_PATHS.cases, body);
    expect(r.status).toBe(200);
    return r.body;
  };
  const read = async (id: string) => {
    const r = await host.api<Case>('GET', API_PATHS.case(id));
    expect(r.status).toBe(200);
    return r.body;
  };
  /** Every item of a kind, oldest first, paged 100 at a time. */
  const allItems = async <T>(id: string, kind: 'comments' | 'attachments' | 'activity'): Promise<T[]> => {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const r = await host.api<CaseItemsPage<T>>('GET', `${API_PATHS.caseItems(id, kind)}?perPage=100&sortOrder=asc&page=${page}`);
      expect(r.status).toBe(200);
      out.push(...r.body.items);
      if (r.body.items.length < 100) return out;
    }
  };

  beforeAll(async () => {
    const base = createSavedObjectsClientFactory(client, { index: soIndex });
    // Counts version conflicts, to see how often concurrent appends had to retry.
    const createSavedObjectsClient = (types: any, req: any): DevSavedObjectsClient => {
      // The host builds one client per request: its update calls are that request's attempts.
      const so = base(types, req);
      const slot = writes.perRequest.push(0) - 1;
      return {
        ...so,
        update: async (...args: Parameters<DevSavedObjectsClient['update']>) => {
          writes.updates++;
          writes.perRequest[slot]++;
          try {
            return await so.update(...args);
          } catch (e) {
            if (so.errors.isConflictError(e)) writes.conflicts++;
            throw e;
          }
        },
        bulkCreate: async (...args: Parameters<DevSavedObjectsClient['bulkCreate']>) => {
          const res = await so.bulkCreate(...args);
          writes.itemCreates += res.saved_objects.length;
          writes.itemConflicts += res.saved_objects.filter((o) => o.error?.statusCode === 409).length;
          return res;
        },
      } as DevSavedObjectsClient;
    };
    host = await startTestHost('cases', { createSavedObjectsClient });
  });

  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: soIndex, ignore_unavailable: true } as any).catch(() => undefined);
    await host?.cleanup();
    await client.close();
  });

  it('creates an open case with server-set author and times, and reads it back', async () => {
    const before = Date.now();
    const c = await create({ title: '  SSH brute force on i-0a1b2c3d4e5f67890 ', tags: ['ssh'], assignees: ['alice'], severity: 'high' });
    expect(c).toMatchObject({
      title: 'SSH brute force on i-0a1b2c3d4e5f67890',
      description: '',
      status: 'open',
      severity: 'high',
      tags: ['ssh'],
      assignees: ['alice'],
      attachments: [],
      comments: [],
      createdBy: 'anonymous',
      updatedBy: 'anonymous',
    });
    expect(c.closeReason).toBeUndefined();
    expect(Date.parse(c.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(c.activity).toEqual([{ at: c.createdAt, by: 'anonymous', action: 'created' }]);
    expect(await read(c.id)).toEqual(c);
  });

  it('opens and repairs a case imported through Saved Objects with missing lists and an unknown status', async () => {
    // Saved Objects import skips the plugin's validation: write such a case straight into the index.
    const so = createSavedObjectsClientFactory(client, { index: soIndex })(host.host.savedObjectTypes, {} as any);
    const imported = await so.create(CASE_SAVED_OBJECT_TYPE, { title: 'Imported', status: 'pending', createdAt: new Date().toISOString(), createdBy: 'someone' });
    const r = await host.api<Case>('GET', API_PATHS.case(imported.id));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'open', severity: 'low', attachments: [], comments: [], tags: [] });
    const c = await host.api<Case>('POST', API_PATHS.caseComments(imported.id), { text: 'still works' });
    expect(c.status).toBe(200);
    expect(c.body.comments.map((x) => x.text)).toEqual(['still works']);
    const list = await host.api('GET', `${API_PATHS.cases}?search=Imported`);
    expect(list.status).toBe(200);
  });

  it('walks the status rules: close needs a reason, closed cannot go to in progress, reopen clears the reason', async () => {
    const c = await create();
    const patch = (body: Record<string, unknown>) => host.api<any>('PATCH', API_PATHS.case(c.id), body);

    let r = await patch({ version: c.version, status: 'in-progress' });
    expect(r.status).toBe(200);
    let current: Case = r.body;

    r = await patch({ version: current.version, status: 'closed' });
    expect(r).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request' } });
    expect(r.body.message).toMatch(/Closing a case requires closeReason \(one of: true_positive/);

    r = await patch({ version: current.version, status: 'closed', closeReason: 'true_positive' });
    expect(r.status).toBe(200);
    current = r.body;
    expect(current).toMatchObject({ status: 'closed', closeReason: 'true_positive', closedBy: 'anonymous' });

    r = await patch({ version: current.version, status: 'in-progress' });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('A case cannot move from "closed" to "in-progress"; from "closed" it can move to: open');
    expect((await read(c.id)).version).toBe(current.version);

    r = await patch({ version: current.version, status: 'open' });
    expect(r.status).toBe(200);
    expect(r.body.closeReason).toBeUndefined();
    expect(r.body.closedAt).toBeUndefined();
    expect(r.body.activity.map((a: any) => `${a.action}:${a.from ?? ''}>${a.to ?? ''}`)).toEqual([
      'created:>',
      'status_changed:open>in-progress',
      'status_changed:in-progress>closed',
      'status_changed:closed>open',
    ]);
    for (const entry of r.body.activity) {
      expect(entry.by).toBe('anonymous');
      expect(new Date(entry.at).toISOString()).toBe(entry.at);
    }
  });

  it('refuses an edit made on a stale version with 409, and changes nothing', async () => {
    const v1 = await create();
    const first = await host.api<Case>('PATCH', API_PATHS.case(v1.id), { version: v1.version, title: 'Renamed by alice' });
    expect(first.status).toBe(200);
    const stale = await host.api<any>('PATCH', API_PATHS.case(v1.id), { version: v1.version, severity: 'critical', title: 'Renamed by bob' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(stale.body.message).toMatch(/changed by someone else/);
    const now = await read(v1.id);
    expect(now).toMatchObject({ version: first.body.version, title: 'Renamed by alice', severity: 'low' });
    expect(now.activity).toHaveLength(2);
  });

  it('keeps all of 100 concurrent appends (50 comments, 50 attachments) with plain creates, no retries, and counts them', async () => {
    const c = await create({ title: 'Busy case' });
    const refs: Array<{ index: string; id: string }> = [];
    for (let i = 0; i < 50; i++) refs.push(refOf('cloudtrail_PutBucketAcl', `evt-${i}`));
    const template = example('cloudtrail_PutBucketAcl');
    await host.opensearch.bulk({
      refresh: true,
      body: refs.flatMap((ref, i) => [{ index: { _index: ref.index, _id: ref.id } }, { ...template._source, eventName: `Event${i}` }]),
    } as any);
    const before = { ...writes, requests: writes.perRequest.length };
    const started = Date.now();
    const results = await Promise.all([
      ...['alice', 'bob'].flatMap((who) =>
        Array.from({ length: 25 }, (_, i) => host.api<Case>('POST', API_PATHS.caseComments(c.id), { text: `${who} note ${i}` }))
      ),
      ...refs.map((ref) => host.api<Case>('POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref })),
    ]);
    const ms = Date.now() - started;
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(200));
    // Every item was one create that succeeded the first time: no item write was retried or refused.
    expect(writes.itemConflicts - before.itemConflicts).toBe(0);
    expect(writes.itemCreates - before.itemCreates).toBe(100 * 2);

    const after = await read(c.id);
    expect(after).toMatchObject({ commentCount: 50, attachmentCount: 50, activityCount: 101 });
    const comments = await allItems<CaseComment>(c.id, 'comments');
    expect(comments.map((m) => m.text).sort()).toEqual(['alice', 'bob'].flatMap((who) => Array.from({ length: 25 }, (_, i) => `${who} note ${i}`)).sort());
    const attachments = await allItems<CaseAttachment>(c.id, 'attachments');
    expect(attachments.map((a) => a.ref.id).sort()).toEqual(refs.map((r) => r.id).sort());
    expect(attachments.every((a) => a.available === true)).toBe(true);
    // The activity log has every append once, in write order.
    const logged = (await allItems<CaseActivity>(c.id, 'activity')).slice(1);
    expect(logged).toHaveLength(100);
    expect(logged.filter((a) => a.action === 'comment_added').map((a: any) => a.commentId).sort()).toEqual(comments.map((m) => m.id).sort());
    expect(logged.filter((a) => a.action === 'attachment_added').map((a: any) => a.attachmentId).sort()).toEqual(attachments.map((a) => a.id).sort());
    expect(logged.map((a) => a.at)).toEqual([...logged.map((a) => a.at)].sort());
    // eslint-disable-next-line no-console
    console.log(`100 concurrent appends: ${ms} ms; ${writes.updates - before.updates} counter writes, ${writes.conflicts - before.conflicts} counter conflicts (items: 0 conflicts)`);
  });

  it('keeps the snapshot of an attachment after its source index is deleted, and says it is gone', async () => {
    const c = await create({ title: 'Retention' });
    const finding = await indexExample('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    const config = await indexExample('cloudtrail_GetObject_config_py');
    let r = await host.api<Case>('POST', API_PATHS.caseAttachments(c.id), { type: 'finding', ref: finding });
    expect(r.status).toBe(200);
    r = await host.api<Case>('POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref: config });
    expect(r.status).toBe(200);
    const [att, event] = r.body.attachments;
    expect(att).toMatchObject({ type: 'finding', ref: finding, addedBy: 'anonymous', available: true, snapshot: { source: 'guardduty' } });
    expect(att.snapshot.fields.type).toBe('UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom');
    expect(event.snapshot.source).toBe('cloudtrail');

    await host.opensearch.indices.delete({ index: finding.index });
    // (Retention deletes indices. A document deleted from a live index looks like one hidden by
    // document-level security: its snapshot is withheld by default, see test/secured/cases.test.ts.)
    await host.opensearch.indices.delete({ index: config.index });
    const after = await read(c.id);
    expect(after.attachments.map((a) => a.available)).toEqual([false, false]);
    expect(after.attachments[0].snapshot).toEqual(att.snapshot);
    expect(after.attachments[1].snapshot).toEqual(event.snapshot);
  });

  it('answers 404 for a missing document or case, and attaches a document only once', async () => {
    const c = await create();
    const ref = await indexExample('linux_secure_accepted_password_alice');
    const missing = await host.api<any>('POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref: { index: ref.index, id: 'no-such-doc' } });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/No document no-such-doc/);
    const noIndex = await host.api<any>('POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref: { index: `${host.prefix}log-linux-secure-gone`, id: 'x' } });
    expect(noIndex.status).toBe(404);

    const once = await host.api<Case>('POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref });
    const twice = await host.api<Case>('POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref });
    expect(twice.status).toBe(200);
    expect(twice.body.attachments).toHaveLength(1);
    expect(twice.body.version).toBe(once.body.version);

    for (const [method, path, body] of [
      ['GET', API_PATHS.case('no-such-case'), undefined],
      ['PATCH', API_PATHS.case('no-such-case'), { version: 'WzEsMV0=', title: 't' }],
      ['DELETE', API_PATHS.case('no-such-case'), undefined],
      ['POST', API_PATHS.caseComments('no-such-case'), { text: 'hello' }],
      ['POST', API_PATHS.caseAttachments('no-such-case'), { type: 'event', ref }],
      ['GET', API_PATHS.caseExport('no-such-case'), undefined],
    ] as const) {
      const r = await host.api<any>(method, path, body);
      expect([method, path, r.status, r.body.message]).toEqual([method, path, 404, 'Case no-such-case not found']);
    }
  });

  it('refuses oversize text and too many tags with the limit in the message, writing nothing', async () => {
    const c = await create();
    const cases: Array<[string, string, unknown, RegExp]> = [
      ['PATCH', API_PATHS.case(c.id), { version: c.version, title: 't'.repeat(CASE_LIMITS.titleLength + 1) }, /title is longer than 160 characters/],
      ['PATCH', API_PATHS.case(c.id), { version: c.version, severity: 'high', description: 'd'.repeat(CASE_LIMITS.descriptionLength + 1) }, /longer than 30000/],
      ['PATCH', API_PATHS.case(c.id), { version: c.version, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, /tags has 51 entries, more than 50 \(limit\)/],
      ['POST', API_PATHS.caseComments(c.id), { text: 'c'.repeat(CASE_LIMITS.commentLength + 1) }, /text is longer than 10000 characters/],
      ['POST', API_PATHS.cases, { title: 'x', assignees: Array.from({ length: 21 }, (_, i) => `u${i}`) }, /more than 20 \(limit\)/],
    ];
    for (const [method, path, body, message] of cases) {
      const r = await host.api<any>(method, path, body);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(message);
    }
    expect(await read(c.id)).toEqual({ ...c, attachments: [] });
  });

  it('answers 400 for bad JSON, unknown fields and fields only the server sets', async () => {
    const c = await create();
    const badJson = await host.api<any>('POST', API_PATHS.cases, '{"title": ', { 'content-type': 'application/json' });
    expect(badJson).toMatchObject({ status: 400, body: { message: 'Invalid request payload JSON format' } });
    const unknown = await host.api<any>('POST', API_PATHS.cases, { title: 'x', owner: 'mallory' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('[request body]: body has unknown field(s): owner (allowed: title, description, severity, tags, assignees, templateId, findingType)');
    const forged = await host.api<any>('POST', API_PATHS.caseComments(c.id), { text: 'hi', createdBy: 'mallory', createdAt: '2000-01-01T00:00:00Z' });
    expect(forged.status).toBe(400);
    const activity = await host.api<any>('PATCH', API_PATHS.case(c.id), { version: c.version, activity: [] });
    expect(activity.body.message).toMatch(/unknown field\(s\): activity/);
    const badQuery = await host.api<any>('GET', `${API_PATHS.cases}?status=pending`);
    expect(badQuery.status).toBe(400);
    expect((await read(c.id)).version).toBe(c.version);
  });

  it('exports a Markdown report with the snapshot values escaped, and the case as JSON', async () => {
    const c = await create({ title: 'Exfiltration <img src=x onerror=alert(1)>', tags: ['s3'] });
    const ref = await indexExample('cloudtrail_PutBucketAcl', 'hostile', (s) => {
      s.userAgent = '<script>alert(1)</script> `tick` [x](javascript:alert(1))';
      s.user_agent = { original: s.userAgent };
    });
    await host.api('POST', API_PATHS.caseAttachments(c.id), { type: 'event', ref });
    await host.api('POST', API_PATHS.caseComments(c.id), { text: 'ACL **reverted**.' });

    const res = await fetch(`${host.url}${API_PATHS.caseExport(c.id)}?format=markdown`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="case-${c.id}.md"`);
    const md = await res.text();
    expect(md).toContain('# Exfiltration &lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(md).toContain('- `user_agent.original`: ``<script>alert(1)</script> `tick` [x](javascript:alert(1))``');
    expect(md).toContain("`threat-detection-wksp-123456789012-us-west-2-data`");
    expect(md).toContain('ACL **reverted**.');
    expect(md).not.toMatch(/^[^`]*<script>/m);

    const json = await host.api<Case>('GET', `${API_PATHS.caseExport(c.id)}?format=json`);
    expect(json.status).toBe(200);
    expect(json.body).toEqual(await read(c.id));
    expect((await host.api<any>('GET', `${API_PATHS.caseExport(c.id)}?format=pdf`)).status).toBe(400);
  });

  it('lists cases with search, filters, sorting and paging, without query strings built from the input', async () => {
    const tag = `list-${Date.now()}`;
    const made: Case[] = [];
    for (const [title, severity, assignees] of [
      ['Root login from a Tor exit', 'critical', ['alice']],
      ['Public bucket ACL', 'medium', ['bob']],
      ['Brute force without success', 'low', []],
    ] as const) {
      made.push(await create({ title, severity, assignees: [...assignees], tags: [tag] }));
    }
    const closed = await host.api<Case>('PATCH', API_PATHS.case(made[2].id), { version: made[2].version, status: 'closed', closeReason: 'benign_positive' });
    expect(closed.status).toBe(200);

    const list = async (q: string) => {
      const r = await host.api<CasesFindResponse>('GET', `${API_PATHS.cases}?tag=${tag}&${q}`);
      expect(r.status).toBe(200);
      return r.body;
    };
    expect((await list('sortField=severity&sortOrder=desc')).cases.map((c) => c.title)).toEqual([
      'Root login from a Tor exit',
      'Public bucket ACL',
      'Brute force without success',
    ]);
    expect((await list('status=open')).cases.map((c) => c.id).sort()).toEqual([made[0].id, made[1].id].sort());
    expect((await list('assignee=bob')).cases.map((c) => c.id)).toEqual([made[1].id]);
    expect((await list('severity=low&severity=critical&sortField=title&sortOrder=asc')).cases.map((c) => c.id)).toEqual([made[2].id, made[0].id]);
    const searched = await list(`search=${encodeURIComponent('bucket')}`);
    expect(searched.cases.map((c) => c.id)).toEqual([made[1].id]);
    // Query syntax in the search box is text for OSD's simple_query_string, never an error.
    expect((await list(`search=${encodeURIComponent('status:open OR "(')}`)).total).toBeGreaterThanOrEqual(0);
    const page = await list('perPage=2&page=2&sortField=createdAt&sortOrder=asc');
    expect(page.total).toBe(3);
    expect(page.cases.map((c) => c.id)).toEqual([made[2].id]);
    expect(page.cases[0]).toMatchObject({ status: 'closed', closeReason: 'benign_positive', attachmentCount: 0, commentCount: 0, tags: [tag] });
  });

  it('deletes a case', async () => {
    const c = await create();
    const del = await host.api('DELETE', API_PATHS.case(c.id));
    expect(del.status).toBe(204);
    expect((await host.api('GET', API_PATHS.case(c.id))).status).toBe(404);
    expect((await host.api('DELETE', API_PATHS.case(c.id))).status).toBe(404);
  });
});
