/**
 * The setup contracts of OSD's classic Discover (`discover`) and of Explore (`explore`) that
 * plugins extend (OSD_CONTRACTS.md §6), with their registries' semantics:
 *  - `docViews.addDocView(DocViewInput | DocViewInputFn)`: tabs of a document's details, by `order`
 *    (Table is 10, JSON 20), shown when `shouldShow(hit)` (src/plugins/discover/public/application/
 *    doc_views/doc_views_registry.ts);
 *  - `docViewsLinks.addDocViewLink(DocViewLink)`: links above the tabs, `generateCb(props)` →
 *    `{url, hide}` (components/doc_viewer_links/doc_viewer_links.tsx);
 *  - `logActionRegistry.registerAction(LogActionDefinition)`: Explore's row actions; a duplicate
 *    id throws; `getCompatibleActions(context)` filters by `isCompatible` and sorts by `order`.
 */
import type { ComponentType } from 'react';

export interface Hit {
  _index: string;
  _id: string;
  _source: Record<string, unknown>;
}

export interface IndexPatternStub {
  id: string;
  title: string;
}

export interface DocViewRenderProps {
  hit: Hit;
  indexPattern: IndexPatternStub;
  columns: string[];
  filter: (...args: unknown[]) => void;
  onAddColumn: (column: string) => void;
  onRemoveColumn: (column: string) => void;
}

export interface DocView {
  title: string;
  order: number;
  component?: ComponentType<DocViewRenderProps>;
  render?: (domNode: HTMLDivElement, props: DocViewRenderProps) => () => void;
  shouldShow: (hit: Hit) => boolean;
}

type DocViewInput = Omit<DocView, 'shouldShow'> & { shouldShow?: (hit: Hit) => boolean };

export interface DocViewLink {
  label: string;
  order: number;
  href?: string;
  generateCb?: (props: { hit: Hit; indexPattern: IndexPatternStub; columns?: string[] }) => { url: string; hide?: boolean };
  [key: string]: unknown;
}

export interface LogActionContext {
  document: Record<string, unknown>;
  query?: string;
  indexPattern?: string;
  metadata?: Record<string, unknown>;
}

export interface LogActionDefinition {
  id: string;
  displayName: string;
  iconType: string;
  order: number;
  isCompatible: (context: LogActionContext) => boolean;
  component: ComponentType<{ context: LogActionContext; action: LogActionDefinition; onClose: () => void; onResult?: (r: unknown) => void }>;
}

export function createDiscoverSetup() {
  const docViews: DocView[] = [];
  const links: DocViewLink[] = [];
  return {
    contract: {
      docViews: {
        addDocView(docViewRaw: DocViewInput | (() => DocViewInput)) {
          const docView = typeof docViewRaw === 'function' ? docViewRaw() : docViewRaw;
          docViews.push({ ...docView, shouldShow: docView.shouldShow ?? (() => true) });
        },
      },
      docViewsLinks: {
        addDocViewLink(link: DocViewLink) {
          links.push(link);
        },
      },
    },
    docViewsSorted: () => [...docViews].sort((a, b) => a.order - b.order),
    linksSorted: () => [...links].sort((a, b) => a.order - b.order),
  };
}

export function createExploreSetup() {
  const actions = new Map<string, LogActionDefinition>();
  return {
    contract: {
      logActionRegistry: {
        registerAction(action: LogActionDefinition) {
          if (actions.has(action.id)) throw new Error(`Action with id "${action.id}" is already registered`);
          actions.set(action.id, action);
        },
      },
    },
    getCompatibleActions: (context: LogActionContext) =>
      [...actions.values()]
        .filter((a) => {
          try {
            return a.isCompatible(context);
          } catch {
            return false;
          }
        })
        .sort((a, b) => a.order - b.order),
  };
}

export type DiscoverSetupStub = ReturnType<typeof createDiscoverSetup>;
export type ExploreSetupStub = ReturnType<typeof createExploreSetup>;
