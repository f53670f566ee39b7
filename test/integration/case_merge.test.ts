import { Client } from '@opensearch-project/opensearch';
import { Case, CaseActivity, CaseAttachment, CaseComment, CaseItemsPage, CasesFindResponse, MergeCaseResponse } from '../../common/case_types';
import { CaseObservable, CaseObservablesResponse } from '../../common/observable_types';
import { BulkCasesResponse, CaseMetricsResponse } from '../../common/case_template_types';
import { API_PATHS, CASE_ITEM_SAVED_OBJECT_TYPE, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { createSavedObjectsClientFactory } from '../../dev/host/saved_objects_client';
import { loadFixtureItems } from '../../dev/bench/case_fixtures';
import { CASE_SAVED_OBJECT_TYPES } from '../../server/cases';
import { attachmentItemId } from '../../server/cases/service';
import { caseMergedEntryId } from '../../server/cases/client/merge';
import { example, ExampleName } from '../fixtures/example_docs';
import { OPENSEARCH_URL, startTestHost, TestHost, uniquePrefix } from './helpers';

jest.setTimeout(300_000);

/**
 * Merging two cases on the real OpenSearch (docs/cases.md "Merging cases"): the union of the
 * attachments by document, every comment and activity entry of both, observables, the tombstone
 * that makes the source's id and number resolve to the merged case, retries, and races.
 */
describe('merging cases (real OpenSearch)', () => {
  const soIndex = `${uniquePrefix('case-merge-so')}index`;
  const client = new Client({ node: OPENSEARCH_URL });
  const so = createSavedObjectsClientFactory(client, { index: soIndex })([...CASE_SAVED_OBJECT_TYPES]);
  let host: TestHost;

  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await host.api<T>(method, path, body);
    if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const create = (title: string) => ok<Case>('POST', API_PATHS.cases, { title });
  const merge = (target: string, source: string) => host.api<MergeCaseResponse>('POST', API_PATHS.caseMerge(target), { source });
  const comment = (id: string, text: string) => host.api<Case>('POST', API_PATHS.caseComments(id), { text });
  const all = async <T>(id: string, kind: 'comments' | 'attachments' | 'activity'): Promise<T[]> => {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const r = await ok<CaseItemsPage<T>>('GET', `${API_PATHS.caseItems(id, kind)}?perPage=100&sortOrder=asc&page=${page}`);
      out.push(...r.items);
      if (r.items.length < 100) return out;
    }
  };
  /**
   * Every item stored with a reference to the case, read straight from the saved objects index. It
   * pages on the items' unique sort key: a case can hold more items than one page, and on several
   * shards an unsorted page is a different subset each time.
   */
  const storedItemIds = async (caseId: string) => {
    await client.indices.refresh({ index: soIndex });
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const r = await so.find({ type: CASE_ITEM_SAVED_OBJECT_TYPE, hasReference: { type: CASE_SAVED_OBJECT_TYPE, id: caseId }, sortField: 'sortKey', sortOrder: 'asc', perPage: 1000, page });
      ids.push(...r.saved_objects.map((o) => o.id));
      if (ids.length >= r.total || r.saved_objects.length === 0) return ids;
    }
  };
  const docRef = (name: ExampleName, id?: string) => {
    const doc = example(name);
    return { index: `${host.prefix}${doc._index}`, id: id ?? doc._id };
  };
  async function indexDoc(name: ExampleName, id?: string) {
    const ref = docRef(name, id);
    await client.index({ index: ref.index, id: ref.id, body: example(name)._source, refresh: true } as any);
    return ref;
  }
  const attach = (caseId: string, ref: { index: string; id: string }, type: 'finding' | 'event' = 'event') => ok<Case>('POST', API_PATHS.caseAttachments(caseId), { type, ref });
  /** What must not change when a merge is refused. */
  const state = async (id: string) => {
    const c = await ok<Case>('GET', API_PATHS.case(id));
    return { id: c.id, status: c.status, redirected: !!c.redirectedFrom, attachmentCount: c.attachmentCount, commentCount: c.commentCount, activityCount: c.activityCount, items: (await storedItemIds(id)).sort() };
  };

  beforeAll(async () => {
    host = await startTestHost('case-merge', { savedObjectsIndex: soIndex, config: { cases: { numberPrefix: 'SIR' } } });
    await so.find({ type: CASE_SAVED_OBJECT_TYPE, perPage: 0 });
  });

  afterAll(async () => {
    await client.indices.delete({ index: soIndex, ignore_unavailable: true } as any).catch(() => undefined);
    await host?.cleanup();
    await client.close();
  });

  it('keeps the union of the attachments by document, every comment, both activity logs and the observables; both ids and numbers resolve', async () => {
    const finding = await indexDoc('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    const shared = await indexDoc('cloudtrail_PutBucketAcl');
    const only = await indexDoc('guardduty_ec2_SSHBruteForce');
    const target = await create('IAM key used from a threat-list IP');
    const source = await create('Same key, seen by the night shift');
    await attach(target.id, finding, 'finding');
    await attach(target.id, shared);
    await attach(source.id, shared);
    await attach(source.id, only, 'finding');
    for (const t of ['T1', 'T2']) expect((await comment(target.id, t)).status).toBe(200);
    for (const t of ['S1', 'S2', 'S3']) expect((await comment(source.id, t)).status).toBe(200);
    // An analyst flagged one of the source's observables as an IOC: the flag survives the merge.
    const sourceObs = await ok<CaseObservablesResponse>('GET', API_PATHS.caseObservables(source.id));
    expect(sourceObs.observables.length).toBeGreaterThan(0);
    const flagged = sourceObs.observables.find((o) => !o.ioc) ?? sourceObs.observables[0];
    await ok('PATCH', API_PATHS.caseObservable(source.id, flagged.id), { ioc: true });
    const targetObs = await ok<CaseObservablesResponse>('GET', API_PATHS.caseObservables(target.id));
    const sourceComments = await all<CaseComment>(source.id, 'comments');
    const targetComments = await all<CaseComment>(target.id, 'comments');
    const sourceActivity = await all<CaseActivity>(source.id, 'activity');
    const targetActivity = await all<CaseActivity>(target.id, 'activity');

    const t0 = Date.now();
    const r = await merge(target.id, source.reference!);
    console.log(`merge of two small cases (2 + 2 attachments, 3 + 2 comments): ${Date.now() - t0} ms`);
    expect(r.status).toBe(200);
    expect(r.body.alreadyMerged).toBe(false);
    // The source's "attached" entry of the document both had is kept once, like the attachment (the target's).
    const isShared = (e: CaseActivity) => e.action === 'attachment_added' && e.ref.index === shared.index && e.ref.id === shared.id;
    const sourceKept = sourceActivity.filter((e) => !isShared(e));
    expect(sourceKept).toHaveLength(sourceActivity.length - 1);
    expect(r.body.moved).toMatchObject({ attachments: 1, duplicates: 1, comments: 3, activity: sourceKept.length });
    const merged = r.body.case;
    expect(merged).toMatchObject({ id: target.id, attachmentCount: 3, commentCount: 5, activityCount: sourceKept.length + targetActivity.length + 1 });

    // Attachments: each document once, with the target's item id (attaching one again is a no-op).
    const attachments = await all<CaseAttachment>(target.id, 'attachments');
    expect(attachments.map((a) => `${a.ref.index}/${a.ref.id}`).sort()).toEqual([finding, shared, only].map((d) => `${d.index}/${d.id}`).sort());
    for (const a of attachments) expect(a.id).toBe(attachmentItemId(target.id, a.ref));
    expect((await attach(target.id, only, 'finding')).attachmentCount).toBe(3);

    // Comments: all five, with their authors and times, in time order.
    const comments = await all<CaseComment>(target.id, 'comments');
    expect(comments.map(({ text, createdAt, createdBy }) => ({ text, createdAt, createdBy }))).toEqual(
      [...targetComments, ...sourceComments].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)).map(({ text, createdAt, createdBy }) => ({ text, createdAt, createdBy }))
    );

    // Activity: both logs (the source's attachment entries pointing at the target's attachments) and one merge entry.
    const activity = await all<CaseActivity>(target.id, 'activity');
    const key = (e: CaseActivity) => `${e.at}|${e.action}|${e.action === 'comment_added' ? e.commentId : e.action === 'attachment_added' ? `${e.ref.index}/${e.ref.id}` : ''}`;
    const mergeEntries = activity.filter((e) => e.action === 'case_merged');
    expect(activity.filter((e) => e.action !== 'case_merged').map(key).sort()).toEqual([...sourceKept, ...targetActivity].map(key).sort());
    expect(mergeEntries).toEqual([
      expect.objectContaining({ action: 'case_merged', caseId: source.id, reference: source.reference, title: source.title, attachments: 1, duplicates: 1, comments: 3 }),
    ]);
    for (const e of activity) if (e.action === 'attachment_added') expect(e.attachmentId).toBe(attachmentItemId(target.id, e.ref));

    // Observables: the union, the IOC flag kept; the source has none left.
    const obs = await ok<CaseObservablesResponse>('GET', API_PATHS.caseObservables(target.id));
    const names = (list: CaseObservablesResponse['observables']) => [...new Set(list.map((o) => `${o.type}:${o.value}`))].sort();
    expect(names(obs.observables)).toEqual(names([...targetObs.observables, ...sourceObs.observables]));
    expect(obs.observables.find((o) => o.type === flagged.type && o.value === flagged.value)?.ioc).toBe(true);
    expect(obs.observables.every((o) => o.caseId === target.id)).toBe(true);

    // The source's id, number and share link resolve to the merged case, saying so.
    for (const id of [source.id, source.reference!]) {
      const c = await ok<Case>('GET', API_PATHS.case(id));
      expect(c).toMatchObject({ id: target.id, attachmentCount: 3, commentCount: 5, redirectedFrom: { id: source.id, reference: source.reference, title: source.title, mergedBy: 'anonymous' } });
      expect((await ok<CaseItemsPage<CaseComment>>('GET', API_PATHS.caseItems(id, 'comments'))).total).toBe(5);
    }
    expect((await ok<Case>('GET', API_PATHS.case(target.id))).redirectedFrom).toBeUndefined();
    expect((await ok<CaseObservablesResponse>('GET', API_PATHS.caseObservables(source.id))).observables.map((o) => o.caseId)).toEqual(obs.observables.map((o) => o.caseId));
    // The tombstone holds only its own "merged into" entry.
    expect(await storedItemIds(source.id)).toEqual([`${source.id}.e.merged-into`]);

    // The default list shows the merged case, not the tombstone (also not found by its number).
    await client.indices.refresh({ index: soIndex });
    const listed = await ok<CasesFindResponse>('GET', `${API_PATHS.cases}?perPage=100`);
    expect(listed.cases.map((c) => c.id)).toContain(target.id);
    expect(listed.cases.map((c) => c.id)).not.toContain(source.id);

    // A retry changes nothing and says it was merged already.
    const again = await merge(target.id, source.id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyMerged: true, moved: { attachments: 0, duplicates: 0, comments: 0, activity: 0 } });
    expect(again.body.case).toMatchObject({ attachmentCount: 3, commentCount: 5, activityCount: merged.activityCount });

    // Appending to the source's id lands on the merged case.
    const late = await comment(source.id, 'written on the old link');
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ id: target.id, commentCount: 6 });
  });

  it('every write addressed to a merged case\'s id or number acts on the case it was merged into, and says so', async () => {
    const target = await create('Kept case');
    const source = await create('Merged case');
    const doc = await indexDoc('guardduty_ec2_SSHBruteForce');
    await attach(source.id, doc, 'finding');
    // Observables as the page showed them before the merge (their ids are the merged case's).
    const before = await ok<CaseObservablesResponse>('GET', API_PATHS.caseObservables(source.id));
    expect(before.observables.length).toBeGreaterThan(1);
    const [o1, o2] = before.observables;
    expect((await merge(target.id, source.id)).status).toBe(200);
    const redirected = { id: source.id, reference: source.reference, title: source.title };
    const kept = () => ok<Case>('GET', API_PATHS.case(target.id));
    const keptObservables = async () => (await ok<CaseObservablesResponse>('GET', API_PATHS.caseObservables(target.id))).observables;

    // Observable flags: by the id the observable had on the merged case, and by the kept case's own id.
    const f1 = await host.api<CaseObservable>('PATCH', API_PATHS.caseObservable(source.id, o1.id), { ioc: !o1.ioc });
    expect(f1.status).toBe(200);
    expect(f1.body).toMatchObject({ caseId: target.id, type: o1.type, value: o1.value, ioc: !o1.ioc, redirectedFrom: redirected });
    expect(f1.body.id).not.toBe(o1.id);
    const o2Kept = (await keptObservables()).find((o) => o.type === o2.type && o.value === o2.value)!;
    const f2 = await host.api<CaseObservable>('PATCH', API_PATHS.caseObservable(source.reference!, o2Kept.id), { excluded: !o2.excluded });
    expect(f2.status).toBe(200);
    expect(f2.body).toMatchObject({ id: o2Kept.id, caseId: target.id, excluded: !o2.excluded, redirectedFrom: redirected });
    const after = await keptObservables();
    expect(after.find((o) => o.id === f1.body.id)).toMatchObject({ ioc: !o1.ioc });
    expect(after.find((o) => o.id === o2Kept.id)).toMatchObject({ excluded: !o2.excluded });
    // Still a clear 404 / 400 for what does not exist or is not a change, and nothing changes.
    expect((await host.api('PATCH', API_PATHS.caseObservable(source.id, 'no-such-observable'), { ioc: true })).status).toBe(404);
    expect((await host.api('PATCH', API_PATHS.caseObservable(source.id, o1.id), { ioc: 'yes' })).status).toBe(400);
    expect(await keptObservables()).toEqual(after);
    // The kept case's own id is answered without a redirect.
    const own = await host.api<CaseObservable>('PATCH', API_PATHS.caseObservable(target.id, o2Kept.id), { excluded: o2.excluded });
    expect(own.status).toBe(200);
    expect(own.body.redirectedFrom).toBeUndefined();

    // Comments and attachments.
    const c = await host.api<Case>('POST', API_PATHS.caseComments(source.reference!), { text: 'on the old number' });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ id: target.id, commentCount: 1, redirectedFrom: redirected });
    const more = await indexDoc('cloudtrail_PutBucketAcl');
    const a = await host.api<Case>('POST', API_PATHS.caseAttachments(source.id), { type: 'event', ref: more });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ id: target.id, attachmentCount: 2, redirectedFrom: redirected });
    // Attaching again through the old id is the usual no-op, still saying where it went.
    const again = await host.api<Case>('POST', API_PATHS.caseAttachments(source.id), { type: 'event', ref: more });
    expect(again.body).toMatchObject({ id: target.id, attachmentCount: 2, redirectedFrom: redirected });

    // Edits and status changes, with the version the old id answered (the kept case's).
    const read = await ok<Case>('GET', API_PATHS.case(source.id));
    const edited = await host.api<Case>('PATCH', API_PATHS.case(source.id), { version: read.version, severity: 'high', status: 'in-progress' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: target.id, severity: 'high', status: 'in-progress', redirectedFrom: redirected });
    expect(await kept()).toMatchObject({ severity: 'high', status: 'in-progress' });
    // A stale version is the usual 409, naming the kept case, and changes nothing.
    const stale = await host.api<{ message: string }>('PATCH', API_PATHS.case(source.id), { version: read.version, severity: 'low' });
    expect(stale.status).toBe(409);
    expect((await kept()).severity).toBe('high');

    // Tasks.
    const t = await host.api<Case>('POST', API_PATHS.caseTasks(source.id), { title: 'Rotate the key' });
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ id: target.id, tasks: [expect.objectContaining({ title: 'Rotate the key', done: false })], redirectedFrom: redirected });
    const done = await host.api<Case>('PATCH', API_PATHS.caseTask(source.reference!, t.body.tasks[0].id), { done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: target.id, tasks: [expect.objectContaining({ done: true })], redirectedFrom: redirected });

    // Bulk actions: the result names the case that changed.
    const bulk = await ok<BulkCasesResponse>('POST', API_PATHS.casesBulk, { ids: [source.id, target.id], action: { type: 'tag', add: ['merged-path'], remove: [] } });
    expect(bulk.results).toEqual([
      expect.objectContaining({ id: source.id, ok: true, redirectedTo: target.id }),
      expect.objectContaining({ id: target.id, ok: true }),
    ]);
    expect(bulk.results[1]).not.toHaveProperty('redirectedTo');
    const final = await kept();
    expect(final.tags).toEqual(['merged-path']);
    // Every change landed on the kept case; the tombstone still holds only its own entry.
    expect(final).toMatchObject({ commentCount: 1, attachmentCount: 2 });
    expect(await storedItemIds(source.id)).toEqual([`${source.id}.e.merged-into`]);
  });

  it('the list search for a merged case\'s number or id finds the case it was merged into, saying so, within the filters', async () => {
    const target = await create('Kept after a merge (list)');
    const source = await create('Merged away (list)');
    expect((await merge(target.id, source.id)).status).toBe(200);
    await client.indices.refresh({ index: soIndex });
    const list = (q: Record<string, string>) => ok<CasesFindResponse>('GET', `${API_PATHS.cases}?${new URLSearchParams(q)}`);
    const from = { id: source.id, reference: source.reference, title: source.title };
    const to = { id: target.id, reference: target.reference, title: target.title };
    const n = source.reference!.split('-')[1];
    for (const search of [source.reference!, source.reference!.toLowerCase(), `#${n}`, n, source.id]) {
      const r = await list({ search });
      expect({ search, total: r.total, ids: r.cases.map((c) => c.id) }).toEqual({ search, total: 1, ids: [target.id] });
      expect(r.redirect).toEqual({ from: expect.objectContaining(from), to });
      expect(r.cases[0].redirectedFrom).toEqual(expect.objectContaining(from));
    }
    // The list's filters still apply: the kept case is open, so a filter on closed cases lists nothing (the note stays).
    const closedOnly = await list({ search: source.reference!, status: 'closed' });
    expect(closedOnly).toMatchObject({ total: 0, cases: [], redirect: { from: expect.objectContaining(from), to } });
    expect((await list({ search: source.reference!, status: 'open' })).cases.map((c) => c.id)).toEqual([target.id]);
    // Page 2 of a one-case answer is empty, with the same total.
    expect(await list({ search: source.reference!, page: '2', perPage: '1' })).toMatchObject({ total: 1, cases: [] });
    // The kept case's own number or id: no redirect. An unknown number or id: nothing.
    for (const search of [target.reference!, target.id]) {
      const r = await list({ search });
      expect({ ids: r.cases.map((c) => c.id), redirect: r.redirect, marked: r.cases[0]?.redirectedFrom }).toEqual({ ids: [target.id], redirect: undefined, marked: undefined });
    }
    for (const search of ['SIR-999999', 'no-such-case-id-0000']) expect(await list({ search })).toEqual({ total: 0, cases: [] });
    // The metrics panel counts what the list lists.
    expect((await ok<CaseMetricsResponse>('GET', `${API_PATHS.caseMetrics}?${new URLSearchParams({ search: source.reference! })}`)).total).toBe(1);
    expect((await ok<CaseMetricsResponse>('GET', `${API_PATHS.caseMetrics}?${new URLSearchParams({ search: source.reference!, status: 'closed' })}`)).total).toBe(0);
  });

  it('refuses bad merges with a clear 4xx and changes nothing', async () => {
    const a = await create('A');
    const b = await create('B');
    const c = await create('C');
    await comment(a.id, 'a');
    await comment(b.id, 'b');
    const before = { a: await state(a.id), b: await state(b.id), c: await state(c.id) };

    const expectRefused = async (target: string, body: unknown, status: number, message: RegExp) => {
      const r = await host.api('POST', API_PATHS.caseMerge(target), body);
      expect({ status: r.status, message: r.body?.message }).toEqual({ status, message: expect.stringMatching(message) });
    };
    await expectRefused(a.id, { source: a.id }, 400, /cannot be merged into itself/);
    await expectRefused(a.id, { source: a.reference }, 400, /cannot be merged into itself/);
    await expectRefused(a.id, { source: 'no-such-case' }, 404, /not found/);
    await expectRefused(a.id, { source: 'SIR-999999' }, 404, /not found/);
    await expectRefused('no-such-case', { source: a.id }, 404, /not found/);
    await expectRefused(a.id, {}, 400, /source is required/);
    await expectRefused(a.id, { source: '  ' }, 400, /must not be empty/);
    await expectRefused(a.id, { source: b.id, version: 'x' }, 400, /version/);
    await expectRefused(a.id, undefined, 400, /body is required/);
    expect({ a: await state(a.id), b: await state(b.id), c: await state(c.id) }).toEqual(before);

    // A tombstone can be neither merged again elsewhere nor merged into.
    expect((await merge(b.id, c.id)).status).toBe(200);
    const afterMerge = { a: await state(a.id), b: await state(b.id) };
    await expectRefused(a.id, { source: c.id }, 409, new RegExp(`already merged into case ${b.id}`));
    await expectRefused(c.id, { source: a.id }, 409, /was itself merged into/);
    expect({ a: await state(a.id), b: await state(b.id) }).toEqual(afterMerge);
  });

  it('refuses, naming the limit, a merge whose union passes the attachment bound, and changes nothing', async () => {
    const a = await create('Big A');
    const b = await create('Big B');
    const docIndex = `${host.prefix}log-merge-bounds`;
    const refs = Array.from({ length: 1100 }, (_, i) => ({ index: docIndex, id: `evt-${i}` }));
    // 600 each, 100 shared: 1 100 documents in all, more than 1 000.
    await loadFixtureItems(client, soIndex, a.id, { comments: 0, refs: refs.slice(0, 600) });
    await loadFixtureItems(client, soIndex, b.id, { comments: 0, refs: refs.slice(500, 1100) });
    const before = { a: await state(a.id), b: await state(b.id) };
    const r = await merge(a.id, b.id);
    expect(r.status).toBe(400);
    expect((r.body as unknown as { message: string }).message).toMatch(/1100 attachments, more than the limit of 1000; nothing was changed/);
    expect({ a: await state(a.id), b: await state(b.id) }).toEqual(before);
  });

  it('completes a merge interrupted after the tombstone was written, when retried', async () => {
    const target = await create('Target of an interrupted merge');
    const source = await create('Interrupted source');
    for (let i = 0; i < 3; i++) await comment(source.id, `kept ${i}`);
    // The state a merge leaves if it stops right after writing the tombstone.
    const raw = await so.get<Record<string, unknown>>(CASE_SAVED_OBJECT_TYPE, source.id);
    await so.update(CASE_SAVED_OBJECT_TYPE, source.id, { ...raw.attributes, merged: true, mergedInto: target.id, mergedAt: new Date().toISOString(), mergedBy: 'anonymous' });
    const r = await merge(target.id, source.id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ alreadyMerged: true, moved: { comments: 3 }, case: { id: target.id, commentCount: 3 } });
    expect((await all<CaseComment>(source.id, 'comments')).map((c) => c.text)).toEqual(['kept 0', 'kept 1', 'kept 2']);
  });

  it('a retry that finds the merge entry already written still counts and shows what it moved (its one refresh wait is then a barrier write)', async () => {
    const target = await create('Target whose merge entry exists');
    const source = await create('Source swept by the retry');
    for (let i = 0; i < 3; i++) await comment(source.id, `late ${i}`);
    // A merge stopped after its entry was written, with the source's comments still there (e.g. appended after its sweep).
    const raw = await so.get<Record<string, unknown>>(CASE_SAVED_OBJECT_TYPE, source.id);
    await so.update(CASE_SAVED_OBJECT_TYPE, source.id, { ...raw.attributes, merged: true, mergedInto: target.id, mergedAt: new Date().toISOString(), mergedBy: 'anonymous' });
    const entryId = caseMergedEntryId(target.id, source.id);
    const at = new Date().toISOString();
    await so.create(CASE_ITEM_SAVED_OBJECT_TYPE, { kind: 'activity', sortKey: `${at}~${entryId.slice(target.id.length + 1)}`, at, by: 'anonymous', data: { at, by: 'anonymous', action: 'case_merged', caseId: source.id, title: source.title, attachments: 0, duplicates: 0, comments: 0, activity: 0 } }, { id: entryId, references: [{ name: 'case', type: CASE_SAVED_OBJECT_TYPE, id: target.id }] });
    const r = await merge(target.id, source.id);
    expect(r.status).toBe(200);
    // Counted and shown right away: the copies, written without a refresh wait, are visible to the recount.
    expect(r.body).toMatchObject({ alreadyMerged: true, moved: { comments: 3 }, case: { id: target.id, commentCount: 3 } });
    expect(r.body.case.comments.map((c) => c.text)).toEqual(['late 0', 'late 1', 'late 2']);
    expect((await all<CaseActivity>(target.id, 'activity')).filter((e) => e.action === 'case_merged')).toHaveLength(1);
  });

  it('loses nothing when 100 appends race a merge, and writes nothing twice', async () => {
    const target = await create('Race target');
    const source = await create('Race source');
    await comment(target.id, 'before T');
    await comment(source.id, 'before S');
    const texts = Array.from({ length: 100 }, (_, i) => `race ${i}`);
    const appends = texts.map(async (text, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i % 25) * 40));
      return comment(i % 2 ? target.id : source.id, text);
    });
    let mergeMs = 0;
    const merging = new Promise((resolve) => setTimeout(resolve, 300)).then(async () => {
      const t0 = Date.now();
      const res = await merge(target.id, source.id);
      mergeMs = Date.now() - t0;
      return res;
    });
    const t0 = Date.now();
    const [results, m] = await Promise.all([Promise.all(appends), merging]);
    console.log(`merge racing 100 appends: merge ${mergeMs} ms, all requests ${Date.now() - t0} ms`);
    expect(m.status).toBe(200);
    expect(results.map((r) => r.status)).toEqual(texts.map(() => 200));

    const comments = await all<CaseComment>(target.id, 'comments');
    expect(comments.map((c) => c.text).sort()).toEqual(['before S', 'before T', ...texts].sort());
    const activity = await all<CaseActivity>(target.id, 'activity');
    const commentEntries = activity.filter((e) => e.action === 'comment_added');
    expect(commentEntries).toHaveLength(102);
    expect(new Set(commentEntries.map((e) => (e as { commentId: string }).commentId)).size).toBe(102);
    expect(activity.filter((e) => e.action === 'case_merged')).toHaveLength(1);
    // Nothing stayed behind on the tombstone; the counters are exact.
    expect(await storedItemIds(source.id)).toEqual([`${source.id}.e.merged-into`]);
    expect(await ok<Case>('GET', API_PATHS.case(target.id))).toMatchObject({ commentCount: 102, activityCount: activity.length });
  });

  it('two merges of the same pair at once: one merges, the other is a no-op; opposite directions cannot both win', async () => {
    const target = await create('Double target');
    const source = await create('Double source');
    for (let i = 0; i < 5; i++) await comment(source.id, `s${i}`);
    const [m1, m2] = await Promise.all([merge(target.id, source.id), merge(target.id, source.id)]);
    expect([m1.status, m2.status]).toEqual([200, 200]);
    expect([m1.body.alreadyMerged, m2.body.alreadyMerged].sort()).toEqual([false, true]);
    expect((await all<CaseComment>(target.id, 'comments')).map((c) => c.text).sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect((await all<CaseActivity>(target.id, 'activity')).filter((e) => e.action === 'case_merged')).toHaveLength(1);

    const x = await create('X');
    const y = await create('Y');
    await comment(x.id, 'x');
    await comment(y.id, 'y');
    const [xy, yx] = await Promise.all([merge(y.id, x.id), merge(x.id, y.id)]);
    expect([xy.status, yx.status].sort()).toEqual([200, 409]);
    const survivor = xy.status === 200 ? y.id : x.id;
    for (const id of [x.id, y.id]) expect(await ok<Case>('GET', API_PATHS.case(id))).toMatchObject({ id: survivor, commentCount: 2 });
  });

  it('a retried "case from incident" whose case was merged since attaches to the merged case, each document once', async () => {
    const first = await indexDoc('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    const second = await indexDoc('guardduty_ec2_MaliciousIPCaller_Custom_outbound');
    const body = { title: 'From the incident', findings: [first], requestId: `merge-retry-${Date.now()}` };
    const made = await ok<{ case: Case }>('POST', API_PATHS.casesFromIncident, body);
    const keeper = await create('Keeper');
    expect((await merge(keeper.id, made.case.id)).status).toBe(200);
    const retried = await ok<{ case: Case; created: boolean; attached: unknown[]; alreadyAttached: unknown[] }>('POST', API_PATHS.casesFromIncident, { ...body, findings: [first, second] });
    expect(retried).toMatchObject({ created: false, attached: [second], alreadyAttached: [first], case: { id: keeper.id, attachmentCount: 2 } });
    expect(await storedItemIds(made.case.id)).toEqual([`${made.case.id}.e.merged-into`]);
    expect((await all<CaseAttachment>(keeper.id, 'attachments')).map((a) => a.ref.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('deleting the merged case deletes the tombstones pointing at it; deleting a tombstone leaves the merged case', async () => {
    const target = await create('Deleted later');
    const s1 = await create('Merged 1');
    const s2 = await create('Merged 2');
    expect((await merge(target.id, s1.id)).status).toBe(200);
    expect((await merge(target.id, s2.id)).status).toBe(200);
    expect((await host.api('DELETE', API_PATHS.case(s2.id))).status).toBe(204);
    expect((await ok<Case>('GET', API_PATHS.case(target.id))).id).toBe(target.id);
    expect((await host.api('GET', API_PATHS.case(s2.id))).status).toBe(404);
    expect((await host.api('DELETE', API_PATHS.case(target.id))).status).toBe(204);
    for (const id of [target.id, s1.id, s1.reference!]) expect((await host.api('GET', API_PATHS.case(id))).status).toBe(404);
    expect(await storedItemIds(s1.id)).toEqual([]);
  });
});
