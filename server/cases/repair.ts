import {
  CASE_ATTACHMENT_TYPES,
  CASE_SEVERITIES,
  CASE_STATUSES,
  CaseActivity,
  CaseAttachmentSnapshot,
  CaseComment,
  CLOSE_REASONS,
  DEFAULT_CASE_SEVERITY,
} from '../../common/case_types';
import { SOURCE_IDS } from '../../common/types';
import { repairSummaryTimes, repairWorkflowFields } from './templates/repair_fields';
import { CaseItemKind } from '../../common/case_types';
import { withSortKeys } from './sort_keys';
import { CaseAttributes, CaseSummaryAttributes, LegacyItems, StoredAttachment } from './types';

/**
 * Cases arrive through Saved Objects import (and hand edits of the index), which skip this
 * plugin's validation. Reading a case repairs what can be repaired and leaves out what cannot be
 * shown at all (a `null` comment, an attachment without a document reference), item by item, and
 * says so; everything valid is kept as it was. The next write stores the repaired case.
 */
export interface Repaired<A> {
  attributes: A;
  /** What was repaired or left out, for the analyst (empty when the case was sound). */
  problems: string[];
}

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined => (allowed.includes(v as T) ? (v as T) : undefined);
const UNKNOWN_USER = 'unknown';
const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

/** A small log of what was wrong, grouped so a badly damaged case does not produce a wall of text. */
class Problems {
  private readonly counts = new Map<string, number>();
  note(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  list(): string[] {
    return [...this.counts].map(([what, n]) => (n > 1 ? `${what} (${n}×)` : what));
  }
}

function time(v: unknown, what: string, p: Problems, fallback = UNKNOWN_TIME): string {
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return v;
  p.note(`${what} had no valid time`);
  return fallback;
}

function user(v: unknown, what: string, p: Problems): string {
  const s = str(v);
  if (s !== undefined && s !== '') return s;
  p.note(`${what} had no author`);
  return UNKNOWN_USER;
}

function names(v: unknown, what: string, p: Problems): string[] {
  if (!Array.isArray(v)) {
    if (v !== undefined) p.note(`${what} was not a list`);
    return [];
  }
  const out: string[] = [];
  for (const item of v) {
    const s = str(item)?.trim();
    if (s) {
      if (!out.includes(s)) out.push(s);
    } else p.note(`an unreadable entry of ${what} was left out`);
  }
  return out;
}

function snapshotOf(v: unknown, ref: { index: string; id: string }, p: Problems): CaseAttachmentSnapshot {
  const s = isRecord(v) ? v : {};
  if (!isRecord(v)) p.note('an attachment had no snapshot');
  const fields: Record<string, string | string[]> = {};
  if (isRecord(s.fields)) {
    for (const [k, val] of Object.entries(s.fields)) {
      if (Array.isArray(val)) fields[k] = val.map(str).filter((x): x is string => x !== undefined);
      else if (str(val) !== undefined) fields[k] = str(val)!;
      else p.note('an unreadable snapshot value was left out');
    }
  }
  const timestamp = str(s.timestamp);
  return {
    source: oneOf(s.source, SOURCE_IDS) ?? null,
    ...(timestamp ? { timestamp } : {}),
    title: str(s.title) ?? `${ref.index}/${ref.id}`,
    fields,
    ...(s.truncated === true ? { truncated: true } : {}),
  };
}

function attachment(v: unknown, i: number, p: Problems): StoredAttachment | undefined {
  if (!isRecord(v) || !isRecord(v.ref) || !str(v.ref.index) || !str(v.ref.id)) {
    p.note('an attachment without a document reference was left out');
    return undefined;
  }
  const ref = { index: str(v.ref.index)!, id: str(v.ref.id)! };
  const type = oneOf(v.type, CASE_ATTACHMENT_TYPES);
  if (!type) p.note('an attachment of unknown type is shown as an event');
  return {
    id: str(v.id) ?? `attachment-${i}`,
    type: type ?? 'event',
    ref,
    snapshot: snapshotOf(v.snapshot, ref, p),
    addedAt: time(v.addedAt, 'an attachment', p),
    addedBy: user(v.addedBy, 'an attachment', p),
  };
}

function comment(v: unknown, i: number, p: Problems): CaseComment | undefined {
  const text = isRecord(v) ? str(v.text) : undefined;
  if (!isRecord(v) || text === undefined) {
    p.note('a comment without text was left out');
    return undefined;
  }
  return { id: str(v.id) ?? `comment-${i}`, text, createdAt: time(v.createdAt, 'a comment', p), createdBy: user(v.createdBy, 'a comment', p) };
}

/** Each action with the fields its description reads; anything else cannot be shown. */
function activity(v: unknown, p: Problems): CaseActivity | undefined {
  const drop = () => {
    p.note('an unreadable activity entry was left out');
    return undefined;
  };
  if (!isRecord(v) || typeof v.action !== 'string') return drop();
  const base = { at: time(v.at, 'an activity entry', p), by: user(v.by, 'an activity entry', p) };
  const lists = () => ({ added: names(v.added, 'an activity entry', p), removed: names(v.removed, 'an activity entry', p) });
  switch (v.action) {
    case 'created':
    case 'description_changed':
      return { ...base, action: v.action };
    case 'comment_added':
      return { ...base, action: v.action, commentId: str(v.commentId) ?? '' };
    case 'task_added':
      return { ...base, action: v.action, taskId: str(v.taskId) ?? '', title: str(v.title) ?? '' };
    case 'task_changed':
      return {
        ...base,
        action: v.action,
        taskId: str(v.taskId) ?? '',
        title: str(v.title) ?? '',
        ...(typeof v.done === 'boolean' ? { done: v.done } : {}),
        ...(typeof v.assignee === 'string' || v.assignee === null ? { assignee: v.assignee as string | null } : {}),
      };
    case 'close_fields_changed':
      return { ...base, action: v.action, fields: names(v.fields, 'an activity entry', p) };
    case 'migrated':
      return { ...base, action: v.action, comments: count(v.comments), attachments: count(v.attachments), activity: count(v.activity) };
    case 'case_merged':
    case 'merged_into': {
      const caseId = str(v.caseId);
      if (!caseId) return drop();
      const reference = str(v.reference);
      const common = { ...base, caseId, ...(reference ? { reference } : {}), title: str(v.title) ?? caseId };
      return v.action === 'merged_into'
        ? { ...common, action: v.action }
        : { ...common, action: v.action, attachments: count(v.attachments), duplicates: count(v.duplicates), comments: count(v.comments), activity: count(v.activity) };
    }
    case 'title_changed':
      return str(v.from) !== undefined && str(v.to) !== undefined ? { ...base, action: v.action, from: str(v.from)!, to: str(v.to)! } : drop();
    case 'status_changed': {
      const from = oneOf(v.from, CASE_STATUSES);
      const to = oneOf(v.to, CASE_STATUSES);
      const closeReason = oneOf(v.closeReason, CLOSE_REASONS);
      return from && to ? { ...base, action: v.action, from, to, ...(closeReason ? { closeReason } : {}) } : drop();
    }
    case 'close_reason_changed': {
      const from = oneOf(v.from, CLOSE_REASONS);
      const to = oneOf(v.to, CLOSE_REASONS);
      return from && to ? { ...base, action: v.action, from, to } : drop();
    }
    case 'severity_changed': {
      const from = oneOf(v.from, CASE_SEVERITIES);
      const to = oneOf(v.to, CASE_SEVERITIES);
      return from && to ? { ...base, action: v.action, from, to } : drop();
    }
    case 'tags_changed':
    case 'assignees_changed':
      return { ...base, action: v.action, ...lists(), ...(typeof v.more === 'number' ? { more: v.more } : {}) };
    case 'attachment_added': {
      const ref = isRecord(v.ref) && str(v.ref.index) && str(v.ref.id) ? { index: str(v.ref.index)!, id: str(v.ref.id)! } : undefined;
      if (!ref) return drop();
      return {
        ...base,
        action: v.action,
        attachmentId: str(v.attachmentId) ?? '',
        attachmentType: oneOf(v.attachmentType, CASE_ATTACHMENT_TYPES) ?? 'event',
        ref,
        title: str(v.title) ?? `${ref.index}/${ref.id}`,
      };
    }
    default:
      return drop();
  }
}

function description(v: unknown, p: Problems): string {
  if (typeof v === 'string') return v;
  p.note('the description was not text');
  return str(v) ?? '';
}

function items<T>(v: unknown, what: string, p: Problems, read: (item: unknown, i: number) => T | undefined): T[] {
  if (!Array.isArray(v)) {
    if (v !== undefined) p.note(`${what} were not a list and could not be read`);
    return [];
  }
  return v.map(read).filter((x): x is T => x !== undefined);
}

function summaryFields(a: Rec, p: Problems) {
  const status = oneOf(a.status, CASE_STATUSES);
  if (!status) p.note('the status was unknown and is shown as open');
  const severity = oneOf(a.severity, CASE_SEVERITIES);
  if (!severity) p.note(`the severity was unknown and is shown as ${DEFAULT_CASE_SEVERITY}`);
  const title = str(a.title);
  if (typeof a.title !== 'string') p.note('the title was not text');
  const createdAt = time(a.createdAt, 'the case', p);
  return {
    title: title ?? '(untitled case)',
    status: status ?? 'open',
    closeReason: status === 'closed' ? oneOf(a.closeReason, CLOSE_REASONS) ?? null : null,
    severity: severity ?? DEFAULT_CASE_SEVERITY,
    tags: names(a.tags, 'the tags', p),
    assignees: names(a.assignees, 'the assignees', p),
    createdAt,
    createdBy: user(a.createdBy, 'the case', p),
    updatedAt: time(a.updatedAt, 'the last change', p, createdAt),
    updatedBy: user(a.updatedBy, 'the last change', p),
  };
}

const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
const caseNumber = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);

/**
 * A case's own fields, repaired. A case saved by the release before items still holds its
 * comments, attachments and activity inline: they come back, repaired item by item, as `legacy`
 * (migrate.ts moves them to item saved objects).
 */
export function repairCase(raw: unknown): Repaired<CaseAttributes> & { legacy?: LegacyItems } {
  const p = new Problems();
  const a = isRecord(raw) ? raw : {};
  const summary = summaryFields(a, p);
  const closed = summary.status === 'closed';
  const isLegacy = [a.attachments, a.comments, a.activity].some((v) => v !== undefined && v !== null);
  const legacy: LegacyItems | undefined = isLegacy
    ? {
        attachments: items(a.attachments, 'the attachments', p, (v, i) => attachment(v, i, p)),
        comments: items(a.comments, 'the comments', p, (v, i) => comment(v, i, p)),
        activity: items(a.activity, 'the activity entries', p, (v) => activity(v, p)),
      }
    : undefined;
  const closedAt = closed && typeof a.closedAt === 'string' ? a.closedAt : null;
  const attributes = withSortKeys({
    ...summary,
    description: description(a.description, p),
    number: caseNumber(a.number),
    attachmentCount: legacy ? legacy.attachments.length : count(a.attachmentCount),
    commentCount: legacy ? legacy.comments.length : count(a.commentCount),
    activityCount: legacy ? legacy.activity.length : count(a.activityCount),
    closedAt,
    closedBy: closed && typeof a.closedBy === 'string' ? a.closedBy : null,
    ...repairWorkflowFields(a, { ...summary, closedAt }, legacy?.activity ?? [], (what) => p.note(what)),
    ...mergeFields(a),
  });
  return { attributes, problems: p.list(), ...(legacy ? { legacy } : {}) };
}

/** A tombstone's pointer to the case it was merged into (docs/cases.md "Merging cases"); nothing on any other case. */
function mergeFields(a: Rec): Pick<CaseAttributes, 'merged' | 'mergedInto' | 'mergedAt' | 'mergedBy'> {
  const into = str(a.mergedInto);
  if (!into) return {};
  return { merged: true, mergedInto: into, mergedAt: str(a.mergedAt) ?? str(a.updatedAt) ?? new Date(0).toISOString(), mergedBy: str(a.mergedBy) ?? str(a.updatedBy) ?? 'unknown' };
}

/** The list reads only the summary fields; the same repairs, without a report. */
/** The severity and times of a case as repairSummary reads them, from those attributes alone. */
export function caseTimesOf(raw: unknown): Pick<CaseSummaryAttributes, 'severity' | 'acknowledgedAt' | 'timeToAcknowledgeMs' | 'timeToCloseMs'> {
  const a = isRecord(raw) ? raw : {};
  return { severity: oneOf(a.severity, CASE_SEVERITIES) ?? DEFAULT_CASE_SEVERITY, ...repairSummaryTimes(a) };
}

export function repairSummary(raw: unknown): CaseSummaryAttributes {
  const a = isRecord(raw) ? raw : {};
  const p = new Problems();
  return { ...summaryFields(a, p), number: caseNumber(a.number), attachmentCount: count(a.attachmentCount), commentCount: count(a.commentCount), ...repairSummaryTimes(a) };
}

/**
 * One item read from its saved object (imports skip validation too): the wire object, repaired,
 * or `undefined` when it cannot be shown; `problems` collects what was wrong.
 */
export function repairItem(kind: CaseItemKind, data: unknown, problems: string[]): StoredAttachment | CaseComment | CaseActivity | undefined {
  const p = new Problems();
  const item = kind === 'attachment' ? attachment(data, 0, p) : kind === 'comment' ? comment(data, 0, p) : activity(data, p);
  problems.push(...p.list());
  return item;
}
