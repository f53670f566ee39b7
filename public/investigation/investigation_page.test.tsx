import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { API_PATHS } from '../../common/constants';
import { CoreStart, HttpFetchOptions } from '../types';
import { fakeCore } from '../testing/fake_core';
import { investigationFixture, loneFindingFixture } from '../testing/investigation_fixture';
import { renderWithServices } from '../testing/render_with_services';
import { investigatePath, ROUTE_PATHS } from '../routes';
import { InvestigationPage } from './investigation_page';

Element.prototype.scrollIntoView = jest.fn();

/** The cases API behind "Add to case": a new case, then the attachment. */
async function addToCase(path: string, options?: HttpFetchOptions) {
  const body = JSON.parse(options!.body as string);
  if (path === API_PATHS.cases) return { id: 'case-1', title: body.title, version: 'v1' };
  return { id: 'case-1', title: 'IAM key used', version: 'v2' };
}

function setup(post: (path: string, options?: HttpFetchOptions) => Promise<unknown> = async () => investigationFixture(), capabilities: CoreStart['application']['capabilities'] = {}) {
  const postMock = jest.fn(async (path: string, options?: HttpFetchOptions) => (path === API_PATHS.investigate ? post(path, options) : addToCase(path, options)));
  const { core, toasts, breadcrumbs } = fakeCore({ post: postMock as any });
  core.application.capabilities = capabilities;
  let search = '';
  renderWithServices(
    <>
      <Route path={ROUTE_PATHS.investigate} component={InvestigationPage} />
      <Route
        path="*"
        render={({ location }) => {
          search = location.search;
          return null;
        }}
      />
    </>,
    { core, path: investigatePath({ index: 'log-aws-guardduty-2021-04', id: 'gd/1' }) }
  );
  return { post: postMock, toasts, breadcrumbs, search: () => search };
}

describe('InvestigationPage', () => {
  it('investigates the finding of the URL with the default window, as a string body', async () => {
    const { post, breadcrumbs } = setup();
    await screen.findByTestId('investigationView');
    expect(post).toHaveBeenCalledWith(API_PATHS.investigate, expect.objectContaining({ body: expect.any(String) }));
    expect(JSON.parse(post.mock.calls[0][1]!.body as string)).toEqual({
      finding: { index: 'log-aws-guardduty-2021-04', id: 'gd/1' },
      window: { before: '24h', after: '6h' },
    });
    expect(breadcrumbs.at(-1)!.map((b: any) => b.text)).toEqual(['Investigations', 'Findings', 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom']);
    expect(screen.getByTestId('findingTitle')).toHaveTextContent('API GetObject was invoked');
  });

  it('says at the top which indices were not read, and marks the evidence group whose search failed on them', async () => {
    const unread = { shards: 1, of: 4, indices: ['log-aws-cloudtrail-bad'], reason: 'Text fields are not optimised' };
    setup(async () => {
      const inv = investigationFixture();
      return { ...inv, unread, evidence: inv.evidence.map((g, i) => (i === 0 ? { ...g, unread, totalIsLowerBound: true } : g)) };
    });
    expect(await screen.findByTestId('investigationUnread')).toHaveTextContent('1 of 4 shards failed');
    expect(screen.getByTestId('investigationUnread')).toHaveTextContent('OpenSearch could not read log-aws-cloudtrail-bad: Text fields are not optimised. Evidence from these indices is missing');
    expect(screen.getAllByTestId('evidenceUnread').length).toBeGreaterThanOrEqual(1);
  });

  it('shows a source whose only group could not read every shard, with a warning on its tab, not "nothing was found"', async () => {
    const unread = { shards: 1, of: 2, indices: ['log-aws-cloudtrail-bad'], reason: 'Text fields are not optimised' };
    setup(async () => {
      const inv = investigationFixture();
      const empty = inv.evidence.map((g) => ({ ...g, total: 0, hits: [], facets: [] }));
      return { ...inv, unread, evidence: empty.map((g, i) => (i === 0 ? { ...g, unread, totalIsLowerBound: true } : g)) };
    });
    await screen.findByTestId('investigationUnread');
    expect(screen.queryByTestId('noEvidenceCallout')).toBeNull();
    const source = investigationFixture().evidence[0].source;
    expect(screen.getByTestId(`evidenceTabUnread-${source}`)).toHaveAttribute('aria-label', 'Some shards could not be read');
  });

  it('shows no unread warning on a complete answer', async () => {
    setup();
    await screen.findByTestId('investigationView');
    expect(screen.queryByTestId('investigationUnread')).toBeNull();
    expect(screen.queryByTestId('evidenceUnread')).toBeNull();
  });

  it('notes the sources without data in the window', async () => {
    setup();
    expect(await screen.findByTestId('coverageCallout')).toHaveTextContent('Security Hub has no documents in log-aws-securityhub-* for this window.');
  });

  it('follows a story sentence to its evidence group in the right tab', async () => {
    setup();
    await screen.findByTestId('investigationView');
    expect(document.getElementById('evidence-linux_secure.ssh_success')).toBeNull();
    fireEvent.click(within(screen.getAllByTestId('storySentence')[0]).getByTestId('storyEvidenceLink'));
    const panel = document.getElementById('evidence-linux_secure.ssh_success')!;
    expect(panel).toHaveTextContent('Did the SSH brute force succeed?');
    expect(panel.scrollIntoView).toHaveBeenCalled();
  });

  it('focuses an entity chip: evidence rows and timeline narrow to it', async () => {
    setup();
    await screen.findByTestId('investigationView');
    const table = () => within(document.getElementById('evidence-cloudtrail.access_key')!).getByTestId('evidenceTable');
    expect(within(table()).getAllByTestId('viewDocument')).toHaveLength(3);
    fireEvent.click(screen.getByLabelText('Focus on IP address 198.51.100.7'));
    expect(screen.getByTestId('focusCallout')).toHaveTextContent('Focused on ip address 198.51.100.7');
    expect(within(table()).getAllByTestId('viewDocument')).toHaveLength(2);
    expect(screen.getAllByTestId('timelineEvent').map((e) => e.getAttribute('data-action'))).toEqual(['GetObject']);
    expect(document.querySelector('[data-node-id="ip:198.51.100.7"]')).toHaveAttribute('data-focused', 'true');
  });

  it('re-runs with a wider window kept in the URL', async () => {
    const { post, search } = setup();
    await screen.findByTestId('investigationView');
    fireEvent.change(screen.getByTestId('windowBefore'), { target: { value: '7d' } });
    fireEvent.click(screen.getByTestId('windowApply'));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    expect(JSON.parse(post.mock.calls[1][1]!.body as string).window).toEqual({ before: '7d', after: '6h' });
    expect(new URLSearchParams(search()).get('before')).toBe('7d');
  });

  it('shows the server’s message when the investigation fails', async () => {
    const error = Object.assign(new Error('Not Found'), { body: { statusCode: 404, error: 'Not Found', message: 'No finding gd/1 in index log-aws-guardduty-2021-04' } });
    const { toasts } = setup(async () => {
      throw error;
    });
    expect(await screen.findByTestId('investigationError')).toHaveTextContent('No finding gd/1 in index log-aws-guardduty-2021-04');
    expect(toasts).toEqual([{ kind: 'danger', toast: { title: 'Could not investigate the finding', text: 'No finding gd/1 in index log-aws-guardduty-2021-04' } }]);
  });

  it('adds the finding to a new case titled after it', async () => {
    const { post, toasts } = setup();
    await screen.findByTestId('investigationView');
    fireEvent.click(screen.getByTestId('addFindingToCase'));
    const modal = screen.getByTestId('addToCaseModal');
    expect(within(modal).getByTestId('casePickerTitle')).toHaveValue('API GetObject was invoked from an IP address on a custom threat list.');
    fireEvent.click(within(modal).getByTestId('casePickerSubmit'));
    await waitFor(() => expect(screen.queryByTestId('addToCaseModal')).toBeNull());
    const calls = post.mock.calls.filter(([p]) => p !== API_PATHS.investigate).map(([p, o]) => [p, JSON.parse(o!.body as string)]);
    expect(calls).toEqual([
      [API_PATHS.cases, { title: 'API GetObject was invoked from an IP address on a custom threat list.', severity: 'low' }],
      [API_PATHS.caseAttachments('case-1'), { type: 'finding', ref: { index: 'log-aws-guardduty-2021-04', id: 'gd/1' } }],
    ]);
    expect(toasts.at(-1)).toMatchObject({ kind: 'success', toast: { title: 'Added to case "IAM key used"' } });
  });

  it('offers no Add to case, for the finding or its evidence, to a user without the save capability', async () => {
    setup(undefined, { siemInvestigations: { show: true, save: false } });
    await screen.findByTestId('investigationView');
    expect(screen.getAllByTestId('evidenceTable').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('addFindingToCase')).toBeNull();
    expect(screen.queryAllByTestId('addEvidenceToCase')).toEqual([]);
  });

  it('adds an evidence document to a case as an event', async () => {
    const { post } = setup();
    await screen.findByTestId('investigationView');
    const table = within(document.getElementById('evidence-cloudtrail.access_key')!).getByTestId('evidenceTable');
    fireEvent.click(within(table).getAllByTestId('addEvidenceToCase')[0]);
    const modal = screen.getByTestId('addToCaseModal');
    expect(modal).toHaveTextContent('CloudTrail document of 2021-04-27 10:21:19 UTC: PutBucketAcl · success · 34.219.77.88');
    fireEvent.click(within(modal).getByTestId('casePickerSubmit'));
    await waitFor(() => expect(post.mock.calls.some(([p]) => p === API_PATHS.caseAttachments('case-1'))).toBe(true));
    const attach = post.mock.calls.find(([p]) => p === API_PATHS.caseAttachments('case-1'))!;
    expect(JSON.parse(attach[1]!.body as string)).toEqual({ type: 'event', ref: { index: 'log-aws-cloudtrail-2021-04', id: 'ct-1' } });
  });

  it('says what was checked, under the playbook, next to the evidence it found', async () => {
    setup();
    await screen.findByTestId('investigationView');
    const panel = screen.getByTestId('checksPanel');
    expect(panel).toHaveTextContent('What was checked');
    expect(panel).toHaveTextContent('Playbook: IAM credentials');
    expect(within(panel).getAllByTestId('ruleCheck').map((r) => r.getAttribute('data-state'))).toEqual(['found', 'not_run', 'found', 'nothing_found']);
    expect(within(panel).getAllByTestId('ruleCheckReason').map((r) => r.textContent)).toEqual(['this finding names no IAM user name', 'Security Hub has no documents in this time window']);
    expect(within(screen.getByTestId('evidencePanel')).getByTestId('evidenceSection')).toBeInTheDocument();
    expect(screen.queryByTestId('noEvidenceCallout')).toBeNull();
  });

  it('explains in the evidence area why a lone finding found nothing, instead of an empty panel', async () => {
    setup(async () => loneFindingFixture());
    await screen.findByTestId('investigationView');
    const evidence = screen.getByTestId('evidencePanel');
    expect(within(evidence).queryByTestId('evidenceSection')).toBeNull();
    expect(within(evidence).getByTestId('noEvidenceCallout')).toHaveTextContent('Nothing was found beyond the finding itself');
    expect(within(evidence).getByTestId('playbookTitle')).toHaveTextContent('Playbook: EC2 instance');
    expect(within(evidence).getAllByTestId('ruleCheck').map((r) => [r.getAttribute('data-rule'), within(r).getByTestId('ruleCheckReason').textContent])).toEqual([
      ['cloudtrail.instance', 'no index matches log-aws-cloudtrail-*'],
      ['linux_secure.ssh_from_attacker', 'this finding names no remote IP'],
      ['securityhub.resource', 'no permission: your roles do not allow reading these indices <img src=x onerror=alert(1)>'],
    ]);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    // Said once, in the evidence area: no second "What was checked" panel.
    expect(screen.queryByTestId('checksPanel')).toBeNull();
  });

  it('jumps from a check that found something to its evidence group', async () => {
    setup();
    await screen.findByTestId('investigationView');
    const check = within(screen.getByTestId('checksPanel')).getAllByTestId('ruleCheck')[2];
    fireEvent.click(within(check).getByText('Did the SSH brute force succeed?'));
    const panel = document.getElementById('evidence-linux_secure.ssh_success')!;
    expect(panel.scrollIntoView).toHaveBeenCalled();
  });
});
