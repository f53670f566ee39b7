/**
 * The bits of OSD's chrome the plugin talks to: the breadcrumb bar (`chrome.setBreadcrumbs`) and
 * the toast list (`notifications.toasts`, src/core/public/notifications/toasts/toasts_api.tsx).
 */
import React, { useEffect, useRef, useState } from 'react';
import { EuiGlobalToastList, EuiHeader, EuiHeaderBreadcrumbs, EuiHeaderSection, EuiHeaderSectionItem, EuiIcon, EuiText, EuiTextColor } from '@elastic/eui';

type MountPoint = (element: HTMLElement) => () => void;

export interface Breadcrumb {
  text: React.ReactNode;
  href?: string;
  onClick?: (e: React.MouseEvent) => void;
  'data-test-subj'?: string;
}

interface Toast {
  id: string;
  title?: string | MountPoint;
  text?: string | MountPoint;
  color?: 'primary' | 'success' | 'warning' | 'danger';
  iconType?: string;
  toastLifeTimeMs?: number;
  'data-test-subj'?: string;
}

type ToastInput = string | Omit<Toast, 'id'> & { id?: string };

/** A tiny observable value, so React views follow the core services' state. */
function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<(v: T) => void>();
  return {
    get: () => value,
    set: (v: T) => {
      value = v;
      listeners.forEach((l) => l(v));
    },
    subscribe: (l: (v: T) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

function useStore<T>(s: ReturnType<typeof store<T>>): T {
  const [value, setValue] = useState(s.get());
  useEffect(() => s.subscribe(setValue) as unknown as () => void, [s]);
  return value;
}

function MountPointPortal({ mount }: { mount: MountPoint }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => mount(ref.current!), [mount]);
  return <div ref={ref} />;
}

function renderMountable(v: string | MountPoint | undefined): React.ReactElement | string | undefined {
  return typeof v === 'function' ? <MountPointPortal mount={v} /> : v;
}

/** OSD's defaults from the `notifications:lifetime:*` advanced settings. */
const LIFETIME_MS = { info: 5000, warning: 10000, error: 300000 };

export function createChrome(appTitle: string) {
  const breadcrumbs = store<Breadcrumb[]>([]);
  const toasts = store<Toast[]>([]);
  const headerMenu = store<MountPoint | undefined>(undefined);
  let nextId = 0;

  const add = (input: ToastInput, defaults: Partial<Toast> = {}) => {
    const toast: Toast = { ...defaults, ...(typeof input === 'string' ? { title: input } : input), id: `${(typeof input !== 'string' && input.id) || nextId++}` };
    toasts.set([...toasts.get(), toast]);
    return toast;
  };
  const toastsApi = {
    get$: () => toasts,
    add: (t: ToastInput) => add(t, { toastLifeTimeMs: LIFETIME_MS.info }),
    addInfo: (t: ToastInput) => add(t, { color: 'primary', iconType: 'iInCircle', toastLifeTimeMs: LIFETIME_MS.info }),
    addSuccess: (t: ToastInput) => add(t, { color: 'success', iconType: 'check', toastLifeTimeMs: LIFETIME_MS.info }),
    addWarning: (t: ToastInput) => add(t, { color: 'warning', iconType: 'help', toastLifeTimeMs: LIFETIME_MS.warning }),
    addDanger: (t: ToastInput) => add(t, { color: 'danger', iconType: 'alert', toastLifeTimeMs: LIFETIME_MS.warning }),
    addError: (error: Error, options: { title: string; toastMessage?: string; toastLifeTimeMs?: number }) =>
      add(
        { title: options.title, text: options.toastMessage ?? error.message, ...(options.toastLifeTimeMs ? { toastLifeTimeMs: options.toastLifeTimeMs } : {}) },
        { color: 'danger', iconType: 'alert', toastLifeTimeMs: LIFETIME_MS.error }
      ),
    remove: (toastOrId: Toast | string) => {
      const id = typeof toastOrId === 'string' ? toastOrId : toastOrId.id;
      toasts.set(toasts.get().filter((t) => t.id !== id));
    },
  };

  function Header() {
    const crumbs = useStore(breadcrumbs);
    const menu = useStore(headerMenu);
    return (
      <EuiHeader position="static" data-test-subj="headerGlobalNav">
        <EuiHeaderSection grow={false}>
          <EuiHeaderSectionItem border="right">
            <EuiText size="s" style={{ padding: '0 16px', whiteSpace: 'nowrap' }}>
              <EuiIcon type="logoOpenSearch" size="l" /> <strong>OpenSearch Dashboards</strong> <EuiTextColor color="subdued">· dev host</EuiTextColor>
            </EuiText>
          </EuiHeaderSectionItem>
        </EuiHeaderSection>
        <EuiHeaderBreadcrumbs
          aria-label="Breadcrumbs"
          data-test-subj="breadcrumbs"
          breadcrumbs={(crumbs.length ? crumbs : [{ text: appTitle }]).map((c, i, all) => ({
            ...c,
            text: c.text as string,
            ...(i === all.length - 1 ? { href: undefined, onClick: undefined } : {}),
          }))}
        />
        <EuiHeaderSection side="right">{menu && <MountPointPortal key={String(menu)} mount={menu} />}</EuiHeaderSection>
      </EuiHeader>
    );
  }

  function Toasts() {
    const list = useStore(toasts);
    return (
      <EuiGlobalToastList
        data-test-subj="globalToastList"
        toasts={list.map((t) => ({
          id: t.id,
          title: renderMountable(t.title),
          text: renderMountable(t.text),
          color: t.color,
          iconType: t.iconType,
          toastLifeTimeMs: t.toastLifeTimeMs,
          'data-test-subj': t['data-test-subj'],
        }))}
        dismissToast={(t) => toastsApi.remove(t.id)}
        toastLifeTimeMs={LIFETIME_MS.info}
      />
    );
  }

  return {
    Header,
    Toasts,
    toasts: toastsApi,
    setHeaderActionMenu: (m: MountPoint | undefined) => headerMenu.set(m),
    start: {
      setBreadcrumbs: (b: Breadcrumb[]) => breadcrumbs.set(b),
      docTitle: {
        change: (title: string | string[]) => {
          document.title = [...(Array.isArray(title) ? title : [title]), 'OpenSearch Dashboards'].join(' - ');
        },
        reset: () => {
          document.title = `${appTitle} - OpenSearch Dashboards`;
        },
      },
    },
  };
}
