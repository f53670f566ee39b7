import { Client } from '@opensearch-project/opensearch';
import { createSavedObjectsClientFactory, DevSavedObjectsClient, SavedObjectsErrors } from '../../dev/host/saved_objects_client';
import { OPENSEARCH_URL, uniquePrefix } from './helpers';

jest.setTimeout(60_000);

/** The dev host's saved objects client against the real OpenSearch: it must behave like OSD's. */
const THING = 'dev-test-thing';
const types = [
  {
    name: THING,
    hidden: false,
    namespaceType: 'single',
    mappings: { dynamic: false, properties: { title: { type: 'text', fields: { keyword: { type: 'keyword' } } }, rank: { type: 'integer' } } },
    management: { defaultSearchField: 'title' },
  },
];

interface Thing {
  title: string;
  rank: number;
  notes?: string;
}

async function failure(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

const decode = (version: string) => JSON.parse(Buffer.from(version, 'base64').toString('utf8'));

describe('dev host saved objects client (real OpenSearch)', () => {
  const client = new Client({ node: OPENSEARCH_URL });
  const index = `${uniquePrefix('saved-objects')}index`;
  let so: DevSavedObjectsClient;

  beforeAll(() => {
    so = createSavedObjectsClientFactory(client, { index })(types as any);
  });
  afterAll(async () => {
    await client.indices.delete({ index, ignore_unavailable: true } as any).catch(() => undefined);
    await client.close();
  });

  it('creates the index from the registered mappings, OSD style', async () => {
    await so.create<Thing>(THING, { title: 'first', rank: 1 });
    const { body } = await client.indices.getMapping({ index });
    const mappings = (body as any)[index].mappings;
    expect(mappings.dynamic).toBe('strict');
    expect(mappings.properties[THING].properties.rank).toEqual({ type: 'integer' });
    expect(mappings.properties.references.type).toBe('nested');
    const { body: settings } = await client.indices.getSettings({ index });
    expect((settings as any)[index].settings.index.number_of_shards).toBe('1');
  });

  it('stores a document as <type>:<id> with attributes under the type, and versions it like OSD', async () => {
    const created = await so.create<Thing>(THING, { title: 'alpha', rank: 3 }, { id: 'alpha' });
    const raw = await client.get({ index, id: `${THING}:alpha` });
    expect(raw.body._source).toMatchObject({ type: THING, [THING]: { title: 'alpha', rank: 3 }, references: [] });
    expect(decode(created.version!)).toEqual([raw.body._seq_no, raw.body._primary_term]);
    const got = await so.get<Thing>(THING, 'alpha');
    expect(got).toMatchObject({ id: 'alpha', type: THING, attributes: { title: 'alpha', rank: 3 }, version: created.version, namespaces: ['default'] });
    expect(got.updated_at).toBe(created.updated_at);
  });

  it('refuses to create an existing id with 409', async () => {
    await so.create<Thing>(THING, { title: 'beta', rank: 1 }, { id: 'beta' });
    const dup = await failure(so.create<Thing>(THING, { title: 'beta again', rank: 2 }, { id: 'beta' }));
    expect(SavedObjectsErrors.isConflictError(dup)).toBe(true);
    expect(dup).toMatchObject({ isBoom: true, output: { statusCode: 409, payload: { statusCode: 409, error: 'Conflict' } } });
    expect((await so.get<Thing>(THING, 'beta')).attributes.title).toBe('beta');
  });

  it('answers 404 like OSD for an unknown id, in get, update and delete', async () => {
    // One call at a time: a rejection nobody awaits yet would fail the test run on its own.
    for (const call of [() => so.get(THING, 'nope'), () => so.update(THING, 'nope', { rank: 1 }), () => so.delete(THING, 'nope')]) {
      const e = await failure(call());
      expect(SavedObjectsErrors.isNotFoundError(e)).toBe(true);
      expect(e.output.payload).toEqual({ statusCode: 404, error: 'Not Found', message: `Saved object [${THING}/nope] not found` });
    }
  });

  it('updates partially, only at the expected version', async () => {
    const created = await so.create<Thing>(THING, { title: 'gamma', rank: 1, notes: 'keep me' }, { id: 'gamma' });
    const updated = await so.update<Thing>(THING, 'gamma', { rank: 2 }, { version: created.version });
    expect(updated.version).not.toBe(created.version);
    expect((await so.get<Thing>(THING, 'gamma')).attributes).toEqual({ title: 'gamma', rank: 2, notes: 'keep me' });
    const stale = await failure(so.update<Thing>(THING, 'gamma', { rank: 99 }, { version: created.version }));
    expect(SavedObjectsErrors.isConflictError(stale)).toBe(true);
    expect(stale.output.statusCode).toBe(409);
    expect((await so.get<Thing>(THING, 'gamma')).attributes.rank).toBe(2);
    const invalid = await failure(so.update<Thing>(THING, 'gamma', { rank: 3 }, { version: 'not-a-version' }));
    expect(SavedObjectsErrors.isInvalidVersionError(invalid)).toBe(true);
    expect(invalid.output.payload.message).toBe('Invalid version [not-a-version]');
  });

  it('bulkGet reads many objects in one call, in the request order, each missing or unknown one with its own error (OSD semantics)', async () => {
    const a = await so.create<Thing>(THING, { title: 'bulk a', rank: 1, notes: 'long notes' }, { id: 'bulk-a' });
    await so.create<Thing>(THING, { title: 'bulk b', rank: 2 }, { id: 'bulk-b' });
    expect(await so.bulkGet([])).toEqual({ saved_objects: [] });
    const res = await so.bulkGet<Thing>([
      { type: THING, id: 'bulk-b' },
      { type: THING, id: 'no-such-thing' },
      { type: 'not-registered', id: 'x' },
      { type: THING, id: 'bulk-a', fields: ['title'] },
    ]);
    expect(res.saved_objects.map((o) => o.id)).toEqual(['bulk-b', 'no-such-thing', 'x', 'bulk-a']);
    expect(res.saved_objects[0]).toMatchObject({ type: THING, attributes: { title: 'bulk b', rank: 2 }, namespaces: ['default'] });
    expect(res.saved_objects[0].error).toBeUndefined();
    expect(res.saved_objects[1]).toEqual({ id: 'no-such-thing', type: THING, error: { statusCode: 404, error: 'Not Found', message: `Saved object [${THING}/no-such-thing] not found` } });
    expect(res.saved_objects[2]).toEqual({ id: 'x', type: 'not-registered', error: { statusCode: 400, error: 'Bad Request', message: "Unsupported saved object type: 'not-registered': Bad Request" } });
    // `fields` reads only those attributes; the version is the stored one, as `get` answers it.
    expect(res.saved_objects[3].attributes).toEqual({ title: 'bulk a' });
    expect(res.saved_objects[3].version).toBe(a.version);
  });

  it('deletes, and a second delete is a 404', async () => {
    await so.create<Thing>(THING, { title: 'delta', rank: 1 }, { id: 'delta' });
    expect(await so.delete(THING, 'delta')).toEqual({});
    expect(SavedObjectsErrors.isNotFoundError(await failure(so.delete(THING, 'delta')))).toBe(true);
  });

  it('treats an unregistered type as OSD does: 400 on create, 404 on read and write, nothing found', async () => {
    const e = await failure(so.create('not-registered', { a: 1 }));
    expect(e.output).toMatchObject({ statusCode: 400, payload: { message: "Unsupported saved object type: 'not-registered': Bad Request" } });
    expect(SavedObjectsErrors.isNotFoundError(await failure(so.get('not-registered', 'x')))).toBe(true);
    expect(await so.find({ type: 'not-registered' })).toEqual({ page: 1, per_page: 20, total: 0, saved_objects: [] });
  });

  describe('find', () => {
    let things: DevSavedObjectsClient;
    const findIndex = `${index}-find`;

    beforeAll(async () => {
      things = createSavedObjectsClientFactory(client, { index: findIndex })(types as any);
      for (let i = 0; i < 25; i++) {
        // Default refresh is wait_for, as in OSD: each object is searchable once create returns.
        await things.create<Thing>(THING, { title: i % 2 ? `odd thing ${i}` : `even thing ${i}`, rank: i }, { id: `t${i}`, refresh: i === 24 ? 'wait_for' : false });
      }
    });
    afterAll(() => client.indices.delete({ index: findIndex, ignore_unavailable: true } as any).catch(() => undefined));

    it('pages with page/perPage and reports the total', async () => {
      // Sorted: without a sort, equal scores page in no stable order across several shards (as in OSD).
      const pages = await Promise.all([1, 2, 3].map((page) => things.find<Thing>({ type: THING, perPage: 10, page, sortField: 'rank', sortOrder: 'asc' })));
      expect(pages.map((p) => [p.page, p.per_page, p.total, p.saved_objects.length])).toEqual([
        [1, 10, 25, 10],
        [2, 10, 25, 10],
        [3, 10, 25, 5],
      ]);
      const ids = pages.flatMap((p) => p.saved_objects.map((o) => o.id));
      expect(new Set(ids).size).toBe(25);
      const t20 = pages.flatMap((p) => p.saved_objects).find((o) => o.id === 't20')!;
      expect(t20).toMatchObject({ type: THING, attributes: { rank: 20 } });
      expect(decode(t20.version!)).toHaveLength(2);
    });

    it('refuses, rather than ignores, a find option the plugin does not use', async () => {
      await expect(things.find({ type: THING, namespaces: ['other'] } as any)).rejects.toThrow(/does not implement find option\(s\): namespaces/);
      await expect(things.find({ type: THING, search: 'odd' })).rejects.toThrow(/needs searchFields/);
    });

    it('searches with simple_query_string on the search fields, with OSD prefix search', async () => {
      const odd = await things.find<Thing>({ type: THING, search: 'odd', searchFields: ['title'], perPage: 100 });
      expect(odd.total).toBe(12);
      const exact = await things.find<Thing>({ type: THING, search: 'odd 7', searchFields: ['title'], defaultSearchOperator: 'AND' });
      expect(exact.saved_objects.map((o) => o.id)).toEqual(['t7']);
      const prefix = await things.find<Thing>({ type: THING, search: 'od*', searchFields: ['title'], perPage: 100 });
      expect(prefix.total).toBe(12);
      // simple_query_string never fails on syntax: a user's stray quote or bracket is just text.
      expect((await things.find({ type: THING, search: '"odd (', searchFields: ['title'] })).total).toBeGreaterThanOrEqual(0);
    });

    it('returns only the asked fields', async () => {
      const res = await things.find<Thing>({ type: THING, fields: ['rank'], perPage: 1 });
      expect(Object.keys(res.saved_objects[0].attributes)).toEqual(['rank']);
    });

    it('lets OpenSearch refuse more than 10000 results, as a 400', async () => {
      const e = await failure(things.find({ type: THING, perPage: 10001 }));
      expect(SavedObjectsErrors.isBadRequestError(e)).toBe(true);
      expect(e.output.payload.message).toMatch(/Result window is too large/);
    });
  });
});
