import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, RouteComponentProps } from 'react-router-dom';
import { Case, MergeCaseResponse } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { MULTITENANCY_TENANT_PATH } from '../services/api_client';
import { caseFixture, caseSummary } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp, httpError } from '../testing/fake_http';
import { giveElementsASize } from '../testing/layout';
import { renderWithServices } from '../testing/render_with_services';
import { casePath, ROUTE_PATHS } from '../routes';
import { CasePage } from './case_page';

giveElementsASize();

const source: Case = caseFixture({ id: 'case-12', number: 12, reference: 'SIR-12', title: 'Same key, night shift' });
const target: Case = caseFixture({ id: 'case-7', number: 7, reference: 'SIR-7', title: 'IAM key used from a threat-list IP' });
const merged: Case = { ...target, attachmentCount: 4, commentCount: 2 };

function setup(path: string, routes: Record<string, unknown>) {
  const fake = fakeHttp({
    [`GET ${MULTITENANCY_TENANT_PATH}`]: () => Promise.reject(httpError(404, 'Not Found')),
    [`GET ${API_PATHS.cases}`]: { total: 2, cases: [caseSummary(source), caseSummary(target)] },
    [`GET ${API_PATHS.case('case-7')}`]: merged,
    ...routes,
  });
  const { core, toasts } = fakeCore(fake.http);
  core.application.capabilities = {};
  renderWithServices(
    <>
      {/* As the app mounts it (public/app.tsx): a new page per case id. */}
      <Route path={ROUTE_PATHS.case} render={(props: RouteComponentProps<{ id: string }>) => <CasePage key={props.match.params.id} {...props} />} />
      <Route path="*" render={({ location }) => <div data-test-subj="where">{location.pathname}</div>} />
    </>,
    { core, path }
  );
  return { ...fake, toasts };
}

describe('merging a case from the case page', () => {
  it('picks the case to keep (not itself), names both in the confirmation, merges, and opens the merged case with a callout', async () => {
    const response: MergeCaseResponse = { case: merged, alreadyMerged: false, moved: { attachments: 2, duplicates: 1, comments: 1, activity: 4, observables: 3 } };
    const { callsTo, toasts } = setup(casePath('case-12'), { [`GET ${API_PATHS.case('case-12')}`]: source, [`POST ${API_PATHS.caseMerge('case-7')}`]: response });
    fireEvent.click(await screen.findByTestId('mergeCaseButton'));
    await screen.findByTestId('mergeCaseModal');
    const options = await screen.findAllByTestId('mergeCaseOption');
    // The case itself is not offered.
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('IAM key used from a threat-list IP')]);
    expect(screen.getByTestId('mergeCaseSubmit')).toBeDisabled();
    fireEvent.click(options[0]);
    const confirm = await screen.findByTestId('mergeCaseConfirmText');
    expect(confirm).toHaveTextContent('SIR-12 "Same key, night shift" will be merged into SIR-7 "IAM key used from a threat-list IP"');
    expect(confirm).toHaveTextContent('SIR-12 is closed as a duplicate; its link and number open SIR-7. This cannot be undone.');
    expect(screen.getByTestId('mergeCaseSubmit')).toHaveTextContent('Merge into SIR-7');
    fireEvent.click(screen.getByTestId('mergeCaseSubmit'));

    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/cases/case-7'));
    expect(callsTo('POST', API_PATHS.caseMerge('case-7'))[0].body).toEqual({ source: 'case-12' });
    expect(await screen.findByTestId('mergedCaseCallout')).toHaveTextContent('SIR-12 was merged into SIR-7');
    await waitFor(() => expect(screen.getByTestId('caseView')).toHaveAttribute('data-case-id', 'case-7'));
    expect(toasts).toContainEqual({ kind: 'success', toast: { title: 'SIR-12 was merged into SIR-7' } });
  });

  it('shows why a merge was refused and stays on the case', async () => {
    const { callsTo } = setup(casePath('case-12'), {
      [`GET ${API_PATHS.case('case-12')}`]: source,
      [`POST ${API_PATHS.caseMerge('case-7')}`]: () => Promise.reject(httpError(409, 'Case SIR-12 was already merged into case case-9; nothing was changed')),
    });
    fireEvent.click(await screen.findByTestId('mergeCaseButton'));
    fireEvent.click((await screen.findAllByTestId('mergeCaseOption'))[0]);
    fireEvent.click(await screen.findByTestId('mergeCaseSubmit'));
    expect(await screen.findByTestId('mergeCaseError')).toHaveTextContent('already merged into case case-9');
    expect(callsTo('POST', API_PATHS.caseMerge('case-7'))).toHaveLength(1);
    expect(screen.getByTestId('where')).toHaveTextContent('/cases/case-12');
    expect(screen.getByTestId('mergeCaseSubmit')).not.toBeDisabled();
  });

  it('opening a merged case by its number moves to the merged case and says so', async () => {
    const redirected: Case = { ...merged, redirectedFrom: { id: 'case-12', reference: 'SIR-12', title: 'Same key, night shift', mergedAt: '2026-12-03T10:00:00.000Z', mergedBy: 'alice' } };
    setup(casePath('SIR-12'), { [`GET ${API_PATHS.case('SIR-12')}`]: redirected });
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/cases/case-7'));
    expect(await screen.findByTestId('mergedCaseCallout')).toHaveTextContent('SIR-12 was merged into SIR-7');
    expect(screen.getByTestId('mergedCaseCallout')).toHaveTextContent('You opened SIR-12 "Same key, night shift"');
  });

  it('offers no merge to a user who may not change cases', async () => {
    const fake = fakeHttp({ [`GET ${MULTITENANCY_TENANT_PATH}`]: () => Promise.reject(httpError(404, 'Not Found')), [`GET ${API_PATHS.case('case-12')}`]: source });
    const { core } = fakeCore(fake.http);
    core.application.capabilities = { siemInvestigations: { show: true, save: false } } as never;
    renderWithServices(<Route path={ROUTE_PATHS.case} component={CasePage} />, { core, path: casePath('case-12') });
    await screen.findByTestId('caseView');
    expect(screen.queryByTestId('mergeCaseButton')).toBeNull();
  });
});
