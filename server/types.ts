/**
 * The parts of OSD's server plugin contracts this plugin uses, declared here because `@osd/*`
 * packages are not installable outside an OSD checkout. Shapes follow OSD_CONTRACTS.md §3–§4
 * (src/core/server/http/router/*, saved_objects/types.ts); keep them in step with OSD.
 */
import type { RouteValidationResultFactory } from './lib/validation';
import type { TransportClient } from './lib/opensearch_reader';

export type RouteValidationFunction<T> = (data: unknown, result: RouteValidationResultFactory) => { value: T } | { error: unknown };

export interface RouteConfig<P, Q, B> {
  path: string;
  validate: false | { params?: RouteValidationFunction<P>; query?: RouteValidationFunction<Q>; body?: RouteValidationFunction<B> };
  options?: { authRequired?: boolean | 'optional'; xsrfRequired?: boolean; tags?: readonly string[]; body?: { maxBytes?: number } };
}

export interface OpenSearchDashboardsRequest<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
  headers: Record<string, string | string[] | undefined>;
  url: URL;
}

/** Responses must be built by the factory: OSD rejects plain objects (`instanceof` check). */
export interface IOpenSearchDashboardsResponse {
  readonly status: number;
  readonly payload?: unknown;
}

export interface ResponseErrorBody {
  message: string;
  attributes?: Record<string, unknown>;
}

/** What an error response may carry (OSD's `ResponseError`): a message, an Error, or a message with attributes. */
export type ResponseError = string | Error | { message: string | Error; attributes?: Record<string, unknown> };

export interface OpenSearchDashboardsResponseFactory {
  ok(opts?: { body?: unknown; headers?: Record<string, string> }): IOpenSearchDashboardsResponse;
  noContent(): IOpenSearchDashboardsResponse;
  badRequest(opts?: { body?: ResponseError }): IOpenSearchDashboardsResponse;
  notFound(opts?: { body?: ResponseError }): IOpenSearchDashboardsResponse;
  conflict(opts?: { body?: ResponseError }): IOpenSearchDashboardsResponse;
  customError(opts: { statusCode: number; body: ResponseError; headers?: Record<string, string> }): IOpenSearchDashboardsResponse;
}

/** What this plugin uses of OSD's scoped opensearch-js client (`asCurrentUser`): its transport, through lib/opensearch_reader. */
export type OpenSearchClient = TransportClient;

export interface SavedObject<T = unknown> {
  id: string;
  type: string;
  attributes: T;
  references: SavedObjectReference[];
  version?: string;
  updated_at?: string;
  namespaces?: string[];
}

export interface SavedObjectReference {
  name: string;
  type: string;
  id: string;
}

/**
 * OSD's KueryNode (src/plugins/data/common/opensearch_query/kuery), as `find`'s `filter` takes it
 * besides a KQL string. The plugin builds nodes from structured values (server/cases/kuery.ts),
 * never a KQL string from user input.
 */
export type KueryNode =
  | { type: 'function'; function: 'and' | 'or' | 'not'; arguments: KueryNode[] }
  | { type: 'function'; function: 'is'; arguments: [KueryLiteral, KueryLiteral, KueryLiteral] }
  | KueryLiteral;
export interface KueryLiteral {
  type: 'literal';
  value: string | number | boolean | null;
}

/** The find options the plugin uses (OSD has more: namespaces, rootSearchFields, preference…). */
export interface SavedObjectsFindOptions {
  type: string;
  page?: number;
  perPage?: number;
  fields?: string[];
  search?: string;
  searchFields?: string[];
  defaultSearchOperator?: 'AND' | 'OR';
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  hasReference?: { type: string; id: string };
  filter?: KueryNode;
}

export interface SavedObjectsFindResponse<T> {
  saved_objects: Array<SavedObject<T> & { score?: number }>;
  total: number;
  per_page: number;
  page: number;
}

export interface SavedObjectsBulkCreateObject<T = unknown> {
  type: string;
  id?: string;
  attributes: T;
  references?: SavedObjectReference[];
}

export interface SavedObjectsBulkGetObject {
  type: string;
  id: string;
  /** Attributes to read (all when absent), as OSD's `fields`. */
  fields?: string[];
}

export interface SavedObjectsClientContract {
  create<T>(
    type: string,
    attributes: T,
    options?: { id?: string; overwrite?: boolean; references?: SavedObjectReference[]; refresh?: boolean | 'wait_for' }
  ): Promise<SavedObject<T>>;
  /** Per-object errors (e.g. 409 for an existing id without `overwrite`) come back in `saved_objects[i].error`. */
  bulkCreate<T>(
    objects: Array<SavedObjectsBulkCreateObject<T>>,
    options?: { overwrite?: boolean; refresh?: boolean | 'wait_for' }
  ): Promise<{ saved_objects: Array<SavedObject<T> & { error?: { statusCode: number; error?: string; message: string } }> }>;
  get<T>(type: string, id: string): Promise<SavedObject<T>>;
  /**
   * One `_mget`, answers in the request's order; an object that does not exist (or of a type the
   * client does not know) answers its own `error` (404 / 400) instead of failing the call.
   */
  bulkGet<T>(objects: SavedObjectsBulkGetObject[]): Promise<{ saved_objects: Array<SavedObject<T> & { error?: { statusCode: number; error?: string; message: string } }> }>;
  find<T>(options: SavedObjectsFindOptions): Promise<SavedObjectsFindResponse<T>>;
  update<T>(type: string, id: string, attributes: Partial<T>, options?: { version?: string; refresh?: boolean | 'wait_for' }): Promise<SavedObject<Partial<T>>>;
  delete(type: string, id: string, options?: { refresh?: boolean | 'wait_for' }): Promise<unknown>;
}

export interface RequestHandlerContext {
  core: {
    opensearch: { client: { asCurrentUser: OpenSearchClient } };
    savedObjects: { client: SavedObjectsClientContract };
  };
}

export type RequestHandler<P, Q, B> = (
  context: RequestHandlerContext,
  request: OpenSearchDashboardsRequest<P, Q, B>,
  response: OpenSearchDashboardsResponseFactory
) => Promise<IOpenSearchDashboardsResponse> | IOpenSearchDashboardsResponse;

type Registrar = <P, Q, B>(route: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B>) => void;

export interface IRouter {
  get: Registrar;
  post: Registrar;
  put: Registrar;
  patch: Registrar;
  delete: Registrar;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string | Error): void;
  error(message: string | Error): void;
}

export interface Observable<T> {
  subscribe(observer: (value: T) => void): { unsubscribe(): void };
}

export interface PluginInitializerContext<C = unknown> {
  logger: { get(...context: string[]): Logger };
  config: { create<T = C>(): Observable<T> };
  env?: { mode?: { dev?: boolean; prod?: boolean }; packageInfo?: { version?: string } };
}

/** What an OSD saved-object migration transforms: one raw document, never others. */
export interface SavedObjectUnsanitizedDoc {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references?: SavedObjectReference[];
  migrationVersion?: Record<string, string>;
  [key: string]: unknown;
}

export interface SavedObjectsType {
  name: string;
  hidden: boolean;
  namespaceType: 'single' | 'multiple' | 'agnostic';
  mappings: { dynamic?: false | 'strict'; properties: Record<string, unknown> };
  migrations?: Record<string, (doc: SavedObjectUnsanitizedDoc) => SavedObjectUnsanitizedDoc>;
  management?: {
    importableAndExportable?: boolean;
    defaultSearchField?: string;
    icon?: string;
    getTitle?(savedObject: SavedObject<Record<string, unknown>>): string;
    getInAppUrl?(savedObject: SavedObject<Record<string, unknown>>): { path: string; uiCapabilitiesPath: string };
  };
}

export type Capabilities = Record<string, Record<string, boolean>>;

/** The request as OSD's capabilities and read-only services take it. */
export type CapabilitiesRequest = Pick<OpenSearchDashboardsRequest, 'headers'>;

export interface CoreStart {
  capabilities: { resolveCapabilities(request: CapabilitiesRequest): Promise<Capabilities> };
}

export interface CoreSetup {
  http: { createRouter(): IRouter; basePath?: { serverBasePath?: string } };
  savedObjects: { registerType(type: SavedObjectsType): void };
  capabilities: {
    registerProvider(provider: () => Capabilities): void;
    registerSwitcher(switcher: (request: CapabilitiesRequest, capabilities: Capabilities) => Promise<Partial<Capabilities>> | Partial<Capabilities>): void;
  };
  /** OSD 2.13+: core's read-only service; the security dashboards plugin makes it tenant-aware. */
  security?: {
    readonlyService(): { hideForReadonly(request: CapabilitiesRequest, capabilities: Capabilities, hide: Partial<Capabilities>): Promise<Partial<Capabilities>> };
  };
  getStartServices(): Promise<[CoreStart, unknown, unknown]>;
}
