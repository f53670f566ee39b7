import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { API_PATHS } from '../../common/constants';
import { caseFixture, caseSummary } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp } from '../testing/fake_http';
import { renderWithServices } from '../testing/render_with_services';
import { ROUTE_PATHS } from '../routes';
import { CoreStart } from '../types';
import { CasesPage } from './cases_page';

function setup(routes: Record<string, unknown>, path = '/cases', capabilities: CoreStart['application']['capabilities'] = {}) {
  const fake = fakeHttp(routes);
  const { core, toasts } = fakeCore(fake.http);
  core.application.capabilities = capabilities;
  const location = { search: '', pathname: '' };
  renderWithServices(
    <>
      <Route path={ROUTE_PATHS.cases} exact component={CasesPage} />
      <Route
        path="*"
        render={({ location: l }) => {
          Object.assign(location, { search: l.search, pathname: l.pathname });
          return null;
        }}
      />
    </>,
    { core, path }
  );
  return { ...fake, toasts, location };
}

const cases = [caseSummary(caseFixture()), caseSummary(caseFixture({ id: 'case-2', title: 'SSH brute force on web-1', status: 'closed', closeReason: 'true_positive', severity: 'high', tags: ['ssh'] }))];

describe('CasesPage', () => {
  it('lists cases, newest change first, with links to them', async () => {
    const { callsTo } = setup({ [`GET ${API_PATHS.cases}`]: { total: 2, cases } });
    const links = await screen.findAllByTestId('caseLink');
    expect(links.map((l) => l.textContent)).toEqual(['IAM key used from a threat-list IP', 'SSH brute force on web-1']);
    expect(links[1]).toHaveAttribute('href', '/app/siem-investigations#/cases/case-2');
    expect(screen.getByTestId('casesCount')).toHaveTextContent('2 cases');
    expect(callsTo('GET', API_PATHS.cases)[0].options.query).toEqual({ page: 1, perPage: 20, sortField: 'updatedAt', sortOrder: 'desc' });
  });

  it('filters by status, severity, tag and search, keeping them in the URL', async () => {
    const { calls, location } = setup({ [`GET ${API_PATHS.cases}`]: { total: 2, cases } }, '/cases?page=2');
    await screen.findAllByTestId('caseLink');
    fireEvent.click(screen.getByTestId('statusFilter-closed'));
    await waitFor(() => expect(location.search).toBe('?status=closed'));
    fireEvent.click(screen.getByTestId('severityFilter-high'));
    fireEvent.change(screen.getByTestId('casesSearch'), { target: { value: 'brute force' } });
    fireEvent.keyUp(screen.getByTestId('casesSearch'), { key: 'Enter' });
    await waitFor(() => expect(calls.at(-1)!.options.query).toMatchObject({ search: 'brute force', status: ['closed'], severity: ['high'], page: 1 }));
    const input = within(screen.getByTestId('casesTagFilter')).getByTestId('comboBoxSearchInput');
    fireEvent.change(input, { target: { value: 'ssh' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(calls.at(-1)!.options.query).toMatchObject({ tag: ['ssh'] }));
    expect(new URLSearchParams(location.search).getAll('tag')).toEqual(['ssh']);
  });

  it('a search for a merged case\'s number lists the case it was merged into, saying so, with a link to it', async () => {
    const from = { id: 'case-12', reference: 'SIR-12', title: 'Same key, seen by the night shift', mergedAt: '2021-04-27T10:00:00.000Z', mergedBy: 'alice' };
    const kept = { ...caseSummary(caseFixture()), redirectedFrom: from };
    const redirect = { from, to: { id: 'case-1', reference: 'SIR-7', title: kept.title } };
    const { callsTo } = setup({ [`GET ${API_PATHS.cases}`]: { total: 1, cases: [kept], redirect } }, '/cases?search=SIR-12');
    const callout = await screen.findByTestId('casesMergedSearch');
    expect(callout).toHaveTextContent('SIR-12 was merged into SIR-7');
    expect(callout).toHaveTextContent('You searched for SIR-12 "Same key, seen by the night shift": its attachments, comments and activity are part of SIR-7 now, listed here.');
    expect(within(callout).getByTestId('casesMergedSearchOpen')).toHaveAttribute('href', '/app/siem-investigations#/cases/case-1');
    expect(screen.getAllByTestId('caseLink').map((l) => l.textContent)).toEqual([kept.title]);
    expect(screen.getByTestId('caseMergedNote')).toHaveTextContent('SIR-12 was merged into SIR-7');
    expect(callsTo('GET', API_PATHS.cases)[0].options.query).toMatchObject({ search: 'SIR-12' });
  });

  it('says when the filters leave out the case a merged case was merged into', async () => {
    const from = { id: 'case-12', reference: 'SIR-12', title: 'Night shift', mergedAt: '2021-04-27T10:00:00.000Z', mergedBy: 'alice' };
    setup({ [`GET ${API_PATHS.cases}`]: { total: 0, cases: [], redirect: { from, to: { id: 'case-1', reference: 'SIR-7', title: 'Kept' } } } }, '/cases?search=SIR-12&status=closed');
    const callout = await screen.findByTestId('casesMergedSearch');
    expect(callout).toHaveTextContent('which the filters leave out');
    expect(screen.getByTestId('casesNoMatch')).toBeInTheDocument();
    expect(screen.queryByTestId('caseMergedNote')).toBeNull();
  });

  it('shows no merge note for an ordinary search', async () => {
    setup({ [`GET ${API_PATHS.cases}`]: { total: 2, cases } }, '/cases?search=SIR-7');
    await screen.findAllByTestId('caseLink');
    expect(screen.queryByTestId('casesMergedSearch')).toBeNull();
    expect(screen.queryByTestId('caseMergedNote')).toBeNull();
  });

  it('invites to create the first case', async () => {
    setup({ [`GET ${API_PATHS.cases}`]: { total: 0, cases: [] } });
    expect(await screen.findByTestId('casesEmpty')).toHaveTextContent('No cases yet');
  });

  it('offers no Create case to a user without the save capability', async () => {
    setup({ [`GET ${API_PATHS.cases}`]: { total: 0, cases: [] } }, '/cases', { siemInvestigations: { show: true, save: false } });
    await screen.findByTestId('casesEmpty');
    expect(screen.queryByTestId('createCaseButton')).toBeNull();
    expect(screen.queryByText('Create case')).toBeNull();
  });

  it('says when filters match nothing', async () => {
    setup({ [`GET ${API_PATHS.cases}`]: { total: 0, cases: [] } }, '/cases?status=closed');
    expect(await screen.findByTestId('casesNoMatch')).toBeInTheDocument();
  });

  it('creates a case and opens it', async () => {
    const created = caseFixture({ id: 'case-3', title: 'Recon from a Tor exit node', attachments: [] });
    const { callsTo, location } = setup({ [`GET ${API_PATHS.cases}`]: { total: 0, cases: [] }, [`POST ${API_PATHS.cases}`]: created });
    fireEvent.click(await screen.findByTestId('createCaseButton'));
    const modal = screen.getByTestId('createCaseModal');
    expect(within(modal).getByTestId('createCaseSubmit')).toBeDisabled();
    fireEvent.change(within(modal).getByTestId('createCaseTitle'), { target: { value: 'Recon from a Tor exit node' } });
    fireEvent.change(within(modal).getByTestId('createCaseDescription'), { target: { value: 'Port probes from **185.220.101.1**' } });
    fireEvent.change(within(modal).getByTestId('createCaseSeverity'), { target: { value: 'medium' } });
    fireEvent.click(within(modal).getByTestId('createCaseSubmit'));
    await waitFor(() => expect(location.pathname).toBe('/cases/case-3'));
    expect(callsTo('POST', API_PATHS.cases)[0].body).toEqual({ title: 'Recon from a Tor exit node', description: 'Port probes from **185.220.101.1**', severity: 'medium', tags: [], assignees: [] });
  });
});
