/**
 * The parts of OSD's browser core contracts this plugin uses, declared here because the OSD core
 * types are not installable outside an OSD checkout. Shapes follow OSD_CONTRACTS.md §5
 * (src/core/public/{http,application,notifications,chrome}/types.ts); keep them in step with OSD.
 */
import type { ComponentType, ReactNode } from 'react';

export type HttpQuery = Record<string, string | number | boolean | string[] | number[] | undefined>;

export interface HttpFetchOptions {
  method?: string;
  query?: HttpQuery;
  /** A string: OSD's `core.http` does not serialise objects. */
  body?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  prependBasePath?: boolean;
  asSystemRequest?: boolean;
  /** Resolve with `{request, response, body}` instead of the body alone. */
  asResponse?: boolean;
}

export type HttpHandler = <T = unknown>(path: string, options?: HttpFetchOptions) => Promise<T>;

/** What `core.http` resolves with when called with `asResponse: true`. */
export interface HttpResponse<T = unknown> {
  request?: Request;
  response?: Response;
  body?: T;
}

export interface IBasePath {
  get(): string;
  prepend(url: string): string;
  remove(url: string): string;
  readonly serverBasePath: string;
}

export interface HttpSetup {
  basePath: IBasePath;
  fetch: HttpHandler;
  get: HttpHandler;
  post: HttpHandler;
  put: HttpHandler;
  patch: HttpHandler;
  delete: HttpHandler;
}

/** What `core.http` rejects with for a non-2xx answer or a network failure. */
export interface IHttpFetchError extends Error {
  readonly name: string;
  readonly request: Request;
  readonly response?: Response;
  /** The parsed error body: `{statusCode, error, message}` from an OSD route. */
  readonly body?: unknown;
}

export type MountPoint = (element: HTMLElement) => () => void;

export interface ToastInputFields {
  title?: string | MountPoint;
  text?: string | MountPoint;
  color?: 'primary' | 'success' | 'warning' | 'danger';
  iconType?: string;
  toastLifeTimeMs?: number;
  id?: string;
  'data-test-subj'?: string;
}
export type ToastInput = string | ToastInputFields;

export interface ToastsApi {
  add(toast: ToastInput): { id: string };
  addSuccess(toast: ToastInput): { id: string };
  addWarning(toast: ToastInput): { id: string };
  addDanger(toast: ToastInput): { id: string };
  addError(error: Error, options: { title: string; toastMessage?: string; toastLifeTimeMs?: number }): { id: string };
  remove(toastOrId: { id: string } | string): void;
}

export interface ChromeBreadcrumb {
  text: ReactNode;
  href?: string;
  onClick?: (event: React.MouseEvent) => void;
}

export interface AppCategory {
  id: string;
  label: string;
  order?: number;
  euiIconType?: string;
}

export type AppUnmount = () => void;

/** `ScopedHistory` in OSD; only the parts an app may rely on. */
export interface ScopedHistory {
  push(path: string, state?: unknown): void;
  replace(path: string, state?: unknown): void;
  createHref(location: { pathname?: string; search?: string; hash?: string }): string;
}

export interface AppMountParameters {
  element: HTMLElement;
  history: ScopedHistory;
  /** @deprecated by OSD, still passed. */
  appBasePath: string;
  onAppLeave(handler: (actions: unknown) => unknown): void;
  setHeaderActionMenu(menuMount: MountPoint | undefined): void;
}

export interface App {
  id: string;
  title: string;
  category?: AppCategory;
  order?: number;
  euiIconType?: string;
  mount(params: AppMountParameters): AppUnmount | Promise<AppUnmount>;
}

export interface ApplicationSetup {
  register(app: App): void;
}

export interface ApplicationStart {
  capabilities: Record<string, Record<string, boolean | Record<string, boolean>>>;
  getUrlForApp(appId: string, options?: { path?: string; absolute?: boolean }): string;
  navigateToApp(appId: string, options?: { path?: string; state?: unknown; replace?: boolean }): Promise<void>;
  navigateToUrl(url: string): Promise<void>;
}

export interface NotificationsStart {
  toasts: ToastsApi;
}

export interface ChromeStart {
  setBreadcrumbs(breadcrumbs: ChromeBreadcrumb[]): void;
  docTitle?: { change(title: string | string[]): void; reset(): void };
}

export interface CoreStart {
  application: ApplicationStart;
  http: HttpSetup;
  notifications: NotificationsStart;
  chrome: ChromeStart;
  /** OSD's I18nStart: `Context` gives a tree the locale, and OUI's own strings in it (core's mapping). */
  i18n?: { Context: ComponentType<{ children?: ReactNode }> };
}

/** OSD's `ChromeNavGroup` (new left navigation): a use case such as "Security analytics". */
export interface ChromeNavGroup {
  id: string;
  title: string;
  description: string;
  order?: number;
  [key: string]: unknown;
}

/** OSD's `ChromeRegistrationNavLink`. */
export interface ChromeRegistrationNavLink {
  id: string;
  title?: string;
  category?: AppCategory;
  order?: number;
}

/**
 * `core.chrome.navGroup` at setup (OSD ≥ 2.16), every member optional: older OSDs have none. The
 * setup contract does not hand out OSD's `DEFAULT_NAV_GROUPS` (plugins built inside OSD import them
 * from `src/core/public`); some releases expose `getNavGroupsMap$` at setup, others only at start.
 */
export interface ChromeNavGroupSetup {
  getNavGroupEnabled?(): boolean;
  addNavLinksToGroup?(navGroup: ChromeNavGroup, navLinks: ChromeRegistrationNavLink[]): void;
  getNavGroupsMap$?(): { subscribe(next: (groups: Record<string, ChromeNavGroup>) => void): { unsubscribe(): void } | undefined };
}

export interface CoreSetup {
  application: ApplicationSetup;
  chrome?: { navGroup?: ChromeNavGroupSetup };
  http: HttpSetup;
  notifications: NotificationsStart;
  getStartServices(): Promise<[CoreStart, Record<string, unknown>, unknown]>;
}

export interface PluginInitializerContext {
  opaqueId?: symbol;
  env?: { mode?: { dev: boolean; prod: boolean }; packageInfo?: { version: string } };
  /** The server config the plugin exposes to the browser (`exposeToBrowser`); `{}` when it exposes none. */
  config?: { get<T>(): T };
}

// ---------------------------------------------------------------------------------------------
// Discover and Explore (OSD_CONTRACTS.md §6): optional plugins, so every member is optional here —
// an absent plugin, or an older one without a registry, must never break the app.

/** OSD's `OpenSearchSearchHit`: a search hit as Discover holds it. */
export interface OpenSearchSearchHit {
  _index: string;
  _id: string;
  _source?: Record<string, unknown>;
  fields?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Discover passes its `IndexPattern`; only these two members are read. */
export interface DocViewIndexPattern {
  id?: string;
  title?: string;
}

export interface DocViewRenderProps {
  hit: OpenSearchSearchHit;
  indexPattern?: DocViewIndexPattern;
  columns?: string[];
  filter?: (...args: unknown[]) => void;
  onAddColumn?: (column: string) => void;
  onRemoveColumn?: (column: string) => void;
}

/** `discover.docViews.addDocView`: a tab in the document details, sorted by `order` (Table 10, JSON 20). */
export interface DocViewInput {
  title: string;
  order: number;
  component?: ComponentType<DocViewRenderProps>;
  shouldShow?: (hit: OpenSearchSearchHit) => boolean;
}

/** `discover.docViewsLinks.addDocViewLink`: Discover renders `<EuiLink href target="_blank">{label}</EuiLink>`. */
export interface DocViewLink {
  label: string;
  order: number;
  href?: string;
  generateCb?: (renderProps: { hit: OpenSearchSearchHit; indexPattern?: DocViewIndexPattern; columns?: string[] }) => { url: string; hide?: boolean };
}

export interface DiscoverSetup {
  docViews?: { addDocView?: (docView: DocViewInput) => void };
  docViewsLinks?: { addDocViewLink?: (link: DocViewLink) => void };
}

/** Explore's row context: `document` is the row's `_source`; `indexPattern` the dataset's title. */
export interface LogActionContext {
  document: Record<string, any>;
  query?: string;
  indexPattern?: string;
  metadata?: Record<string, any>;
}

export interface LogActionResult {
  success: boolean;
  error?: string;
  data?: unknown;
}

export interface LogActionItemProps {
  context: LogActionContext;
  action: LogActionDefinition;
  onClose: () => void;
  onResult?: (result: LogActionResult) => void;
}

export interface LogActionDefinition {
  id: string;
  displayName: string;
  iconType: string;
  order: number;
  isCompatible: (context: LogActionContext) => boolean;
  component: ComponentType<LogActionItemProps>;
}

/** Explore's setup contract; it also carries Discover's two doc view registries. */
export interface ExploreSetup extends DiscoverSetup {
  logActionRegistry?: { registerAction?: (action: LogActionDefinition) => void };
}

export interface SiemInvestigationsSetupDeps {
  discover?: DiscoverSetup;
  explore?: ExploreSetup;
}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SiemInvestigationsPublicSetup {}
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SiemInvestigationsPublicStart {}
