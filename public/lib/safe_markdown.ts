import { getDefaultEuiMarkdownParsingPlugins } from '@elastic/eui';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  children?: MdNode[];
}

/**
 * A remark transformer for analysts' Markdown (descriptions, comments), which may quote attacker
 * strings: raw HTML becomes visible text — OUI's default pipeline would silently drop it, hiding
 * what was pasted — and images become links, so opening a case never fetches a remote image.
 * Link targets are checked by OUI's own link validator (http, https, mailto only).
 */
export function htmlAsText() {
  const visit = (node: MdNode, parent: MdNode | null) => {
    if (node.type === 'html') {
      const text: MdNode = { type: 'text', value: node.value ?? '' };
      // Block-level HTML sits directly in the root: give it a paragraph like any other text.
      Object.assign(node, parent?.type === 'root' ? { type: 'paragraph', value: undefined, children: [text] } : text);
      return;
    }
    if (node.type === 'image') {
      Object.assign(node, { type: 'link', children: [{ type: 'text', value: node.alt || node.url || 'image' }] });
      return;
    }
    node.children?.forEach((child) => visit(child, node));
  };
  return (tree: MdNode) => visit(tree, null);
}

/**
 * OUI's parsing plugins plus `htmlAsText`, for `EuiMarkdownFormat`'s `parsingPluginList`; if an
 * OUI lacked the getter, `undefined` leaves OUI's defaults, which drop raw HTML (safe, less clear).
 */
export function safeMarkdownParsingPlugins(): ReturnType<typeof getDefaultEuiMarkdownParsingPlugins> | undefined {
  if (typeof getDefaultEuiMarkdownParsingPlugins !== 'function') return undefined;
  return [...getDefaultEuiMarkdownParsingPlugins(), [htmlAsText, {}]] as ReturnType<typeof getDefaultEuiMarkdownParsingPlugins>;
}
