import { randomUUID } from 'crypto';
import { reasonPhrase } from './response_factory';
import type http from 'http';
import type { Client } from '@opensearch-project/opensearch';
import type { SavedObjectTypeRegistration } from './core_server';

/**
 * OSD's saved objects client (src/core/server/saved_objects/service/lib/repository.ts) over one
 * OpenSearch index, for the dev host: the same document layout (`_id` `<type>:<id>`, attributes
 * under `<type>`, `references`, `updated_at`), versions (base64 of `[seq_no, primary_term]`),
 * optimistic concurrency (`if_seq_no`/`if_primary_term`), `wait_for` refresh by default, errors as
 * SavedObjectsErrorHelpers' Boom errors, and `find` built like OSD's search DSL. The dev host has
 * one tenant (OSD's default namespace); KQL `filter` is refused rather than ignored.
 */
export const DEFAULT_SAVED_OBJECTS_INDEX = '.osd_dev_saved_objects';
const DEFAULT_REFRESH = 'wait_for' as const;
const FIND_DEFAULT_PAGE = 1;
const FIND_DEFAULT_PER_PAGE = 20;
const DEFAULT_NAMESPACE = 'default';

type Refresh = boolean | 'wait_for';

export interface SavedObjectReference {
  name: string;
  type: string;
  id: string;
}

export interface SavedObject<T = unknown> {
  id: string;
  type: string;
  attributes: T;
  references: SavedObjectReference[];
  version?: string;
  updated_at?: string;
  namespaces?: string[];
  migrationVersion?: Record<string, string>;
}

export interface FindOptions {
  type: string | string[];
  page?: number;
  perPage?: number;
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  fields?: string[];
  search?: string;
  searchFields?: string[];
  rootSearchFields?: string[];
  defaultSearchOperator?: 'AND' | 'OR';
  hasReference?: { type: string; id: string };
  filter?: unknown;
  preference?: string;
}

export interface FindResponse<T> {
  saved_objects: Array<SavedObject<T> & { score: number }>;
  total: number;
  per_page: number;
  page: number;
}

export interface DevSavedObjectsClient {
  create<T>(type: string, attributes: T, options?: { id?: string; overwrite?: boolean; version?: string; references?: SavedObjectReference[]; refresh?: Refresh; migrationVersion?: Record<string, string> }): Promise<SavedObject<T>>;
  get<T>(type: string, id: string): Promise<SavedObject<T>>;
  find<T>(options: FindOptions): Promise<FindResponse<T>>;
  update<T>(type: string, id: string, attributes: Partial<T>, options?: { version?: string; references?: SavedObjectReference[]; refresh?: Refresh }): Promise<SavedObject<Partial<T>>>;
  delete(type: string, id: string, options?: { refresh?: Refresh }): Promise<Record<string, never>>;
  errors: typeof SavedObjectsErrors;
}

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
  isForbiddenError: is('SavedObjectsClient/forbidden'),
  isNotAuthorizedError: is('SavedObjectsClient/notAuthorized'),
  isOpenSearchUnavailableError: is('SavedObjectsClient/esUnavailable'),
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

interface FieldMapping {
  type?: string;
  properties?: Record<string, FieldMapping>;
  fields?: Record<string, FieldMapping>;
  [key: string]: unknown;
}

export function buildMappings(types: SavedObjectTypeRegistration[]): { dynamic: 'strict'; properties: Record<string, FieldMapping> } {
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

/** A mapped field by dotted path, through `properties` and multi-`fields` (OSD's getProperty). */
function getProperty(mappings: { properties: Record<string, FieldMapping> }, path: string): FieldMapping | undefined {
  let current: FieldMapping | undefined = { properties: mappings.properties };
  for (const part of path.split('.')) {
    current = current?.properties?.[part] ?? current?.fields?.[part];
    if (!current) return undefined;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------

interface RawSource {
  type: string;
  updated_at?: string;
  references?: SavedObjectReference[];
  migrationVersion?: Record<string, string>;
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

/**
 * `(types, req) => client`, the dev host's `createSavedObjectsClient` hook. The index is created
 * (or its mappings extended) on first use from the registered types' mappings, with `opensearch`.
 * `asScoped` (with the security plugin): like OSD's scoped repository, every read and write of a
 * request goes through that request's `asCurrentUser` client instead.
 */
export function createSavedObjectsClientFactory(opensearch: Client, opts: { index?: string; asScoped?: (req: http.IncomingMessage) => Client } = {}) {
  const index = opts.index ?? DEFAULT_SAVED_OBJECTS_INDEX;
  const ready = new Map<string, Promise<void>>();

  const ensureIndex = (types: SavedObjectTypeRegistration[]): Promise<void> => {
    const key = types.map((t) => t.name).sort().join(',');
    let p = ready.get(key);
    if (!p) {
      p = prepareIndex(opensearch, index, buildMappings(types));
      p.catch(() => ready.delete(key));
      ready.set(key, p);
    }
    return p;
  };

  return (types: SavedObjectTypeRegistration[], req?: http.IncomingMessage): DevSavedObjectsClient =>
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

function createClient(opensearch: Client, index: string, types: SavedObjectTypeRegistration[], ready: () => Promise<void>): DevSavedObjectsClient {
  const registry = new Map(types.map((t) => [t.name, t]));
  const mappings = buildMappings(types);
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
      ...(src.migrationVersion ? { migrationVersion: src.migrationVersion } : {}),
    };
  };

  return {
    errors: SavedObjectsErrors,

    async create<T>(type: string, attributes: T, options: Parameters<DevSavedObjectsClient['create']>[2] = {}) {
      const { id, overwrite = false, references = [], refresh = DEFAULT_REFRESH, version, migrationVersion } = options;
      if (!registry.has(type)) throw SavedObjectsErrors.createUnsupportedTypeError(type);
      const objectId = id ?? randomUUID();
      const time = new Date().toISOString();
      const source: RawSource = { type, [type]: attributes, references, updated_at: time, ...(migrationVersion ? { migrationVersion } : {}) };
      const params = { id: rawId(type, objectId), index, refresh, body: source, ...(overwrite && version ? decodeRequestVersion(version) : {}) };
      const { body } = await call(() => (id && overwrite ? opensearch.index(params) : opensearch.create(params)));
      return {
        id: objectId,
        type,
        updated_at: time,
        version: encodeVersion(body._seq_no, body._primary_term),
        attributes,
        references,
        ...(migrationVersion ? { migrationVersion } : {}),
      };
    },

    async get<T>(type: string, id: string) {
      if (!registry.has(type)) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      const { body, statusCode } = await call(() => opensearch.get({ id: rawId(type, id), index }, { ignore: [404] }));
      const hit = body as RawHit;
      if (statusCode === 404 || !hit.found || !hit._source) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      return { ...toSavedObject<T>(type, id, hit), namespaces: [DEFAULT_NAMESPACE] };
    },

    async update<T>(type: string, id: string, attributes: Partial<T>, options: Parameters<DevSavedObjectsClient['update']>[3] = {}) {
      if (!registry.has(type)) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      const { version, references, refresh = DEFAULT_REFRESH } = options;
      const time = new Date().toISOString();
      const doc = { [type]: attributes, updated_at: time, ...(Array.isArray(references) ? { references } : {}) };
      const { body, statusCode } = await call(() =>
        opensearch.update(
          {
            id: rawId(type, id),
            index,
            ...(version !== undefined ? decodeRequestVersion(version) : {}),
            refresh,
            body: { doc },
            _source_includes: ['namespace', 'namespaces', 'originId'],
          },
          { ignore: [404] }
        )
      );
      if (statusCode === 404) throw SavedObjectsErrors.createGenericNotFoundError(type, id);
      return {
        id,
        type,
        updated_at: time,
        version: encodeVersion(body._seq_no, body._primary_term),
        namespaces: [DEFAULT_NAMESPACE],
        references: references as SavedObjectReference[],
        attributes,
      };
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

    async find<T>(options: FindOptions) {
      const {
        search,
        defaultSearchOperator = 'OR',
        searchFields,
        rootSearchFields,
        hasReference,
        page = FIND_DEFAULT_PAGE,
        perPage = FIND_DEFAULT_PER_PAGE,
        sortField,
        sortOrder,
        fields,
        type,
        filter,
        preference,
      } = options;
      if (!type) throw SavedObjectsErrors.createBadRequestError('options.type must be a string or an array of strings');
      const allowed = (Array.isArray(type) ? type : [type]).filter((t) => registry.has(t));
      if (allowed.length === 0) return { page, per_page: perPage, total: 0, saved_objects: [] };
      if (searchFields && !Array.isArray(searchFields)) throw SavedObjectsErrors.createBadRequestError('options.searchFields must be an array');
      if (fields && !Array.isArray(fields)) throw SavedObjectsErrors.createBadRequestError('options.fields must be an array');
      if (filter) throw SavedObjectsErrors.createBadRequestError("the dev host's saved objects client does not support a KQL filter");

      const body = {
        seq_no_primary_term: true,
        query: queryFor(allowed, { search, searchFields, rootSearchFields, defaultSearchOperator, hasReference }),
        ...sortFor(allowed, sortField, sortOrder),
      };
      const { body: res, statusCode } = await call(() =>
        opensearch.search(
          {
            index,
            size: perPage,
            from: perPage * (page - 1),
            _source: includedFields(allowed, fields),
            rest_total_hits_as_int: true,
            ...(preference ? { preference } : {}),
            body,
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
        saved_objects: hits.map((hit) => {
          const hitType = (hit._source as RawSource).type;
          return { ...toSavedObject<T>(hitType, hit._id.slice(hitType.length + 1), hit), score: hit._score ?? 0 };
        }),
      };
    },
  };

  function clauseForType(type: string): Record<string, unknown> {
    const namespaceType = registry.get(type)?.namespaceType;
    if (namespaceType === 'multiple') {
      return { bool: { must: [{ term: { type } }, { terms: { namespaces: [DEFAULT_NAMESPACE, '*'] } }], must_not: [{ exists: { field: 'namespace' } }] } };
    }
    if (namespaceType === 'agnostic') {
      return { bool: { must: [{ term: { type } }], must_not: [{ exists: { field: 'namespace' } }, { exists: { field: 'namespaces' } }] } };
    }
    return {
      bool: {
        must: [{ term: { type } }],
        should: [{ bool: { must_not: [{ exists: { field: 'namespace' } }] } }],
        minimum_should_match: 1,
        must_not: [{ exists: { field: 'namespaces' } }],
      },
    };
  }

  function queryFor(
    allowed: string[],
    o: Pick<FindOptions, 'search' | 'searchFields' | 'rootSearchFields' | 'defaultSearchOperator' | 'hasReference'>
  ): Record<string, unknown> {
    const bool: Record<string, unknown> = {
      filter: [
        {
          bool: {
            ...(o.hasReference
              ? {
                  must: [
                    {
                      nested: {
                        path: 'references',
                        query: { bool: { must: [{ term: { 'references.id': o.hasReference.id } }, { term: { 'references.type': o.hasReference.type } }] } },
                      },
                    },
                  ],
                }
              : {}),
            should: allowed.map(clauseForType),
            minimum_should_match: 1,
          },
        },
      ],
    };
    if (o.search) {
      const simple = {
        simple_query_string: {
          query: o.search,
          ...simpleQueryStringFields(allowed, o.searchFields, o.rootSearchFields),
          ...(o.defaultSearchOperator ? { default_operator: o.defaultSearchOperator } : {}),
        },
      };
      if (o.search.trim().endsWith('*')) {
        // OSD adds match_phrase_prefix clauses for a prefix search.
        const prefix = o.search.replace(/[*]$/, '');
        bool.should = [simple, ...prefixFields(allowed, o.searchFields).map(({ field, boost }) => ({ match_phrase_prefix: { [field]: { query: prefix, boost } } }))];
        bool.minimum_should_match = 1;
      } else {
        bool.must = [simple];
      }
    }
    return { bool };
  }

  function prefixFields(allowed: string[], searchFields: string[] = []): Array<{ field: string; boost: number }> {
    const named = searchFields.filter((f) => f !== '*');
    const raw = named.length
      ? named.flatMap((f) => allowed.map((t) => `${t}.${f}`))
      : allowed.flatMap((t) => {
          const field = (registry.get(t)?.management as { defaultSearchField?: string } | undefined)?.defaultSearchField;
          return field ? [`${t}.${field}`] : [];
        });
    return raw.map((f) => {
      const [field, boost] = f.split('^');
      const n = boost ? parseInt(boost, 10) : 1;
      return { field, boost: Number.isNaN(n) ? 1 : n };
    });
  }

  function sortFor(allowed: string[], sortField?: string, sortOrder?: string): Record<string, unknown> {
    if (!sortField) return {};
    if (['_id', '_score'].includes(sortField)) return { sort: [{ [sortField]: { order: sortOrder } }] };
    if (allowed.length > 1) {
      const root = getProperty(mappings, sortField);
      if (!root) throw SavedObjectsErrors.createBadRequestError(`Unable to sort multiple types by field ${sortField}, not a root property`);
      return { sort: [{ [sortField]: { order: sortOrder, unmapped_type: root.type } }] };
    }
    let key = `${allowed[0]}.${sortField}`;
    let field = getProperty(mappings, key);
    if (!field) {
      key = sortField;
      field = getProperty(mappings, sortField);
      if (!field) throw SavedObjectsErrors.createBadRequestError(`Unknown sort field ${sortField}`);
    }
    return { sort: [{ [key]: { order: sortOrder, unmapped_type: field.type } }] };
  }
}

function simpleQueryStringFields(types: string[], searchFields: string[] = [], rootSearchFields: string[] = []): Record<string, unknown> {
  if (!searchFields.length && !rootSearchFields.length) return { lenient: true, fields: ['*'] };
  for (const f of rootSearchFields) {
    if (f.includes('.')) throw SavedObjectsErrors.createBadRequestError(`rootSearchFields entry "${f}" is invalid: cannot contain "." character`);
  }
  return { fields: [...rootSearchFields, ...searchFields.flatMap((f) => types.map((t) => `${t}.${f}`))] };
}

/** OSD's includedFields: `_source` filtering when `fields` is given. */
function includedFields(types: string[], fields?: string[]): string[] | undefined {
  if (!fields || fields.length === 0) return undefined;
  return [
    ...types.flatMap((t) => fields.map((f) => `${t}.${f}`)),
    'namespace',
    'namespaces',
    'type',
    'references',
    'migrationVersion',
    'updated_at',
    'originId',
    ...fields,
  ];
}
