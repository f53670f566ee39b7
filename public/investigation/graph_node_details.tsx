import React from 'react';
import { EuiLink, EuiText } from '@elastic/eui';
import { GraphNode } from '../../common/types';
import { DrawnGraph, DrawnNode } from './graph_layout';
import { entityLabel } from '../shared/palette';
import { i18n } from '@osd/i18n';

export interface GraphNodeDetailsProps {
  graph: DrawnGraph;
  node: DrawnNode;
  onSelect(node: GraphNode): void;
}

/** What the focused entity is connected to, in words, each neighbour one click away. */
export function GraphNodeDetails({ graph, node, onSelect }: GraphNodeDetailsProps) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const relations = graph.edges
    .filter((e) => e.from === node.id || e.to === node.id)
    .map((e) => ({ edge: e, other: byId.get(e.from === node.id ? e.to : e.from), outgoing: e.from === node.id }))
    .filter((r): r is { edge: typeof r.edge; other: GraphNode; outgoing: boolean } => !!r.other);
  return (
    <EuiText size="s" data-test-subj="graphNodeDetails">
      <p style={{ marginBottom: 4 }}>
        <strong>
          {node.members
            ? i18n.translate('siemInvestigations.graph.details.groupTitle', {
                defaultMessage: '{count, plural, one {# related finding} other {# related findings}}',
                values: { count: node.members.length },
              })
            : entityLabel(node.type)}
        </strong>{' '}
        <code className="eui-textBreakAll">{node.label && !node.members ? `${node.label} (${node.value})` : node.value}</code>
      </p>
      {node.members && (
        <p style={{ marginBottom: 4 }} className="eui-textBreakAll" data-test-subj="graphNodeMembers">
          {node.members.map((m) => m.value).join(', ')}
        </p>
      )}
      {relations.length === 0 ? (
        <p>{i18n.translate('siemInvestigations.investigation.graphNodeDetails.noConnectionsFoundIn', { defaultMessage: 'No connections found in the evidence.' })}</p>
      ) : (
        <ul style={{ marginTop: 0 }}>
          {relations.map(({ edge, other, outgoing }, i) => (
            <li key={i}>
              {outgoing ? (
                <>
                  <em>{edge.relation}</em> →{' '}
                </>
              ) : (
                <>← </>
              )}
              <EuiLink onClick={() => onSelect(other)}>
                {entityLabel(other.type).toLowerCase()} {other.label ?? other.value}
              </EuiLink>
              {!outgoing && (
                <>
                  {' '}
                  <em>{edge.relation}</em>
                </>
              )}
              {edge.count > 1 ? ` (×${edge.count})` : ''}
            </li>
          ))}
        </ul>
      )}
    </EuiText>
  );
}
