import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { EntityGraph, GraphEdge, GraphNode } from '../../common/types';

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

export interface PlacedEdge extends GraphEdge {
  source: PlacedNode;
  target: PlacedNode;
  /** Edges between the same two nodes bend apart: -1, 0, 1 … times a fixed offset. */
  bend: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Bounding box of the node centres, for the SVG viewBox. */
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

type SimNode = GraphNode & SimulationNodeDatum;

/**
 * Places the entity graph with d3-force, run to rest synchronously (no animation: the picture is
 * the same on every render and in every screenshot). The finding sits in the middle.
 */
export function layoutGraph(graph: EntityGraph, ticks = 300): GraphLayout {
  const nodes: SimNode[] = graph.nodes.map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links: Array<SimulationLinkDatum<SimNode>> = graph.edges
    .filter((e) => byId.has(e.from) && byId.has(e.to))
    .map((e) => ({ source: e.from, target: e.to }));
  const root = nodes.find((n) => n.type === 'finding');
  if (root) {
    root.fx = 0;
    root.fy = 0;
  }
  forceSimulation(nodes)
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((n) => n.id).distance(120).strength(0.6))
    .force('charge', forceManyBody().strength(-900))
    .force('collide', forceCollide(58))
    // A stronger pull vertically than horizontally: the graph fills a wide panel.
    .force('x', forceX(0).strength(0.03))
    .force('y', forceY(0).strength(0.12))
    .stop()
    .tick(ticks);

  const placed = new Map<string, PlacedNode>(nodes.map((n) => [n.id, { id: n.id, type: n.type, value: n.value, ...(n.label ? { label: n.label } : {}), x: n.x ?? 0, y: n.y ?? 0 }]));
  const pairCount = new Map<string, number>();
  const edges: PlacedEdge[] = [];
  for (const e of graph.edges) {
    const source = placed.get(e.from);
    const target = placed.get(e.to);
    if (!source || !target) continue;
    const pair = [e.from, e.to].sort().join('\u0000');
    const k = pairCount.get(pair) ?? 0;
    pairCount.set(pair, k + 1);
    edges.push({ ...e, source, target, bend: k === 0 ? 0 : k % 2 === 1 ? (k + 1) / 2 : -k / 2 });
  }
  const list = [...placed.values()];
  const xs = list.map((n) => n.x);
  const ys = list.map((n) => n.y);
  return {
    nodes: list,
    edges,
    bounds: list.length
      ? { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) }
      : { minX: 0, minY: 0, maxX: 0, maxY: 0 },
  };
}

export interface GraphViewport {
  /** SVG user units (graph coordinates) shown. */
  viewBox: { x: number; y: number; width: number; height: number };
  /** Pixel height of the SVG element. */
  height: number;
}

/** At most this many pixels per graph unit, whatever the panel: a busy graph (10+ nodes) lands about here. */
export const MAX_GRAPH_SCALE = 1.5;
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
