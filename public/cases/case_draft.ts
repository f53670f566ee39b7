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

/**
 * For each field with a draft, the case's value when the draft was started (or last reloaded
 * under it). The case on screen may be replaced while a draft is open — adding a comment or
 * evidence answers with the newest case, and its version — so the version alone cannot tell
 * whether someone else changed the field being edited; comparing with this base can.
 */
export type DraftBase = { [F in CaseField]?: { value: Case[F] } };

/** `base` plus, for every field of `changes` not drafted yet, `current`'s value of it. */
export function startDrafts(base: DraftBase, current: Case, changes: CaseDraft): DraftBase {
  const next: DraftBase = { ...base };
  for (const field of Object.keys(changes) as CaseField[]) {
    if (changes[field] !== undefined && !next[field]) Object.assign(next, { [field]: { value: current[field] } });
  }
  return next;
}

/** The base of every field of `draft`, taken from `current` (after a reload the user sees). */
export function rebaseDrafts(current: Case, draft: CaseDraft): DraftBase {
  return startDrafts({}, current, draft);
}

export function withoutBases(base: DraftBase, fields: readonly CaseField[]): DraftBase {
  const next = { ...base };
  for (const f of fields) delete next[f];
  return next;
}

/** Fields among `fields` that someone else changed in `current` since their draft was started. */
export function changedSinceDraft(current: Case, base: DraftBase, fields: readonly CaseField[]): CaseField[] {
  return fields.filter((f) => base[f] !== undefined && !same(base[f]!.value, current[f]));
}
