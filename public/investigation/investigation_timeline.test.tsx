import React from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { investigationFixture } from '../testing/investigation_fixture';
import { renderWithServices } from '../testing/render_with_services';
import { InvestigationTimeline } from './investigation_timeline';

describe('InvestigationTimeline', () => {
  const { timeline } = investigationFixture();

  it('lists the events in the order given (ascending) with their UTC times', () => {
    renderWithServices(<InvestigationTimeline events={timeline} onInspect={jest.fn()} />);
    const actions = screen.getAllByTestId('timelineEvent').map((e) => e.getAttribute('data-action'));
    expect(actions).toEqual(['sshd failure', 'sshd login', 'PutBucketAcl', 'GetObject']);
    expect(screen.getByText('10:21:19')).toBeInTheDocument();
  });

  it('shows how many events a merged entry stands for and until when', () => {
    renderWithServices(<InvestigationTimeline events={timeline} onInspect={jest.fn()} />);
    expect(screen.getByTestId('timelineCount')).toHaveTextContent('×240 until 09:57:00');
  });

  it('hides a source when its filter is switched off', () => {
    renderWithServices(<InvestigationTimeline events={timeline} onInspect={jest.fn()} />);
    fireEvent.click(screen.getByTestId('timelineSource-linux_secure'));
    expect(screen.getAllByTestId('timelineEvent').map((e) => e.getAttribute('data-source'))).toEqual(['cloudtrail', 'cloudtrail']);
  });

  it('opens the document behind an entry', () => {
    const onInspect = jest.fn();
    renderWithServices(<InvestigationTimeline events={timeline} onInspect={onInspect} />);
    fireEvent.click(screen.getByText('PutBucketAcl'));
    expect(onInspect).toHaveBeenCalledWith({ index: 'log-aws-cloudtrail-2021-04', id: 'ct-1' });
  });
});
