import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { Entity, EntityGraph as EntityGraphData, ENTITY_TYPES } from '../../common/types';
import { renderWithServices } from '../testing/render_with_services';
import { EntityChips } from './entity_chips';
import { EntityGraph } from './entity_graph';
import { GraphNodeDetails } from './graph_node_details';

// Every entity type, plus one a newer server might send before this browser knows it.
const TYPES = [...ENTITY_TYPES, 'iot_device'] as Array<Entity['type']>;
const entities: Entity[] = TYPES.map((type) => ({ type, value: `${type}-value`, sources: ['finding'] }));
const graph: EntityGraphData = {
  nodes: [{ id: 'finding:f1', type: 'finding', value: 'f1' }, ...entities.map((e) => ({ id: `${e.type}:${e.value}`, type: e.type, value: e.value }))],
  edges: entities.map((e) => ({ from: 'finding:f1', to: `${e.type}:${e.value}`, relation: 'names', count: 1 })),
};

describe('entity views with the entity types of every family', () => {
  it('shows a labelled chip row for every type, unknown ones last', () => {
    renderWithServices(<EntityChips entities={entities} focused={null} onFocus={jest.fn()} />);
    expect(screen.getAllByTestId('entityChip').map((c) => c.getAttribute('data-entity-type'))).toEqual(TYPES);
    expect(screen.getByLabelText('Focus on EKS cluster k8s_cluster-value')).toBeInTheDocument();
    expect(screen.getByLabelText('Focus on Attack sequence signal signal-value')).toBeInTheDocument();
    expect(screen.getByLabelText('Focus on Iot device iot_device-value')).toBeInTheDocument();
  });

  it('draws, colours and lists every type in the graph and its legend', () => {
    renderWithServices(<EntityGraph graph={graph} focused={null} onFocus={jest.fn()} />);
    expect(screen.getAllByTestId('graphNode')).toHaveLength(TYPES.length + 1);
    const legend = screen.getByTestId('graphLegend');
    for (const label of ['Principal ARN', 'Kubernetes namespace', 'Kubernetes user', 'Kubernetes workload', 'Container image', 'ECS cluster', 'ECS task', 'Lambda function', 'RDS instance', 'Database user', 'Domain', 'Process', 'File hash', 'Iot device']) {
      expect(within(legend).getByText(label)).toBeInTheDocument();
    }
    for (const n of screen.getAllByTestId('graphNode')) {
      expect(n.querySelector('circle:not([stroke-dasharray])')!.getAttribute('fill')).toMatch(/^#[0-9A-F]{6}$/i);
    }
  });

  it('describes the neighbours of a focused node of any type', () => {
    const onSelect = jest.fn();
    renderWithServices(<GraphNodeDetails graph={graph} node={graph.nodes[0]} onSelect={onSelect} />);
    const details = screen.getByTestId('graphNodeDetails');
    expect(details).toHaveTextContent('lambda function lambda_function-value');
    expect(details).toHaveTextContent('iot device iot_device-value');
    fireEvent.click(screen.getByText('rds instance rds_instance-value'));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ type: 'rds_instance', value: 'rds_instance-value' }));
  });
});
