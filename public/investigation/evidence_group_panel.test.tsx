import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { EvidenceGroup } from '../../common/types';
import { investigationFixture } from '../testing/investigation_fixture';
import { renderWithServices } from '../testing/render_with_services';
import { EvidenceGroupPanel } from './evidence_group_panel';

const inv = investigationFixture();
const [calls, , macie] = inv.evidence;

function renderPanel(group: EvidenceGroup, focused: { type: 'ip'; value: string } | null = null) {
  return renderWithServices(<EvidenceGroupPanel group={group} window={inv.window} focused={focused} highlighted={false} onInspect={jest.fn()} />);
}

describe('EvidenceGroupPanel', () => {
  it('is headed by the question it answers, with its hit count and a Discover link', () => {
    renderPanel(calls);
    expect(screen.getByTestId('evidenceQuestion')).toHaveTextContent('What did the credentials do, and from where?');
    expect(screen.getByTestId('evidenceTotal')).toHaveTextContent('3 hits');
    expect(screen.getByTestId('openInDiscover').getAttribute('href')).toMatch(/^\/app\/data-explorer\/discover#\?_a=/);
  });

  it('says so when the question found nothing, and when the search failed', () => {
    renderPanel(macie);
    expect(screen.getByText('No matching documents in this window.')).toBeInTheDocument();
    renderPanel({ ...macie, error: 'search_phase_execution_exception' });
    expect(screen.getByText('search_phase_execution_exception')).toBeInTheDocument();
  });

  it('says which indices its search could not read, instead of "no matching documents", and not as a per-shard bound', () => {
    const unread = { shards: 1, of: 3, indices: ['log-aws-macie-bad'], reason: 'Text fields are not optimised' };
    renderPanel({ ...macie, totalIsLowerBound: true, unread });
    expect(screen.getByTestId('evidenceUnread')).toHaveTextContent('1 of 3 shards failed');
    expect(screen.getByTestId('evidenceUnread')).toHaveTextContent('OpenSearch could not read log-aws-macie-bad: Text fields are not optimised.');
    expect(screen.queryByText('No matching documents in this window.')).toBeNull();
    expect(screen.queryByTestId('evidenceLowerBound')).toBeNull();
  });

  it('says nothing of unread shards when every shard answered', () => {
    renderPanel(calls);
    expect(screen.queryByTestId('evidenceUnread')).toBeNull();
  });

  it('says when its counts are lower bounds (counting stopped at the per-shard bound)', () => {
    renderPanel({ ...calls, total: 200000, totalIsLowerBound: true });
    expect(screen.getByTestId('evidenceTotal')).toHaveTextContent('200,000+ hits');
    expect(screen.getByTestId('evidenceLowerBound')).toHaveTextContent(/lower bounds/);
    expect(screen.getByText(/most relevant of 200,000\+ hits/)).toBeInTheDocument();
  });

  it('gives the exact count of a group that stopped collecting early, and says its breakdown comes from the documents collected', () => {
    const buckets = [{ value: 'failure', count: 122079 }];
    renderPanel({ ...calls, total: 500001, breakdownIsPartial: true, collected: 122079, facets: [{ field: 'event.outcome', label: 'Outcome', buckets }] });
    expect(screen.getByTestId('evidenceTotal')).toHaveTextContent(/^500,001 hits$/);
    expect(screen.queryByTestId('evidenceLowerBound')).toBeNull();
    expect(screen.getByTestId('evidencePartialBreakdown')).toHaveTextContent(
      'Counted 500,001 hits; the breakdown, the table and the timeline are built from the first 122,079 collected'
    );
    expect(screen.getByText('The table holds 3 of the 122,079 documents collected; Discover shows all 500,001.')).toBeInTheDocument();
    // A facet's share is of the documents it was counted from.
    expect(within(screen.getByTestId('facet')).getByTitle('100% of 122,079')).toBeInTheDocument();
  });

  it('keeps the lower-bound note, not the partial-breakdown one, when the exact count could not be taken', () => {
    renderPanel({ ...calls, total: 122079, totalIsLowerBound: true, breakdownIsPartial: true, collected: 122079 });
    expect(screen.getByTestId('evidenceTotal')).toHaveTextContent('122,079+ hits');
    expect(screen.getByTestId('evidenceLowerBound')).toBeInTheDocument();
    expect(screen.queryByTestId('evidencePartialBreakdown')).toBeNull();
  });

  it('gives an exact count without the lower-bound note', () => {
    renderPanel(calls);
    expect(screen.queryByTestId('evidenceLowerBound')).toBeNull();
    expect(screen.queryByTestId('evidencePartialBreakdown')).toBeNull();
  });

  it('shows the five largest facet values and the rest on demand', () => {
    const buckets = Array.from({ length: 8 }, (_, i) => ({ value: `user${i}`, count: 10 - i }));
    renderPanel({ ...calls, facets: [{ field: 'user.name', label: 'User name', buckets }] });
    const facet = screen.getByTestId('facet');
    expect(within(facet).queryByText('user5')).toBeNull();
    fireEvent.click(within(facet).getByText('Show 3 more'));
    expect(within(facet).getByText('user7')).toBeInTheDocument();
  });

  it('narrows its rows to the focused entity', () => {
    renderPanel(calls, { type: 'ip', value: '198.51.100.7' });
    expect(screen.getByText(/2 rows of 3 mention/)).toBeInTheDocument();
    expect(screen.getAllByTestId('viewDocument')).toHaveLength(2);
  });
});
