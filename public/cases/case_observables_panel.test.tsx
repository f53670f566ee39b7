import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { API_PATHS } from '../../common/constants';
import { CaseObservablesResponse } from '../../common/observable_types';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp, httpError } from '../testing/fake_http';
import { renderWithServices } from '../testing/render_with_services';
import { CaseObservablesPanel } from './case_observables_panel';

const PATH = API_PATHS.caseObservables('case-1');
const observable = (id: string, type: 'ip' | 'access_key', value: string, flags: { ioc: boolean; excluded: boolean }) => ({
  id, caseId: 'case-1', type, value, firstSeen: '2021-04-27T10:00:00.000Z', lastSeen: '2021-04-27T11:00:00.000Z', ...flags,
});
const answer = (): CaseObservablesResponse => ({
  observables: [observable('o-ip', 'ip', '198.51.100.7', { ioc: true, excluded: false }), observable('o-key', 'access_key', 'ASIAEXAMPLE', { ioc: false, excluded: false })],
  total: 2,
  similarCases: [
    { id: 'case-9', title: 'Earlier look', status: 'closed', closeReason: 'benign_positive', shared: [{ type: 'ip', value: '198.51.100.7' }] },
    { id: 'case-7', title: 'Still open', status: 'open', shared: [{ type: 'access_key', value: 'ASIAEXAMPLE' }] },
  ],
});

function setup(routes: Record<string, unknown>, canSave = true) {
  const fake = fakeHttp(routes);
  const { core, toasts } = fakeCore(fake.http);
  renderWithServices(<CaseObservablesPanel caseId="case-1" canSave={canSave} />, { core });
  return { ...fake, toasts };
}

describe('CaseObservablesPanel', () => {
  it('lists the observables with their flags and the similar cases with status, close reason and link', async () => {
    setup({ [`GET ${PATH}`]: answer() });
    const table = await screen.findByTestId('observablesTable');
    expect(within(table).getByText('198.51.100.7')).toBeInTheDocument();
    expect(within(table).getByText('ASIAEXAMPLE')).toBeInTheDocument();
    const iocs = within(table).getAllByTestId('observableIoc');
    expect(iocs.map((s) => s.getAttribute('aria-checked'))).toEqual(['true', 'false']);
    const similar = screen.getAllByTestId('similarCase');
    expect(similar).toHaveLength(2);
    expect(similar[0]).toHaveTextContent('Earlier look');
    expect(similar[0]).toHaveTextContent('Closed');
    expect(similar[0]).toHaveTextContent('closed as benign positive');
    expect(within(similar[0]).getByText('Earlier look').closest('a')).toHaveAttribute('href', '/app/siem-investigations#/cases/case-9');
    expect(similar[1]).toHaveTextContent('Open');
  });

  it('excluding an observable saves the flag and reloads the similar cases', async () => {
    // The server's state: excluding the address leaves the case that shared only it out.
    const stored = answer();
    const { callsTo } = setup({
      [`GET ${PATH}`]: () => JSON.parse(JSON.stringify(stored)),
      [`PATCH ${API_PATHS.caseObservable('case-1', 'o-ip')}`]: (o: { body?: string }) => {
        stored.observables[0] = { ...stored.observables[0], ...JSON.parse(o.body!) };
        stored.similarCases = stored.similarCases.filter((s) => s.id !== 'case-9');
        return stored.observables[0];
      },
    });
    await screen.findByTestId('observablesTable');
    fireEvent.click(screen.getAllByTestId('observableExcluded')[0]);
    await waitFor(() => expect(screen.getAllByTestId('similarCase')).toHaveLength(1));
    expect(callsTo('PATCH', API_PATHS.caseObservable('case-1', 'o-ip'))[0].body).toEqual({ excluded: true });
    expect(screen.getAllByTestId('observableExcluded')[0]).toHaveAttribute('aria-checked', 'true');
    expect(callsTo('GET', PATH)).toHaveLength(2);
  });

  it('says how many observables it shows of how many, and that similar cases come from part of the matches', async () => {
    setup({
      [`GET ${PATH}`]: {
        ...answer(),
        total: 1234,
        similarBounded: { observables: [{ type: 'ip', value: '203.0.113.250', atLeast: 100 }], notLookedUp: 734 },
      },
    });
    expect(await screen.findByTestId('observablesShowing')).toHaveTextContent('Showing 2 of 1,234 observables: IOCs first, then the most recently seen.');
    const bounded = screen.getByTestId('similarBounded');
    expect(bounded).toHaveTextContent('Similar cases are from the most recently seen matches');
    expect(bounded).toHaveTextContent('203.0.113.250 (at least 100 cases)');
    expect(bounded).toHaveTextContent('734 observables were not looked up (one lookup sends at most 500');
    // The server's order is kept: the IOC first.
    expect(within(screen.getByTestId('observablesTable')).getAllByTestId('observableIoc')[0]).toHaveAttribute('aria-checked', 'true');
  });

  it('says nothing of bounds when every observable is listed and every match was read', async () => {
    setup({ [`GET ${PATH}`]: answer() });
    await screen.findByTestId('observablesTable');
    expect(screen.queryByTestId('observablesShowing')).toBeNull();
    expect(screen.queryByTestId('similarBounded')).toBeNull();
  });

  it('keeps the switches read-only for a reader who may not edit', async () => {
    setup({ [`GET ${PATH}`]: answer() }, false);
    await screen.findByTestId('observablesTable');
    for (const s of screen.getAllByTestId('observableIoc')) expect(s).toBeDisabled();
  });

  it('shows the server\'s message when the observables cannot be read', async () => {
    setup({ [`GET ${PATH}`]: () => Promise.reject(httpError(403, 'no permission for observables')) });
    expect(await screen.findByTestId('observablesError')).toHaveTextContent('no permission for observables');
  });
});
