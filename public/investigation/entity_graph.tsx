import React, { useMemo } from 'react';
import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiIcon, EuiSpacer, EuiText } from '@elastic/eui';
import { EntityGraph as EntityGraphData, GraphNode, GraphNodeType } from '../../common/types';
import { entityKey, FocusedEntity } from './entity_match';
import { graphViewport, layoutGraph, neighbourhood, PlacedEdge } from './graph_layout';
import { entityColor, entityIcon, entityLabel } from '../shared/palette';
import { GraphLegend } from './graph_legend';
import { GraphNodeDetails } from './graph_node_details';

export interface EntityGraphProps {
  graph: EntityGraphData;
  focused: FocusedEntity | null;
  onFocus(entity: FocusedEntity | null): void;
  /** Pixel height of the drawing at most; a small graph takes less (graphViewport). */
  height?: number;
}

const RADIUS = 17;
const PADDING = 80;
const BEND = 26;

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Moves `from` towards `to` by `by` pixels (edges start and end at the circle, not its centre). */
function towards(from: { x: number; y: number }, to: { x: number; y: number }, by: number): { x: number; y: number } {
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) * by) / len, y: from.y + ((to.y - from.y) * by) / len };
}

/** The path of an edge (a straight line, or a curve when two nodes share several relations) and its label point. */
function edgeGeometry(e: PlacedEdge): { d: string; lx: number; ly: number } {
  const mx = (e.source.x + e.target.x) / 2;
  const my = (e.source.y + e.target.y) / 2;
  const len = Math.hypot(e.target.x - e.source.x, e.target.y - e.source.y) || 1;
  // Perpendicular offset, measured from the lexically smaller end so the bends of a pair differ.
  const sign = e.from < e.to ? 1 : -1;
  const off = e.bend * BEND * sign;
  const label = { x: mx - (off * (e.target.y - e.source.y)) / len, y: my + (off * (e.target.x - e.source.x)) / len };
  const control = { x: 2 * label.x - mx, y: 2 * label.y - my };
  const start = towards(e.source, e.bend ? control : e.target, RADIUS + 2);
  const end = towards(e.target, e.bend ? control : e.source, RADIUS + 4);
  const d = e.bend ? `M${start.x},${start.y}Q${control.x},${control.y} ${end.x},${end.y}` : `M${start.x},${start.y}L${end.x},${end.y}`;
  return { d, lx: label.x, ly: label.y };
}

/**
 * Who touched what: entities laid out by d3-force, drawn as SVG by React (all labels are text
 * nodes). A click focuses an entity: its neighbours stay lit, the rest fades.
 */
export function EntityGraph({ graph, focused, onFocus, height = 560 }: EntityGraphProps) {
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const focusedNode = focused ? graph.nodes.find((n) => entityKey({ type: n.type, value: n.value }) === entityKey(focused)) ?? null : null;
  const near = useMemo(() => (focusedNode ? neighbourhood(graph, focusedNode.id) : null), [graph, focusedNode]);
  const types = [...new Set(graph.nodes.map((n) => n.type))] as GraphNodeType[];
  // The finding under investigation: the first finding node (the server adds it first).
  const rootId = graph.nodes.find((n) => n.type === 'finding')?.id;

  if (!graph.nodes.length) {
    return (
      <EuiText size="s" color="subdued">
        <p>No entities to draw.</p>
      </EuiText>
    );
  }

  // A lone finding (or a handful of nodes) is drawn at the scale of a normal graph, not blown up to fill the panel.
  const viewport = graphViewport(layout.bounds, height, PADDING);
  const box = viewport.viewBox;
  const viewBox = `${box.x} ${box.y} ${box.width} ${box.height}`;
  const select = (n: GraphNode) => onFocus(focusedNode?.id === n.id ? null : { type: n.type, value: n.value });

  return (
    <div data-test-subj="entityGraph">
      <GraphLegend types={types} />
      <EuiSpacer size="s" />
      <svg
        viewBox={viewBox}
        width="100%"
        height={viewport.height}
        role="img"
        aria-label="Entity graph"
        style={{ background: '#FAFBFD', border: '1px solid #D3DAE6', borderRadius: 4 }}
        onClick={(e) => {
          if (e.target === e.currentTarget) onFocus(null);
        }}
      >
        <defs>
          <marker id="siemInvestigationsArrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,0L10,5L0,10z" fill="#98A2B3" />
          </marker>
        </defs>
        {layout.edges.map((e, i) => {
          const lit = !near || e.from === focusedNode?.id || e.to === focusedNode?.id;
          const { d, lx, ly } = edgeGeometry(e);
          return (
            <g key={i} opacity={lit ? 1 : 0.12} data-test-subj="graphEdge" data-relation={e.relation}>
              <path d={d} fill="none" stroke={lit && near ? '#343741' : '#98A2B3'} strokeWidth={Math.min(1 + Math.log2(e.count) / 2, 3)} markerEnd="url(#siemInvestigationsArrow)" />
              <text
                x={lx}
                y={ly}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={10}
                fill="#535966"
                stroke="#FAFBFD"
                strokeWidth={3}
                paintOrder="stroke"
              >
                {truncate(e.relation, 28)}
                {e.count > 1 ? ` ×${e.count}` : ''}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((n) => {
          const lit = !near || near.has(n.id);
          const isFocus = focusedNode?.id === n.id;
          const isRoot = n.id === rootId;
          const r = RADIUS + (isRoot ? 5 : 0) + (isFocus ? 4 : 0);
          const label = n.label ?? n.value;
          return (
            <g
              key={n.id}
              transform={`translate(${n.x},${n.y})`}
              opacity={lit ? 1 : 0.25}
              style={{ cursor: 'pointer' }}
              onClick={() => select(n)}
              role="button"
              tabIndex={0}
              aria-label={`${entityLabel(n.type)} ${label}`}
              aria-pressed={isFocus}
              onKeyDown={(ev) => {
                if (ev.key === 'Enter' || ev.key === ' ') select(n);
              }}
              data-test-subj="graphNode"
              data-node-id={n.id}
              data-node-type={n.type}
              data-focused={isFocus ? 'true' : undefined}
              data-dimmed={lit ? undefined : 'true'}
            >
              <title>{`${entityLabel(n.type)}: ${n.label ? `${n.label} (${n.value})` : n.value}`}</title>
              {isRoot && <circle r={r + 5} fill="none" stroke={entityColor(n.type)} strokeWidth={2} strokeDasharray="4 3" />}
              <circle r={r} fill={entityColor(n.type)} stroke={isFocus ? '#1A1C21' : '#FFFFFF'} strokeWidth={isFocus ? 3 : 2} />
              <foreignObject x={-8} y={-8} width={16} height={16} style={{ pointerEvents: 'none' }}>
                <EuiIcon type={entityIcon(n.type)} size="m" color="#FFFFFF" />
              </foreignObject>
              <text y={r + (isRoot ? 19 : 14)} textAnchor="middle" fontSize={11} fill="#1A1C21" stroke="#FAFBFD" strokeWidth={3} paintOrder="stroke" fontWeight={isFocus || isRoot ? 700 : 400}>
                {truncate(label, 30)}
              </text>
            </g>
          );
        })}
      </svg>
      <EuiSpacer size="s" />
      {focusedNode ? (
        <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
          <EuiFlexItem>
            <GraphNodeDetails graph={graph} node={focusedNode} onSelect={(n) => onFocus({ type: n.type, value: n.value })} />
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty size="xs" iconType="cross" onClick={() => onFocus(null)}>
              Clear focus
            </EuiButtonEmpty>
          </EuiFlexItem>
        </EuiFlexGroup>
      ) : (
        <EuiText size="xs" color="subdued">
          <p>The dashed ring marks the finding under investigation. Click an entity to focus on it and its direct neighbours; the evidence and timeline follow the focus.</p>
        </EuiText>
      )}
    </div>
  );
}
