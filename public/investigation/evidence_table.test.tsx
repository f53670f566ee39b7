import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { EvidenceHit } from '../../common/types';
import { investigationFixture, XSS_USER_AGENT } from '../testing/investigation_fixture';
import { renderWithServices } from '../testing/render_with_services';
import { EvidenceTable } from './evidence_table';

const group = investigationFixture().evidence[0];

describe('EvidenceTable', () => {
  it('shows attacker-controlled values as text, never as markup', () => {
    const { container } = renderWithServices(<EvidenceTable hits={group.hits} columns={group.columns} timeField="@timestamp" onInspect={jest.fn()} />);
    expect(screen.getByText(XSS_USER_AGENT)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows dotted field names as columns and their values by name', () => {
    renderWithServices(<EvidenceTable hits={group.hits} columns={group.columns} timeField="@timestamp" onInspect={jest.fn()} />);
    expect(screen.getAllByText('requestParameters.key').length).toBeGreaterThan(0);
    expect(screen.getByText('config.py')).toBeInTheDocument();
    expect(screen.getByText('2021-04-27 10:21:19')).toBeInTheDocument();
  });

  it('pages long groups ten rows at a time', () => {
    const hits: EvidenceHit[] = Array.from({ length: 45 }, (_, i) => ({
      ref: { index: 'i', id: `doc-${i}` },
      timestamp: new Date(Date.UTC(2021, 3, 27, 10, 0, i)).toISOString(),
      fields: { 'event.action': `Call${i}` },
    }));
    renderWithServices(<EvidenceTable hits={hits} columns={['@timestamp', 'event.action']} timeField="@timestamp" onInspect={jest.fn()} />);
    const table = screen.getByTestId('evidenceTable');
    expect(within(table).getAllByText(/^Call\d+$/)).toHaveLength(10);
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    expect(within(table).getByText('Call10')).toBeInTheDocument();
    expect(within(table).queryByText('Call0')).toBeNull();
  });

  it('opens the whole document of a row', () => {
    const onInspect = jest.fn();
    renderWithServices(<EvidenceTable hits={group.hits} columns={group.columns} timeField="@timestamp" onInspect={onInspect} />);
    fireEvent.click(screen.getAllByTestId('viewDocument')[1]);
    expect(onInspect).toHaveBeenCalledWith(group.hits[1].ref);
  });

  it('offers "Add to case" on every row when asked to', () => {
    const onAddToCase = jest.fn();
    renderWithServices(<EvidenceTable hits={group.hits} columns={group.columns} timeField="@timestamp" onInspect={jest.fn()} onAddToCase={onAddToCase} />);
    fireEvent.click(screen.getAllByTestId('addEvidenceToCase')[2]);
    expect(onAddToCase).toHaveBeenCalledWith(group.hits[2]);
  });
});
