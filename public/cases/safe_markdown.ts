import { getDefaultEuiMarkdownParsingPlugins } from '@elastic/eui';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  title?: string | null;
  alt?: string | null;
  identifier?: string;
  label?: string;
  referenceType?: 'shortcut' | 'collapsed' | 'full';
  children?: MdNode[];
}

/** The link schemes a case may link to; anything else (javascript:, data:, vbscript:, file:…) stays text. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link target is `http:`, `https:`, `mailto:` or relative. Browsers ignore control
 * characters and spaces around a URL and drop tabs and newlines inside it, and schemes are
 * case-insensitive, so ` JaVa\tScRiPt:` is `javascript:`: judge the URL as a browser reads it.
 */
export function isAllowedUrl(url: string | undefined | null): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = String(url ?? '').replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '');
  const beforePath = cleaned.split(/[/?#\\]/, 1)[0];
  const colon = beforePath.indexOf(':');
  if (colon === -1) return true; // relative: no scheme of its own
  return ALLOWED_SCHEMES.has(beforePath.slice(0, colon).toLowerCase());
}

const text = (value: string): MdNode => ({ type: 'text', value });

/** The plain text of a node (what a link or image shows). */
function plainText(node: MdNode): string {
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return node.value ?? (node.children ?? []).map(plainText).join('');
}

/** `[label]`, `[label][]` or `[label][ref]`: the suffix of a reference as it was written. */
function referenceSuffix(node: MdNode): string {
  if (node.referenceType === 'collapsed') return '[]';
  if (node.referenceType === 'full') return `[${node.label ?? node.identifier ?? ''}]`;
  return '';
}

const key = (identifier: string | undefined) => (identifier ?? '').toLowerCase();

/**
 * A remark transformer for analysts' Markdown (descriptions, comments), which may quote attacker
 * strings. It runs before every other transform (OUI's link validator among them) and leaves a
 * tree in which:
 * - raw HTML is visible text (OUI's default pipeline would silently drop it, hiding what was pasted);
 * - there are no images: an image becomes a link to its URL, so opening a case never fetches a
 *   remote image (a tracking pixel) — `image` and reference-style `imageReference` alike;
 * - references (`[text][ref]`, `![alt][ref]`) are resolved here against their `definition`s, which
 *   are then removed, so nothing downstream can turn a definition into a link or an image;
 * - every link targets `http:`, `https:`, `mailto:` or a relative URL; any other link is shown as
 *   the text that was written, `[text](url)`.
 */
export function htmlAsText() {
  return (tree: MdNode) => {
    const definitions = new Map<string, MdNode>();
    const collect = (node: MdNode) => {
      // CommonMark: the first definition of a label wins.
      if (node.type === 'definition' && !definitions.has(key(node.identifier))) definitions.set(key(node.identifier), node);
      node.children?.forEach(collect);
    };
    collect(tree);

    const link = (url: string | undefined, title: string | null | undefined, children: MdNode[], written: () => string): MdNode[] =>
      isAllowedUrl(url) ? [{ type: 'link', url: url ?? '', title: title ?? null, children: children.length ? children : [text(url || 'link')] }] : [text(written())];

    /** What replaces `node` among its parent's children (none, one or several nodes). */
    const transform = (node: MdNode, parent: MdNode | null): MdNode[] => {
      switch (node.type) {
        case 'html':
          // Block-level HTML sits directly in the root: give it a paragraph like any other text.
          return parent?.type === 'root' ? [{ type: 'paragraph', children: [text(node.value ?? '')] }] : [text(node.value ?? '')];
        case 'definition':
          return [];
        case 'image': {
          const label = node.alt || node.url || 'image';
          return link(node.url, node.title, [text(label)], () => `![${node.alt ?? ''}](${node.url ?? ''})`);
        }
        case 'imageReference': {
          const written = () => `![${node.alt ?? ''}]${referenceSuffix(node)}`;
          const definition = definitions.get(key(node.identifier));
          if (!definition) return [text(written())];
          return link(definition.url, definition.title, [text(node.alt || definition.url || 'image')], () => `![${node.alt ?? ''}](${definition.url ?? ''})`);
        }
        case 'linkReference': {
          const children = transformChildren(node);
          const definition = definitions.get(key(node.identifier));
          if (!definition) return [text('['), ...children, text(`]${referenceSuffix(node)}`)];
          return link(definition.url, definition.title, children, () => `[${plainText(node)}](${definition.url ?? ''})`);
        }
        case 'link':
          return link(node.url, node.title, transformChildren(node), () => `[${plainText(node)}](${node.url ?? ''})`);
        default:
          if (node.children) node.children = transformChildren(node);
          return [node];
      }
    };
    const transformChildren = (node: MdNode): MdNode[] => (node.children ?? []).flatMap((child) => transform(child, node));

    tree.children = transformChildren(tree);
  };
}

type ParsingPlugins = ReturnType<typeof getDefaultEuiMarkdownParsingPlugins>;

/**
 * OUI's parsing plugins with `htmlAsText` right after the parser, so it runs before every transform
 * OUI adds — its link validator included, which then checks links once more (OUI 1.x keeps only
 * `http:`, `https:` and `/…` links). For `EuiMarkdownFormat`'s `parsingPluginList`; if an OUI
 * lacked the getter, `undefined` leaves OUI's defaults, which drop raw HTML (safe, less clear).
 */
export function safeMarkdownParsingPlugins(): ParsingPlugins | undefined {
  if (typeof getDefaultEuiMarkdownParsingPlugins !== 'function') return undefined;
  const [parser, ...transforms] = getDefaultEuiMarkdownParsingPlugins();
  return [parser, [htmlAsText, {}], ...transforms] as ParsingPlugins;
}
