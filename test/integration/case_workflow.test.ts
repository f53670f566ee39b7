import { Client } from '@opensearch-project/opensearch';
import { Case, CasesFindResponse } from '../../common/case_types';
import { BulkCasesResponse, CASE_TEMPLATE_LIMITS, CaseMetricsResponse, CaseTemplate, CaseTemplateBody, CaseTemplatesResponse } from '../../common/case_template_types';
import { API_PATHS, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { createSavedObjectsClientFactory } from '../../dev/host/saved_objects_client';
import { OPENSEARCH_URL, startTestHost, TestHost, uniquePrefix } from './helpers';

jest.setTimeout(120_000);

/**
 * Templates, tasks, required close fields, case times and bulk actions, through the plugin loaded
 * by the dev host, stored by the dev saved objects client in a real OpenSearch.
 */
describe('case templates and workflow (real OpenSearch)', () => {
  const soIndex = `${uniquePrefix('case-wf-so')}index`;
  let host: TestHost;
  const client = new Client({ node: OPENSEARCH_URL });

  const iamTemplate: CaseTemplateBody = {
    name: 'Compromised IAM credentials',
    description: 'GuardDuty says an IAM user or role was used from somewhere it should not be.',
    title: 'Compromised IAM credentials',
    severity: 'high',
    tags: ['iam'],
    tasks: [{ title: 'Disable the access key', assignee: 'alice' }, { title: 'Review CloudTrail for the key' }, { title: 'Notify the account owner' }],
    closeFields: [
      { key: 'classification', label: 'Classification', type: 'select', options: ['true_positive', 'benign_positive', 'false_positive'] },
      { key: 'credentialsRotated', label: 'Credentials rotated?', type: 'boolean' },
      { key: 'affectedAccounts', label: 'Affected accounts', type: 'text', minLength: 3, maxLength: 200 },
    ],
    findingTypes: ['UnauthorizedAccess:IAMUser/*'],
  };

  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await host.api<T>(method, path, body);
    if (r.status !== 200) throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const createTemplate = (body: Partial<CaseTemplateBody> = {}) => ok<CaseTemplate>('POST', API_PATHS.caseTemplates, { ...iamTemplate, ...body });
  const storedCases = async () => (await ok<CasesFindResponse>('GET', `${API_PATHS.cases}?perPage=100`)).cases;

  beforeAll(async () => {
    host = await startTestHost('case-wf', { createSavedObjectsClient: createSavedObjectsClientFactory(client, { index: soIndex }) });
  });

  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: soIndex, ignore_unavailable: true } as any).catch(() => undefined);
    await host?.cleanup();
    await client.close();
  });

  describe('templates', () => {
    it('are created, listed, read, replaced with their version, and deleted', async () => {
      const t = await createTemplate({ name: 'CRUD template', findingTypes: [] });
      expect(t).toMatchObject({ name: 'CRUD template', severity: 'high', createdBy: 'anonymous', tasks: iamTemplate.tasks });
      expect((await ok<CaseTemplatesResponse>('GET', API_PATHS.caseTemplates)).templates.map((x) => x.id)).toContain(t.id);

      const replaced = await ok<CaseTemplate>('PUT', API_PATHS.caseTemplate(t.id), { ...iamTemplate, name: 'CRUD template v2', findingTypes: [], version: t.version });
      expect(replaced.name).toBe('CRUD template v2');
      expect(replaced.createdAt).toBe(t.createdAt);
      // The old version is stale now: 409 and nothing written.
      const stale = await host.api('PUT', API_PATHS.caseTemplate(t.id), { ...iamTemplate, name: 'lost', findingTypes: [], version: t.version });
      expect(stale.status).toBe(409);
      expect((await ok<CaseTemplate>('GET', API_PATHS.caseTemplate(t.id))).name).toBe('CRUD template v2');

      expect((await host.api('DELETE', API_PATHS.caseTemplate(t.id))).status).toBe(204);
      expect((await host.api('GET', API_PATHS.caseTemplate(t.id))).status).toBe(404);
    });

    it('refuses bad templates with a 400 naming the problem, writing nothing', async () => {
      const before = (await ok<CaseTemplatesResponse>('GET', API_PATHS.caseTemplates)).templates.length;
      const bad: Array<[Record<string, unknown>, RegExp]> = [
        [{ ...iamTemplate, name: '' }, /name must not be empty/],
        [{ ...iamTemplate, tasks: Array.from({ length: CASE_TEMPLATE_LIMITS.tasks + 1 }, (_, i) => ({ title: `t${i}` })) }, /more than 50 \(limit\)/],
        [{ ...iamTemplate, closeFields: [{ key: 'x', label: 'X', type: 'select', options: ['only'] }] }, /at least 2 options/],
        [{ ...iamTemplate, closeFields: [{ key: 'x', label: 'X', type: 'text', maxLength: 99999 }] }, /maxLength must be an integer from 1 to 2000/],
        [{ ...iamTemplate, closeFields: [{ key: 'x', label: 'X', type: 'boolean' }, { key: 'x', label: 'Y', type: 'boolean' }] }, /used twice/],
        [{ ...iamTemplate, findingTypes: ['Recon:EC2/" OR 1=1'] }, /may hold only/],
        [{ ...iamTemplate, findingTypes: ['**'] }, /not only \*/],
        [{ ...iamTemplate, owner: 'me' }, /unknown field\(s\): owner/],
      ];
      for (const [body, message] of bad) {
        const r = await host.api('POST', API_PATHS.caseTemplates, body);
        expect(r.status).toBe(400);
        expect(r.body.message).toMatch(message);
      }
      expect((await ok<CaseTemplatesResponse>('GET', API_PATHS.caseTemplates)).templates.length).toBe(before);
    });

    it('are matched to the finding type when a case is created from a finding, most specific pattern first', async () => {
      const broad = await createTemplate({ name: 'Any unauthorized access', findingTypes: ['UnauthorizedAccess:*'], tasks: [], closeFields: [], severity: 'medium' });
      const iam = await createTemplate();
      const exact = await createTemplate({ name: 'Tor IAM', findingTypes: ['UnauthorizedAccess:IAMUser/TorIPCaller'], tasks: [{ title: 'Check Tor exit' }], closeFields: [] });

      const listed = await ok<CaseTemplatesResponse>('GET', `${API_PATHS.caseTemplates}?findingType=${encodeURIComponent('UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom')}`);
      expect(listed.matchedId).toBe(iam.id);

      const c = await ok<Case>('POST', API_PATHS.cases, { findingType: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom', tags: ['guardduty'] });
      expect(c).toMatchObject({ title: 'Compromised IAM credentials', severity: 'high', template: { id: iam.id, name: iam.name }, closeFields: iamTemplate.closeFields });
      expect(c.tags).toEqual(['guardduty', 'iam']);
      expect(c.tasks.map((t) => [t.title, t.assignee ?? null, t.done])).toEqual([
        ['Disable the access key', 'alice', false],
        ['Review CloudTrail for the key', null, false],
        ['Notify the account owner', null, false],
      ]);
      expect((await ok<Case>('POST', API_PATHS.cases, { findingType: 'UnauthorizedAccess:IAMUser/TorIPCaller' })).template?.id).toBe(exact.id);
      expect((await ok<Case>('POST', API_PATHS.cases, { title: 'x', findingType: 'UnauthorizedAccess:EC2/SSHBruteForce' })).template?.id).toBe(broad.id);
      const none = await ok<Case>('POST', API_PATHS.cases, { title: 'Recon', findingType: 'Recon:EC2/PortProbeUnprotectedPort' });
      expect(none.template).toBeUndefined();
      expect(none.tasks).toEqual([]);
      // An explicit choice wins over the match, and `null` means none.
      expect((await ok<Case>('POST', API_PATHS.cases, { title: 'x', templateId: broad.id, findingType: 'UnauthorizedAccess:IAMUser/TorIPCaller' })).template?.id).toBe(broad.id);
      expect((await ok<Case>('POST', API_PATHS.cases, { title: 'x', templateId: null, findingType: 'UnauthorizedAccess:IAMUser/TorIPCaller' })).template).toBeUndefined();
      const unknown = await host.api('POST', API_PATHS.cases, { title: 'x', templateId: 'nope' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/no case template nope/);
      // Without a template the title is still required.
      expect((await host.api('POST', API_PATHS.cases, { findingType: 'Recon:EC2/Portscan' })).status).toBe(400);

      // Editing the template later does not change cases already made from it.
      await ok('PUT', API_PATHS.caseTemplate(iam.id), { ...iamTemplate, tasks: [], closeFields: [], version: iam.version });
      const again = await ok<Case>('GET', API_PATHS.case(c.id));
      expect(again.tasks).toHaveLength(3);
      expect(again.closeFields).toHaveLength(3);
      for (const t of [broad, iam, exact]) await host.api('DELETE', API_PATHS.caseTemplate(t.id));
    });
  });

  describe('tasks', () => {
    it('keep every concurrent change: 20 analysts ticking 20 tasks at once, with who and when', async () => {
      const t = await createTemplate({ name: 'Twenty tasks', findingTypes: [], closeFields: [], tasks: Array.from({ length: 20 }, (_, i) => ({ title: `Step ${i + 1}` })) });
      const c = await ok<Case>('POST', API_PATHS.cases, { title: 'Busy case', templateId: t.id });
      const before = Date.now();
      const results = await Promise.all(c.tasks.map((task) => host.api<Case>('PATCH', API_PATHS.caseTask(c.id, task.id), { done: true })));
      expect(results.map((r) => r.status)).toEqual(c.tasks.map(() => 200));
      const after = await ok<Case>('GET', API_PATHS.case(c.id));
      expect(after.tasks.every((x) => x.done && x.doneBy === 'anonymous' && Date.parse(x.doneAt!) >= before - 1000)).toBe(true);
      expect(after.activity.filter((a) => a.action === 'task_changed')).toHaveLength(20);

      // Setting a state it already has changes nothing; undone clears who and when.
      const same = await ok<Case>('PATCH', API_PATHS.caseTask(c.id, c.tasks[0].id), { done: true });
      expect(same.version).toBe(after.version);
      const undone = await ok<Case>('PATCH', API_PATHS.caseTask(c.id, c.tasks[0].id), { done: false, assignee: 'bob' });
      expect(undone.tasks[0]).toEqual({ id: c.tasks[0].id, title: 'Step 1', assignee: 'bob', done: false });
      await host.api('DELETE', API_PATHS.caseTemplate(t.id));
    });

    it('are bounded and validated', async () => {
      const c = await ok<Case>('POST', API_PATHS.cases, { title: 'Ad-hoc tasks' });
      const added = await ok<Case>('POST', API_PATHS.caseTasks(c.id), { title: 'Isolate the instance', assignee: 'carol' });
      expect(added.tasks).toMatchObject([{ title: 'Isolate the instance', assignee: 'carol', done: false }]);
      expect((await host.api('PATCH', API_PATHS.caseTask(c.id, 'nope'), { done: true })).status).toBe(404);
      expect((await host.api('PATCH', API_PATHS.caseTask(c.id, added.tasks[0].id), { done: 'yes' })).status).toBe(400);
      expect((await host.api('PATCH', API_PATHS.caseTask(c.id, added.tasks[0].id), {})).status).toBe(400);
      expect((await host.api('POST', API_PATHS.caseTasks(c.id), { title: ' ' })).status).toBe(400);
      const t = await createTemplate({ name: 'Fifty tasks', findingTypes: [], tasks: Array.from({ length: CASE_TEMPLATE_LIMITS.tasks }, (_, i) => ({ title: `t${i}` })) });
      const fullCase = await ok<Case>('POST', API_PATHS.cases, { title: 'Full', templateId: t.id });
      const full = await host.api('POST', API_PATHS.caseTasks(fullCase.id), { title: 'one too many' });
      expect(full.status).toBe(400);
      expect(full.body.message).toMatch(/limit 50/);
      expect((await ok<Case>('GET', API_PATHS.case(fullCase.id))).tasks).toHaveLength(CASE_TEMPLATE_LIMITS.tasks);
      await host.api('DELETE', API_PATHS.caseTemplate(t.id));
    });
  });

  describe('required close fields', () => {
    it('refuse the close with 400 and the missing fields, then accept it once filled in', async () => {
      const t = await createTemplate({ name: 'Close fields', findingTypes: [] });
      let c = await ok<Case>('POST', API_PATHS.cases, { templateId: t.id });
      const refused = await host.api('PATCH', API_PATHS.case(c.id), { version: c.version, status: 'closed', closeReason: 'true_positive', closeFieldValues: { classification: 'true_positive' } });
      expect(refused.status).toBe(400);
      expect(refused.body.attributes.missingFields).toEqual(['credentialsRotated', 'affectedAccounts']);
      expect(refused.body.message).toMatch(/credentialsRotated \(Credentials rotated\?\), affectedAccounts \(Affected accounts\)/);
      c = await ok<Case>('GET', API_PATHS.case(c.id));
      expect(c.status).toBe('open');
      expect(c.closeFieldValues).toEqual({});

      // Wrong values and unknown fields are 400s too.
      for (const closeFieldValues of [{ classification: 'maybe' }, { credentialsRotated: 'yes' }, { affectedAccounts: 'x' }, { other: true }]) {
        const r = await host.api('PATCH', API_PATHS.case(c.id), { version: c.version, closeFieldValues });
        expect(r.status).toBe(400);
      }
      // Filled in step by step, then closed.
      c = await ok<Case>('PATCH', API_PATHS.case(c.id), { version: c.version, closeFieldValues: { classification: 'true_positive', credentialsRotated: true } });
      c = await ok<Case>('PATCH', API_PATHS.case(c.id), {
        version: c.version,
        status: 'closed',
        closeReason: 'true_positive',
        closeFieldValues: { affectedAccounts: '123456789012' },
      });
      expect(c).toMatchObject({ status: 'closed', closeFieldValues: { classification: 'true_positive', credentialsRotated: true, affectedAccounts: '123456789012' } });
      expect(c.activity.filter((a) => a.action === 'close_fields_changed').map((a) => (a as { fields: string[] }).fields)).toEqual([
        ['classification', 'credentialsRotated'],
        ['affectedAccounts'],
      ]);
      await host.api('DELETE', API_PATHS.caseTemplate(t.id));
    });
  });

  describe('time to acknowledge and to close', () => {
    it('are set per case and their medians per severity follow the list filter', async () => {
      const tag = `times-${Date.now()}`;
      const mk = async (severity: string, extra: Record<string, unknown> = {}) => ok<Case>('POST', API_PATHS.cases, { title: `t ${severity}`, severity, tags: [tag], ...extra });
      const assignedAtOnce = await mk('high', { assignees: ['alice'] });
      expect(assignedAtOnce.times).toEqual({ acknowledgedAt: assignedAtOnce.createdAt, timeToAcknowledgeMs: 0 });
      let moved = await mk('high');
      expect(moved.times).toEqual({});
      await new Promise((r) => setTimeout(r, 300));
      moved = await ok<Case>('PATCH', API_PATHS.case(moved.id), { version: moved.version, status: 'in-progress' });
      const tta = moved.times.timeToAcknowledgeMs!;
      expect(tta).toBeGreaterThanOrEqual(250);
      expect(moved.times.acknowledgedAt).toBe(moved.updatedAt);
      // Later moves do not change when it was acknowledged.
      await new Promise((r) => setTimeout(r, 100));
      moved = await ok<Case>('PATCH', API_PATHS.case(moved.id), { version: moved.version, status: 'closed', closeReason: 'false_positive' });
      expect(moved.times.timeToAcknowledgeMs).toBe(tta);
      expect(moved.times.timeToCloseMs).toBe(Date.parse(moved.closedAt!) - Date.parse(moved.createdAt));
      const reopened = await ok<Case>('PATCH', API_PATHS.case(moved.id), { version: moved.version, status: 'open' });
      expect(reopened.times.timeToCloseMs).toBeUndefined();
      const closedAgain = await ok<Case>('PATCH', API_PATHS.case(moved.id), { version: reopened.version, status: 'closed', closeReason: 'false_positive' });
      const ttc = closedAgain.times.timeToCloseMs!;
      const low = await mk('low');
      const lowAssigned = await ok<Case>('PATCH', API_PATHS.case(low.id), { version: low.version, assignees: ['bob'] });
      await mk('low'); // never acknowledged

      const m = await ok<CaseMetricsResponse>('GET', `${API_PATHS.caseMetrics}?tag=${tag}`);
      expect(m.total).toBe(4);
      expect(m.bySeverity.high).toEqual({ cases: 2, acknowledged: 2, medianTimeToAcknowledgeMs: Math.round(tta / 2), closed: 1, medianTimeToCloseMs: ttc });
      expect(m.bySeverity.low).toMatchObject({ cases: 2, acknowledged: 1, medianTimeToAcknowledgeMs: lowAssigned.times.timeToAcknowledgeMs, closed: 0, medianTimeToCloseMs: null });
      expect(m.bySeverity.critical).toEqual({ cases: 0, acknowledged: 0, medianTimeToAcknowledgeMs: null, closed: 0, medianTimeToCloseMs: null });
      // The list's filters apply: only the closed ones.
      const closedOnly = await ok<CaseMetricsResponse>('GET', `${API_PATHS.caseMetrics}?tag=${tag}&status=closed`);
      expect(closedOnly.total).toBe(1);
      expect((await host.api('GET', `${API_PATHS.caseMetrics}?status=nope`)).status).toBe(400);
      // The list carries the times too.
      const listed = (await ok<CasesFindResponse>('GET', `${API_PATHS.cases}?tag=${tag}&status=closed`)).cases;
      expect(listed[0].times).toEqual(closedAgain.times);
    });

    it('are derived from the activity log for a case stored before they existed', async () => {
      const id = `old-${Date.now()}`;
      await client.index({
        index: soIndex,
        id: `${CASE_SAVED_OBJECT_TYPE}:${id}`,
        refresh: true,
        body: {
          type: CASE_SAVED_OBJECT_TYPE,
          updated_at: '2026-01-01T10:00:00.000Z',
          [CASE_SAVED_OBJECT_TYPE]: {
            title: 'Old case',
            description: '',
            status: 'closed',
            closeReason: 'true_positive',
            severity: 'medium',
            tags: [],
            assignees: [],
            attachments: [],
            comments: [],
            activity: [
              { at: '2026-01-01T10:00:00.000Z', by: 'alice', action: 'created' },
              { at: '2026-01-01T10:30:00.000Z', by: 'alice', action: 'status_changed', from: 'open', to: 'in-progress' },
              { at: '2026-01-01T12:00:00.000Z', by: 'alice', action: 'status_changed', from: 'in-progress', to: 'closed', closeReason: 'true_positive' },
            ],
            attachmentCount: 0,
            commentCount: 0,
            createdAt: '2026-01-01T10:00:00.000Z',
            createdBy: 'alice',
            updatedAt: '2026-01-01T12:00:00.000Z',
            updatedBy: 'alice',
            closedAt: '2026-01-01T12:00:00.000Z',
            closedBy: 'alice',
          },
        },
      });
      const c = await ok<Case>('GET', API_PATHS.case(id));
      expect(c.times).toEqual({ acknowledgedAt: '2026-01-01T10:30:00.000Z', timeToAcknowledgeMs: 30 * 60_000, timeToCloseMs: 2 * 3600_000 });
      expect(c).toMatchObject({ tasks: [], closeFields: [], closeFieldValues: {} });
      expect(c.repaired).toBeUndefined();
    });
  });

  describe('bulk actions', () => {
    it('apply to each case on its own, with one result per case; a failing case does not fail the others', async () => {
      const t = await createTemplate({ name: 'Bulk close fields', findingTypes: [] });
      const plain = await Promise.all([1, 2, 3].map((i) => ok<Case>('POST', API_PATHS.cases, { title: `bulk ${i}`, tags: ['bulk'] })));
      const templated = await ok<Case>('POST', API_PATHS.cases, { templateId: t.id, tags: ['bulk'] });
      const ids = [...plain.map((c) => c.id), templated.id, 'no-such-case'];

      const sev = await ok<BulkCasesResponse>('POST', API_PATHS.casesBulk, { ids, action: { type: 'severity', severity: 'critical' } });
      expect(sev.results.map((r) => [r.id, r.ok])).toEqual(ids.map((id) => [id, id !== 'no-such-case']));
      expect(sev.results[4]).toMatchObject({ ok: false, statusCode: 404 });
      expect(sev).toMatchObject({ succeeded: 4, failed: 1 });

      await ok('POST', API_PATHS.casesBulk, { ids: ids.slice(0, 4), action: { type: 'tag', add: ['phishing'], remove: ['bulk'] } });
      await ok('POST', API_PATHS.casesBulk, { ids: ids.slice(0, 4), action: { type: 'assignee', add: ['alice', 'bob'], remove: [] } });
      const close = await ok<BulkCasesResponse>('POST', API_PATHS.casesBulk, { ids: ids.slice(0, 4), action: { type: 'status', status: 'closed', closeReason: 'false_positive' } });
      expect(close.results.slice(0, 3).every((r) => r.ok)).toBe(true);
      expect(close.results[3]).toMatchObject({ id: templated.id, ok: false, statusCode: 400, missingFields: ['classification', 'credentialsRotated', 'affectedAccounts'] });

      const after = await Promise.all(ids.slice(0, 4).map((id) => ok<Case>('GET', API_PATHS.case(id))));
      expect(after.map((c) => [c.severity, c.tags, c.assignees, c.status])).toEqual([
        ['critical', ['phishing'], ['alice', 'bob'], 'closed'],
        ['critical', ['phishing'], ['alice', 'bob'], 'closed'],
        ['critical', ['phishing'], ['alice', 'bob'], 'closed'],
        ['critical', ['iam', 'phishing'], ['alice', 'bob'], 'open'],
      ]);

      const del = await ok<BulkCasesResponse>('POST', API_PATHS.casesBulk, { ids: [plain[0].id, 'no-such-case'], action: { type: 'delete' } });
      expect(del.results).toEqual([{ id: plain[0].id, ok: true }, expect.objectContaining({ id: 'no-such-case', ok: false, statusCode: 404 })]);
      expect((await host.api('GET', API_PATHS.case(plain[0].id))).status).toBe(404);
      await host.api('DELETE', API_PATHS.caseTemplate(t.id));
    });

    it('refuse more than the batch limit, and malformed actions, changing nothing', async () => {
      const c = await ok<Case>('POST', API_PATHS.cases, { title: 'bulk limit', severity: 'low' });
      const tooMany = await host.api('POST', API_PATHS.casesBulk, {
        ids: [c.id, ...Array.from({ length: CASE_TEMPLATE_LIMITS.bulkCases }, (_, i) => `x${i}`)],
        action: { type: 'severity', severity: 'high' },
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.message).toMatch(/more than 100 per bulk action \(limit\)/);
      for (const action of [{ type: 'severity', severity: 'urgent' }, { type: 'tag' }, { type: 'delete', status: 'open' }, { type: 'rename' }]) {
        expect((await host.api('POST', API_PATHS.casesBulk, { ids: [c.id], action })).status).toBe(400);
      }
      expect((await ok<Case>('GET', API_PATHS.case(c.id))).severity).toBe('low');
      expect((await storedCases()).some((x) => x.id === c.id)).toBe(true);
    });

    it('changes 100 cases in one request within the time budget', async () => {
      const created = await Promise.all(Array.from({ length: CASE_TEMPLATE_LIMITS.bulkCases }, (_, i) => ok<Case>('POST', API_PATHS.cases, { title: `many ${i}` })));
      const started = Date.now();
      const res = await ok<BulkCasesResponse>('POST', API_PATHS.casesBulk, { ids: created.map((c) => c.id), action: { type: 'status', status: 'in-progress' } });
      const ms = Date.now() - started;
      // eslint-disable-next-line no-console
      console.log(`bulk status change of ${created.length} cases: ${ms} ms`);
      expect(res).toMatchObject({ succeeded: CASE_TEMPLATE_LIMITS.bulkCases, failed: 0 });
      expect(ms).toBeLessThan(30_000);
    });
  });
});
