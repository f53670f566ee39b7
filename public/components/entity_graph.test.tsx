import React, { useState } from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { FocusedEntity } from '../lib/entity_match';
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
  it('draws every entity and labels every edge with its relation', () => {
    renderWithServices(<Harness />);
    expect(screen.getAllByTestId('graphNode')).toHaveLength(4);
    expect(screen.getAllByTestId('graphEdge').map((e) => e.getAttribute('data-relation'))).toEqual(['involves key', 'called from', 'logged in as']);
    expect(screen.getByText('called from ×2')).toBeInTheDocument();
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
    fireEvent.click(screen.getByText('user alice'));
    expect(node('user:alice')).toHaveAttribute('data-focused', 'true');
    fireEvent.click(node('user:alice'));
    expect(document.querySelector('[data-focused]')).toBeNull();
    expect(document.querySelector('[data-dimmed]')).toBeNull();
  });
});
