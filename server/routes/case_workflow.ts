import { CASE_LIMITS, CASE_SEVERITIES, CASE_STATUSES, CLOSE_REASONS } from '../../common/case_types';
import {
  AddCaseTaskRequest,
  BULK_CASE_ACTION_TYPES,
  BulkCaseAction,
  BulkCasesRequest,
  CASE_TEMPLATE_LIMITS,
  CaseTemplateBody,
  FINDING_TYPE_PATTERN,
  UpdateCaseTaskRequest,
  UpdateCaseTemplateRequest,
} from '../../common/case_template_types';
import { API_PATHS } from '../../common/constants';
import { parseTask, parseTemplateBody } from '../cases/templates/template_model';
import { fail, noQuery, object, oneOf, optionalString, string, validator } from '../lib/validation';
import { assignees, caseHandler, CaseRouteDeps, savedObjectVersion, tags, validateCaseParams, validateCasesFindQuery } from './cases';

/**
 * Templates, tasks, metrics and bulk actions on cases (docs/cases.md "Templates, tasks, close
 * fields, times, bulk actions"). Validate → routes/cases.ts'
 * caseHandler, as every case route.
 */
export const validateTemplateParams = validator<{ id: string }>((data) => {
  const p = object(data, ['id'], 'params');
  return { id: string(p.id, 'id', { max: 250 }) };
});

export const validateTaskParams = validator<{ id: string; taskId: string }>((data) => {
  const p = object(data, ['id', 'taskId'], 'params');
  return { id: string(p.id, 'id', { max: 250 }), taskId: string(p.taskId, 'taskId', { max: 100 }) };
});

export const validateTemplatesQuery = validator<{ findingType?: string }>((data) => {
  const q = object(data, ['findingType'], 'query');
  const findingType = optionalString(q.findingType, 'findingType', {
    max: CASE_TEMPLATE_LIMITS.findingTypeLength,
    pattern: FINDING_TYPE_PATTERN,
    patternHint: 'is not a GuardDuty finding type',
  });
  return findingType ? { findingType } : {};
});

export const validateTemplateBody = validator<CaseTemplateBody>((data) => parseTemplateBody(data));

export const validateUpdateTemplateBody = validator<UpdateCaseTemplateRequest>((data) => {
  const body = parseTemplateBody(data, ['version']);
  const version = (data as { version?: unknown }).version;
  if (version === undefined) fail('version is required: the version of the template the change was made on');
  return { ...body, version: savedObjectVersion(version) };
});

export const validateAddTaskBody = validator<AddCaseTaskRequest>((data) => {
  if (data === null || data === undefined) fail('a JSON body is required (fields: title, assignee)');
  return parseTask(data, 'body');
});

export const validateUpdateTaskBody = validator<UpdateCaseTaskRequest>((data) => {
  const b = object(data, ['done', 'assignee'], 'body');
  if (b.done === undefined && b.assignee === undefined) fail('nothing to change: give done and/or assignee');
  if (b.done !== undefined && typeof b.done !== 'boolean') fail('done must be true or false');
  const assignee = b.assignee === undefined || b.assignee === null ? b.assignee : string(b.assignee, 'assignee', { min: 0, max: CASE_LIMITS.assigneeLength }).trim() || null;
  return { ...(b.done !== undefined ? { done: b.done as boolean } : {}), ...(assignee !== undefined ? { assignee } : {}) };
});

function bulkAction(v: unknown): BulkCaseAction {
  const a = object(v, ['type', 'status', 'closeReason', 'severity', 'add', 'remove'], 'action');
  const type = oneOf(a.type, 'action.type', BULK_CASE_ACTION_TYPES);
  const only = (allowed: string[]) => {
    const extra = ['status', 'closeReason', 'severity', 'add', 'remove'].filter((k) => a[k] !== undefined && !allowed.includes(k));
    if (extra.length) fail(`a ${type} action takes no ${extra.join(', ')}`);
  };
  switch (type) {
    case 'status':
      only(['status', 'closeReason']);
      return {
        type,
        status: oneOf(a.status, 'action.status', CASE_STATUSES),
        ...(a.closeReason !== undefined ? { closeReason: oneOf(a.closeReason, 'action.closeReason', CLOSE_REASONS) } : {}),
      };
    case 'severity':
      only(['severity']);
      return { type, severity: oneOf(a.severity, 'action.severity', CASE_SEVERITIES) };
    case 'tag':
    case 'assignee': {
      only(['add', 'remove']);
      const parse = type === 'tag' ? tags : assignees;
      const add = a.add === undefined ? [] : parse(a.add);
      const remove = a.remove === undefined ? [] : parse(a.remove);
      if (add.length + remove.length === 0) fail(`a ${type} action needs add and/or remove`);
      return { type, add, remove };
    }
    case 'delete':
      only([]);
      return { type };
  }
}

export const validateBulkBody = validator<BulkCasesRequest>((data) => {
  if (data === null || data === undefined) fail('a JSON body is required (fields: ids, action)');
  const b = object(data, ['ids', 'action'], 'body');
  if (!Array.isArray(b.ids) || b.ids.length === 0) fail('ids must be a non-empty array of case ids');
  const ids = b.ids as unknown[];
  if (ids.length > CASE_TEMPLATE_LIMITS.bulkCases) fail(`ids has ${ids.length} cases, more than ${CASE_TEMPLATE_LIMITS.bulkCases} per bulk action (limit)`);
  const unique = [...new Set(ids.map((id, i) => string(id, `ids[${i}]`, { max: 250 })))];
  if (b.action === undefined) fail('action is required');
  return { ids: unique, action: bulkAction(b.action) };
});

export function registerCaseWorkflowRoutes(deps: CaseRouteDeps): void {
  const { router } = deps;
  const handle = caseHandler(deps);
  const WRITE = { write: true };
  const TEMPLATE_PATH = `${API_PATHS.caseTemplates}/{id}`;

  router.get(
    { path: API_PATHS.caseTemplates, validate: { query: validateTemplatesQuery } },
    handle(async (cases, req, res) => res.ok({ body: await cases.listTemplates(req.query.findingType) }))
  );
  router.post(
    { path: API_PATHS.caseTemplates, validate: { query: noQuery, body: validateTemplateBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.createTemplate(req.body) }), WRITE)
  );
  router.get(
    { path: TEMPLATE_PATH, validate: { params: validateTemplateParams, query: noQuery } },
    handle(async (cases, req, res) => res.ok({ body: await cases.getTemplate(req.params.id) }))
  );
  router.put(
    { path: TEMPLATE_PATH, validate: { params: validateTemplateParams, query: noQuery, body: validateUpdateTemplateBody } },
    handle(async (cases, req, res) => {
      const { version, ...body } = req.body;
      return res.ok({ body: await cases.updateTemplate(req.params.id, body, version) });
    }, WRITE)
  );
  router.delete(
    { path: TEMPLATE_PATH, validate: { params: validateTemplateParams, query: noQuery } },
    handle(async (cases, req, res) => {
      await cases.deleteTemplate(req.params.id);
      return res.noContent();
    }, WRITE)
  );
  router.post(
    { path: `${API_PATHS.cases}/{id}/tasks`, validate: { params: validateCaseParams, query: noQuery, body: validateAddTaskBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.addTask(req.params.id, req.body) }), WRITE)
  );
  router.patch(
    { path: `${API_PATHS.cases}/{id}/tasks/{taskId}`, validate: { params: validateTaskParams, query: noQuery, body: validateUpdateTaskBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.updateTask(req.params.id, req.params.taskId, req.body) }), WRITE)
  );
  router.get(
    { path: API_PATHS.caseMetrics, validate: { query: validateCasesFindQuery } },
    handle(async (cases, req, res) => res.ok({ body: await cases.metrics(req.query) }))
  );
  router.post(
    { path: API_PATHS.casesBulk, validate: { query: noQuery, body: validateBulkBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.bulk(req.body) }), WRITE)
  );
}
