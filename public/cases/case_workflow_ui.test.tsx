import React from 'react';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { Case } from '../../common/case_types';
import { BulkCasesResponse, CaseMetricsResponse, CaseTemplate } from '../../common/case_template_types';
import { API_PATHS } from '../../common/constants';
import { CasePicker } from '../add_to_case/case_picker';
import { MULTITENANCY_TENANT_PATH } from '../services/api_client';
import { caseFixture, caseSummary } from '../testing/case_fixture';
import { fakeCore } from '../testing/fake_core';
import { fakeHttp, httpError } from '../testing/fake_http';
import { giveElementsASize } from '../testing/layout';
import { renderWithServices } from '../testing/render_with_services';
import { casePath, ROUTE_PATHS } from '../routes';
import { CasePage } from './case_page';
import { CaseMetricsPanel } from './case_metrics_panel';
import { CaseTemplatesPage } from './case_templates_page';
import { CasesBulkActions } from './cases_bulk_actions';
import { CloseCaseModal } from './close_case_modal';

giveElementsASize();

const template: CaseTemplate = {
  id: 'tpl-iam',
  version: 'WzEsMV0=',
  name: 'Compromised IAM credentials',
  description: '',
  title: 'Compromised IAM credentials',
  severity: 'high',
  tags: ['iam'],
  tasks: [{ title: 'Disable the access key', assignee: 'alice' }],
  closeFields: [
    { key: 'classification', label: 'Classification', type: 'select', options: ['true_positive', 'false_positive'] },
    { key: 'credentialsRotated', label: 'Credentials rotated?', type: 'boolean' },
    { key: 'affectedAccounts', label: 'Affected accounts', type: 'text', minLength: 3, maxLength: 50 },
  ],
  findingTypes: ['UnauthorizedAccess:IAMUser/*'],
  createdAt: '2026-12-01T10:00:00.000Z',
  createdBy: 'alice',
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: 'alice',
};

describe('template picker when adding a finding to a new case', () => {
  it('preselects the template matching the finding type and creates the case from it', async () => {
    const created = caseFixture({ id: 'new-1', attachments: [] });
    const fake = fakeHttp({
      [`GET ${API_PATHS.caseTemplates}`]: { templates: [template], matchedId: template.id },
      [`POST ${API_PATHS.cases}`]: created,
      [`POST ${API_PATHS.caseAttachments('new-1')}`]: created,
    });
    const { core } = fakeCore(fake.http);
    const onAdded = jest.fn();
    renderWithServices(
      <CasePicker attachment={{ type: 'finding', ref: { index: 'gd', id: 'f1' } }} suggestedTitle="API GetObject from a threat-list IP" findingType="UnauthorizedAccess:IAMUser/MaliciousIPCaller" onAdded={onAdded} />,
      { core }
    );
    await waitFor(() => expect(screen.getByTestId('casePickerTemplate')).toHaveValue('tpl-iam'));
    expect(fake.calls[0].options.query).toEqual({ findingType: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller' });
    expect(screen.getByTestId('casePickerSeverity')).toHaveValue('high');
    fireEvent.click(screen.getByTestId('casePickerSubmit'));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(fake.callsTo('POST', API_PATHS.cases)[0].body).toEqual({ title: 'API GetObject from a threat-list IP', severity: 'high', templateId: 'tpl-iam' });
  });

  it('sends templateId null when the user picks "No template" over the match', async () => {
    const created = caseFixture({ id: 'new-2', attachments: [] });
    const fake = fakeHttp({
      [`GET ${API_PATHS.caseTemplates}`]: { templates: [template], matchedId: template.id },
      [`POST ${API_PATHS.cases}`]: created,
      [`POST ${API_PATHS.caseAttachments('new-2')}`]: created,
    });
    const { core } = fakeCore(fake.http);
    const onAdded = jest.fn();
    renderWithServices(<CasePicker attachment={{ type: 'finding', ref: { index: 'gd', id: 'f1' } }} suggestedTitle="x" findingType="UnauthorizedAccess:IAMUser/X" onAdded={onAdded} />, { core });
    await waitFor(() => expect(screen.getByTestId('casePickerTemplate')).toHaveValue('tpl-iam'));
    fireEvent.change(screen.getByTestId('casePickerTemplate'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('casePickerSubmit'));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(fake.callsTo('POST', API_PATHS.cases)[0].body.templateId).toBeNull();
  });
});

describe('CloseCaseModal with required close fields', () => {
  it('stays disabled until the reason and every field are given, then hands over the values', () => {
    const onConfirm = jest.fn();
    renderWithServices(<CloseCaseModal confirmLabel="Close case" fields={template.closeFields} onConfirm={onConfirm} onCancel={jest.fn()} />, { core: fakeCore(fakeHttp({}).http).core });
    const confirm = screen.getByTestId('confirmCloseCase');
    fireEvent.click(screen.getByLabelText('True positive'));
    expect(confirm).toBeDisabled();
    expect(screen.getByTestId('closeFieldsMissing')).toHaveTextContent('Classification, Credentials rotated?, Affected accounts');
    fireEvent.change(screen.getByTestId('closeField-classification'), { target: { value: 'true_positive' } });
    fireEvent.click(screen.getByTestId('closeField-credentialsRotated-no'));
    fireEvent.change(screen.getByTestId('closeField-affectedAccounts'), { target: { value: 'ab' } });
    // Too short for its bounds: still disabled, and said so.
    expect(confirm).toBeDisabled();
    expect(screen.getByText(/needs at least 3 characters/)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('closeField-affectedAccounts'), { target: { value: '123456789012' } });
    expect(screen.queryByTestId('closeFieldsMissing')).toBeNull();
    expect(confirm).not.toBeDisabled();
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('true_positive', { classification: 'true_positive', credentialsRotated: false, affectedAccounts: '123456789012' });
  });
});

describe('case page: tasks, times and closing with fields', () => {
  const CASE_PATH = API_PATHS.case('case-1');
  const withTasks: Case = caseFixture({
    template: { id: template.id, name: template.name },
    tasks: [
      { id: 'k1', title: 'Disable the access key', assignee: 'alice', done: false },
      { id: 'k2', title: 'Review CloudTrail', done: true, doneAt: '2026-12-01T10:05:00.000Z', doneBy: 'bob' },
    ],
    closeFields: template.closeFields,
    times: { acknowledgedAt: '2021-04-28T08:30:00.000Z', timeToAcknowledgeMs: 30 * 60_000 },
  });

  function setup(routes: Record<string, unknown>) {
    const fake = fakeHttp({ [`GET ${MULTITENANCY_TENANT_PATH}`]: () => Promise.reject(httpError(404, 'Not Found')), [`GET ${CASE_PATH}`]: withTasks, ...routes });
    const { core, toasts } = fakeCore(fake.http);
    core.application.capabilities = {};
    renderWithServices(<Route path={ROUTE_PATHS.case} component={CasePage} />, { core, path: casePath('case-1') });
    return { ...fake, toasts };
  }

  it('shows tasks with who did them and when, ticks one off, and shows the times', async () => {
    const ticked = { ...withTasks, version: 'v2', tasks: [{ ...withTasks.tasks[0], done: true, doneAt: '2026-12-01T11:00:00.000Z', doneBy: 'anonymous' }, withTasks.tasks[1]] };
    const { callsTo } = setup({ [`PATCH ${API_PATHS.caseTask('case-1', 'k1')}`]: ticked });
    const tasks = await screen.findAllByTestId('caseTask');
    expect(tasks.map((t) => t.textContent)).toEqual(['Disable the access key@alice', expect.stringMatching(/^Review CloudTrail.*done by bob/)]);
    expect(screen.getByTestId('caseTimes')).toHaveTextContent('30 min');
    expect(screen.getByTestId('caseTimes')).toHaveTextContent('Time to closeopen');
    fireEvent.click(within(tasks[0]).getByRole('checkbox'));
    await waitFor(() => expect(within(screen.getAllByTestId('caseTask')[0]).getByTestId('caseTaskMeta')).toHaveTextContent('done by anonymous'));
    expect(callsTo('PATCH', API_PATHS.caseTask('case-1', 'k1'))[0].body).toEqual({ done: true });
  });

  it('adds a task', async () => {
    const added = { ...withTasks, tasks: [...withTasks.tasks, { id: 'k3', title: 'Call the owner', done: false }] };
    const { callsTo } = setup({ [`POST ${API_PATHS.caseTasks('case-1')}`]: added });
    fireEvent.change(await screen.findByTestId('caseNewTask'), { target: { value: 'Call the owner' } });
    fireEvent.click(screen.getByTestId('caseAddTask'));
    await waitFor(() => expect(screen.getAllByTestId('caseTask')).toHaveLength(3));
    expect(callsTo('POST', API_PATHS.caseTasks('case-1'))[0].body).toEqual({ title: 'Call the owner' });
  });
});

describe('CasesBulkActions', () => {
  const selected = [caseSummary(caseFixture({ id: 'a', title: 'Case A' })), caseSummary(caseFixture({ id: 'b', title: 'Case B' }))];

  it('applies a severity to the selected cases and lists the ones that failed', async () => {
    const answer: BulkCasesResponse = {
      results: [{ id: 'a', ok: true, version: 'v2' }, { id: 'b', ok: false, statusCode: 409, message: 'Case b is being changed by others too often' }],
      succeeded: 1,
      failed: 1,
    };
    const fake = fakeHttp({ [`POST ${API_PATHS.casesBulk}`]: answer });
    const onDone = jest.fn();
    renderWithServices(<CasesBulkActions selected={selected} onDone={onDone} />, { core: fakeCore(fake.http).core });
    fireEvent.click(screen.getByTestId('casesBulkActions'));
    fireEvent.click(await screen.findByTestId('bulkSeverity'));
    fireEvent.click(await screen.findByTestId('bulkSeverity-critical'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(fake.callsTo('POST', API_PATHS.casesBulk)[0].body).toEqual({ ids: ['a', 'b'], action: { type: 'severity', severity: 'critical' } });
    expect(screen.getByTestId('casesBulkFailures')).toHaveTextContent('1 case changed, 1 case not');
    expect(screen.getByTestId('casesBulkFailures')).toHaveTextContent('Case B: Case b is being changed by others too often');
  });

  it('is off with nothing selected, and above the batch limit says so', () => {
    const many = Array.from({ length: 101 }, (_, i) => caseSummary(caseFixture({ id: `c${i}` })));
    renderWithServices(<CasesBulkActions selected={[]} onDone={jest.fn()} />, { core: fakeCore(fakeHttp({}).http).core });
    expect(screen.getByTestId('casesBulkActions')).toBeDisabled();
    cleanup();
    renderWithServices(<CasesBulkActions selected={many} onDone={jest.fn()} />, { core: fakeCore(fakeHttp({}).http).core });
    expect(screen.getByTestId('casesBulkActions')).toBeDisabled();
    expect(screen.getByTestId('casesBulkActions')).toHaveTextContent('At most 100 cases at once');
  });
});

describe('CaseMetricsPanel', () => {
  it('shows the medians per severity the server computed over the filters', async () => {
    const metrics: CaseMetricsResponse = {
      total: 3,
      bySeverity: {
        low: { cases: 0, acknowledged: 0, medianTimeToAcknowledgeMs: null, closed: 0, medianTimeToCloseMs: null },
        medium: { cases: 1, acknowledged: 0, medianTimeToAcknowledgeMs: null, closed: 0, medianTimeToCloseMs: null },
        high: { cases: 2, acknowledged: 2, medianTimeToAcknowledgeMs: 90 * 60_000, closed: 1, medianTimeToCloseMs: 3 * 86_400_000 },
        critical: { cases: 0, acknowledged: 0, medianTimeToAcknowledgeMs: null, closed: 0, medianTimeToCloseMs: null },
      },
    };
    const fake = fakeHttp({ [`GET ${API_PATHS.caseMetrics}`]: metrics });
    renderWithServices(<CaseMetricsPanel filters={{ status: ['closed'], tag: ['iam'], page: 2, perPage: 20 }} refreshKey={0} />, { core: fakeCore(fake.http).core });
    const high = await screen.findByText('High');
    expect(high.closest('tr')).toHaveTextContent('1 h 30 min (2)');
    expect(high.closest('tr')).toHaveTextContent('3 d 0 h (1)');
    expect(screen.getByText('Medium').closest('tr')).toHaveTextContent('Median time to acknowledge—Median time to close—');
    expect(screen.queryByText('Low')).toBeNull();
    expect(fake.calls[0].options.query).toEqual({ status: ['closed'], tag: ['iam'] });
  });
});

describe('CaseTemplatesPage', () => {
  it('lists templates and creates one with a task and a required field', async () => {
    const fake = fakeHttp({
      [`GET ${API_PATHS.caseTemplates}`]: { templates: [template] },
      [`POST ${API_PATHS.caseTemplates}`]: (o: { body?: string }) => ({ ...template, ...JSON.parse(o.body!), id: 'new' }),
    });
    const { core, toasts } = fakeCore(fake.http);
    core.application.capabilities = {};
    renderWithServices(<Route path={ROUTE_PATHS.caseTemplates} component={CaseTemplatesPage} />, { core, path: '/case_templates' });
    expect(await screen.findByText('Compromised IAM credentials')).toBeInTheDocument();
    expect(screen.getByText('UnauthorizedAccess:IAMUser/*')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('newCaseTemplate'));
    const form = await screen.findByTestId('caseTemplateForm');
    expect(within(form).getByTestId('templateSave')).toBeDisabled();
    fireEvent.change(within(form).getByTestId('templateName'), { target: { value: 'SSH brute force' } });
    fireEvent.change(within(form).getByTestId('templateTitle'), { target: { value: 'SSH brute force on an instance' } });
    fireEvent.click(within(form).getByTestId('templateAddTask'));
    fireEvent.change(within(form).getByTestId('templateTaskTitle'), { target: { value: 'Check the security group' } });
    fireEvent.click(within(form).getByTestId('templateAddField'));
    fireEvent.change(within(form).getByTestId('templateFieldLabel'), { target: { value: 'Instance isolated?' } });
    fireEvent.click(within(form).getByTestId('templateSave'));
    await waitFor(() => expect(toasts.filter((t) => t.kind === 'success')).toHaveLength(1));
    expect(fake.callsTo('POST', API_PATHS.caseTemplates)[0].body).toEqual({
      name: 'SSH brute force',
      description: '',
      title: 'SSH brute force on an instance',
      tags: [],
      tasks: [{ title: 'Check the security group' }],
      closeFields: [{ key: 'field1', label: 'Instance isolated?', type: 'boolean' }],
      findingTypes: [],
    });
  });
});
