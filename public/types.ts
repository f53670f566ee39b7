/**
 * The parts of OSD's browser core contracts this plugin uses, declared here because the OSD core
 * types are not installable outside an OSD checkout. Shapes follow OSD_CONTRACTS.md §5
 * (src/core/public/{http,application,notifications,chrome}/types.ts); keep them in step with OSD.
 */
import type { ReactNode } from 'react';

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
}

export type HttpHandler = <T = unknown>(path: string, options?: HttpFetchOptions) => Promise<T>;

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
}

export interface CoreSetup {
  application: ApplicationSetup;
  http: HttpSetup;
  notifications: NotificationsStart;
  getStartServices(): Promise<[CoreStart, Record<string, unknown>, unknown]>;
}

export interface PluginInitializerContext {
  opaqueId?: symbol;
  env?: { mode?: { dev: boolean; prod: boolean }; packageInfo?: { version: string } };
  config?: { get<T>(): T };
}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SiemInvestigationsPublicSetup {}
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SiemInvestigationsPublicStart {}
