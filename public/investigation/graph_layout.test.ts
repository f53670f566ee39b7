import { busyGraphFixture } from '../testing/busy_graph_fixture';
import { investigationFixture } from '../testing/investigation_fixture';
import { BAND_ORDER, collapseRelatedFindings, graphViewport, layoutGraph, MAX_GRAPH_SCALE, MIN_GRAPH_HEIGHT, neighbourhood, nextNode, overlappingLabels, PER_LINE } from './graph_layout';

describe('graph layout', () => {
  const { graph } = investigationFixture();

  it('places every node, the finding at the top centre, the same way every time', () => {
    const a = layoutGraph(graph);
    const b = layoutGraph(JSON.parse(JSON.stringify(graph)));
    expect(a.nodes.map((n) => [n.id, n.x, n.y])).toEqual(b.nodes.map((n) => [n.id, n.x, n.y]));
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

  describe('a busy graph (30 related findings, 50+ nodes)', () => {
    const busy = busyGraphFixture();
    const drawn = collapseRelatedFindings(busy);

    it('collapses related findings of one type into one node with a count, and merges their edges', () => {
      expect(busy.nodes.filter((n) => n.type === 'finding')).toHaveLength(31);
      const groups = drawn.nodes.filter((n) => n.members);
      expect(groups.map((g) => [g.value, g.members!.length])).toEqual([
        ['UnauthorizedAccess:EC2/SSHBruteForce', 12],
        ['Recon:EC2/PortProbeUnprotectedPort', 9],
        ['Backdoor:EC2/C&CActivity.B!DNS', 6],
        ['CryptoCurrency:EC2/BitcoinTool.B!DNS', 3],
      ]);
      // The finding under investigation stays itself.
      expect(drawn.nodes[0].id).toBe('finding:root');
      expect(drawn.nodes.length).toBeGreaterThanOrEqual(50);
      const onInstance = drawn.edges.find((e) => e.from === 'finding-group:UnauthorizedAccess:EC2/SSHBruteForce' && e.relation === 'on instance');
      expect(onInstance?.count).toBe(12);
      // Every edge of a member now starts at its group; none is lost or points nowhere.
      const ids = new Set(drawn.nodes.map((n) => n.id));
      expect(drawn.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
      expect(drawn.edges.filter((e) => e.relation === 'remote address')).toHaveLength(30);
    });

    it('leaves a lone related finding of its type as it is', () => {
      const one = collapseRelatedFindings({
        nodes: [...graph.nodes, { id: 'finding:x', type: 'finding', value: 'x', label: 'Recon:EC2/Portscan' }],
        edges: [{ from: 'finding:x', to: 'ip:198.51.100.7', relation: 'remote address', count: 1 }],
      });
      expect(one.nodes.find((n) => n.id === 'finding:x')?.members).toBeUndefined();
    });

    it('puts each type in its own band, in the fixed order, at most PER_LINE nodes a row', () => {
      const layout = layoutGraph(drawn);
      const bandTop = new Map<number, number>();
      for (const n of layout.nodes) bandTop.set(n.band, Math.min(bandTop.get(n.band) ?? Infinity, n.y));
      const types = [...new Set(layout.nodes.map((n) => n.type))].sort((a, b) => BAND_ORDER.indexOf(a) - BAND_ORDER.indexOf(b));
      const tops = types.map((t) => Math.min(...layout.nodes.filter((n) => n.type === t).map((n) => n.y)));
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      // No row mixes types, and no row is longer than PER_LINE.
      const rows = new Map<number, string[]>();
      for (const n of layout.nodes) rows.set(n.y, [...(rows.get(n.y) ?? []), n.type]);
      for (const row of rows.values()) {
        expect(new Set(row).size).toBe(1);
        expect(row.length).toBeLessThanOrEqual(PER_LINE);
      }
    });

    it('draws no label over another label or another node', () => {
      const layout = layoutGraph(drawn);
      expect(layout.nodes.length).toBeGreaterThanOrEqual(50);
      expect(overlappingLabels(layout)).toEqual([]);
    });

    it('is deterministic: the same graph, in any order, is placed the same way', () => {
      const a = layoutGraph(collapseRelatedFindings(busy));
      const shuffled = { nodes: [busy.nodes[0], ...busy.nodes.slice(1).reverse()], edges: [...busy.edges].reverse() };
      const b = layoutGraph(collapseRelatedFindings(shuffled));
      const pos = (l: typeof a) => new Map(l.nodes.map((n) => [n.id, `${n.x},${n.y}`]));
      expect(pos(b)).toEqual(pos(a));
    });

    it('moves between nodes with the arrow keys: along a row, then to the nearest node of the next row', () => {
      const layout = layoutGraph(drawn);
      expect(nextNode(layout, 'finding:root', 'ArrowUp')).toBeNull();
      const right = nextNode(layout, 'finding:root', 'ArrowRight')!;
      expect(layout.nodes.find((n) => n.id === right)).toMatchObject({ y: 0 });
      const down = nextNode(layout, 'finding:root', 'ArrowDown')!;
      const root = layout.nodes.find((n) => n.id === 'finding:root')!;
      const below = layout.nodes.find((n) => n.id === down)!;
      expect(below.y).toBeGreaterThan(root.y);
      expect(nextNode(layout, down, 'ArrowUp')).toBe(layout.nodes.filter((n) => n.y === 0).reduce((b, n) => (Math.abs(n.x - below.x) < Math.abs(b.x - below.x) ? n : b)).id);
    });
  });

  describe('viewport', () => {
    const lone = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    const busy = { minX: -300, minY: -200, maxX: 300, maxY: 200 };

    it('does not blow a lone node up to the panel: at most MAX_GRAPH_SCALE pixels per unit, centred on it', () => {
      const v = graphViewport(lone, 560, 80);
      expect(v.height / v.viewBox.height).toBeLessThanOrEqual(MAX_GRAPH_SCALE + 1e-9);
      expect(v.height).toBe(MIN_GRAPH_HEIGHT);
      expect(v.viewBox.x + v.viewBox.width / 2).toBe(0);
      expect(v.viewBox.y).toBeLessThan(0);
      expect(v.viewBox.y + v.viewBox.height).toBeGreaterThan(0);
    });

    it('leaves a graph that needs the space as it was', () => {
      expect(graphViewport(busy, 560, 80)).toEqual({ viewBox: { x: -380, y: -240, width: 760, height: 496 }, height: 496 });
    });

    it('never makes the drawing taller than asked', () => {
      expect(graphViewport(lone, 200, 80).height).toBe(200);
      expect(graphViewport(busy, 300, 80).height).toBe(300);
    });
  });
});
