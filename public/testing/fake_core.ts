import { CoreStart, HttpSetup } from '../types';

/** A `CoreStart` for component tests: records toasts and breadcrumbs, builds URLs like OSD. */
export function fakeCore(http: Partial<HttpSetup> = {}) {
  const toasts: Array<{ kind: string; toast: unknown }> = [];
  const breadcrumbs: unknown[][] = [];
  const rejectCall = () => Promise.reject(new Error('unexpected HTTP call in a component test'));
  const toast = (kind: string) => (t: unknown) => {
    toasts.push({ kind, toast: t });
    return { id: String(toasts.length) };
  };
  const core: CoreStart = {
    http: {
      basePath: { get: () => '', prepend: (p: string) => p, remove: (p: string) => p, serverBasePath: '' },
      fetch: rejectCall,
      get: rejectCall,
      post: rejectCall,
      put: rejectCall,
      patch: rejectCall,
      delete: rejectCall,
      ...http,
    },
    application: {
      capabilities: {},
      getUrlForApp: (appId, opts) => `/app/${appId}${opts?.path ?? ''}`,
      navigateToApp: async () => undefined,
      navigateToUrl: async () => undefined,
    },
    notifications: {
      toasts: {
        add: toast('add'),
        addSuccess: toast('success'),
        addWarning: toast('warning'),
        addDanger: toast('danger'),
        addError: (e: Error, o: { title: string }) => toast('error')({ title: o.title, text: e.message }),
        remove: () => undefined,
      },
    },
    chrome: { setBreadcrumbs: (b) => breadcrumbs.push(b) },
  };
  return { core, toasts, breadcrumbs };
}
