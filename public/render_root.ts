import type { ReactElement } from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';

export interface ReactDomApi {
  /** React 18 (OSD ≥ 3.6). */
  createRoot?: (element: HTMLElement) => { render(node: ReactElement): void; unmount(): void };
  /** React 16 (OSD ≤ 3.5). */
  render: (node: ReactElement, element: HTMLElement) => void;
  unmountComponentAtNode: (element: HTMLElement) => boolean;
}

/**
 * `react-dom/client` is not one of OSD's shared modules: bundled, it only re-exports the shared
 * `react-dom`, whose `createRoot` is missing on React 16. So the feature, not a version, decides.
 */
const shared: ReactDomApi = {
  createRoot: (ReactDOMClient as Partial<ReactDomApi>).createRoot,
  render: (ReactDOM as unknown as ReactDomApi).render,
  unmountComponentAtNode: (ReactDOM as unknown as ReactDomApi).unmountComponentAtNode,
};

/** Renders `node` into `element` and returns the unmount function OSD expects from `mount`. */
export function renderRoot(node: ReactElement, element: HTMLElement, dom: ReactDomApi = shared): () => void {
  if (typeof dom.createRoot === 'function') {
    const root = dom.createRoot(element);
    root.render(node);
    return () => root.unmount();
  }
  dom.render(node, element);
  return () => {
    dom.unmountComponentAtNode(element);
  };
}
