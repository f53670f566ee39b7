import { investigationFixture } from '../testing/investigation_fixture';
import { graphViewport, layoutGraph, MAX_GRAPH_SCALE, MIN_GRAPH_HEIGHT, neighbourhood } from './graph_layout';

describe('graph layout', () => {
  const { graph } = investigationFixture();

  it('places every node, keeps the finding in the middle and is the same every time', () => {
    const a = layoutGraph(graph);
    const b = layoutGraph(graph);
    expect(a.nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)])).toEqual(b.nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]));
    expect(a.nodes.find((n) => n.type === 'finding')).toMatchObject({ x: 0, y: 0 });
    expect(a.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
  });

  it('keeps nodes apart', () => {
    const { nodes } = layoutGraph(graph);
    for (const p of nodes) for (const q of nodes) if (p !== q) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(40);
  });

  it('bends parallel edges apart and drops edges to unknown nodes', () => {
    const g = {
      nodes: graph.nodes,
      edges: [
        ...graph.edges,
        { from: 'access_key:ASIAEXAMPLEKEY123456', to: 'ip:198.51.100.7', relation: 'GetObject', count: 1 },
        { from: 'ip:198.51.100.7', to: 'nowhere', relation: 'x', count: 1 },
      ],
    };
    const bends = layoutGraph(g).edges.filter((e) => e.to === 'ip:198.51.100.7').map((e) => e.bend);
    expect(bends).toEqual([0, 1]);
    expect(layoutGraph(g).edges).toHaveLength(4);
  });

  it('finds the neighbourhood of a node in both directions', () => {
    expect([...neighbourhood(graph, 'ip:198.51.100.7')].sort()).toEqual(['access_key:ASIAEXAMPLEKEY123456', 'ip:198.51.100.7', 'user:alice']);
  });

  describe('viewport', () => {
    const lone = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    const busy = { minX: -300, minY: -200, maxX: 300, maxY: 200 };

    it('does not blow a lone node up to the panel: at most MAX_GRAPH_SCALE pixels per unit, centred on it', () => {
      const v = graphViewport(lone, 560, 80);
      expect(v.height / v.viewBox.height).toBeLessThanOrEqual(MAX_GRAPH_SCALE + 1e-9);
      expect(v.height).toBe(MIN_GRAPH_HEIGHT);
      expect(v.viewBox.x + v.viewBox.width / 2).toBe(0);
      // The node centre stays inside, above the middle by the room kept for its label.
      expect(v.viewBox.y).toBeLessThan(0);
      expect(v.viewBox.y + v.viewBox.height).toBeGreaterThan(0);
    });

    it('leaves a graph that needs the space as it was', () => {
      expect(graphViewport(busy, 560, 80)).toEqual({ viewBox: { x: -380, y: -240, width: 760, height: 496 }, height: 560 });
    });

    it('never makes the drawing taller than asked', () => {
      expect(graphViewport(lone, 200, 80).height).toBe(200);
      expect(graphViewport(busy, 300, 80).height).toBe(300);
    });
  });
});

