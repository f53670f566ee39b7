import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { API_PATHS } from '../../common/constants';
import { FindingSummary } from '../../common/types';
import { formatTime } from '../shared/format';
import { HttpFetchOptions } from '../types';
import { fakeCore } from '../testing/fake_core';
import { renderWithServices } from '../testing/render_with_services';
import { FindingsPage } from './findings_page';

function finding(i: number, overrides: Partial<FindingSummary> = {}): FindingSummary {
  return {
    ref: { index: 'log-aws-guardduty-2021-04', id: `gd/${i}` },
    findingId: `f${i}`,
    type: i === 0 ? 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom' : `Recon:EC2/PortProbe${i}`,
    title: `Finding number ${i}`,
    severity: 5,
    severityLabel: 'medium',
    timestamp: '2021-04-27T10:30:00.000Z',
    firstSeen: '2021-04-27T10:00:00.000Z',
    lastSeen: '2021-04-27T10:25:00.000Z',
    count: 3,
    accountId: '123456789012',
    region: 'us-east-1',
    resourceType: 'AccessKey',
    ...overrides,
  };
}

function setup(total = 45, extra: Record<string, unknown> = {}) {
  const calls: Array<HttpFetchOptions['query']> = [];
  const get = jest.fn(async (path: string, options?: HttpFetchOptions) => {
    expect(path).toBe(API_PATHS.findings);
    calls.push(options?.query);
    const page = Number(options?.query?.page);
    const perPage = Number(options?.query?.perPage);
    const findings = Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, k) => finding((page - 1) * perPage + k));
    return { total, findings, ...extra } as any;
  });
  const { core, breadcrumbs } = fakeCore({ get: get as any });
  let location: { search: string; pathname: string } = { search: '', pathname: '/' };
  renderWithServices(
    <>
      <FindingsPage />
      <Route
        path="*"
        render={({ location: l }) => {
          location = l;
          return null;
        }}
      />
    </>,
    { core }
  );
  return { calls, get, breadcrumbs, location: () => location };
}

describe('FindingsPage', () => {
  it('says which indices OpenSearch could not read, above the findings it could', async () => {
    setup(45, { unread: { shards: 1, of: 5, indices: ['log-aws-guardduty-2021-04-bad'], reason: 'cannot collapse on a text field' } });
    expect(await screen.findByTestId('findingsUnread')).toHaveTextContent('1 of 5 shards failed');
    expect(screen.getByTestId('findingsUnread')).toHaveTextContent('OpenSearch could not read log-aws-guardduty-2021-04-bad: cannot collapse on a text field. Findings in these indices may be missing from this list.');
    expect(await screen.findByText('Finding number 0')).toBeInTheDocument();
  });

  it('shows no unread warning when every shard answered', async () => {
    setup();
    expect(await screen.findByText('Finding number 0')).toBeInTheDocument();
    expect(screen.queryByTestId('findingsUnread')).toBeNull();
  });

  it('asks for the last 7 days, newest first, 20 per page, and shows the findings', async () => {
    const { calls, breadcrumbs } = setup();
    await screen.findByText('Finding number 0');
    expect(calls[0]).toEqual({ from: 'now-7d', to: 'now', page: 1, perPage: 20, sortField: 'timestamp', sortOrder: 'desc' });
    expect(screen.getByTestId('findingsCount')).toHaveTextContent('45 findings');
    expect(screen.getAllByTestId('findingLink')[0]).toHaveAttribute('href', '/app/siem-investigations#/investigate/log-aws-guardduty-2021-04/gd%2F0');
    expect(breadcrumbs.at(-1)).toEqual([{ text: 'Investigations', href: '/app/siem-investigations#/' }, { text: 'Findings' }]);
  });

  it('pages through the results', async () => {
    const { calls } = setup();
    await screen.findByText('Finding number 0');
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await screen.findByText('Finding number 20');
    expect(calls.at(-1)).toMatchObject({ page: 2, perPage: 20 });
  });

  it('sorts by severity and back to the first page', async () => {
    const { calls } = setup();
    await screen.findByText('Finding number 0');
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await screen.findByText('Finding number 20');
    fireEvent.click(within(screen.getByTestId('tableHeaderCell_severity_0')).getByRole('button'));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ sortField: 'severity', page: 1 }));
  });

  it('sends the text and severity filters and keeps them in the URL', async () => {
    const { calls, location } = setup();
    await screen.findByText('Finding number 0');
    const search = screen.getByTestId('findingsSearch');
    fireEvent.change(search, { target: { value: ' ASIAEXAMPLE ' } });
    fireEvent.keyUp(search, { key: 'Enter' });
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ query: 'ASIAEXAMPLE' }));
    fireEvent.click(screen.getByTestId('severityFilter-high'));
    fireEvent.click(screen.getByTestId('severityFilter-critical'));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ query: 'ASIAEXAMPLE', severity: 'high,critical' }));
    expect(new URLSearchParams(location().search).get('severity')).toBe('high,critical');
  });

  it('opens the investigation when a row is clicked', async () => {
    const { location } = setup();
    await screen.findByText('Finding number 0');
    act(() => {
      fireEvent.click(screen.getAllByText('AccessKey')[1]);
    });
    expect(location().pathname).toBe('/investigate/log-aws-guardduty-2021-04/gd%2F1');
  });

  it('says so when nothing matches', async () => {
    setup(0);
    expect(await screen.findByText('No GuardDuty findings')).toBeInTheDocument();
  });
});

describe('FindingsPage sort indicator', () => {
  const HOUR = 3600 * 1000;
  const start = Date.parse('2021-04-27T00:00:00.000Z');
  /** 30 findings; GuardDuty's eventLastSeen runs in a different order than the update time the list sorts by. */
  const pool: FindingSummary[] = Array.from({ length: 30 }, (_, i) =>
    finding(i, {
      timestamp: new Date(start + i * HOUR).toISOString(),
      lastSeen: new Date(start - ((i * 7) % 11) * HOUR).toISOString(),
      severity: [2, 5, 8.5, 7, 1.2][i % 5],
      severityLabel: (['low', 'medium', 'high', 'high', 'low'] as const)[i % 5],
    })
  );

  /** A server that really sorts: by `timestamp` (its `@timestamp`) or by severity, newest first on ties. */
  function setupSorted(path = '/') {
    const calls: Array<HttpFetchOptions['query']> = [];
    const get = jest.fn(async (_: string, options?: HttpFetchOptions) => {
      const q = options!.query!;
      calls.push(q);
      const dir = q.sortOrder === 'asc' ? 1 : -1;
      const sorted = [...pool].sort((a, b) =>
        q.sortField === 'severity' ? dir * (a.severity - b.severity) || b.timestamp.localeCompare(a.timestamp) : dir * a.timestamp.localeCompare(b.timestamp)
      );
      const page = Number(q.page);
      const perPage = Number(q.perPage);
      return { total: pool.length, findings: sorted.slice((page - 1) * perPage, page * perPage) } as any;
    });
    const { core } = fakeCore({ get: get as any });
    renderWithServices(<FindingsPage />, { core, path });
    return { calls };
  }

  /** The header cells that show a sort arrow, as `field direction`. */
  function indicators(): string[] {
    return [...document.querySelectorAll('th[aria-sort]')]
      .filter((th) => th.getAttribute('aria-sort') !== 'none')
      .map((th) => `${th.getAttribute('data-test-subj')!.replace(/^tableHeaderCell_(.+)_\d+$/, '$1')} ${th.getAttribute('aria-sort')}`);
  }

  /** What the rows show in the column with the arrow. */
  function sortedColumnTexts(): string[] {
    const headers = [...document.querySelectorAll('thead th')];
    const col = headers.findIndex((th) => ['ascending', 'descending'].includes(th.getAttribute('aria-sort') ?? ''));
    return [...document.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[col].querySelector('.euiTableCellContent')!.textContent!);
  }

  it('puts the arrow on the column the list is sorted by, and that column reads in the arrow’s order', async () => {
    const { calls } = setupSorted();
    await screen.findByText('Finding number 29');
    expect(calls[0]).toMatchObject({ sortField: 'timestamp', sortOrder: 'desc' });
    expect(indicators()).toEqual(['timestamp descending']);
    const shown = sortedColumnTexts();
    expect(shown).toHaveLength(20);
    // Exactly the sort key of each row, newest first (the last-seen times run in another order).
    expect(shown).toEqual(pool.slice(10).reverse().map((f) => formatTime(f.timestamp)));
    expect([...shown].sort().reverse()).toEqual(shown);
    expect(screen.getByTestId('tableHeaderCell_lastSeen_4')).not.toHaveAttribute('aria-sort', 'descending');
  });

  it('moves the arrow with the sort: to severity, then the other way round', async () => {
    const { calls } = setupSorted();
    await screen.findByText('Finding number 29');
    fireEvent.click(within(screen.getByTestId('tableHeaderCell_severity_0')).getByRole('button'));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ sortField: 'severity', sortOrder: 'asc' }));
    await waitFor(() => expect(indicators()).toEqual(['severity ascending']));
    const low = sortedColumnTexts();
    expect(low[0]).toContain('1.2');
    fireEvent.click(within(screen.getByTestId('tableHeaderCell_severity_0')).getByRole('button'));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ sortField: 'severity', sortOrder: 'desc' }));
    await waitFor(() => expect(indicators()).toEqual(['severity descending']));
    await waitFor(() => expect(sortedColumnTexts()[0]).toContain('8.5'));
  });

  it('follows a sort given in the URL', async () => {
    const { calls } = setupSorted('/?sortField=timestamp&sortOrder=asc');
    await screen.findByText('Finding number 0');
    expect(calls[0]).toMatchObject({ sortField: 'timestamp', sortOrder: 'asc' });
    expect(indicators()).toEqual(['timestamp ascending']);
    expect(sortedColumnTexts()).toEqual(pool.slice(0, 20).map((f) => formatTime(f.timestamp)));
  });
});


describe('FindingsPage: seen in N cases', () => {
  it('asks once for the page\'s findings and badges the rows seen in earlier cases', async () => {
    const rows = [finding(0, { entities: [{ type: 'access_key', value: 'ASIAEXAMPLE' }, { type: 'ip', value: '198.51.100.7' }] }), finding(1, { entities: [{ type: 'instance', value: 'i-0abc' }] })];
    const get = jest.fn(async () => ({ total: 2, findings: rows }) as any);
    const post = jest.fn(async (path: string, options?: HttpFetchOptions) => {
      expect(path).toBe(API_PATHS.seenInCases);
      expect(JSON.parse(String(options?.body))).toEqual({ groups: [rows[0].entities, rows[1].entities] });
      return [{ count: 3, lastClosed: { id: 'c1', title: 'Earlier look', closeReason: 'benign_positive' } }, { count: 0 }] as any;
    });
    const { core } = fakeCore({ get: get as any, post: post as any });
    renderWithServices(<FindingsPage />, { core });
    await screen.findByText('Finding number 0');
    const badge = await screen.findByTestId('seenInCases');
    expect(badge).toHaveTextContent('Seen in 3 cases (last closed as benign positive (expected activity))');
    expect(badge).toHaveAttribute('title', 'Earlier look');
    // Only the first row is badged, and one lookup served the whole page.
    expect(screen.getAllByTestId('seenInCases')).toHaveLength(1);
    const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;
    expect(within(rowOf('Finding number 0')).getByTestId('seenInCases')).toBeTruthy();
    expect(within(rowOf('Finding number 1')).queryByTestId('seenInCases')).toBeNull();
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('says "at least" when an entity is shared with more cases than one lookup reads', async () => {
    const rows = [finding(0, { entities: [{ type: 'ip', value: '203.0.113.250' }] }), finding(1, { entities: [{ type: 'access_key', value: 'ASIAEXAMPLE' }] })];
    const get = jest.fn(async () => ({ total: 2, findings: rows }) as any);
    const post = jest.fn(async () => [{ count: 100, atLeast: true }, { count: 2, atLeast: true, lastClosed: { id: 'c1', title: 'Earlier look', closeReason: 'benign_positive' } }] as any);
    const { core } = fakeCore({ get: get as any, post: post as any });
    renderWithServices(<FindingsPage />, { core });
    await screen.findByText('Finding number 0');
    await waitFor(() => expect(screen.getAllByTestId('seenInCases')).toHaveLength(2));
    const [crowd, closed] = screen.getAllByTestId('seenInCases');
    expect(crowd).toHaveTextContent('Seen in at least 100 cases');
    expect(crowd).toHaveAttribute('data-at-least', 'true');
    expect(crowd.getAttribute('title')).toMatch(/more cases than one lookup reads/);
    expect(closed).toHaveTextContent('Seen in at least 2 cases (last closed as benign positive (expected activity))');
    expect(closed.getAttribute('title')).toMatch(/^Earlier look — /);
  });

  it('shows the findings without badges when the lookup fails', async () => {
    const get = jest.fn(async () => ({ total: 1, findings: [finding(0, { entities: [{ type: 'ip', value: '198.51.100.7' }] })] }) as any);
    const post = jest.fn(async () => {
      throw new Error('upstream down');
    });
    const { core, toasts } = fakeCore({ get: get as any, post: post as any }) as any;
    renderWithServices(<FindingsPage />, { core });
    await screen.findByText('Finding number 0');
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(screen.queryByTestId('seenInCases')).toBeNull();
    expect((toasts ?? []).length).toBe(0);
  });
});
