import { EntityGraph, GraphEdge, GraphNode, GraphNodeType } from '../../common/types';

/** A node as drawn: an entity, or related findings of one type collapsed into one node. */
export interface DrawnNode extends GraphNode {
  /** Collapsed related findings: how many, and which. */
  members?: GraphNode[];
}

export interface DrawnGraph {
  nodes: DrawnNode[];
  edges: GraphEdge[];
}

export interface PlacedNode extends DrawnNode {
  x: number;
  y: number;
  /** The band (row group) of the node's type, top to bottom. */
  band: number;
  /** The text drawn under the node (truncated) and its box, in layout units. */
  text: string;
  labelBox: Box;
}

export interface PlacedEdge extends GraphEdge {
  source: PlacedNode;
  target: PlacedNode;
  /** Sideways offset of the edge's curve, in units of BEND: 0 is a straight line. */
  bend: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Bounding box of the node centres, for the SVG viewBox. */
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Geometry shared by the layout and the drawing (entity_graph.tsx), in layout units. */
export const NODE_RADIUS = 17;
export const ROOT_EXTRA = 5;
export const LABEL_FONT = 11;
/** Characters of a node's label drawn under it; the whole value is in its tooltip and the table. */
export const LABEL_CHARS = 24;
/** A generous average glyph width for the label font (wide glyphs, digits, capitals). */
const CHAR_WIDTH = 0.62 * LABEL_FONT;
const LABEL_GAP = 4;
const LINE_HEIGHT = 92;
const BAND_GAP = 22;
const MIN_SPACING = 96;
/** Nodes per line of a band; more wrap onto the next line of the same band. */
export const PER_LINE = 8;
export const BEND = 26;

/**
 * Bands top to bottom: the finding and its collapsed relatives, then who acted (accounts,
 * principals, keys), what ran (workloads, instances), then the network and the data touched.
 * A type a newer server sends goes last.
 */
export const BAND_ORDER: GraphNodeType[] = [
  'finding',
  'signal',
  'account',
  'region',
  'principal_arn',
  'role',
  'user',
  'k8s_user',
  'db_user',
  'access_key',
  'k8s_cluster',
  'k8s_namespace',
  'k8s_workload',
  'ecs_cluster',
  'ecs_task',
  'container_image',
  'lambda_function',
  'rds_instance',
  'instance',
  'process',
  'file_hash',
  'ip',
  'domain',
  'bucket',
  'object',
];

export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** What a node shows under it: its label or value, and for a collapsed group the count. */
export function nodeText(n: DrawnNode): string {
  const base = truncate(n.label ?? n.value, LABEL_CHARS);
  return n.members ? `${base} ×${n.members.length}` : base;
}

export function textWidth(text: string): number {
  return Math.ceil(text.length * CHAR_WIDTH);
}

/**
 * Related findings of the same type become one node with a count (`members`); their edges are
 * merged (counts summed). The finding under investigation (the first finding node) stays apart.
 */
export function collapseRelatedFindings(graph: EntityGraph): DrawnGraph {
  const rootId = graph.nodes.find((n) => n.type === 'finding')?.id;
  const byType = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    if (n.type !== 'finding' || n.id === rootId) continue;
    const key = n.label ?? n.value;
    byType.set(key, [...(byType.get(key) ?? []), n]);
  }
  const groupOf = new Map<string, string>();
  const groups = new Map<string, DrawnNode>();
  for (const [type, members] of byType) {
    if (members.length < 2) continue;
    const id = `finding-group:${type}`;
    groups.set(id, { id, type: 'finding', value: type, label: type, members });
    for (const m of members) groupOf.set(m.id, id);
  }
  const nodes: DrawnNode[] = [];
  for (const n of graph.nodes) {
    const g = groupOf.get(n.id);
    if (!g) nodes.push(n);
    else if (groups.has(g)) {
      nodes.push(groups.get(g)!);
      groups.delete(g);
    }
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges) {
    const from = groupOf.get(e.from) ?? e.from;
    const to = groupOf.get(e.to) ?? e.to;
    if (from === to) continue;
    const key = `${from}\u0000${to}\u0000${e.relation}`;
    const seen = edges.get(key);
    if (seen) seen.count += e.count;
    else edges.set(key, { ...e, from, to });
  }
  return { nodes, edges: [...edges.values()] };
}

function bandOf(type: string): number {
  const i = BAND_ORDER.indexOf(type as GraphNodeType);
  return i < 0 ? BAND_ORDER.length : i;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Places the graph without randomness, so the same investigation looks the same every time:
 * one band of rows per entity type in a fixed order (BAND_ORDER), at most PER_LINE nodes a row.
 * Within a band, nodes are ordered by the mean position of their neighbours in the bands above
 * (fewer crossings), then by id. Rows are centred on x = 0; spacing is wide enough for the
 * longest label, so no two labels overlap.
 */
export function layoutGraph(graph: EntityGraph | DrawnGraph): GraphLayout {
  const rootId = graph.nodes.find((n) => n.type === 'finding')?.id;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const texts = new Map(graph.nodes.map((n) => [n.id, nodeText(n)]));
  const spacing = Math.max(MIN_SPACING, ...[...texts.values()].map((t) => textWidth(t) + 2 * LABEL_GAP + 8));

  const bands = new Map<number, DrawnNode[]>();
  for (const n of graph.nodes) bands.set(bandOf(n.type), [...(bands.get(bandOf(n.type)) ?? []), n]);
  const x = new Map<string, number>();
  const placed: PlacedNode[] = [];
  let y = 0;
  for (const band of [...bands.keys()].sort((a, b) => a - b)) {
    const members = bands.get(band)!;
    const mean = (id: string) => {
      const xs = (neighbours.get(id) ?? []).map((o) => x.get(o)).filter((v): v is number => v !== undefined);
      return xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : Number.POSITIVE_INFINITY;
    };
    const ordered = members.filter((n) => n.id !== rootId).sort((a, b) => mean(a.id) - mean(b.id) || compare(a.id, b.id));
    // The finding under investigation in the middle of the first row.
    const root = members.find((n) => n.id === rootId);
    if (root) ordered.splice(Math.floor(Math.min(ordered.length, PER_LINE - 1) / 2), 0, root);
    for (let line = 0; line * PER_LINE < ordered.length; line++) {
      const row = ordered.slice(line * PER_LINE, (line + 1) * PER_LINE);
      row.forEach((n, i) => {
        const nx = (i - (row.length - 1) / 2) * spacing;
        x.set(n.id, nx);
        const text = texts.get(n.id)!;
        const width = textWidth(text);
        const r = NODE_RADIUS + (n.id === rootId ? ROOT_EXTRA : 0);
        placed.push({ ...n, x: nx, y, band, text, labelBox: { x: nx - width / 2, y: y + r + LABEL_GAP, width, height: LABEL_FONT + 3 } });
      });
      y += LINE_HEIGHT;
    }
    y += BAND_GAP;
  }

  const byId = new Map(placed.map((n) => [n.id, n]));
  const pairCount = new Map<string, number>();
  const placedEdges: PlacedEdge[] = [];
  for (const e of edges) {
    const source = byId.get(e.from)!;
    const target = byId.get(e.to)!;
    const pair = [e.from, e.to].sort().join('\u0000');
    const k = pairCount.get(pair) ?? 0;
    pairCount.set(pair, k + 1);
    let bend = k === 0 ? 0 : k % 2 === 1 ? (k + 1) / 2 : -k / 2;
    // Two nodes of one row: a straight line would run through the nodes between them.
    if (source.y === target.y) bend += (Math.abs(target.x - source.x) * 0.22) / BEND;
    placedEdges.push({ ...e, source, target, bend });
  }
  const xs = placed.map((n) => n.x);
  const ys = placed.map((n) => n.y);
  return {
    nodes: placed,
    edges: placedEdges,
    bounds: placed.length
      ? { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) }
      : { minX: 0, minY: 0, maxX: 0, maxY: 0 },
  };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Pairs of nodes whose labels overlap, or whose label covers another node's circle (none, by construction). */
export function overlappingLabels(layout: GraphLayout): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const circle = (n: PlacedNode): Box => ({ x: n.x - NODE_RADIUS, y: n.y - NODE_RADIUS, width: 2 * NODE_RADIUS, height: 2 * NODE_RADIUS });
  for (const a of layout.nodes) {
    for (const b of layout.nodes) {
      if (a === b) continue;
      if (a.id < b.id && boxesOverlap(a.labelBox, b.labelBox)) out.push([a.id, b.id]);
      if (boxesOverlap(a.labelBox, circle(b))) out.push([a.id, b.id]);
    }
  }
  return out;
}

export interface GraphViewport {
  /** SVG user units (graph coordinates) shown. */
  viewBox: { x: number; y: number; width: number; height: number };
  /** Pixel height of the SVG element. */
  height: number;
}

/** At most this many pixels per graph unit, whatever the panel: labels are drawn at their font size, never blown up. */
export const MAX_GRAPH_SCALE = 1;
/** A small graph does not need the whole panel height, but keeps room for its labels. */
export const MIN_GRAPH_HEIGHT = 240;

/**
 * What part of the plane the SVG shows and how tall it is. Around the node centres: `padding`
 * left and right, half of it above and room for labels below. A graph of one or a few nodes would
 * be blown up to fill the panel (one node the size of a plate), so the shown area is widened,
 * centred, until one unit is at most MAX_GRAPH_SCALE pixels tall, and the SVG gets only the height
 * it needs (MIN_GRAPH_HEIGHT or more, `maxHeight` at most).
 */
export function graphViewport(bounds: GraphLayout['bounds'], maxHeight: number, padding: number): GraphViewport {
  const natural = {
    x: bounds.minX - padding,
    y: bounds.minY - padding / 2,
    width: bounds.maxX - bounds.minX + 2 * padding,
    height: bounds.maxY - bounds.minY + padding * 1.2,
  };
  const height = Math.min(maxHeight, Math.max(MIN_GRAPH_HEIGHT, natural.height * MAX_GRAPH_SCALE));
  const minUnits = height / MAX_GRAPH_SCALE;
  if (natural.height >= minUnits) return { viewBox: natural, height };
  const grow = (minUnits - natural.height) / 2;
  return { viewBox: { ...natural, y: natural.y - grow, height: minUnits }, height };
}

/** The node and everything one edge away from it. */
export function neighbourhood(graph: Pick<EntityGraph, 'edges'>, id: string): Set<string> {
  const near = new Set([id]);
  for (const e of graph.edges) {
    if (e.from === id) near.add(e.to);
    if (e.to === id) near.add(e.from);
  }
  return near;
}

/**
 * Arrow-key movement between nodes: left/right along the row, up/down to the nearest node of
 * the row above or below. Returns the id to move to, or null at an edge of the drawing.
 */
export function nextNode(layout: GraphLayout, fromId: string, key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'): string | null {
  const from = layout.nodes.find((n) => n.id === fromId);
  if (!from) return layout.nodes[0]?.id ?? null;
  const sameRow = layout.nodes.filter((n) => n.y === from.y).sort((a, b) => a.x - b.x);
  const i = sameRow.indexOf(from);
  if (key === 'ArrowLeft') return sameRow[i - 1]?.id ?? null;
  if (key === 'ArrowRight') return sameRow[i + 1]?.id ?? null;
  const rows = [...new Set(layout.nodes.map((n) => n.y))].sort((a, b) => a - b);
  const r = rows.indexOf(from.y) + (key === 'ArrowDown' ? 1 : -1);
  if (r < 0 || r >= rows.length) return null;
  const candidates = layout.nodes.filter((n) => n.y === rows[r]);
  return candidates.reduce((best, n) => (Math.abs(n.x - from.x) < Math.abs(best.x - from.x) ? n : best)).id;
}
