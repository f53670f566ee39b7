import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { Case } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { MULTITENANCY_TENANT_PATH } from '../services/api_client';
import { caseFixture, XSS } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp, FakeRoute, httpError } from '../testing/fake_http';
import { renderWithServices } from '../testing/render_with_services';
import { casePath, ROUTE_PATHS } from '../routes';
import { CoreStart } from '../types';
import { CasePage } from './case_page';

const CASE_PATH = API_PATHS.case('case-1');

function setup(routes: Record<string, unknown>, capabilities: CoreStart['application']['capabilities'] = {}) {
  const fake = fakeHttp({ [`GET ${MULTITENANCY_TENANT_PATH}`]: () => Promise.reject(httpError(404, 'Not Found')), ...routes });
  const { core, toasts, breadcrumbs } = fakeCore(fake.http);
  core.application.capabilities = capabilities;
  renderWithServices(<Route path={ROUTE_PATHS.case} component={CasePage} />, { core, path: casePath('case-1') });
  return { ...fake, toasts, breadcrumbs };
}

/** Answers successive calls in turn (the last one repeats). */
function inTurn(...answers: Array<() => unknown>): FakeRoute {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)]();
}

describe('CasePage', () => {
  it('shows the case: Markdown description, evidence with snapshots, comments and activity', async () => {
    const { breadcrumbs } = setup({ [`GET ${CASE_PATH}`]: caseFixture() });
    expect(await screen.findByTestId('caseTitle')).toHaveTextContent('IAM key used from a threat-list IP');
    expect(breadcrumbs.at(-1)!.map((b: any) => b.text)).toEqual(['Investigations', 'Cases', 'IAM key used from a threat-list IP']);
    const rows = within(screen.getByTestId('caseAttachments')).getAllByTestId('attachmentTitle');
    // Event time order: the ACL change (10:21) before the finding's update (10:45).
    expect(rows.map((r) => r.textContent)).toEqual(['PutBucketAcl (success) by role', 'API GetObject was invoked from an IP address on a custom threat list.']);
    expect(screen.getAllByTestId('attachmentUnavailable')).toHaveLength(1);
    expect(screen.getByTestId('attachmentInvestigate')).toHaveAttribute(
      'href',
      '/app/siem-investigations#/investigate/log-aws-guardduty-2021-04/8ebc3ff5a1e4d2c0f6a7b8c9d0e1f2a3_9'
    );
    fireEvent.click(screen.getAllByTestId('attachmentToggle')[0]);
    expect(within(screen.getByTestId('attachmentFields')).getByText(XSS)).toBeInTheDocument();
    expect(screen.getByTestId('caseComment')).toHaveTextContent('Checked');
    expect(screen.getAllByTestId('caseActivityEntry').map((e) => e.textContent)).toEqual([
      expect.stringContaining('alice commented'),
      expect.stringContaining('alice created the case'),
    ]);
  });

  it('says what reading a damaged case repaired', async () => {
    setup({ [`GET ${CASE_PATH}`]: { ...caseFixture(), repaired: ['a comment without text was left out (2×)', 'the status was unknown and is shown as open'] } });
    const callout = await screen.findByTestId('caseRepairedCallout');
    expect(callout).toHaveTextContent('a comment without text was left out (2×)');
    expect(callout).toHaveTextContent('the status was unknown and is shown as open');
  });

  it('renders attacker HTML in the description and comments as text', async () => {
    setup({ [`GET ${CASE_PATH}`]: caseFixture() });
    await screen.findByTestId('caseView');
    expect(screen.getByTestId('caseDescription').textContent).toContain(XSS);
    expect(screen.getByTestId('caseComment').textContent).toContain(XSS);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[onerror]')).toBeNull();
  });

  it('on 409 offers a reload that keeps what the user typed, then saves it on the newer version', async () => {
    const colleague = caseFixture({ version: 'WzIsMV0=', severity: 'high', tags: ['iam', 'exfiltration'] });
    const { callsTo } = setup({
      [`GET ${CASE_PATH}`]: inTurn(
        () => caseFixture(),
        () => colleague
      ),
      [`PATCH ${CASE_PATH}`]: inTurn(
        () => {
          throw httpError(409, 'Case case-1 was changed by someone else (version conflict)');
        },
        () => ({ ...colleague, version: 'WzMsMV0=', description: 'Key **revoked** at 11:02.' })
      ),
    });
    await screen.findByTestId('caseView');
    fireEvent.click(screen.getByTestId('editCaseDescription'));
    fireEvent.change(screen.getByTestId('caseDescriptionInput'), { target: { value: 'Key **revoked** at 11:02.' } });
    fireEvent.click(screen.getByTestId('saveCaseDescription'));

    expect(await screen.findByTestId('caseConflict')).toHaveTextContent('Someone else changed this case');
    expect(screen.getByTestId('caseDescriptionInput')).toHaveValue('Key **revoked** at 11:02.');
    expect(callsTo('PATCH', CASE_PATH)[0].body).toEqual({ version: 'WzEsMV0=', description: 'Key **revoked** at 11:02.' });

    fireEvent.click(screen.getByTestId('caseConflictReload'));
    await waitFor(() => expect(screen.queryByTestId('caseConflict')).toBeNull());
    // The colleague's changes are shown, the typed text is still in the form.
    expect(screen.getByTestId('caseSeveritySelect')).toHaveValue('high');
    expect(screen.getByTestId('caseDescriptionInput')).toHaveValue('Key **revoked** at 11:02.');

    fireEvent.click(screen.getByTestId('saveCaseDescription'));
    await waitFor(() => expect(screen.getByTestId('caseDescription')).toHaveTextContent('Key revoked at 11:02.'));
    expect(callsTo('PATCH', CASE_PATH)[1].body).toEqual({ version: 'WzIsMV0=', description: 'Key **revoked** at 11:02.' });
  });

  it('keeps a refused severity change as an unsaved change after the reload', async () => {
    const colleague = caseFixture({ version: 'WzIsMV0=', title: 'Renamed by bob' });
    const { callsTo } = setup({
      [`GET ${CASE_PATH}`]: inTurn(
        () => caseFixture(),
        () => colleague
      ),
      [`PATCH ${CASE_PATH}`]: inTurn(
        () => {
          throw httpError(409, 'version conflict');
        },
        () => ({ ...colleague, version: 'WzMsMV0=', severity: 'critical' })
      ),
    });
    await screen.findByTestId('caseView');
    fireEvent.change(screen.getByTestId('caseSeveritySelect'), { target: { value: 'critical' } });
    await screen.findByTestId('caseConflict');
    fireEvent.click(screen.getByTestId('caseConflictReload'));
    await waitFor(() => expect(screen.getByTestId('caseTitle')).toHaveTextContent('Renamed by bob'));
    expect(screen.getByTestId('caseSeveritySelect')).toHaveValue('critical');
    expect(screen.getByTestId('caseUnsaved')).toHaveTextContent('Unsaved changes: severity');
    fireEvent.click(screen.getByTestId('saveUnsaved'));
    await waitFor(() => expect(screen.queryByTestId('caseUnsaved')).toBeNull());
    expect(callsTo('PATCH', CASE_PATH).map((c) => c.body)).toEqual([
      { version: 'WzEsMV0=', severity: 'critical' },
      { version: 'WzIsMV0=', severity: 'critical' },
    ]);
  });

  it('does not overwrite a colleague\'s description that arrived with a comment while the user was editing it', async () => {
    // The comment answer is the newest case: a colleague rewrote the description meanwhile.
    const newer = caseFixture({ version: 'WzIsMV0=', description: 'Rewritten by bob.' });
    const { callsTo } = setup({
      [`GET ${CASE_PATH}`]: inTurn(
        () => caseFixture(),
        () => newer
      ),
      [`POST ${API_PATHS.caseComments('case-1')}`]: newer,
      [`PATCH ${CASE_PATH}`]: (o: { body?: string }) => ({ ...newer, ...JSON.parse(o.body!), version: 'WzMsMV0=' }),
    });
    await screen.findByTestId('caseView');
    fireEvent.click(screen.getByTestId('editCaseDescription'));
    fireEvent.change(screen.getByTestId('caseDescriptionInput'), { target: { value: 'Key **revoked** at 11:02.' } });
    fireEvent.change(screen.getByTestId('commentInput'), { target: { value: 'Checked the bucket ACL.' } });
    fireEvent.click(screen.getByTestId('addComment'));
    await waitFor(() => expect(screen.getByTestId('commentInput')).toHaveValue(''));

    fireEvent.click(screen.getByTestId('saveCaseDescription'));
    expect(await screen.findByTestId('caseConflict')).toHaveTextContent('Someone else changed this case');
    expect(callsTo('PATCH', CASE_PATH)).toHaveLength(0);
    expect(screen.getByTestId('caseDescriptionInput')).toHaveValue('Key **revoked** at 11:02.');

    // Reload keeps the typed text; saving then is a decision made over the colleague's version.
    fireEvent.click(screen.getByTestId('caseConflictReload'));
    await waitFor(() => expect(screen.queryByTestId('caseConflict')).toBeNull());
    expect(screen.getByTestId('caseDescriptionInput')).toHaveValue('Key **revoked** at 11:02.');
    fireEvent.click(screen.getByTestId('saveCaseDescription'));
    await waitFor(() => expect(screen.getByTestId('caseDescription')).toHaveTextContent('Key revoked at 11:02.'));
    expect(callsTo('PATCH', CASE_PATH).map((c) => c.body)).toEqual([{ version: 'WzIsMV0=', description: 'Key **revoked** at 11:02.' }]);
  });

  it('saves a draft on the newest version when a comment arrived but the field did not change meanwhile', async () => {
    const newer = caseFixture({ version: 'WzIsMV0=', severity: 'high' });
    const { callsTo } = setup({
      [`GET ${CASE_PATH}`]: caseFixture(),
      [`POST ${API_PATHS.caseComments('case-1')}`]: newer,
      [`PATCH ${CASE_PATH}`]: (o: { body?: string }) => ({ ...newer, ...JSON.parse(o.body!), version: 'WzMsMV0=' }),
    });
    await screen.findByTestId('caseView');
    fireEvent.click(screen.getByTestId('editCaseDescription'));
    fireEvent.change(screen.getByTestId('caseDescriptionInput'), { target: { value: 'Key **revoked** at 11:02.' } });
    fireEvent.change(screen.getByTestId('commentInput'), { target: { value: 'Checked the bucket ACL.' } });
    fireEvent.click(screen.getByTestId('addComment'));
    await waitFor(() => expect(screen.getByTestId('caseSeveritySelect')).toHaveValue('high'));

    fireEvent.click(screen.getByTestId('saveCaseDescription'));
    await waitFor(() => expect(screen.getByTestId('caseDescription')).toHaveTextContent('Key revoked at 11:02.'));
    expect(screen.queryByTestId('caseConflict')).toBeNull();
    expect(callsTo('PATCH', CASE_PATH).map((c) => c.body)).toEqual([{ version: 'WzIsMV0=', description: 'Key **revoked** at 11:02.' }]);
  });

  it('shows the case read-only to a user without the save capability', async () => {
    setup({ [`GET ${CASE_PATH}`]: caseFixture({ status: 'closed', closeReason: 'false_positive' }) }, { siemInvestigations: { show: true, save: false } });
    await screen.findByTestId('caseView');
    for (const id of ['editCaseTitle', 'editCaseDescription', 'commentInput', 'addComment', 'changeCloseReason']) expect(screen.queryByTestId(id)).toBeNull();
    expect(screen.getByTestId('caseStatusSelect')).toBeDisabled();
    expect(screen.getByTestId('caseSeveritySelect')).toBeDisabled();
    // The comments are still shown.
    expect(screen.getByTestId('caseComment')).toHaveTextContent('Checked');
  });

  it('closes a case only with a close reason', async () => {
    const patch = jest.fn((o: { body?: string }) => ({ ...caseFixture(), ...JSON.parse(o.body!), version: 'v2' }) as Case);
    const { callsTo } = setup({ [`GET ${CASE_PATH}`]: caseFixture({ status: 'in-progress' }), [`PATCH ${CASE_PATH}`]: patch });
    await screen.findByTestId('caseView');
    fireEvent.change(screen.getByTestId('caseStatusSelect'), { target: { value: 'closed' } });
    const modal = await screen.findByTestId('closeCaseModal');
    expect(within(modal).getByTestId('confirmCloseCase')).toBeDisabled();
    expect(patch).not.toHaveBeenCalled();
    fireEvent.click(within(modal).getByLabelText('False positive'));
    fireEvent.click(within(modal).getByTestId('confirmCloseCase'));
    await waitFor(() => expect(screen.getByTestId('caseCloseReason')).toHaveTextContent('False positive'));
    expect(callsTo('PATCH', CASE_PATH)[0].body).toEqual({ version: 'WzEsMV0=', status: 'closed', closeReason: 'false_positive' });
  });

  it('adds a comment', async () => {
    const { callsTo } = setup({
      [`GET ${CASE_PATH}`]: caseFixture({ comments: [] }),
      [`POST ${API_PATHS.caseComments('case-1')}`]: caseFixture(),
    });
    await screen.findByTestId('caseView');
    expect(screen.getByTestId('addComment')).toBeDisabled();
    fireEvent.change(screen.getByTestId('commentInput'), { target: { value: 'Checked the bucket ACL.' } });
    fireEvent.click(screen.getByTestId('addComment'));
    await screen.findByTestId('caseComment');
    expect(callsTo('POST', API_PATHS.caseComments('case-1'))[0].body).toEqual({ text: 'Checked the bucket ACL.' });
    expect(screen.getByTestId('commentInput')).toHaveValue('');
  });

  it('copies an absolute link naming the tenant under multi-tenancy', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const { toasts } = setup({ [`GET ${CASE_PATH}`]: caseFixture(), [`GET ${MULTITENANCY_TENANT_PATH}`]: '' });
    const button = await screen.findByTestId('copyCaseLink');
    await waitFor(() => expect(button).toHaveAttribute('data-share-url', '/app/siem-investigations?security_tenant=global#/cases/case-1'));
    await act(async () => {
      fireEvent.click(button);
    });
    expect(writeText).toHaveBeenCalledWith('/app/siem-investigations?security_tenant=global#/cases/case-1');
    expect(toasts.at(-1)).toMatchObject({ kind: 'success', toast: { title: 'Link to SIR-7 copied' } });
  });

  it('says "not found or no access" for 404 and 403, without a toast', async () => {
    const { toasts } = setup({
      [`GET ${CASE_PATH}`]: () => {
        throw httpError(403, 'no permissions for [indices:data/read/get]');
      },
    });
    expect(await screen.findByTestId('caseNotFound')).toHaveTextContent('Case not found or you have no access');
    expect(toasts).toEqual([]);
  });
});
