import {
  AddAttachmentRequest,
  AddCommentRequest,
  CASE_ATTACHMENT_TYPES,
  CASE_EXPORT_FORMATS,
  CASE_LIMITS,
  CASE_SEVERITIES,
  CASE_SORT_FIELDS,
  CASE_STATUSES,
  CaseExportFormat,
  CaseItemKind,
  CaseItemsQuery,
  CasesFindQuery,
  CLOSE_REASONS,
  CreateCaseRequest,
  UpdateCaseRequest,
} from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { CasesClient, createCasesClientFactory } from '../cases';
import { parseCloseFieldValues } from '../cases/templates/template_model';
import { CASE_TEMPLATE_LIMITS, FINDING_TYPE_PATTERN } from '../../common/case_template_types';
import { SnapshotVisibility } from '../cases/snapshot_visibility';
import { ObservableDefaults } from '../cases/observables';
import { respondError } from '../lib/respond';
import { docRef, fail, integer, noQuery, object, oneOf, optionalString, string, stringList, validator } from '../lib/validation';
import { CapabilitiesRequest, IOpenSearchDashboardsResponse, OpenSearchDashboardsRequest, OpenSearchDashboardsResponseFactory, RequestHandler } from '../types';
import { RouteDeps } from './types';
import { registerIncidentCaseRoutes } from './incident_cases';
import { registerCaseMergeRoute } from './case_merge';

export const CASE_PATH = `${API_PATHS.cases}/{id}`;
/** Routes that change cases: they need the user's `siemInvestigations.save` (server/capabilities.ts). */
const WRITE = { write: true };

export function requiredBody(data: unknown, fields: readonly string[]): Record<string, unknown> {
  if (data === null || data === undefined) fail(`a JSON body is required (fields: ${fields.join(', ')})`);
  return object(data, fields, 'body');
}

function title(v: unknown): string {
  const s = string(v, 'title', { max: CASE_LIMITS.titleLength }).trim();
  if (!s) fail('title must not be empty');
  return s;
}

/** A list of short names (tags, assignees): trimmed, no empties, no duplicates, bounded. */
function nameList(v: unknown, name: string, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(v)) fail(`${name} must be an array of strings`);
  const items = v as unknown[];
  if (items.length > maxItems) fail(`${name} has ${items.length} entries, more than ${maxItems} (limit)`);
  const out: string[] = [];
  items.forEach((item, i) => {
    const s = string(item, `${name}[${i}]`, { max: maxLength }).trim();
    if (!s) fail(`${name}[${i}] must not be empty`);
    if (!out.includes(s)) out.push(s);
  });
  return out;
}

export const tags = (v: unknown) => nameList(v, 'tags', CASE_LIMITS.tags, CASE_LIMITS.tagLength);
export const assignees = (v: unknown) => nameList(v, 'assignees', CASE_LIMITS.assignees, CASE_LIMITS.assigneeLength);
const description = (v: unknown) => optionalString(v, 'description', { min: 0, max: CASE_LIMITS.descriptionLength });

/** OSD's saved-object versions are base64 of `[seq_no, primary_term]`; anything else is not a version. */
export function savedObjectVersion(v: unknown): string {
  const s = string(v, 'version', { max: 100 });
  let decoded: unknown;
  try {
    decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(s) ? JSON.parse(Buffer.from(s, 'base64').toString('utf8')) : undefined;
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || !decoded.every((n) => Number.isInteger(n) && n >= 0)) {
    fail('version is not a case version: send the `version` of the case as it was read');
  }
  return s;
}

export const validateCaseParams = validator<{ id: string }>((data) => {
  const p = object(data, ['id'], 'params');
  return { id: string(p.id, 'id', { max: 250 }) };
});

export const CREATE_FIELDS = ['title', 'description', 'severity', 'tags', 'assignees', 'templateId', 'findingType'] as const;
export const validateCreateCaseBody = validator<CreateCaseRequest>((data) => createCaseFields(requiredBody(data, CREATE_FIELDS)));

/** The fields of a new case, checked (also for a case created from an incident). */
export function createCaseFields(b: Record<string, unknown>): CreateCaseRequest {
  const desc = description(b.description);
  const templateId = b.templateId === undefined || b.templateId === null ? b.templateId : string(b.templateId, 'templateId', { max: 250 });
  const findingType =
    b.findingType === undefined
      ? undefined
      : string(b.findingType, 'findingType', { max: CASE_TEMPLATE_LIMITS.findingTypeLength, pattern: FINDING_TYPE_PATTERN, patternHint: 'is not a GuardDuty finding type' });
  // Without a template the title is required; a template may give a default one.
  const mayDefaultTitle = typeof templateId === 'string' || findingType !== undefined;
  return {
    ...(b.title !== undefined || !mayDefaultTitle ? { title: title(b.title) } : {}),
    ...(templateId !== undefined ? { templateId } : {}),
    ...(findingType !== undefined ? { findingType } : {}),
    ...(desc !== undefined ? { description: desc } : {}),
    ...(b.severity !== undefined ? { severity: oneOf(b.severity, 'severity', CASE_SEVERITIES) } : {}),
    ...(b.tags !== undefined ? { tags: tags(b.tags) } : {}),
    ...(b.assignees !== undefined ? { assignees: assignees(b.assignees) } : {}),
  };
}

const UPDATE_FIELDS = ['version', 'title', 'description', 'status', 'closeReason', 'severity', 'tags', 'assignees', 'closeFieldValues'] as const;
export const validateUpdateCaseBody = validator<UpdateCaseRequest>((data) => {
  const b = requiredBody(data, UPDATE_FIELDS);
  if (b.version === undefined) fail('version is required: the version of the case the change was made on');
  const changes = UPDATE_FIELDS.filter((f) => f !== 'version' && b[f] !== undefined);
  if (changes.length === 0) fail(`nothing to change: give at least one of ${UPDATE_FIELDS.slice(1).join(', ')}`);
  const desc = description(b.description);
  return {
    version: savedObjectVersion(b.version),
    ...(b.title !== undefined ? { title: title(b.title) } : {}),
    ...(desc !== undefined ? { description: desc } : {}),
    ...(b.status !== undefined ? { status: oneOf(b.status, 'status', CASE_STATUSES) } : {}),
    ...(b.closeReason !== undefined ? { closeReason: oneOf(b.closeReason, 'closeReason', CLOSE_REASONS) } : {}),
    ...(b.severity !== undefined ? { severity: oneOf(b.severity, 'severity', CASE_SEVERITIES) } : {}),
    ...(b.tags !== undefined ? { tags: tags(b.tags) } : {}),
    ...(b.assignees !== undefined ? { assignees: assignees(b.assignees) } : {}),
    ...(b.closeFieldValues !== undefined ? { closeFieldValues: parseCloseFieldValues(b.closeFieldValues) } : {}),
  };
});

export const validateAttachmentBody = validator<AddAttachmentRequest>((data) => {
  const b = requiredBody(data, ['type', 'ref']);
  if (b.ref === undefined) fail('ref is required: {"index", "id"} of the document to attach');
  return { type: oneOf(b.type, 'type', CASE_ATTACHMENT_TYPES), ref: docRef(b.ref, 'ref') };
});

export const validateCommentBody = validator<AddCommentRequest>((data) => {
  const b = requiredBody(data, ['text']);
  const text = string(b.text, 'text', { max: CASE_LIMITS.commentLength });
  if (!text.trim()) fail('text must not be empty');
  return { text };
});

export const validateCasesFindQuery = validator<CasesFindQuery>((data) => {
  const q = object(data, ['search', 'status', 'severity', 'tag', 'assignee', 'page', 'perPage', 'sortField', 'sortOrder'], 'query');
  const filter = <T extends string>(name: string, parse: (s: string) => T): T[] => {
    const values = stringList(q[name], name);
    if (values.length > CASE_LIMITS.filterValues) fail(`${name} has more than ${CASE_LIMITS.filterValues} values (limit)`);
    return values.map(parse);
  };
  const page = integer(q.page, 'page', 1, CASE_LIMITS.listScan, 1);
  const perPage = integer(q.perPage, 'perPage', 1, CASE_LIMITS.maxPerPage, 20);
  if (page * perPage > CASE_LIMITS.listScan) fail(`page × perPage may not exceed ${CASE_LIMITS.listScan}`);
  const search = optionalString(q.search, 'search', { min: 0, max: CASE_LIMITS.searchLength })?.trim();
  return {
    ...(search ? { search } : {}),
    status: filter('status', (s) => oneOf(s, 'status', CASE_STATUSES)),
    severity: filter('severity', (s) => oneOf(s, 'severity', CASE_SEVERITIES)),
    tag: filter('tag', (s) => string(s, 'tag', { max: CASE_LIMITS.tagLength })),
    assignee: filter('assignee', (s) => string(s, 'assignee', { max: CASE_LIMITS.assigneeLength })),
    page,
    perPage,
    sortField: q.sortField === undefined ? 'updatedAt' : oneOf(q.sortField, 'sortField', CASE_SORT_FIELDS),
    sortOrder: q.sortOrder === undefined ? 'desc' : oneOf(q.sortOrder, 'sortOrder', ['asc', 'desc'] as const),
  };
});

export const validateItemsQuery = validator<CaseItemsQuery>((data) => {
  const q = object(data, ['page', 'perPage', 'sortOrder'], 'query');
  const page = integer(q.page, 'page', 1, CASE_LIMITS.listScan, 1);
  const perPage = integer(q.perPage, 'perPage', 1, CASE_LIMITS.maxPerPage, CASE_LIMITS.firstPageItems);
  if (page * perPage > CASE_LIMITS.listScan) fail(`page × perPage may not exceed ${CASE_LIMITS.listScan}`);
  return { page, perPage, sortOrder: q.sortOrder === undefined ? 'desc' : oneOf(q.sortOrder, 'sortOrder', ['asc', 'desc'] as const) };
});

/** The paths of the item pages, and the kind each pages. */
export const ITEM_PATHS: ReadonlyArray<[path: 'comments' | 'attachments' | 'activity', kind: CaseItemKind]> = [
  ['comments', 'comment'],
  ['attachments', 'attachment'],
  ['activity', 'activity'],
];

export const validateExportQuery = validator<{ format: CaseExportFormat }>((data) => {
  const q = object(data, ['format'], 'query');
  return { format: q.format === undefined ? 'markdown' : oneOf(q.format, 'format', CASE_EXPORT_FORMATS) };
});

/** What the case routes (here, routes/case_workflow.ts, routes/incident_cases.ts) are built from. */
export interface CaseRouteDeps extends RouteDeps {
  /** Refuses a write without the user's `siemInvestigations.save` (server/capabilities.ts). */
  assertCanSave?: (request: CapabilitiesRequest) => Promise<void>;
  getSnapshotVisibility?: () => SnapshotVisibility;
  getObservableDefaults?: () => ObservableDefaults;
  getNumberPrefix?: () => string;
}

/** A case route's handler from what it does with the cases client of the request. */
export type CaseHandler = <P, Q, B>(
  fn: (cases: CasesClient, request: OpenSearchDashboardsRequest<P, Q, B>, response: OpenSearchDashboardsResponseFactory) => Promise<IOpenSearchDashboardsResponse>,
  opts?: { write?: boolean }
) => RequestHandler<P, Q, B>;

/**
 * The one pattern of every case route: (writes: the user's save capability) → the cases client of
 * the request → the answer, or the error mapped (lib/respond.ts).
 */
export function caseHandler({ getSources, logger, readerOf, assertCanSave, getSnapshotVisibility, getObservableDefaults, getNumberPrefix }: CaseRouteDeps): CaseHandler {
  const casesClientOf = createCasesClientFactory({ getSources, logger, readerOf, getSnapshotVisibility, getObservableDefaults, getNumberPrefix });
  return (fn, { write = false } = {}) =>
    async (context, request, response) => {
      try {
        if (write) await assertCanSave?.(request);
        return await fn(casesClientOf(context), request, response);
      } catch (e) {
        return respondError(response, e, logger);
      }
    };
}

/** The cases API of ARCHITECTURE.md, plus the export. Validate → caseHandler. */
export function registerCasesRoutes(deps: CaseRouteDeps): void {
  const { router } = deps;
  const handle = caseHandler(deps);

  router.get(
    { path: API_PATHS.cases, validate: { query: validateCasesFindQuery } },
    handle(async (cases, req, res) => res.ok({ body: await cases.find(req.query) }))
  );
  router.post(
    { path: API_PATHS.cases, validate: { query: noQuery, body: validateCreateCaseBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.create(req.body) }), WRITE)
  );
  router.get(
    { path: CASE_PATH, validate: { params: validateCaseParams, query: noQuery } },
    handle(async (cases, req, res) => res.ok({ body: await cases.get(req.params.id) }))
  );
  router.patch(
    { path: CASE_PATH, validate: { params: validateCaseParams, query: noQuery, body: validateUpdateCaseBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.update(req.params.id, req.body) }), WRITE)
  );
  router.delete(
    { path: CASE_PATH, validate: { params: validateCaseParams, query: noQuery } },
    handle(async (cases, req, res) => {
      await cases.delete(req.params.id);
      return res.noContent();
    }, WRITE)
  );
  router.post(
    { path: `${CASE_PATH}/attachments`, validate: { params: validateCaseParams, query: noQuery, body: validateAttachmentBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.addAttachment(req.params.id, req.body) }), WRITE)
  );
  router.post(
    { path: `${CASE_PATH}/comments`, validate: { params: validateCaseParams, query: noQuery, body: validateCommentBody } },
    handle(async (cases, req, res) => res.ok({ body: await cases.addComment(req.params.id, req.body) }), WRITE)
  );
  registerIncidentCaseRoutes(router, handle, WRITE);
  registerCaseMergeRoute(router, handle, WRITE);
  for (const [path, kind] of ITEM_PATHS) {
    router.get(
      { path: `${CASE_PATH}/${path}`, validate: { params: validateCaseParams, query: validateItemsQuery } },
      handle(async (cases, req, res) => res.ok({ body: await cases.listItems(req.params.id, kind, req.query) }))
    );
  }
  router.get(
    { path: `${CASE_PATH}/export`, validate: { params: validateCaseParams, query: validateExportQuery } },
    handle(async (cases, req, res) => {
      const file = await cases.export(req.params.id, req.query.format);
      return res.ok({
        body: file.body,
        headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` },
      });
    })
  );
}
