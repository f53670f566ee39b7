import { i18n } from '@osd/i18n';
import React from 'react';
import { EuiAccordion, EuiBasicTableColumn, EuiButtonEmpty, EuiInMemoryTable, EuiSpacer, EuiTitle } from '@elastic/eui';
import { GraphEdge } from '../../common/types';
import { DrawnGraph, DrawnNode } from './graph_layout';
import { entityLabel } from '../shared/palette';

interface NodeRow {
  node: DrawnNode;
  type: string;
  name: string;
  connections: number;
}

interface EdgeRow {
  key: string;
  from: string;
  relation: string;
  to: string;
  count: number;
}

function nameOf(n: DrawnNode): string {
  if (n.members)
    return i18n.translate('siemInvestigations.graph.table.groupName', {
      defaultMessage: '{type} ({count, plural, one {# related finding} other {# related findings}})',
      values: { type: n.value, count: n.members.length },
    });
  return n.label ? `${n.label} (${n.value})` : n.value;
}

/**
 * The entity graph as two tables, the list alternative to the drawing: every entity (a button
 * focuses it, as a click on its node does) and every relation, in words. Reachable and readable
 * by keyboard and screen reader, and the way to read a busy graph line by line.
 */
export function GraphTable({ graph, focused, onSelect }: { graph: DrawnGraph; focused: string | null; onSelect(node: DrawnNode): void }) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const degree = new Map<string, number>();
  for (const e of graph.edges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  const nodes: NodeRow[] = graph.nodes.map((n) => ({ node: n, type: entityLabel(n.type), name: nameOf(n), connections: degree.get(n.id) ?? 0 }));
  const label = (id: string) => {
    const n = byId.get(id);
    return n ? `${entityLabel(n.type).toLowerCase()} ${n.members ? n.value : n.label ?? n.value}` : id;
  };
  const edges: EdgeRow[] = graph.edges.map((e: GraphEdge, i) => ({ key: `${i}`, from: label(e.from), relation: e.relation, to: label(e.to), count: e.count }));

  const nodeColumns: Array<EuiBasicTableColumn<NodeRow>> = [
    { field: 'type', name: i18n.translate('siemInvestigations.graph.table.type', { defaultMessage: 'Type' }), sortable: true, width: '160px' },
    {
      field: 'name',
      name: i18n.translate('siemInvestigations.graph.table.entity', { defaultMessage: 'Entity' }),
      sortable: true,
      render: (name: string, row: NodeRow) => (
        <EuiButtonEmpty
          size="xs"
          flush="left"
          onClick={() => onSelect(row.node)}
          aria-pressed={focused === row.node.id}
          data-test-subj="graphTableNode"
          data-node-id={row.node.id}
          className="eui-textBreakAll"
        >
          {name}
        </EuiButtonEmpty>
      ),
    },
    { field: 'connections', name: i18n.translate('siemInvestigations.graph.table.relationCount', { defaultMessage: 'Relations' }), sortable: true, width: '100px', dataType: 'number' },
  ];
  const edgeColumns: Array<EuiBasicTableColumn<EdgeRow>> = [
    { field: 'from', name: i18n.translate('siemInvestigations.graph.table.from', { defaultMessage: 'From' }), sortable: true, render: (v: string) => <span className="eui-textBreakAll">{v}</span> },
    { field: 'relation', name: i18n.translate('siemInvestigations.graph.table.relation', { defaultMessage: 'Relation' }), sortable: true },
    { field: 'to', name: i18n.translate('siemInvestigations.graph.table.to', { defaultMessage: 'To' }), sortable: true, render: (v: string) => <span className="eui-textBreakAll">{v}</span> },
    { field: 'count', name: i18n.translate('siemInvestigations.graph.table.times', { defaultMessage: 'Times' }), sortable: true, width: '80px', dataType: 'number' },
  ];
  return (
    <EuiAccordion id="siemInvestigationsGraphTable" buttonContent={i18n.translate('siemInvestigations.graph.table.title', {
        defaultMessage: 'The graph as a table ({entities, plural, one {# entity} other {# entities}}, {relations, plural, one {# relation} other {# relations}})',
        values: { entities: graph.nodes.length, relations: graph.edges.length },
      })} data-test-subj="graphTable">
      <EuiSpacer size="s" />
      <EuiTitle size="xxs">
        <h3>{i18n.translate('siemInvestigations.graph.table.entities', { defaultMessage: 'Entities' })}</h3>
      </EuiTitle>
      <EuiInMemoryTable<NodeRow> items={nodes} itemId={(r) => r.node.id} columns={nodeColumns} pagination={{ initialPageSize: 10, pageSizeOptions: [10, 25, 100] }} sorting compressed data-test-subj="graphTableNodes" />
      <EuiSpacer size="m" />
      <EuiTitle size="xxs">
        <h3>{i18n.translate('siemInvestigations.graph.table.relations', { defaultMessage: 'Relations' })}</h3>
      </EuiTitle>
      <EuiInMemoryTable<EdgeRow> items={edges} itemId="key" columns={edgeColumns} pagination={{ initialPageSize: 10, pageSizeOptions: [10, 25, 100] }} sorting compressed data-test-subj="graphTableEdges" />
    </EuiAccordion>
  );
}
