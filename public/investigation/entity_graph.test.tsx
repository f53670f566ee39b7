import React, { useState } from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { EntityGraph as EntityGraphData } from '../../common/types';
import { FocusedEntity } from './entity_match';
import { busyGraphFixture } from '../testing/busy_graph_fixture';
import { investigationFixture } from '../testing/investigation_fixture';
import { renderWithServices } from '../testing/render_with_services';
import { EntityGraph } from './entity_graph';

const { graph } = investigationFixture();

function Harness() {
  const [focused, setFocused] = useState<FocusedEntity | null>(null);
  return <EntityGraph graph={graph} focused={focused} onFocus={setFocused} />;
}

const node = (id: string) => document.querySelector(`[data-node-id="${id}"]`)!;

describe('EntityGraph', () => {
  it('draws every entity; the relation of an edge shows when one of its ends is hovered or focused, not all at once', () => {
    renderWithServices(<Harness />);
    expect(screen.getAllByTestId('graphNode')).toHaveLength(4);
    expect(screen.getAllByTestId('graphEdge').map((e) => e.getAttribute('data-relation'))).toEqual(['involves key', 'called from', 'logged in as']);
    expect(screen.queryAllByTestId('graphEdgeLabel')).toHaveLength(0);
    fireEvent.mouseEnter(node('access_key:ASIAEXAMPLEKEY123456'));
    expect(screen.getAllByTestId('graphEdgeLabel').map((t) => t.textContent)).toEqual(['involves key', 'called from ×2']);
    fireEvent.mouseLeave(node('access_key:ASIAEXAMPLEKEY123456'));
    expect(screen.queryAllByTestId('graphEdgeLabel')).toHaveLength(0);
    // Keyboard focus shows them too.
    fireEvent.focus(node('user:alice'));
    expect(screen.getAllByTestId('graphEdgeLabel').map((t) => t.textContent)).toEqual(['logged in as']);
  });

  it('is one tab stop; arrow keys move between nodes and Enter focuses an entity', () => {
    renderWithServices(<Harness />);
    const tabbable = screen.getAllByTestId('graphNode').filter((n) => n.getAttribute('tabindex') === '0');
    expect(tabbable.map((n) => n.getAttribute('data-node-id'))).toEqual(['finding:f1']);
    (node('finding:f1') as SVGGElement).focus();
    fireEvent.keyDown(node('finding:f1'), { key: 'ArrowDown' });
    const moved = document.activeElement!;
    expect(moved.getAttribute('data-test-subj')).toBe('graphNode');
    expect(moved.getAttribute('data-node-id')).not.toBe('finding:f1');
    fireEvent.keyDown(moved, { key: 'Enter' });
    expect(moved).toHaveAttribute('data-focused', 'true');
    expect(moved).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(moved, { key: 'Escape' });
    expect(document.querySelector('[data-focused]')).toBeNull();
  });

  it('has a table of every entity and relation, whose buttons focus entities like the drawing', () => {
    renderWithServices(<Harness />);
    fireEvent.click(screen.getByText(/The graph as a table/));
    const rows = screen.getAllByTestId('graphTableNode');
    expect(rows.map((r) => r.getAttribute('data-node-id')).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(screen.getByTestId('graphTableEdges')).toHaveTextContent('access key ASIAEXAMPLEKEY123456');
    expect(screen.getByTestId('graphTableEdges')).toHaveTextContent('called from');
    fireEvent.click(rows.find((r) => r.getAttribute('data-node-id') === 'user:alice')!);
    expect(node('user:alice')).toHaveAttribute('data-focused', 'true');
  });

  it('collapses 30 related findings into one node per type, with a count, and lists them when focused', () => {
    function Busy() {
      const [focused, setFocused] = useState<FocusedEntity | null>(null);
      return <EntityGraph graph={busyGraphFixture()} focused={focused} onFocus={setFocused} />;
    }
    renderWithServices(<Busy />);
    const nodes = screen.getAllByTestId('graphNode');
    expect(nodes.length).toBeGreaterThanOrEqual(50);
    const ssh = node('finding-group:UnauthorizedAccess:EC2/SSHBruteForce');
    expect(ssh).toHaveAttribute('data-members', '12');
    expect(ssh.querySelector('[data-test-subj="graphNodeLabel"]')!.textContent).toMatch(/×12$/);
    fireEvent.click(ssh);
    expect(screen.getByTestId('graphNodeMembers').textContent!.split(', ')).toHaveLength(12);
  });

  it('focuses a clicked entity: its neighbours stay lit, the rest fades', () => {
    renderWithServices(<Harness />);
    fireEvent.click(node('ip:198.51.100.7'));
    expect(node('ip:198.51.100.7')).toHaveAttribute('data-focused', 'true');
    expect(node('access_key:ASIAEXAMPLEKEY123456')).not.toHaveAttribute('data-dimmed');
    expect(node('user:alice')).not.toHaveAttribute('data-dimmed');
    expect(node('finding:f1')).toHaveAttribute('data-dimmed', 'true');
    expect(screen.getByTestId('graphNodeDetails')).toHaveTextContent('logged in as');
  });

  it('moves the focus from the details list and clears it on a second click', () => {
    renderWithServices(<Harness />);
    fireEvent.click(node('ip:198.51.100.7'));
    fireEvent.click(within(screen.getByTestId('graphNodeDetails')).getByText('user alice'));
    expect(node('user:alice')).toHaveAttribute('data-focused', 'true');
    fireEvent.click(node('user:alice'));
    expect(document.querySelector('[data-focused]')).toBeNull();
    expect(document.querySelector('[data-dimmed]')).toBeNull();
  });

  describe('size', () => {
    /** The finding and k IPs around it. */
    const star = (k: number): EntityGraphData => ({
      nodes: [{ id: 'finding:f1', type: 'finding', value: 'f1' }, ...Array.from({ length: k }, (_, i) => ({ id: `ip:10.0.0.${i}`, type: 'ip' as const, value: `10.0.0.${i}` }))],
      edges: Array.from({ length: k }, (_, i) => ({ from: 'finding:f1', to: `ip:10.0.0.${i}`, relation: 'connected', count: 1 })),
    });

    /** Pixels on screen of the finding's circle in a panel `width` px wide (SVG scales the viewBox to fit: `meet`). */
    function findingRadiusPx(graph: EntityGraphData, width: number): number {
      const { unmount } = renderWithServices(<EntityGraph graph={graph} focused={null} onFocus={jest.fn()} />);
      const svg = screen.getByTestId('entityGraphDrawing');
      const [, , vw, vh] = svg.getAttribute('viewBox')!.split(' ').map(Number);
      const scale = Math.min(width / vw, Number(svg.getAttribute('height')) / vh);
      const r = Number(node('finding:f1').querySelector('circle:not([stroke-dasharray])')!.getAttribute('r'));
      unmount();
      return r * scale;
    }

    it.each([800, 1400])('draws a lone finding node no bigger than the finding of a 10-node graph (panel %ipx wide)', (width) => {
      const normal = findingRadiusPx(star(9), width);
      const lone = findingRadiusPx(star(0), width);
      const few = findingRadiusPx(star(2), width);
      expect(normal).toBeGreaterThan(15);
      for (const r of [lone, few]) {
        expect(r).toBeLessThanOrEqual(normal * 1.1);
        expect(r).toBeGreaterThanOrEqual(normal * 0.6);
      }
    });

    it('gives a lone node a modest drawing instead of the whole panel height', () => {
      renderWithServices(<EntityGraph graph={star(0)} focused={null} onFocus={jest.fn()} />);
      expect(Number(screen.getByTestId('entityGraphDrawing').getAttribute('height'))).toBeLessThan(560);
      expect(screen.getAllByTestId('graphNode')).toHaveLength(1);
    });
  });
});

