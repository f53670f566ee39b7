import {
  Case,
  CASE_LIMITS,
  CaseActivity,
  CaseAttachment,
  CaseComment,
  CaseItemKind,
  CaseItemsPage,
  CaseItemsQuery,
} from '../../../common/case_types';
import { referenceInId } from '../case_number';
import { LEGACY_FIELDS_CLEARED, legacyToItems, migratedAttributes } from '../migrate';
import { attachmentItemId, statusOf, StoredItem, toCase } from '../service';
import { availabilityRequest, DEFAULT_SNAPSHOT_VISIBILITY, visibleActivity, visibleAttachments, WITHHELD_TITLE } from '../snapshot_visibility';
import { Actor, CaseAttributes, MgetDoc, StoredAttachment, StoredCase } from '../types';
import { CasesClientArgs } from './types';
import { followMerged, settleTombstone } from './merge';

/** Counter attribute of each kind of item. */
export const COUNTER: Record<CaseItemKind, 'attachmentCount' | 'commentCount' | 'activityCount'> = {
  attachment: 'attachmentCount',
  comment: 'commentCount',
  activity: 'activityCount',
};

/** Attempts to write recounted counters before leaving them to the next read (docs/cases.md "Counters"). */
const RECOUNT_ATTEMPTS = 5;

/**
 * The case an id names (its id, or its reference `SIR-12`), in the current shape: a case saved
 * before items is migrated now (migrate-on-read). `migrate: false` only resolves. A tombstone of a
 * merged case resolves to the case it was merged into (`redirectedFrom` set) unless `follow: false`.
 */
export async function load(args: CasesClientArgs, idOrReference: string, { migrate = true, follow = true } = {}): Promise<StoredCase> {
  const n = referenceInId(args.numberPrefix(), idOrReference);
  let c: StoredCase;
  try {
    c = await args.service.get(idOrReference);
  } catch (e) {
    if (n === undefined || statusOf(e) !== 404) throw e;
    c = await args.service.getByNumber(n, idOrReference);
  }
  // A merged case's id (or number) names the case it was merged into (merge.ts).
  if (follow && c.attributes.mergedInto) return followMerged(args, c);
  return migrate && c.legacy ? migrateCase(args, c) : c;
}

/**
 * Moves a case's inline arrays to items: the items first (deterministic ids, so a second or
 * concurrent migration writes nothing new), then the case without the arrays, with the version it
 * was read at. If someone else's write got in first, their write was a migration too or a change
 * made on the migrated case: read it again. A reader who may not write (read-only tenant) still sees
 * the case, from the arrays in memory (`legacy` stays set).
 */
async function migrateCase(args: CasesClientArgs, c: StoredCase): Promise<StoredCase> {
  const legacy = c.legacy!;
  let actor: Actor;
  try {
    actor = { by: await args.currentUser(), at: args.now() };
    const number = c.attributes.number ?? (await args.service.nextNumber());
    await args.service.createItems(c.id, legacyToItems(c.id, legacy, actor).items);
    const saved = await args.service.update(c.id, migratedAttributes(c.attributes, legacy, number), c.version, { extra: LEGACY_FIELDS_CLEARED });
    args.logger.info(`case ${c.id}: migrated ${legacy.comments.length} comments, ${legacy.attachments.length} attachments and ${legacy.activity.length} activity entries to items`);
    return { ...saved, ...(c.problems ? { problems: c.problems } : {}) };
  } catch (e) {
    const status = statusOf(e);
    if (status === 409) return load(args, c.id);
    if (status === 401 || status === 403) {
      args.logger.debug(`case ${c.id}: not migrated (${(e as Error).message}); shown from its inline arrays`);
      return c;
    }
    throw e;
  }
}

/**
 * The wire `Case`: its fields and the newest CASE_LIMITS.firstPageItems of each kind (oldest
 * first). The counters shown are the totals just counted; if the stored ones differ (an append
 * whose recount gave up, an import), they are written back with the version read, so a
 * concurrent append's own recount wins.
 */
export async function view(args: CasesClientArgs, c: StoredCase, { recounted = false } = {}): Promise<Case> {
  const first = { page: 1, perPage: CASE_LIMITS.firstPageItems, sortOrder: 'desc' as const };
  const [attachments, comments, activity] = await Promise.all([
    itemsPage(args, c, 'attachment', first),
    itemsPage(args, c, 'comment', first),
    itemsPage(args, c, 'activity', first),
  ]);
  let current = c;
  const counted = { attachmentCount: attachments.total, commentCount: comments.total, activityCount: activity.total };
  const a = c.attributes;
  // Right after a write's own recount, concurrent writers' recounts follow theirs: no second write here.
  if (recounted) current = { ...c, attributes: { ...a, ...counted } };
  else if (!c.legacy && (a.attachmentCount !== counted.attachmentCount || a.commentCount !== counted.commentCount || a.activityCount !== counted.activityCount)) {
    try {
      current = { ...(await args.service.update(c.id, { ...a, ...counted }, c.version, { refresh: false })), ...(c.problems ? { problems: c.problems } : {}) };
    } catch (e) {
      args.logger.debug(`case ${c.id}: counters not rewritten on read (${(e as Error).message})`);
      current = { ...c, attributes: { ...a, ...counted } };
    }
  }
  const problems = [...(current.problems ?? []), ...attachments.problems, ...comments.problems, ...activity.problems];
  const wire = toCase(
    { ...current, ...(problems.length ? { problems: [...new Set(problems)] } : {}) },
    {
      attachments: [...(attachments.items as StoredAttachment[])].reverse(),
      comments: [...(comments.items as CaseComment[])].reverse(),
      activity: [...(activity.items as CaseActivity[])].reverse(),
    },
    args.numberPrefix()
  );
  const shown = await withAvailability(args, wire.attachments);
  return { ...wire, attachments: shown, activity: await visibleActivityOf(args, c.id, wire.activity, shown), ...(c.redirectedFrom ? { redirectedFrom: c.redirectedFrom } : {}) };
}

/** One page of one kind of item: from the item saved objects, or from the arrays of a case not migrated. */
export async function itemsPage(
  args: CasesClientArgs,
  c: StoredCase,
  kind: CaseItemKind,
  q: CaseItemsQuery
): Promise<{ total: number; items: Array<StoredAttachment | CaseComment | CaseActivity>; problems: string[] }> {
  if (c.legacy) {
    const all = kind === 'attachment' ? c.legacy.attachments : kind === 'comment' ? c.legacy.comments : c.legacy.activity;
    const ordered = q.sortOrder === 'asc' ? all : [...all].reverse();
    const start = (q.page - 1) * q.perPage;
    return { total: all.length, items: ordered.slice(start, start + q.perPage), problems: [] };
  }
  const res = await args.service.findItems(c.id, kind, q);
  return { total: res.total, items: res.items.map((i: StoredItem) => i.item), problems: res.problems };
}

/** `GET /cases/{id}/{kind}`: one page, attachments marked available and shown as the reader may see them. */
export async function listItems(args: CasesClientArgs, id: string, kind: CaseItemKind, q: CaseItemsQuery): Promise<CaseItemsPage<CaseAttachment | CaseComment | CaseActivity>> {
  const c = await load(args, id);
  const page = await itemsPage(args, c, kind, q);
  const items =
    kind === 'attachment'
      ? await withAvailability(args, page.items as StoredAttachment[])
      : kind === 'activity'
        ? await visibleActivityOf(args, c.id, page.items as CaseActivity[], [])
        : page.items;
  return { total: page.total, page: q.page, perPage: q.perPage, items };
}

/**
 * The attachments, each marked `available` or not: ONE `mget` as the current user, without
 * `_source` (or, in `source` visibility, with the snapshot's fields). A missing index (aged out,
 * deleted) answers per document, so it marks those attachments unavailable; if the check itself
 * fails (e.g. no read permission on some index) availability stays unknown.
 */
export async function withAvailability(args: CasesClientArgs, attachments: StoredAttachment[]): Promise<CaseAttachment[]> {
  if (attachments.length === 0) return [];
  const mode = args.snapshotVisibility?.() ?? DEFAULT_SNAPSHOT_VISIBILITY;
  try {
    const docs = await args.opensearch.mget<MgetDoc>(availabilityRequest(attachments, mode));
    return visibleAttachments(markAvailability(attachments, docs), docs, mode);
  } catch (e) {
    args.logger.warn(`Could not check whether the documents attached to a case still exist: ${(e as Error).message}`);
    return visibleAttachments(attachments, undefined, mode);
  }
}

/**
 * The activity with each "attached …" title as the reader sees that attachment's snapshot. The
 * attachments of the entries not among `shown` are read by their (deterministic) item ids.
 */
export async function visibleActivityOf(args: CasesClientArgs, caseId: string, activity: CaseActivity[], shown: CaseAttachment[]): Promise<CaseActivity[]> {
  const mode = args.snapshotVisibility?.() ?? DEFAULT_SNAPSHOT_VISIBILITY;
  if (mode === 'case') return activity;
  const known = new Set(shown.map((a) => a.id));
  const missing = activity.filter((e): e is Extract<CaseActivity, { action: 'attachment_added' }> => e.action === 'attachment_added' && !known.has(e.attachmentId));
  if (missing.length === 0) return visibleActivity(activity, shown);
  const read = await args.service.getAttachments(missing.map((e) => attachmentItemId(caseId, e.ref)));
  const more = await withAvailability(args, read);
  const all = [...shown, ...more];
  const visible = visibleActivity(activity, all);
  // An entry whose attachment could not be read at all says no more than that something was attached.
  const readIds = new Set(all.map((a) => a.id));
  return visible.map((e) => (e.action === 'attachment_added' && !readIds.has(e.attachmentId) ? { ...e, title: WITHHELD_TITLE } : e));
}

/** `docs` answer the attachments in order (mget keeps the request's order). */
export function markAvailability(attachments: StoredAttachment[], docs: MgetDoc[]): CaseAttachment[] {
  return attachments.map((a, i) => {
    const doc = docs[i];
    if (!doc || doc._index !== a.ref.index || doc._id !== a.ref.id) return a;
    if (doc.found === true) return { ...a, available: true };
    if (doc.found === false || doc.error?.type === 'index_not_found_exception') return { ...a, available: false };
    return a;
  });
}

/**
 * After items were written: count them and store the counters (and, for an append, who changed
 * the case when) with the version just read. A conflict means another writer got in between: read
 * and count again, so the last successful write always counted after every item written before it.
 * Gives up after RECOUNT_ATTEMPTS (the item itself is saved; the next read of the case recounts).
 */
export async function recount(args: CasesClientArgs, id: string, kinds: CaseItemKind[], touch?: Actor): Promise<StoredCase> {
  let current = await args.service.get(id);
  // The case was merged meanwhile: what was just written moves on to the merged case (merge.ts).
  if (current.attributes.mergedInto) return settleTombstone(args, current, touch);
  for (let attempt = 1; attempt <= RECOUNT_ATTEMPTS; attempt++) {
    const counts = await Promise.all(kinds.map((k) => args.service.countItems(id, k)));
    const a = current.attributes;
    const next: CaseAttributes = { ...a, ...(touch && touch.at > a.updatedAt ? { updatedAt: touch.at, updatedBy: touch.by } : {}) };
    kinds.forEach((k, i) => (next[COUNTER[k]] = counts[i]));
    // Items are only ever added (until the case is deleted), so counters at least as high as this
    // count were counted after this write's items were visible: they include them. Nothing to do.
    if (kinds.every((k) => a[COUNTER[k]] >= next[COUNTER[k]]) && next.updatedAt === a.updatedAt) return current;
    try {
      // Counters need no refresh wait: `get` is real-time, and the list shows them after the next refresh.
      return await args.service.update(id, next, current.version, { refresh: false });
    } catch (e) {
      if (statusOf(e) !== 409) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * 2 ** attempt)));
      current = await args.service.get(id);
    }
  }
  args.logger.debug(`case ${id}: counters left to the next read after ${RECOUNT_ATTEMPTS} conflicts`);
  return current;
}
