import { investigationFixture } from '../testing/investigation_fixture';
import { layoutGraph, neighbourhood } from './graph_layout';

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
});
