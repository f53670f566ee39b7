import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { investigationFixture, loneFindingFixture, XSS_USER_AGENT } from '../testing/investigation_fixture';
import { renderWithServices } from '../testing/render_with_services';
import { InvestigationChecks } from './investigation_checks';

const rows = () =>
  screen.getAllByTestId('ruleCheck').map((r) => ({
    rule: r.getAttribute('data-rule'),
    state: within(r).getByTestId('ruleCheckState').textContent,
    question: within(r).getByTestId('ruleCheckQuestion').textContent,
    source: within(r).getByTestId('ruleCheckSource').textContent,
    reason: within(r).queryByTestId('ruleCheckReason')?.textContent ?? null,
  }));

describe('InvestigationChecks', () => {
  it('lists every check of the playbook in order: question, source, state and why nothing came back', () => {
    const { playbook, checks } = investigationFixture();
    renderWithServices(<InvestigationChecks playbook={playbook} checks={checks} />);
    expect(screen.getByTestId('playbookTitle')).toHaveTextContent('Playbook: IAM credentials.');
    expect(screen.getByTestId('playbookTitle')).toHaveTextContent('3 questions of 4 asked, 2 with an answer.');
    expect(rows()).toEqual([
      { rule: 'cloudtrail.access_key', state: 'found 3', question: 'What did the credentials do, and from where?', source: 'CloudTrail', reason: null },
      {
        rule: 'cloudtrail.principal_created',
        state: 'not asked',
        question: 'Did the attacker create users or keys to stay in?',
        source: 'CloudTrail',
        reason: 'this finding names no IAM user name',
      },
      { rule: 'linux_secure.ssh_success', state: 'found 1', question: 'Did the SSH brute force succeed?', source: 'Linux secure', reason: null },
      {
        rule: 'securityhub.macie',
        state: 'nothing found',
        question: 'Is the data in the affected buckets exposed?',
        source: 'Security Hub',
        reason: 'Security Hub has no documents in this time window',
      },
    ]);
  });

  it('jumps to the evidence of a check that found something, and only of those', () => {
    const { playbook, checks } = investigationFixture();
    const onShowGroup = jest.fn();
    renderWithServices(<InvestigationChecks playbook={playbook} checks={checks} onShowGroup={onShowGroup} />);
    const [found, notRun] = screen.getAllByTestId('ruleCheck');
    fireEvent.click(within(found).getByText('What did the credentials do, and from where?'));
    expect(onShowGroup).toHaveBeenCalledWith('cloudtrail.access_key');
    expect(within(notRun).queryByRole('button')).toBeNull();
  });

  it('renders reasons as text, never as markup', () => {
    const { playbook, checks } = loneFindingFixture();
    const { container } = renderWithServices(<InvestigationChecks playbook={playbook} checks={checks} />);
    expect(screen.getAllByTestId('ruleCheckReason')[2]).toHaveTextContent(XSS_USER_AGENT);
    expect(container.querySelector('img')).toBeNull();
  });

  it('names a source this browser does not know by its id instead of failing', () => {
    const [check] = investigationFixture().checks;
    renderWithServices(<InvestigationChecks checks={[{ ...check, source: 'vpcflow' as any }]} />);
    expect(screen.getByTestId('ruleCheckSource')).toHaveTextContent('vpcflow');
    expect(screen.getByTestId('playbookTitle')).not.toHaveTextContent('Playbook:');
  });
});
