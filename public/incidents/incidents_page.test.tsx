import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { API_PATHS } from '../../common/constants';
import { Incident, IncidentsResponse } from '../../common/incident_types';
import { FindingSummary } from '../../common/types';
import { HttpFetchOptions } from '../types';
import { fakeCore } from '../testing/fake_core';
import { renderWithServices } from '../testing/render_with_services';
import { IncidentsPage } from './incidents_page';

const member = (i: number, type: string): FindingSummary => ({
  ref: { index: 'log-aws-guardduty-2021-04', id: `gd/${i}` },
  findingId: `f${i}`,
  type,
  title: `Finding ${i}`,
  severity: 8 - i,
  severityLabel: 'high',
  timestamp: '2021-04-27T10:30:00.000Z',
  firstSeen: '2021-04-27T10:00:00.000Z',
  lastSeen: '2021-04-27T10:25:00.000Z',
  count: 2,
  accountId: '123456789012',
});

const workshop: Incident = {
  id: 'f0',
  memberCount: 2,
  members: [member(0, 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom'), member(1, 'UnauthorizedAccess:EC2/SSHBruteForce')],
  sharedEntities: [{ type: 'instance', value: 'i-0a1b2c3d4e5f67890', findings: 2 }],
  entities: [{ type: 'instance', value: 'i-0a1b2c3d4e5f67890', findings: 2 }],
  severity: 8,
  severityLabel: 'high',
  firstActivity: '2021-04-27T10:00:00.000Z',
  lastActivity: '2021-04-27T10:25:00.000Z',
  families: ['IAM credentials', 'EC2 instance'],
  accounts: ['123456789012'],
  headline: 'API DeleteBucket was invoked from an IP address on a custom threat list, with 1 related finding sharing instance i-0a1b2c3d4e5f67890.',
  explanation: ['Grouped because UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom and UnauthorizedAccess:EC2/SSHBruteForce both name instance i-0a1b2c3d4e5f67890.'],
  links: [],
  linkCount: 1,
  signals: [],
  seenIn: { count: 2, lastClosed: { id: 'c1', title: 'Earlier', closeReason: 'benign_positive' } },
};

const sequence: Incident = {
  ...workshop,
  id: 'seq',
  members: [member(5, 'AttackSequence:IAM/CompromisedCredentials')],
  sharedEntities: [],
  headline: 'Potential IAM compromise indicated by a sequence of actions (3 signals).',
  explanation: ['An attack sequence: GuardDuty itself bundled its signals.'],
  signals: [
    { uid: 'arn:…/finding/abc', signalType: 'FINDING', name: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller', count: 3 },
    { uid: 'x', signalType: 'CLOUD_TRAIL', name: 'StopLogging', count: 1 },
  ],
  seenIn: undefined,
};

function setup(answer: (q: HttpFetchOptions['query']) => IncidentsResponse | Promise<IncidentsResponse>, extra: Record<string, unknown> = {}) {
  const calls: Array<HttpFetchOptions['query']> = [];
  const posts: Array<{ path: string; body: any }> = [];
  const get = jest.fn(async (path: string, options?: HttpFetchOptions) => {
    expect(path).toBe(API_PATHS.incidents);
    calls.push(options?.query);
    return answer(options?.query) as any;
  });
  const post = jest.fn(async (path: string, options?: HttpFetchOptions) => {
    const body = JSON.parse(String(options?.body));
    posts.push({ path, body });
    return { case: { id: 'case-1' }, created: posts.length === 1, attached: posts.length === 1 ? body.findings : [], alreadyAttached: posts.length === 1 ? [] : body.findings, ...extra } as any;
  });
  const { core } = fakeCore({ get: get as any, post: post as any });
  let location: { search: string; pathname: string } = { search: '', pathname: '/' };
  renderWithServices(
    <>
      <IncidentsPage />
      <Route path="*" render={({ location: l }) => ((location = l), null)} />
    </>,
    { core }
  );
  return { calls, posts, location: () => location };
}

const response = (incidents: Incident[], total = incidents.length): IncidentsResponse => ({ total, findings: 3, page: 1, perPage: 10, window: '24h', incidents, took: { ms: 12 } });

describe('IncidentsPage', () => {
  it('lists the incidents of the last 7 days with their explanation, shared entities, members and the seen-in badge', async () => {
    const { calls } = setup(() => response([workshop, sequence]));
    await screen.findByText(workshop.headline);
    expect(calls[0]).toEqual({ from: 'now-7d', to: 'now', page: 1, perPage: 10 });
    expect(screen.getByTestId('incidentsCount')).toHaveTextContent('2 incidents from 3 findings (window 24h');
    const [card, seqCard] = screen.getAllByTestId('incidentCard');
    expect(within(card).getByTestId('incidentExplanation')).toHaveTextContent('both name instance i-0a1b2c3d4e5f67890');
    expect(within(card).getByTestId('incidentSharedEntities')).toHaveTextContent('i-0a1b2c3d4e5f67890 (2)');
    expect(within(card).getAllByTestId('incidentMemberLink').map((a) => a.textContent)).toEqual(['UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom', 'UnauthorizedAccess:EC2/SSHBruteForce']);
    expect(within(card).getByTestId('seenInCases')).toHaveTextContent('Seen in 2 cases (last closed as benign positive (expected activity))');
    expect(within(seqCard).getByTestId('incidentSignals')).toHaveTextContent('StopLogging');
    expect(within(seqCard).queryByTestId('seenInCases')).toBeNull();
  });

  it('counts every member of a large incident, not only those listed, and says which ones investigating takes', async () => {
    const members = Array.from({ length: 100 }, (_, i) => member(i, 'Recon:EC2/PortProbeUnprotectedPort'));
    setup(() => response([{ ...workshop, members, memberCount: 9552 }]));
    const card = await screen.findByTestId('incidentCard');
    expect(within(card).getByTestId('incidentFacts')).toHaveTextContent('9,552 findings');
    // The 100 listed members are one row of their type; the rest are counted.
    expect(within(card).getAllByTestId('incidentTypeToggle')).toHaveLength(1);
    expect(within(card).getByTestId('incidentMoreMembers')).toHaveTextContent('…and 9,452 more findings');
    expect(within(card).getByTestId('incidentMoreMembers')).toHaveTextContent('takes its 100 most severe findings of 9,552');
  });

  it('says which indices OpenSearch could not group, and why, above the incidents it could', async () => {
    setup(() => ({ ...response([workshop]), unread: { shards: 1, of: 2, indices: ['log-aws-guardduty-2030-04'], reason: 'Field [severity] of type [keyword] is not supported for aggregation [max]' } }));
    await screen.findByText(workshop.headline);
    // The shared callout (session 7), in Discover's words.
    expect(screen.getByTestId('incidentsUnread')).toHaveTextContent('1 of 2 shards failed');
    expect(screen.getByTestId('incidentsUnread')).toHaveTextContent('OpenSearch could not read log-aws-guardduty-2030-04: Field [severity] of type [keyword] is not supported for aggregation [max]. Findings of these indices are not in the incidents shown.');
  });

  it('shows no such warning when every shard answered', async () => {
    setup(() => response([workshop]));
    await screen.findByText(workshop.headline);
    expect(screen.queryByTestId('incidentsUnread')).toBeNull();
  });

  it('counts every signal of an incident, not only those listed', async () => {
    setup(() => response([{ ...sequence, signalCount: 2000 }]));
    const card = await screen.findByTestId('incidentCard');
    expect(within(card).getByTestId('incidentFacts')).toHaveTextContent('2,000 signals');
    expect(within(card).getByTestId('incidentMoreSignals')).toHaveTextContent('…and 1,998 more signals');
  });

  it('lists one row per finding type, and shows that type’s findings, each linked, when the analyst opens the row', async () => {
    const bitcoin = 'CryptoCurrency:EC2/BitcoinTool.B!DNS';
    const members = [member(0, bitcoin), member(1, 'Recon:EC2/PortProbeUnprotectedPort'), ...Array.from({ length: 16 }, (_, i) => member(i + 2, bitcoin))];
    setup(() => response([{ ...workshop, members, memberCount: 18 }]));
    const card = await screen.findByTestId('incidentCard');
    const rows = within(within(card).getByTestId('incidentMembers')).getAllByRole('row').slice(1); // without the header
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(bitcoin);
    expect(rows[0]).toHaveTextContent('17 findings');
    expect(rows[0]).toHaveTextContent('34'); // the summed counts
    // A type seen once links straight to its finding; a repeated type is opened first.
    expect(within(card).getAllByTestId('incidentMemberLink').map((a) => a.textContent)).toEqual(['Recon:EC2/PortProbeUnprotectedPort']);
    expect(within(card).queryByTestId('incidentMoreMembers')).toBeNull();
    const toggle = within(card).getByTestId('incidentTypeToggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-label', `Show the 17 findings of type ${bitcoin}`);
    fireEvent.click(toggle);
    const opened = await within(card).findByTestId('incidentTypeFindings');
    expect(within(opened).getAllByTestId('incidentMemberLink')).toHaveLength(17);
    expect(within(opened).getAllByTestId('incidentMemberLink')[0]).toHaveAttribute('href', expect.stringContaining(encodeURIComponent('gd/0')));
    expect(within(card).getByTestId('incidentTypeToggle')).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(within(card).getByTestId('incidentTypeToggle'));
    await waitFor(() => expect(within(card).queryByTestId('incidentTypeFindings')).toBeNull());
  });

  it('investigates an incident with all its members', async () => {
    const { location } = setup(() => response([workshop]));
    fireEvent.click(await screen.findByTestId('investigateIncident'));
    await waitFor(() => expect(location().pathname).toBe('/investigate/log-aws-guardduty-2021-04/gd%2F0'));
    expect(new URLSearchParams(location().search).get('members')).toBe(JSON.stringify([['log-aws-guardduty-2021-04', 'gd/1']]));
  });

  it('creates a case from an incident; a second click sends the same request id and says the findings were there already', async () => {
    const { posts } = setup(() => response([workshop]));
    fireEvent.click(await screen.findByTestId('createCaseFromIncident'));
    await screen.findByText('Case created');
    expect(posts[0].path).toBe(API_PATHS.casesFromIncident);
    expect(posts[0].body.findings).toEqual(workshop.members.map((m) => m.ref));
    fireEvent.click(screen.getByTestId('createCaseFromIncident'));
    await screen.findByText('This incident is in a case already');
    expect(posts[1].body.requestId).toBe(posts[0].body.requestId);
    expect(screen.getByTestId('incidentCaseCreated')).toHaveTextContent('2 findings already in the case (not attached again)');
    expect(screen.getByTestId('incidentCaseLink')).toHaveAttribute('href', '/app/siem-investigations#/cases/case-1');
  });

  it('says how many entities were not recorded as observables when a case from an incident reaches a bound', async () => {
    setup(() => response([workshop]), { observablesNotRecorded: { count: 120, limit: 1000, reason: 'per_attach' } });
    fireEvent.click(await screen.findByTestId('createCaseFromIncident'));
    await screen.findByText('Case created');
    expect(screen.getByTestId('incidentObservablesNotRecorded')).toHaveTextContent('120 entities were not recorded as observables: one attach records at most 1,000 (IOCs and the most recently seen first). The attachment is kept.');
  });

  it('shows the server message when the range is too large, and changes the window through the URL', async () => {
    const { calls, location } = setup((q) => {
      if (q?.window === '6h') return response([workshop]);
      throw Object.assign(new Error('Bad Request'), { name: 'HttpFetchError', response: { status: 400 }, body: { statusCode: 400, message: 'The time range holds more than 20000 findings' } });
    });
    expect(await screen.findByTestId('incidentsError')).toHaveTextContent('more than 20000 findings');
    act(() => {
      fireEvent.change(screen.getByTestId('incidentsWindow'), { target: { value: '6h' } });
    });
    await screen.findByText(workshop.headline);
    expect(location().search).toBe('?window=6h');
    expect(calls.at(-1)).toMatchObject({ window: '6h' });
  });
});
