import { randomUUID } from 'crypto';
import type http from 'http';
import type { Client } from '@opensearch-project/opensearch';
import type { KueryNode, SavedObject, SavedObjectReference, SavedObjectsBulkCreateObject, SavedObjectsBulkGetObject, SavedObjectsClientContract, SavedObjectsFindOptions, SavedObjectsType } from '../../server/types';
import { reasonPhrase } from './response_factory';

/**
 * OSD's saved objects client (src/core/server/saved_objects/service/lib/repository.ts) over one
 * OpenSearch index, for the dev host, reduced to what the plugin calls (the contract type of
 * server/types.ts, so a call the host lacks is a compile error): the same document layout (`_id`
 * `<type>:<id>`, attributes under `<type>`, `references`, `updated_at`), versions (base64 of
 * `[seq_no, primary_term]`), optimistic concurrency (`if_seq_no`/`if_primary_term`), `wait_for`
 * refresh by default, errors as SavedObjectsErrorHelpers' Boom errors, and `find` built like OSD's
 * search DSL for one single-namespace type. One tenant (OSD's default namespace). An option the
 * plugin does not use is refused, never ignored.
 */
export const DEFAULT_SAVED_OBJECTS_INDEX = '.osd_dev_saved_objects';
const DEFAULT_REFRESH = 'wait_for' as const;
const FIND_DEFAULT_PAGE = 1;
const FIND_DEFAULT_PER_PAGE = 20;
const DEFAULT_NAMESPACE = 'default';
const FIND_OPTIONS = ['type', 'page', 'perPage', 'fields', 'search', 'searchFields', 'defaultSearchOperator', 'sortField', 'sortOrder', 'hasReference', 'filter'];

export type DevSavedObjectsClient = SavedObjectsClientContract & { errors: typeof SavedObjectsErrors };

// ---------------------------------------------------------------------------------------------
// Errors: SavedObjectsErrorHelpers' decorated Boom errors (isBoom, output.statusCode/payload).


export type SavedObjectsErrorCode =
  | 'SavedObjectsClient/badRequest'
  | 'SavedObjectsClient/invalidVersion'
  | 'SavedObjectsClient/notAuthorized'
  | 'SavedObjectsClient/forbidden'
  | 'SavedObjectsClient/requestEntityTooLarge'
  | 'SavedObjectsClient/notFound'
  | 'SavedObjectsClient/conflict'
  | 'SavedObjectsClient/tooManyRequests'
  | 'SavedObjectsClient/esUnavailable'
  | 'SavedObjectsClient/generalError';

export class SavedObjectsClientError extends Error {
  readonly isBoom = true;
  readonly output: { statusCode: number; payload: { statusCode: number; error: string; message: string }; headers: Record<string, string> };

  constructor(statusCode: number, message: string, readonly code: SavedObjectsErrorCode) {
    super(message);
    this.name = 'SavedObjectsClientError';
    // Boom hides the message of server errors from the response.
    const payloadMessage = statusCode >= 500 ? 'An internal server error occurred' : message;
    this.output = { statusCode, payload: { statusCode, error: reasonPhrase(statusCode), message: payloadMessage }, headers: {} };
  }
}

const is = (code: SavedObjectsErrorCode) => (e: unknown) => e instanceof SavedObjectsClientError && e.code === code;

export const SavedObjectsErrors = {
  createUnsupportedTypeError: (type: string) =>
    new SavedObjectsClientError(400, `Unsupported saved object type: '${type}': Bad Request`, 'SavedObjectsClient/badRequest'),
  createBadRequestError: (reason: string) => new SavedObjectsClientError(400, `${reason}: Bad Request`, 'SavedObjectsClient/badRequest'),
  createInvalidVersionError: (version?: string) =>
    new SavedObjectsClientError(400, `Invalid version [${version}]`, 'SavedObjectsClient/invalidVersion'),
  createGenericNotFoundError: (type?: string, id?: string) =>
    new SavedObjectsClientError(404, type && id ? `Saved object [${type}/${id}] not found` : 'Not Found', 'SavedObjectsClient/notFound'),
  createConflictError: (type: string, id: string) =>
    new SavedObjectsClientError(409, `Saved object [${type}/${id}] conflict`, 'SavedObjectsClient/conflict'),
  isBadRequestError: is('SavedObjectsClient/badRequest'),
  isInvalidVersionError: is('SavedObjectsClient/invalidVersion'),
  isNotFoundError: is('SavedObjectsClient/notFound'),
  isConflictError: is('SavedObjectsClient/conflict'),
};

interface OpenSearchErrorShape {
  name?: string;
  message?: string;
  statusCode?: number;
  meta?: { statusCode?: number; body?: { error?: { reason?: string } } };
}

/** OSD's decorateOpenSearchError: the status of the OpenSearch error decides the Boom error. */
export function decorateOpenSearchError(e: unknown): SavedObjectsClientError {
  if (e instanceof SavedObjectsClientError) return e;
  const err = (e ?? {}) as OpenSearchErrorShape;
  const status = err.statusCode ?? err.meta?.statusCode;
  const reason = err.meta?.body?.error?.reason;
  const message = reason ? `${reason}: ${err.message ?? ''}` : err.message ?? 'Unknown error';
  if (['ConnectionError', 'NoLivingConnectionsError', 'TimeoutError'].includes(err.name ?? '') || status === 503) {
    return new SavedObjectsClientError(503, message, 'SavedObjectsClient/esUnavailable');
  }
  if (status === 409) return new SavedObjectsClientError(409, message, 'SavedObjectsClient/conflict');
  if (status === 401) return new SavedObjectsClientError(401, message, 'SavedObjectsClient/notAuthorized');
  if (status === 403) return new SavedObjectsClientError(403, message, 'SavedObjectsClient/forbidden');
  if (status === 413) return new SavedObjectsClientError(413, message, 'SavedObjectsClient/requestEntityTooLarge');
  if (status === 404) return SavedObjectsErrors.createGenericNotFoundError();
  if (status === 429) return new SavedObjectsClientError(429, message, 'SavedObjectsClient/tooManyRequests');
  if (status === 400) return new SavedObjectsClientError(400, message, 'SavedObjectsClient/badRequest');
  return new SavedObjectsClientError(500, message, 'SavedObjectsClient/generalError');
}

// ---------------------------------------------------------------------------------------------
// Versions: OSD's encodeVersion/decodeVersion.

export function encodeVersion(seqNo: number, primaryTerm: number): string {
  return Buffer.from(JSON.stringify([seqNo, primaryTerm]), 'utf8').toString('base64');
}

export function decodeRequestVersion(version?: string): { if_seq_no: number; if_primary_term: number } {
  try {
    if (typeof version !== 'string') throw new TypeError();
    const parsed = JSON.parse(Buffer.from(version, 'base64').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isInteger(parsed[0]) || !Number.isInteger(parsed[1])) throw new TypeError();
    return { if_seq_no: parsed[0], if_primary_term: parsed[1] };
  } catch {
    throw SavedObjectsErrors.createInvalidVersionError(version);
  }
}

// ---------------------------------------------------------------------------------------------
// Mappings: OSD's root properties plus each registered type's mappings under its name.

type FieldMapping = Record<string, unknown>;

export function buildMappings(types: Array<Pick<SavedObjectsType, 'name' | 'mappings'>>): { dynamic: 'strict'; properties: Record<string, FieldMapping> } {
  const properties: Record<string, FieldMapping> = {
    type: { type: 'keyword' },
    namespace: { type: 'keyword' },
    namespaces: { type: 'keyword' },
    originId: { type: 'keyword' },
    updated_at: { type: 'date' },
    migrationVersion: { dynamic: 'true', type: 'object' },
    references: { type: 'nested', properties: { name: { type: 'keyword' }, type: { type: 'keyword' }, id: { type: 'keyword' } } },
  };
  for (const t of types) properties[t.name] = (t.mappings as FieldMapping | undefined) ?? { dynamic: false, properties: {} };
  return { dynamic: 'strict', properties };
}

// ---------------------------------------------------------------------------------------------

interface RawSource {
  type: string;
  updated_at?: string;
  references?: SavedObject['references'];
  [type: string]: unknown;
}

interface RawHit {
  _id: string;
  _seq_no?: number;
  _primary_term?: number;
  _score?: number | null;
  _source?: RawSource;
  found?: boolean;
}

type Refresh = boolean | 'wait_for';

/**
 * `(types, req) => client`, the dev host's `createSavedObjectsClient` hook. The index is created
 * (or its mappings extended) on first use from the registered types' mappings, with `opensearch`.
 * `asScoped` (with the security plugin): like OSD's scoped repository, every read and write of a
 * request goes through that request's `asCurrentUser` client instead.
 */
export function createSavedObjectsClientFactory(opensearch: Client, opts: { index?: string; asScoped?: (req: http.IncomingMessage) => Client } = {}) {
  const index = opts.index ?? DEFAULT_SAVED_OBJECTS_INDEX;
  const ready = new Map<string, Promise<void>>();

  const ensureIndex = (types: SavedObjectsType[]): Promise<void> => {
    const key = types.map((t) => t.name).sort().join(',');
    let p = ready.get(key);
    if (!p) {
      p = prepareIndex(opensearch, index, buildMappings(types));
      p.catch(() => ready.delete(key));
      ready.set(key, p);
    }
    return p;
  };

  return (types: SavedObjectsType[], req?: http.IncomingMessage): DevSavedObjectsClient =>
    createClient(opts.asScoped && req ? opts.asScoped(req) : opensearch, index, types, () => ensureIndex(types));
}

async function prepareIndex(opensearch: Client, index: string, mappings: ReturnType<typeof buildMappings>): Promise<void> {
  try {
    await opensearch.indices.create({ index, body: { settings: { number_of_shards: 1, auto_expand_replicas: '0-1' }, mappings } as any });
  } catch (e) {
    const type = (e as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
    if (type !== 'resource_already_exists_exception') throw decorateOpenSearchError(e);
    await opensearch.indices.putMapping({ index, body: mappings as any }).catch((err) => {
      throw decorateOpenSearchError(err);
    });
  }
}

function createClient(opensearch: Client, index: string, types: SavedObjectsType[], ready: () => Promise<void>): DevSavedObjectsClient {
  const registry = new Map(types.map((t) => [t.name, t]));
  const rawId = (type: string, id: string) => `${type}:${id}`;

  /** Every OpenSearch call: index ready first, errors decorated like OSD's repository client. */
  const call = async <R>(fn: () => Promise<R>): Promise<R> => {
    await ready();
    try {
      return await fn();
    } catch (e) {
      throw decorateOpenSearchError(e);
    }
  };

  const toSavedObject = <T>(type: string, id: string, hit: RawHit): SavedObject<T> => {
    const src = hit._source as RawSource;
    return {
      id,
      type,
      ...(src.updated_at ? { updated_at: src.updated_at } : {}),
      version: encodeVersion(hit._seq_no as number, hit._primary_term as number),
      attributes: src[type] as T,
      references: src.references ?? [],
    };
  };

  return {
    errors: SavedObjectsErrors,

    async create<T>(type: string, attributes: T, options: { id?: string; overwrite?: boolean; references?: SavedObjectReference[]; refresh?: Refresh } = {}) {
      const { id, overwrite = false, references = [], refresh = DEFAULT_REFRESH } = options;
      if (!registry.has(type)) throw SavedObjectsErrors.createUnsupportedTypeError(type);
      const objectId = id ?? randomUUID();
      const time = new Date().toISOString();
      const source: RawSource = { type, [type]: attributes, references, updated_at: time };
      const params = { id: rawId(type, objectId), index, refresh, body: source };
      const { body } = await call(() => (overwrite ? opensearch.index(params) : opensearch.create(params)));
      return { id: objectId, type, updated_at: time, version: encodeVersion(body._seq_no, body._primary_term), attributes, references };
    },

    /** OSD's bulkCreate: one `_bulk`; an object whose id exists (without `overwrite`) answers its own 409. */
    async bulkCreate<T>(objects: Array<SavedObjectsBulkCreateObject<T>>, options: { overwrite?: boolean; refresh?: Refresh } = {}) {
      const { overwrite = false, refresh = DEFAULT_REFRESH } = options;
      if (objects.length === 0) return { saved_objects: [] };
      const time = new Date().toISOString();
      const prepared = objects.map((o) => ({ ...o, id: o.id ?? randomUUID(), references: o.references ?? [] }));
      const unsupported = prepared.find((o) => !registry.has(o.type));
      if (unsupported) throw SavedObjectsErrors.createUnsupportedTypeError(unsupported.type);
      const body = prepared.flatMap((o) => [
        { [overwrite ? 'index' : 'create']: { _id: rawId(o.type, o.id), _index: index } },
        { type: o.type, [o.type]: o.attributes, references: o.references, updated_at: time },
      ]);
      const { body: res } = await call(() => opensearch.bulk({ refresh, body } as any));
      const items = (res as { items: Array<Record<string, { status: number; _seq_no?: number; _primary_term?: number; error?: { reason?: string } }>> }).items;
      return {
        saved_objects: prepared.map((o, i) => {
          const r = Object.values(items[i])[0];
          if (r.status >= 300) {
            const err = r.status === 409 ? SavedObjectsErrors.createConflictError(o.type, o.id) : decorateOpenSearchError({ statusCode: r.status, message: r.error?.reason });
            return { id: o.id, type: o.type, error: err.output.payload } as SavedObject<T> & { error: { statusCode: number; error: string; message: string } };
          }
          return { id: o.id, type: o.type, updated_at: time, version: encodeVersion(r._seq_no as number, r._primary_term as number), attributes: o.attributes, references: o.references };
        }),
      };
    },

    async get<T>(type: string, id: string) {
      if (!registry.has(type)) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      const { body, statusCode } = await call(() => opensearch.get({ id: rawId(type, id), index }, { ignore: [404] }));
      const hit = body as RawHit;
      if (statusCode === 404 || !hit.found || !hit._source) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      return { ...toSavedObject<T>(type, id, hit), namespaces: [DEFAULT_NAMESPACE] };
    },

    /**
     * OSD's bulkGet: one `_mget` for the known types, answered in the request's order; an unknown
     * type answers its own 400 and a missing object its own 404 (`{ id, type, error }`).
     */
    async bulkGet<T>(objects: SavedObjectsBulkGetObject[]) {
      type Answer = SavedObject<T> & { error?: { statusCode: number; error?: string; message: string } };
      if (objects.length === 0) return { saved_objects: [] as Answer[] };
      const known = objects.filter((o) => registry.has(o.type));
      const docs = known.map((o) => ({ _id: rawId(o.type, o.id), _index: index, ...(includedFields(o.type, o.fields) ? { _source: includedFields(o.type, o.fields) } : {}) }));
      const res = docs.length ? await call(() => opensearch.mget({ body: { docs } } as any, { ignore: [404] })) : undefined;
      const found = ((res?.statusCode === 404 ? undefined : (res?.body as { docs?: RawHit[] } | undefined)?.docs) ?? []) as RawHit[];
      let next = 0;
      return {
        saved_objects: objects.map((o): Answer => {
          if (!registry.has(o.type)) return { id: o.id, type: o.type, error: SavedObjectsErrors.createUnsupportedTypeError(o.type).output.payload } as Answer;
          const hit = found[next++];
          if (!hit?.found || !hit._source) return { id: o.id, type: o.type, error: SavedObjectsErrors.createGenericNotFoundError(o.type, o.id).output.payload } as Answer;
          return { ...toSavedObject<T>(o.type, o.id, hit), namespaces: [DEFAULT_NAMESPACE] };
        }),
      };
    },

    async update<T>(type: string, id: string, attributes: Partial<T>, options: { version?: string; refresh?: Refresh } = {}) {
      if (!registry.has(type)) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      const { version, refresh = DEFAULT_REFRESH } = options;
      const time = new Date().toISOString();
      const { body, statusCode } = await call(() =>
        opensearch.update(
          {
            id: rawId(type, id),
            index,
            ...(version !== undefined ? decodeRequestVersion(version) : {}),
            refresh,
            body: { doc: { [type]: attributes, updated_at: time } },
            _source_includes: ['namespace', 'namespaces', 'originId'],
          },
          { ignore: [404] }
        )
      );
      if (statusCode === 404) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      return { id, type, updated_at: time, version: encodeVersion(body._seq_no, body._primary_term), namespaces: [DEFAULT_NAMESPACE], references: [], attributes };
    },

    async delete(type: string, id: string, options: { refresh?: Refresh } = {}) {
      if (!registry.has(type)) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      const { refresh = DEFAULT_REFRESH } = options;
      const { body, statusCode } = await call(() => opensearch.delete({ id: rawId(type, id), index, refresh }, { ignore: [404] }));
      const result = body as { result?: string; error?: { type?: string } };
      if (result.result === 'deleted') return {};
      if (result.result === 'not_found' || result.error?.type === 'index_not_found_exception') {
        throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      }
      throw new Error(`Unexpected OpenSearch DELETE response: ${JSON.stringify({ type, id, response: { body, statusCode } })}`);
    },

    async find<T>(options: SavedObjectsFindOptions) {
      const unsupported = Object.keys(options).filter((k) => !FIND_OPTIONS.includes(k));
      if (unsupported.length) throw new Error(`The dev host's saved objects client does not implement find option(s): ${unsupported.join(', ')}`);
      const { type, search, searchFields, defaultSearchOperator = 'OR', fields, page = FIND_DEFAULT_PAGE, perPage = FIND_DEFAULT_PER_PAGE } = options;
      if (typeof type !== 'string') throw SavedObjectsErrors.createBadRequestError('options.type must be a string');
      if (!registry.has(type)) return { page, per_page: perPage, total: 0, saved_objects: [] };
      if (searchFields && !Array.isArray(searchFields)) throw SavedObjectsErrors.createBadRequestError('options.searchFields must be an array');
      if (fields && !Array.isArray(fields)) throw SavedObjectsErrors.createBadRequestError('options.fields must be an array');
      if (search && !searchFields?.length) throw new Error("The dev host's saved objects client needs searchFields with search");
      const mappings = registry.get(type)!.mappings as FieldMapping;
      const query = queryFor(type, search, searchFields ?? [], defaultSearchOperator);
      const bool = query.bool as Record<string, unknown[]>;
      if (options.filter) bool.filter = [...bool.filter, filterQuery(type, mappings, options.filter)];
      if (options.hasReference) bool.must = [...(bool.must ?? []), referenceClause(options.hasReference)];
      const sort = options.sortField ? sortFor(type, mappings, options.sortField, options.sortOrder) : undefined;

      const { body: res, statusCode } = await call(() =>
        opensearch.search(
          {
            index,
            size: perPage,
            from: perPage * (page - 1),
            _source: includedFields(type, fields),
            rest_total_hits_as_int: true,
            body: { seq_no_primary_term: true, query, ...(sort ? { sort } : {}) },
          } as any,
          { ignore: [404] }
        )
      );
      if (statusCode === 404) return { page, per_page: perPage, total: 0, saved_objects: [] };
      const hits = (res.hits?.hits ?? []) as RawHit[];
      return {
        page,
        per_page: perPage,
        total: res.hits.total as number,
        saved_objects: hits.map((hit) => ({ ...toSavedObject<T>(type, hit._id.slice(type.length + 1), hit), score: hit._score ?? 0 })),
      };
    },
  };
}

/** OSD's getProperty: a mapped field by dotted path, through `properties` and multi-`fields`. */
function mappedField(mappings: FieldMapping, path: string): FieldMapping | undefined {
  let node: FieldMapping | undefined = { properties: (mappings as { properties?: unknown }).properties } as FieldMapping;
  for (const part of path.split('.')) {
    const props = (node?.properties ?? node?.fields) as Record<string, FieldMapping> | undefined;
    node = props?.[part];
    if (!node) return undefined;
  }
  return node;
}

/** OSD's getSortingParams for one type: `<type>.<field>` with `unmapped_type`; an unknown field is a 400. */
function sortFor(type: string, mappings: FieldMapping, sortField: string, sortOrder: 'asc' | 'desc' = 'asc') {
  const field = mappedField(mappings, sortField);
  if (!field) throw SavedObjectsErrors.createBadRequestError(`Unknown sort field ${sortField}`);
  return [{ [`${type}.${sortField}`]: { order: sortOrder, unmapped_type: field.type } }];
}

/** OSD's `hasReference` clause. */
function referenceClause(ref: { type: string; id: string }) {
  return { nested: { path: 'references', query: { bool: { must: [{ term: { 'references.id': ref.id } }, { term: { 'references.type': ref.type } }] } } } };
}

/**
 * OSD's `filter` as a KueryNode: validateConvertFilterToKueryNode (every key is
 * `<type>.attributes.<mapped field>`, else 400) then the kuery functions' toOpenSearchQuery for the
 * node types the plugin builds (`and`, `or`, `not`, `is` with a literal value).
 */
function filterQuery(type: string, mappings: FieldMapping, node: KueryNode): Record<string, unknown> {
  if (node.type === 'literal') throw SavedObjectsErrors.createBadRequestError('a filter must be a function node');
  switch (node.function) {
    case 'and':
      return { bool: { filter: node.arguments.map((n) => filterQuery(type, mappings, n)) } };
    case 'or':
      return { bool: { should: node.arguments.map((n) => filterQuery(type, mappings, n)), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: filterQuery(type, mappings, node.arguments[0]) } };
    case 'is': {
      const [key, value, phrase] = node.arguments;
      const parts = String(key.value).split('.');
      if (parts[0] !== type || parts[1] !== 'attributes' || parts.length < 3) {
        throw SavedObjectsErrors.createBadRequestError(`This key '${key.value}' does NOT match the filter proposition SavedObjectType.attributes.key`);
      }
      const field = parts.slice(2).join('.');
      if (!mappedField(mappings, field)) throw SavedObjectsErrors.createBadRequestError(`This key '${key.value}' does NOT exist in ${type} saved object index patterns`);
      const match = { [phrase.value ? 'match_phrase' : 'match']: { [`${type}.${field}`]: value.value } };
      return { bool: { filter: [{ term: { type } }, { bool: { should: [match], minimum_should_match: 1 } }] } };
    }
    default:
      throw SavedObjectsErrors.createBadRequestError('unsupported filter node');
  }
}

/**
 * OSD's getQueryParams for one single-namespace type: the type clause in the default namespace,
 * `simple_query_string` on the type's search fields, and for a prefix search (`foo*`) OSD's extra
 * `match_phrase_prefix` clauses.
 */
function queryFor(type: string, search: string | undefined, searchFields: string[], operator: 'AND' | 'OR'): Record<string, unknown> {
  const typeClause = {
    bool: {
      must: [{ term: { type } }],
      should: [{ bool: { must_not: [{ exists: { field: 'namespace' } }] } }],
      minimum_should_match: 1,
      must_not: [{ exists: { field: 'namespaces' } }],
    },
  };
  const bool: Record<string, unknown> = { filter: [{ bool: { should: [typeClause], minimum_should_match: 1 } }] };
  if (!search) return { bool };
  const fields = searchFields.map((f) => `${type}.${f}`);
  const simple = { simple_query_string: { query: search, fields, default_operator: operator } };
  if (search.trim().endsWith('*')) {
    const prefix = search.replace(/[*]$/, '');
    bool.should = [simple, ...fields.map((field) => ({ match_phrase_prefix: { [field]: { query: prefix, boost: 1 } } }))];
    bool.minimum_should_match = 1;
  } else {
    bool.must = [simple];
  }
  return { bool };
}

/** OSD's includedFields: `_source` filtering when `fields` is given. */
function includedFields(type: string, fields?: string[]): string[] | undefined {
  if (!fields || fields.length === 0) return undefined;
  return [...fields.map((f) => `${type}.${f}`), 'namespace', 'namespaces', 'type', 'references', 'migrationVersion', 'updated_at', 'originId', ...fields];
}
