import { Case, UpdateCaseRequest } from '../../common/case_types';

/** The fields of a case a user edits. */
export type CaseField = 'title' | 'description' | 'status' | 'closeReason' | 'severity' | 'tags' | 'assignees';
export const CASE_FIELDS: readonly CaseField[] = ['title', 'description', 'status', 'closeReason', 'severity', 'tags', 'assignees'];

/**
 * What the user typed or picked and has not saved yet, field by field. A draft survives a refused
 * save (a 409 from someone else's change) and a reload: the form shows it on top of the newest case.
 */
export type CaseDraft = Partial<Pick<Case, CaseField>>;

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

/**
 * The PATCH body for `changes` on top of `current`: only fields that differ, with the version the
 * user saw. Closing carries its reason; a close reason alone is sent only for a case that is or
 * becomes closed. `null` when nothing would change.
 */
export function updateRequest(current: Case, changes: CaseDraft): UpdateCaseRequest | null {
  const body: Omit<UpdateCaseRequest, 'version'> = {};
  for (const field of CASE_FIELDS) {
    const value = changes[field];
    if (value !== undefined && !same(value, current[field])) Object.assign(body, { [field]: value });
  }
  const closing = body.status === 'closed';
  if (closing) body.closeReason = changes.closeReason ?? current.closeReason;
  else if (body.closeReason !== undefined && (body.status !== undefined || current.status !== 'closed')) delete body.closeReason;
  if (body.status !== undefined && body.status !== 'closed') delete body.closeReason;
  return Object.keys(body).length ? { version: current.version, ...body } : null;
}

/** The value a form shows: the user's draft if there is one, else the case's. */
export function shownValue<F extends CaseField>(current: Case, draft: CaseDraft, field: F): Case[F] {
  return (draft[field] ?? current[field]) as Case[F];
}

export function withoutFields(draft: CaseDraft, fields: readonly CaseField[]): CaseDraft {
  const next = { ...draft };
  for (const f of fields) delete next[f];
  return next;
}

/** Draft fields that differ from the case: what "unsaved changes" lists. */
export function pendingFields(current: Case, draft: CaseDraft): CaseField[] {
  return CASE_FIELDS.filter((f) => draft[f] !== undefined && !same(draft[f], current[f]));
}
