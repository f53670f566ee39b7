import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { parseDiscoverState } from '../../common/discover_url';
import { DEFAULT_SOURCES } from '../../common/sources';
import { investigationFixture } from '../testing/investigation_fixture';
import { renderWithServices } from '../testing/render_with_services';
import { AttackStory } from './attack_story';

describe('AttackStory', () => {
  const inv = investigationFixture();

  it('links every sentence to the evidence groups it cites', () => {
    const onShowGroup = jest.fn();
    renderWithServices(<AttackStory story={inv.story} evidence={inv.evidence} window={inv.window} onShowGroup={onShowGroup} />);
    const sentences = screen.getAllByTestId('storySentence');
    expect(sentences).toHaveLength(3);
    fireEvent.click(within(sentences[0]).getByTestId('storyEvidenceLink'));
    expect(onShowGroup).toHaveBeenCalledWith('linux_secure.ssh_success');
    expect(within(sentences[2]).queryByTestId('storyEvidenceLink')).toBeNull();
  });

  it('opens a sentence’s query in Discover with its index pattern and time range', () => {
    renderWithServices(<AttackStory story={inv.story} evidence={inv.evidence} window={inv.window} onShowGroup={jest.fn()} />);
    const link = within(screen.getAllByTestId('storySentence')[1]).getByTestId('openInDiscover');
    const href = link.getAttribute('href')!;
    expect(href.startsWith('/app/data-explorer/discover#?_a=')).toBe(true);
    expect(link).toHaveAttribute('target', '_blank');
    const state = parseDiscoverState(href) as any;
    expect(state._a.metadata.indexPattern).toBe(DEFAULT_SOURCES.cloudtrail.indexPatternId);
    expect(state._q.filters[0].query).toEqual(inv.evidence[0].query);
    expect(state._q.filters[0].meta.alias).toBe(inv.evidence[0].question);
    expect(state._g.time).toEqual({ from: inv.window.from, to: inv.window.to });
  });

  it('names the exact count of a group counted past its collection bound, and a lower bound as one', () => {
    const id = 'linux_secure.ssh_success';
    const g = inv.evidence.find((x) => x.id === id)!;
    const link = (evidence: typeof inv.evidence) => {
      const view = renderWithServices(<AttackStory story={inv.story} evidence={evidence} window={inv.window} onShowGroup={jest.fn()} />);
      const text = within(screen.getAllByTestId('storySentence')[0]).getByTestId('storyEvidenceLink').textContent;
      view.unmount();
      return text;
    };
    const counted = inv.evidence.map((x) => (x.id === id ? { ...x, total: 500001, breakdownIsPartial: true, collected: 122079 } : x));
    expect(link(counted)).toBe(`${g.title} (500,001 hits)`);
    const bound = inv.evidence.map((x) => (x.id === id ? { ...x, total: 122079, totalIsLowerBound: true, breakdownIsPartial: true, collected: 122079 } : x));
    expect(link(bound)).toBe(`${g.title} (122,079+ hits)`);
  });
});
