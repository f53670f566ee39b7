import { i18n } from '@osd/i18n';
import React, { useMemo, useRef, useState } from 'react';
import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiIcon, EuiSpacer, EuiText } from '@elastic/eui';
import { EntityGraph as EntityGraphData, GraphNodeType } from '../../common/types';
import { entityKey, FocusedEntity } from './entity_match';
import { BEND, collapseRelatedFindings, DrawnNode, graphViewport, LABEL_FONT, layoutGraph, neighbourhood, NODE_RADIUS, nextNode, PlacedEdge, ROOT_EXTRA, truncate } from './graph_layout';
import { entityColor, entityIcon, entityLabel, THEME } from '../shared/palette';
import { GraphLegend } from './graph_legend';
import { GraphNodeDetails } from './graph_node_details';
import { GraphTable } from './graph_table';

export interface EntityGraphProps {
  graph: EntityGraphData;
  focused: FocusedEntity | null;
  onFocus(entity: FocusedEntity | null): void;
  /** Pixel height of the drawing at most; a small graph takes less (graphViewport), a big one more. */
  height?: number;
}

const PADDING = 90;
/** A big graph may grow taller than `height`, up to this, rather than shrink its labels. */
const MAX_HEIGHT = 1100;

/** Moves `from` towards `to` by `by` pixels (edges start and end at the circle, not its centre). */
function towards(from: { x: number; y: number }, to: { x: number; y: number }, by: number): { x: number; y: number } {
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) * by) / len, y: from.y + ((to.y - from.y) * by) / len };
}

/** The path of an edge (a straight line, or a curve when two nodes share several relations or a row) and its label point. */
function edgeGeometry(e: PlacedEdge): { d: string; lx: number; ly: number } {
  const mx = (e.source.x + e.target.x) / 2;
  const my = (e.source.y + e.target.y) / 2;
  const len = Math.hypot(e.target.x - e.source.x, e.target.y - e.source.y) || 1;
  // Perpendicular offset, measured from the lexically smaller end so the bends of a pair differ.
  const sign = e.from < e.to ? 1 : -1;
  const off = e.bend * BEND * sign;
  const label = { x: mx - (off * (e.target.y - e.source.y)) / len, y: my + (off * (e.target.x - e.source.x)) / len };
  const control = { x: 2 * label.x - mx, y: 2 * label.y - my };
  const start = towards(e.source, e.bend ? control : e.target, NODE_RADIUS + 2);
  const end = towards(e.target, e.bend ? control : e.source, NODE_RADIUS + 4);
  const d = e.bend ? `M${start.x},${start.y}Q${control.x},${control.y} ${end.x},${end.y}` : `M${start.x},${start.y}L${end.x},${end.y}`;
  return { d, lx: label.x, ly: label.y };
}

function focusOf(n: DrawnNode): FocusedEntity {
  return { type: n.type, value: n.value };
}

/**
 * Who touched what. Related findings of one type are one node with a count; entities sit in a
 * fixed band per type, placed without randomness (graph_layout.ts), drawn as SVG by React (all
 * labels are text nodes). A relation's label shows when the edge or one of its ends is hovered or
 * focused, not all at once. Keyboard: Tab reaches the graph (one stop), arrow keys move between
 * nodes, Enter or Space focuses an entity; the same graph is a table below, for screen readers
 * and for reading a busy graph.
 */
export function EntityGraph({ graph, focused, onFocus, height = 560 }: EntityGraphProps) {
  const drawn = useMemo(() => collapseRelatedFindings(graph), [graph]);
  const layout = useMemo(() => layoutGraph(drawn), [drawn]);
  const [hovered, setHovered] = useState<string | null>(null);
  const [hoveredEdge, setHoveredEdge] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());
  const focusedNode = focused ? drawn.nodes.find((n) => entityKey(n) === entityKey(focused)) ?? null : null;
  const near = useMemo(() => (focusedNode ? neighbourhood(drawn, focusedNode.id) : null), [drawn, focusedNode]);
  const types = [...new Set(drawn.nodes.map((n) => n.type))] as GraphNodeType[];
  // The finding under investigation: the first finding node (the server adds it first).
  const rootId = drawn.nodes.find((n) => n.type === 'finding')?.id;

  if (!graph.nodes.length) {
    return (
      <EuiText size="s" color="subdued">
        <p>{i18n.translate('siemInvestigations.investigation.entityGraph.noEntitiesToDraw', { defaultMessage: 'No entities to draw.' })}</p>
      </EuiText>
    );
  }

  // A lone finding (or a handful of nodes) is drawn at the scale of a normal graph, not blown up to
  // fill the panel; a big graph gets the height its rows need, so its labels stay readable.
  const rows = new Set(layout.nodes.map((n) => n.y)).size;
  const viewport = graphViewport(layout.bounds, rows > 6 ? Math.min(MAX_HEIGHT, Math.max(height, rows * 80)) : height, PADDING);
  const box = viewport.viewBox;
  const viewBox = `${box.x} ${box.y} ${box.width} ${box.height}`;
  const select = (n: DrawnNode) => onFocus(focusedNode?.id === n.id ? null : focusOf(n));
  // One tab stop: the focused entity, else the last node moved to, else the finding.
  const tabStop = focusedNode?.id ?? (cursor && layout.nodes.some((n) => n.id === cursor) ? cursor : rootId ?? layout.nodes[0]?.id);
  const active = new Set([focusedNode?.id, hovered].filter((id): id is string => !!id));

  const onKeyDown = (ev: React.KeyboardEvent, n: DrawnNode) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      select(n);
      return;
    }
    if (ev.key === 'Escape' && focusedNode) {
      onFocus(null);
      return;
    }
    if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight' || ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
      ev.preventDefault();
      const next = nextNode(layout, n.id, ev.key);
      if (next) {
        setCursor(next);
        nodeRefs.current.get(next)?.focus();
      }
    }
  };

  return (
    <div data-test-subj="entityGraph">
      <GraphLegend types={types} />
      <EuiSpacer size="s" />
      <svg
        viewBox={viewBox}
        width="100%"
        height={viewport.height}
        role="group"
        aria-label={i18n.translate('siemInvestigations.graph.drawingLabel', { defaultMessage: 'Entity graph: arrow keys move between entities, Enter focuses one' })}
        data-test-subj="entityGraphDrawing"
        style={{ background: THEME.subtleBackground, border: `1px solid ${THEME.border}`, borderRadius: 4 }}
        onClick={(e) => {
          if (e.target === e.currentTarget) onFocus(null);
        }}
      >
        <defs>
          <marker id="siemInvestigationsArrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,0L10,5L0,10z" fill={THEME.line} />
          </marker>
        </defs>
        {layout.edges.map((e, i) => {
          const lit = !near || e.from === focusedNode?.id || e.to === focusedNode?.id;
          const labelled = hoveredEdge === i || active.has(e.from) || active.has(e.to);
          const { d, lx, ly } = edgeGeometry(e);
          return (
            <g
              key={i}
              opacity={lit ? 1 : 0.12}
              data-test-subj="graphEdge"
              data-relation={e.relation}
              data-labelled={labelled ? 'true' : undefined}
              onMouseEnter={() => setHoveredEdge(i)}
              onMouseLeave={() => setHoveredEdge((h) => (h === i ? null : h))}
            >
              <title>{`${e.relation}${e.count > 1 ? ` ×${e.count}` : ''}`}</title>
              {/* A wide invisible stroke makes the thin edge easy to hover. */}
              <path d={d} fill="none" stroke="transparent" strokeWidth={10} />
              <path
                d={d}
                fill="none"
                stroke={lit && near ? THEME.strongLine : THEME.line}
                strokeWidth={Math.min(1 + Math.log2(e.count) / 2, 3)}
                markerEnd="url(#siemInvestigationsArrow)"
              />
              {labelled && (
                <text
                  x={lx}
                  y={ly}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={10}
                  fill={THEME.subduedText}
                  stroke={THEME.subtleBackground}
                  strokeWidth={3}
                  paintOrder="stroke"
                  data-test-subj="graphEdgeLabel"
                >
                  {truncate(e.relation, 28)}
                  {e.count > 1 ? ` ×${e.count}` : ''}
                </text>
              )}
            </g>
          );
        })}
        {layout.nodes.map((n) => {
          const lit = !near || near.has(n.id);
          const isFocus = focusedNode?.id === n.id;
          const isRoot = n.id === rootId;
          const r = NODE_RADIUS + (isRoot ? ROOT_EXTRA : 0) + (isFocus ? 4 : 0);
          const full = n.members
            ? i18n.translate('siemInvestigations.graph.groupNodeName', {
                defaultMessage: '{count, plural, one {# related finding} other {# related findings}} of type {type}',
                values: { count: n.members.length, type: n.value },
              })
            : `${entityLabel(n.type)} ${n.label ? `${n.label} (${n.value})` : n.value}`;
          return (
            <g
              key={n.id}
              ref={(el) => {
                if (el) nodeRefs.current.set(n.id, el);
                else nodeRefs.current.delete(n.id);
              }}
              transform={`translate(${n.x},${n.y})`}
              opacity={lit ? 1 : 0.25}
              className="siemGraphNode"
              cursor="pointer"
              onClick={() => select(n)}
              onMouseEnter={() => setHovered(n.id)}
              onMouseLeave={() => setHovered((h) => (h === n.id ? null : h))}
              onFocus={() => {
                setHovered(n.id);
                setCursor(n.id);
              }}
              onBlur={() => setHovered((h) => (h === n.id ? null : h))}
              role="button"
              tabIndex={n.id === tabStop ? 0 : -1}
              // The accessible name starts with the text shown under the node (WCAG 2.5.3).
              aria-label={`${n.text}: ${full}`}
              aria-pressed={isFocus}
              onKeyDown={(ev) => onKeyDown(ev, n)}
              data-test-subj="graphNode"
              data-node-id={n.id}
              data-node-type={n.type}
              data-members={n.members ? n.members.length : undefined}
              data-focused={isFocus ? 'true' : undefined}
              data-dimmed={lit ? undefined : 'true'}
            >
              <title>{full}</title>
              {isRoot && <circle r={r + 5} fill="none" stroke={entityColor(n.type)} strokeWidth={2} strokeDasharray="4 3" />}
              {hovered === n.id && <circle r={r + 4} fill="none" stroke={THEME.primary} strokeWidth={2} data-test-subj="graphNodeRing" />}
              <circle r={r} fill={entityColor(n.type)} stroke={isFocus ? THEME.strongLine : THEME.background} strokeWidth={isFocus ? 3 : 2} />
              {n.members && <circle r={r + 3} fill="none" stroke={entityColor(n.type)} strokeWidth={2} />}
              <foreignObject x={-8} y={-8} width={16} height={16} pointerEvents="none">
                <EuiIcon type={entityIcon(n.type)} size="m" color={THEME.onVis} aria-hidden />
              </foreignObject>
              <text
                y={n.labelBox.y - n.y + LABEL_FONT}
                textAnchor="middle"
                fontSize={LABEL_FONT}
                fill={THEME.text}
                stroke={THEME.subtleBackground}
                strokeWidth={3}
                paintOrder="stroke"
                fontWeight={isFocus || isRoot ? 700 : 400}
                data-test-subj="graphNodeLabel"
              >
                {n.text}
              </text>
            </g>
          );
        })}
      </svg>
      <EuiSpacer size="s" />
      {focusedNode ? (
        <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
          <EuiFlexItem>
            <GraphNodeDetails graph={drawn} node={focusedNode} onSelect={(n) => onFocus(focusOf(n))} />
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty size="xs" iconType="cross" onClick={() => onFocus(null)}>
              {i18n.translate('siemInvestigations.investigation.entityGraph.clearFocus', { defaultMessage: 'Clear focus' })}</EuiButtonEmpty>
          </EuiFlexItem>
        </EuiFlexGroup>
      ) : (
        <EuiText size="xs" color="subdued">
          <p>
            {i18n.translate('siemInvestigations.graph.help', {
              defaultMessage:
                'The dashed ring marks the finding under investigation; a double ring, related findings of one type. Click an entity (or move with the arrow keys and press Enter) to focus on it and its direct neighbours; the evidence and timeline follow the focus. Hover or focus an entity to read its relations.',
            })}
          </p>
        </EuiText>
      )}
      <EuiSpacer size="s" />
      <GraphTable graph={drawn} focused={focusedNode?.id ?? null} onSelect={select} />
    </div>
  );
}
