import {
  Case,
  CASE_LIMITS,
  CASE_STATUS_TRANSITIONS,
  CaseActivity,
  CaseActivityChange,
  CaseStatus,
  CLOSE_REASONS,
  UpdateCaseRequest,
} from '../../../common/case_types';
import { clipText } from '../../lib/bounds';
import { badRequest, conflict } from '../../lib/errors';
import { applyCloseFieldValues, assertCloseFieldsComplete } from '../templates/close_fields';
import { Actor, CaseAttributes } from '../types';
import { actorOf, activityItems, recordChanges } from './activity';
import { keepRedirect } from './merge';
import { load, recount, view } from './view';
import { CasesClientArgs } from './types';

export type CaseChanges = Omit<UpdateCaseRequest, 'version'>;

/**
 * The case after an edit, or `null` when the edit changes nothing. Throws a 400 for a move the
 * status rules forbid; then nothing is written.
 * - Status moves follow CASE_STATUS_TRANSITIONS; closed → in-progress must reopen first.
 * - Closing requires `closeReason`; reopening clears it (and `closedAt`/`closedBy`).
 * - `closeReason` alone may correct the reason of a closed case, and is refused on any other.
 */
export function applyChanges(current: CaseAttributes, changes: CaseChanges, actor: Actor): { attributes: CaseAttributes; entries: CaseActivity[] } | null {
  const next: Partial<CaseAttributes> = {};
  const log: CaseActivityChange[] = [];

  if (changes.title !== undefined && changes.title !== current.title) {
    next.title = changes.title;
    log.push({ action: 'title_changed', from: current.title, to: changes.title });
  }
  if (changes.description !== undefined && changes.description !== current.description) {
    next.description = changes.description;
    log.push({ action: 'description_changed' });
  }
  applyCloseFieldValues(current, changes.closeFieldValues, next, log);
  applyStatus(current, changes, actor, next, log);
  if (changes.severity !== undefined && changes.severity !== current.severity) {
    next.severity = changes.severity;
    log.push({ action: 'severity_changed', from: current.severity, to: changes.severity });
  }
  if (changes.tags !== undefined) {
    const diff = setDiff(current.tags, changes.tags);
    if (diff.added.length || diff.removed.length) {
      next.tags = changes.tags;
      log.push({ action: 'tags_changed', ...diff });
    }
  }
  if (changes.assignees !== undefined) {
    const diff = setDiff(current.assignees, changes.assignees);
    if (diff.added.length || diff.removed.length) {
      next.assignees = changes.assignees;
      log.push({ action: 'assignees_changed', ...diff });
    }
  }
  return log.length ? recordChanges(current, next, log, actor) : null;
}

function applyStatus(current: CaseAttributes, changes: CaseChanges, actor: Actor, next: Partial<CaseAttributes>, log: CaseActivityChange[]): void {
  const to = changes.status ?? current.status;
  if (to === current.status) {
    if (changes.closeReason === undefined) return;
    if (current.status !== 'closed') {
      throw badRequest(`closeReason can only be given when closing a case (status "closed"); this case is "${current.status}"`);
    }
    if (changes.closeReason !== current.closeReason) {
      next.closeReason = changes.closeReason;
      log.push({ action: 'close_reason_changed', from: current.closeReason ?? 'undetermined', to: changes.closeReason });
    }
    return;
  }
  assertTransition(current.status, to);
  if (to === 'closed') {
    if (changes.closeReason === undefined) {
      throw badRequest(`Closing a case requires closeReason (one of: ${CLOSE_REASONS.join(', ')})`);
    }
    assertCloseFieldsComplete(current, next);
    Object.assign(next, { status: to, closeReason: changes.closeReason, closedAt: actor.at, closedBy: actor.by });
    log.push({ action: 'status_changed', from: current.status, to, closeReason: changes.closeReason });
    return;
  }
  if (changes.closeReason !== undefined) {
    throw badRequest(`closeReason can only be given when closing a case (status "closed"), not when moving it to "${to}"`);
  }
  Object.assign(next, { status: to, closeReason: null, closedAt: null, closedBy: null });
  log.push({ action: 'status_changed', from: current.status, to });
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  const allowed = CASE_STATUS_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw badRequest(`A case cannot move from "${from}" to "${to}"; from "${from}" it can move to: ${allowed.join(', ')}`);
  }
}

/** What a list change added and removed, compactly: a few names, and how many more (the list itself is on the case). */
function setDiff(before: string[], after: string[]): { added: string[]; removed: string[]; more?: number } {
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  const keep = CASE_LIMITS.activityListValues;
  const more = Math.max(0, added.length - keep) + Math.max(0, removed.length - keep);
  const named = (values: string[]) => values.slice(0, keep).map((v) => clipText(v, CASE_LIMITS.activityValueLength));
  return { added: named(added), removed: named(removed), ...(more ? { more } : {}) };
}

/**
 * An edit made on the case as the user last saw it (`version`). If anyone changed the case since,
 * 409 and nothing is written; the UI reloads and keeps what the user typed.
 */
export async function update(args: CasesClientArgs, id: string, request: UpdateCaseRequest): Promise<Case> {
  const { version, ...changes } = request;
  const current = await load(args, id);
  if (current.version !== version) {
    throw conflict(`Case ${current.id} was changed by someone else since version ${version} was read; reload it (it is now at version ${current.version}) and apply the edit again`);
  }
  const next = applyChanges(current.attributes, changes, await actorOf(args));
  if (!next) return view(args, current);
  await args.service.update(current.id, next.attributes, version);
  // The entries follow the change they describe; a failure in between loses the entries, never the change.
  await args.service.createItems(current.id, activityItems(args, current.id, next.entries));
  return view(args, keepRedirect(current, await recount(args, current.id, ['activity'])), { recounted: true });
}
