/**
 * Wire types of case templates, tasks, required close fields, case metrics and bulk actions
 * (issue 13/14), shared by the browser and the server. Decisions: docs/cases.md "Templates".
 */
import { CaseSeverity, CaseStatus, CloseReason } from './case_types';

/** Bounds the server enforces (400 naming the number). */
export const CASE_TEMPLATE_LIMITS = {
  /** Templates per tenant (the list reads them all: one `find` page). */
  templates: 100,
  nameLength: 100,
  descriptionLength: 2000,
  /** Tasks per template and per case (template tasks + tasks added on the case). */
  tasks: 50,
  taskTitleLength: 200,
  closeFields: 10,
  fieldKeyLength: 40,
  fieldLabelLength: 120,
  selectOptions: 10,
  optionLength: 60,
  /** Largest `maxLength` a text field may declare. */
  textLength: 2000,
  findingTypes: 20,
  findingTypeLength: 200,
  /** Cases per bulk request. */
  bulkCases: 100,
} as const;

export type CloseFieldType = 'select' | 'boolean' | 'text';
export const CLOSE_FIELD_TYPES: readonly CloseFieldType[] = ['select', 'boolean', 'text'];

/** A field the analyst must fill in to close a case made from the template. */
export type CloseFieldDefinition =
  | { key: string; label: string; type: 'select'; options: string[] }
  | { key: string; label: string; type: 'boolean' }
  | { key: string; label: string; type: 'text'; minLength: number; maxLength: number };

/** A `select` value is one of its options, `boolean` true/false, `text` a string within its bounds. */
export type CloseFieldValue = string | boolean;
export type CloseFieldValues = Record<string, CloseFieldValue>;

/** A field key: letters, digits, `_` (so it is safe as an object key and in messages). */
export const CLOSE_FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Why a value does not fit its field, or `undefined` when it does. */
export function closeFieldValueProblem(field: CloseFieldDefinition, value: unknown): string | undefined {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${field.key} must be true or false`;
    case 'select':
      return typeof value === 'string' && field.options.includes(value) ? undefined : `${field.key} must be one of: ${field.options.join(', ')}`;
    case 'text': {
      if (typeof value !== 'string') return `${field.key} must be text`;
      const n = value.trim().length;
      if (n < field.minLength) return `${field.key} needs at least ${field.minLength} characters`;
      if (value.length > field.maxLength) return `${field.key} is longer than ${field.maxLength} characters (limit)`;
      return undefined;
    }
  }
}

/** The fields still missing (no value) before a case can be closed. */
export function missingCloseFields(fields: readonly CloseFieldDefinition[], values: CloseFieldValues): CloseFieldDefinition[] {
  return fields.filter((f) => values[f.key] === undefined || (f.type === 'text' && String(values[f.key]).trim() === ''));
}

export interface CaseTemplateTask {
  title: string;
  assignee?: string;
}

/** What the user edits (create and full replace). */
export interface CaseTemplateBody {
  name: string;
  description: string;
  /** Default case title (the creator may change it); empty: the creator writes one. */
  title: string;
  severity?: CaseSeverity;
  tags: string[];
  tasks: CaseTemplateTask[];
  closeFields: CloseFieldDefinition[];
  /** GuardDuty finding types this template applies to: exact, or with `*` for any characters (`UnauthorizedAccess:IAMUser/*`). */
  findingTypes: string[];
}

export interface CaseTemplate extends CaseTemplateBody {
  id: string;
  version: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** The stored template is damaged (e.g. by an import): why it cannot be used until it is saved again. */
  damaged?: string;
}

export type CreateCaseTemplateRequest = CaseTemplateBody;
export interface UpdateCaseTemplateRequest extends CaseTemplateBody {
  version: string;
}

/** `GET /case_templates?findingType=…`: all templates (by name) and the one that matches the finding type, if any. */
export interface CaseTemplatesResponse {
  templates: CaseTemplate[];
  matchedId?: string;
}

/** A finding-type pattern: GuardDuty's type characters and `*`. */
export const FINDING_TYPE_PATTERN = /^[A-Za-z0-9:/._!*-]+$/;

export function findingTypeMatches(pattern: string, findingType: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === findingType;
  if (!findingType.startsWith(parts[0]) || !findingType.endsWith(parts[parts.length - 1])) return false;
  let at = parts[0].length;
  const end = findingType.length - parts[parts.length - 1].length;
  if (end < at) return false;
  for (const middle of parts.slice(1, -1)) {
    const i = findingType.indexOf(middle, at);
    if (i < 0 || i + middle.length > end) return false;
    at = i + middle.length;
  }
  return true;
}

/**
 * The template for a finding type: the one whose matching pattern is most specific (most
 * non-`*` characters; an exact type beats any pattern), ties by name then id. Damaged templates never match.
 */
export function matchTemplate<T extends Pick<CaseTemplate, 'id' | 'name' | 'findingTypes' | 'damaged'>>(templates: readonly T[], findingType: string): T | undefined {
  let best: { t: T; score: number } | undefined;
  for (const t of templates) {
    if (t.damaged) continue;
    for (const p of t.findingTypes) {
      if (!findingTypeMatches(p, findingType)) continue;
      const score = p.includes('*') ? p.replace(/\*/g, '').length : Number.MAX_SAFE_INTEGER;
      const better =
        !best || score > best.score || (score === best.score && (t.name < best.t.name || (t.name === best.t.name && t.id < best.t.id)));
      if (better) best = { t, score };
    }
  }
  return best?.t;
}

/** A task on a case: done/undone with who and when (set by the server). */
export interface CaseTask {
  id: string;
  title: string;
  assignee?: string;
  done: boolean;
  doneAt?: string;
  doneBy?: string;
}

export interface AddCaseTaskRequest {
  title: string;
  assignee?: string;
}

/** `PATCH /cases/{id}/tasks/{taskId}`: the state wanted (not a toggle), so a retried write keeps the intent. */
export interface UpdateCaseTaskRequest {
  done?: boolean;
  /** `null` clears the assignee. */
  assignee?: string | null;
}

/**
 * Times of a case. Acknowledged = the first time the case left `open` or got an assignee (a case
 * created with assignees is acknowledged when created); close = the last close (cleared on reopen).
 */
export interface CaseTimes {
  acknowledgedAt?: string;
  timeToAcknowledgeMs?: number;
  timeToCloseMs?: number;
}

export interface SeverityMetrics {
  cases: number;
  acknowledged: number;
  medianTimeToAcknowledgeMs: number | null;
  closed: number;
  medianTimeToCloseMs: number | null;
}

/** `GET /case_metrics` (the cases list's filters): medians per severity over the matching cases. */
export interface CaseMetricsResponse {
  total: number;
  bySeverity: Record<CaseSeverity, SeverityMetrics>;
}

export type BulkCaseAction =
  | { type: 'status'; status: CaseStatus; closeReason?: CloseReason }
  | { type: 'severity'; severity: CaseSeverity }
  | { type: 'assignee'; add: string[]; remove: string[] }
  | { type: 'tag'; add: string[]; remove: string[] }
  | { type: 'delete' };
export const BULK_CASE_ACTION_TYPES: readonly BulkCaseAction['type'][] = ['status', 'severity', 'assignee', 'tag', 'delete'];

export interface BulkCasesRequest {
  ids: string[];
  action: BulkCaseAction;
}

/** One result per requested id, in request order; one case failing never hides the others' results. */
export type BulkCaseResult =
  | { id: string; ok: true; version?: string; /** The id named a merged case: the case it was merged into was changed (docs/cases.md "Merging cases"). */ redirectedTo?: string }
  | { id: string; ok: false; statusCode: number; message: string; missingFields?: string[] };

export interface BulkCasesResponse {
  results: BulkCaseResult[];
  succeeded: number;
  failed: number;
}

/** The median of `values` (mean of the two middle ones for an even count), `null` when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}
