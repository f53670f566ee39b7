import { createHash } from 'crypto';
import { CASE_ITEM_KINDS, CASE_LIMITS, CaseActivity, CaseRedirect, CaseItemKind, MergeCaseRequest, MergeCaseResponse } from '../../../common/case_types';
import { DocRef } from '../../../common/types';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { caseReference } from '../case_number';
import { attachmentItemId, isConflict, NewItem, statusOf } from '../service';
import { withSortKeys } from '../sort_keys';
import { Actor, CaseAttributes, ItemAttributes, StoredCase } from '../types';
import { actorOf } from './activity';
import { backoff } from './change';
import { load, recount, view } from './view';
import { CasesClientArgs } from './types';

/** Items read per page, and written per `_bulk`, when a case's items move to the case it was merged into. */
const MOVE_PAGE = 1000;
const MOVE_BATCH = 200;
/** Tombstones followed from an id to the case it ended in (a chain exists only while a later merge settles). */
const MAX_HOPS = 5;
/** Attempts to write the target and the tombstone with the versions just read (appends move the versions). */
const MERGE_ATTEMPTS = 40;

export type Moved = MergeCaseResponse['moved'];

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** The tombstone's own entry ("merged into SIR-7"): it stays on the tombstone, it is never moved. */
export const mergedIntoEntryId = (sourceId: string) => `${sourceId}.e.merged-into`;
/** The target's entry for one source: deterministic, so a retried merge logs it once. */
export const caseMergedEntryId = (targetId: string, sourceId: string) => `${targetId}.e.merged-${hash(sourceId)}`;

function label(args: CasesClientArgs, c: StoredCase): string {
  return caseReference(args.numberPrefix(), c.attributes.number) ?? c.id;
}

/**
 * The case a tombstone points to (docs/cases.md "Merging cases"), with `redirectedFrom` naming the
 * tombstone the id asked for. Follows at most MAX_HOPS tombstones (a chain only exists while a
 * later merge of the target is settling).
 */
export async function followMerged(args: CasesClientArgs, tombstone: StoredCase): Promise<StoredCase> {
  let c = tombstone;
  for (let hop = 0; c.attributes.mergedInto; hop++) {
    if (hop >= MAX_HOPS) throw conflict(`Case ${label(args, tombstone)} was merged into a case that is itself being merged; try again in a moment`);
    const into = c.attributes.mergedInto;
    try {
      c = await args.service.get(into);
    } catch (e) {
      if (statusOf(e) === 404) throw notFound(`Case ${label(args, tombstone)} was merged into case ${into}, which no longer exists`);
      throw e;
    }
  }
  return { ...c, redirectedFrom: redirectOf(args, tombstone) };
}

/**
 * `saved` (what a write addressed to `asked` left) still saying which merged case the request's id
 * named: a write through a tombstone's id acts on the case it was merged into, and its answer says
 * so as GET's does (docs/cases.md "Merging cases"). The id asked for wins over a redirect found
 * while settling (a chain of merges), as it is what the request named.
 */
export function keepRedirect(asked: StoredCase, saved: StoredCase): StoredCase {
  const redirectedFrom = asked.redirectedFrom ?? saved.redirectedFrom;
  return redirectedFrom ? { ...saved, redirectedFrom } : saved;
}

function redirectOf(args: CasesClientArgs, tombstone: StoredCase): CaseRedirect {
  const a = tombstone.attributes;
  return { id: tombstone.id, ...refOf(args, tombstone), title: a.title, mergedAt: a.mergedAt ?? a.updatedAt, mergedBy: a.mergedBy ?? a.updatedBy };
}

/**
 * `POST /cases/{id}/merge {source}`: merges the case `source` into the case `id`.
 *
 * 1. Both are read (neither may be a tombstone; not the same case); the merged case must stay
 *    within the per-case bounds (attachments counted once per document) — else 400, nothing changed.
 * 2. The target is written with the version read and the source becomes a tombstone with the
 *    version read (`mergedInto`, closed as a duplicate); a conflict on either reads both again.
 *    Writing the target first makes two merges of the same pair in opposite directions unable to
 *    both succeed (no cycle of tombstones).
 * 3. The source's items move to the target (`sweep`), with ids derived from the target and the
 *    item — attachments by document, so a document both had is kept once — then its observables.
 * 4. One `case_merged` entry on the target, one `merged_into` on the tombstone; counters recounted.
 *
 * Retrying a merge that was done (or interrupted after step 2) completes it and changes nothing twice.
 */
export async function mergeCases(args: CasesClientArgs, targetId: string, request: MergeCaseRequest): Promise<MergeCaseResponse> {
  const actor = await actorOf(args);
  const started = Date.now();
  let checked = false;
  for (let attempt = 1; ; attempt++) {
    // Both read right before the writes: the shorter the window, the fewer conflicts with appends.
    const [target, source] = await Promise.all([load(args, targetId, { follow: false }), load(args, request.source, { follow: false })]);
    if (target.attributes.mergedInto) {
      throw conflict(`Case ${label(args, target)} was itself merged into case ${target.attributes.mergedInto}: merge into that case instead; nothing was changed`);
    }
    if (source.id === target.id) throw badRequest(`A case cannot be merged into itself (${label(args, target)}); nothing was changed`);
    if (source.attributes.mergedInto) {
      if (source.attributes.mergedInto === target.id) return finish(args, source, target, actor, true);
      throw conflict(`Case ${label(args, source)} was already merged into case ${source.attributes.mergedInto}; nothing was changed`);
    }
    if (source.legacy || target.legacy) throw conflict("A case in the previous release's shape is being migrated; open it once, then merge");
    // The bounds once (like an append's, they allow for what concurrent appends add meanwhile).
    if (!checked) {
      await assertRoom(args, source, target);
      checked = true;
      continue;
    }
    try {
      // The target first (a real change, so its version moves), then the tombstone.
      await args.service.update(target.id, { ...target.attributes, updatedAt: actor.at, updatedBy: actor.by }, target.version, { refresh: false, extra: { lastMergeId: args.newId() } });
      await args.service.update(source.id, tombstoneOf(source.attributes, target.id, actor), source.version, { refresh: false });
    } catch (e) {
      if (!isConflict(e)) throw e;
      if (attempt >= MERGE_ATTEMPTS) throw conflict(`Cases ${label(args, source)} and ${label(args, target)} are being changed by others too often; the merge was not started after ${attempt} attempts, try again`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(backoff(attempt), 100)));
      continue;
    }
    args.logger.debug(`merge of ${source.id} into ${target.id}: tombstone written after ${attempt - 1} attempts, ${Date.now() - started} ms`);
    const entry: CaseActivity = { at: actor.at, by: actor.by, action: 'merged_into', caseId: target.id, ...refOf(args, target), title: target.attributes.title };
    // No refresh wait: nothing counts or sweeps it (the sweep leaves it by id); finish's last write makes it visible.
    await args.service.createItems(source.id, [{ id: mergedIntoEntryId(source.id), kind: 'activity', sortKey: `${actor.at}~merged-into`, at: actor.at, by: actor.by, data: entry }], { refresh: false });
    return finish(args, { ...source, attributes: tombstoneOf(source.attributes, target.id, actor) }, target, actor, false);
  }
}

const refOf = (args: CasesClientArgs, c: StoredCase) => {
  const reference = caseReference(args.numberPrefix(), c.attributes.number);
  return reference ? { reference } : {};
};

/** The source as a tombstone: closed as a duplicate, pointing at the target. */
function tombstoneOf(a: CaseAttributes, targetId: string, actor: Actor): CaseAttributes {
  const closed = a.status === 'closed';
  return withSortKeys({
    ...a,
    status: 'closed',
    closeReason: 'duplicate',
    closedAt: closed && a.closedAt ? a.closedAt : actor.at,
    closedBy: closed && a.closedBy ? a.closedBy : actor.by,
    updatedAt: actor.at,
    updatedBy: actor.by,
    merged: true,
    mergedInto: targetId,
    mergedAt: a.mergedAt ?? actor.at,
    mergedBy: a.mergedBy ?? actor.by,
  });
}

/**
 * Steps 3 and 4 of a merge. Refresh waits: ONE. The sweep's writes (copies, deletes, observables)
 * and the tombstone's entry do not wait for the refresh; the target's `case_merged` entry does, and
 * the saved objects index has one primary shard (OSD's migrations create it so), so when that write
 * returns every write of this merge acknowledged before it is visible on every copy: the recount
 * then counts all the merge moved, and the answer's first pages show it. If the entry was there
 * already (a retried or concurrent merge of the pair: a 409 writes nothing and waits for nothing),
 * a partial update of the target waits instead. Appends racing the merge are unaffected: their own
 * writes and their settling sweep (settleTombstone) still wait, before they count.
 */
async function finish(args: CasesClientArgs, tombstone: StoredCase, target: StoredCase, actor: Actor, alreadyMerged: boolean): Promise<MergeCaseResponse> {
  const moved = await sweep(args, tombstone.id, target.id, { refresh: false });
  const entry: CaseActivity = {
    at: actor.at,
    by: actor.by,
    action: 'case_merged',
    caseId: tombstone.id,
    ...refOf(args, tombstone),
    title: tombstone.attributes.title,
    attachments: moved.attachments,
    duplicates: moved.duplicates,
    comments: moved.comments,
    activity: moved.activity,
  };
  // On a retry the entry exists already (409): the first one, with what that merge moved, stays.
  const id = caseMergedEntryId(target.id, tombstone.id);
  const { existing } = await args.service.createItems(target.id, [{ id, kind: 'activity', sortKey: `${actor.at}~${id.slice(target.id.length + 1)}`, at: actor.at, by: actor.by, data: entry }]);
  if (existing.length > 0) await args.service.refreshBarrier(target.id, { lastMergeSettledAt: actor.at });
  const saved = await recount(args, target.id, [...CASE_ITEM_KINDS], actor);
  args.logger.info(`case ${tombstone.id} merged into ${target.id}: ${JSON.stringify(moved)}${alreadyMerged ? ' (retry)' : ''}`);
  return { case: await view(args, saved, { recounted: true }), alreadyMerged, moved };
}

/**
 * The bounds of the merged case (CASE_LIMITS), counted exactly: attachments once per document,
 * comments and activity summed, plus the merge entry. 400 naming the limit, nothing written.
 */
async function assertRoom(args: CasesClientArgs, source: StoredCase, target: StoredCase): Promise<void> {
  const [sourceAttachments, targetAttachments, sc, tc, sa, ta] = await Promise.all([
    allStored(args, source.id, 'attachment'),
    allStored(args, target.id, 'attachment'),
    args.service.countItems(source.id, 'comment'),
    args.service.countItems(target.id, 'comment'),
    args.service.countItems(source.id, 'activity'),
    args.service.countItems(target.id, 'activity'),
  ]);
  const docs = new Set(targetAttachments.map((i) => refKey(refOfItem(i.attributes))));
  const newDocs = new Set(sourceAttachments.map((i) => refKey(refOfItem(i.attributes))).filter((k) => !docs.has(k)));
  const what = `Merging ${label(args, source)} into ${label(args, target)}`;
  const attachments = docs.size + newDocs.size;
  if (attachments > CASE_LIMITS.attachments) throw badRequest(`${what} would give the case ${attachments} attachments, more than the limit of ${CASE_LIMITS.attachments}; nothing was changed`);
  if (sc + tc > CASE_LIMITS.comments) throw badRequest(`${what} would give the case ${sc + tc} comments, more than the limit of ${CASE_LIMITS.comments}; nothing was changed`);
  if (sa + ta + 1 > CASE_LIMITS.activity) throw badRequest(`${what} would give the case ${sa + ta + 1} activity entries, more than the limit of ${CASE_LIMITS.activity}; nothing was changed`);
}

async function allStored(args: CasesClientArgs, caseId: string, kind: CaseItemKind): Promise<Array<{ id: string; attributes: ItemAttributes }>> {
  const out: Array<{ id: string; attributes: ItemAttributes }> = [];
  for (let page = 1; ; page++) {
    const res = await args.service.storedItems(caseId, kind, page, MOVE_PAGE);
    out.push(...res.items);
    if (res.items.length < MOVE_PAGE || out.length >= res.total || page * MOVE_PAGE >= CASE_LIMITS.listScan) return out;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function refOfItem(a: ItemAttributes): DocRef | undefined {
  const ref = isRecord(a.data) && isRecord(a.data.ref) ? a.data.ref : undefined;
  return ref && typeof ref.index === 'string' && typeof ref.id === 'string' ? { index: ref.index, id: ref.id } : undefined;
}

const refKey = (ref: DocRef | undefined) => (ref ? `${ref.index}\n${ref.id}` : '');

/**
 * The item of `to` a stored item of another case becomes: an attachment gets the id of its
 * document in `to` (a document already there is a 409: kept once), a comment or an activity entry
 * an id derived from the item's own id (two cases may hold equal comment ids, e.g. imported ones),
 * but an `attachment_added` entry the id attaching its document would give it (so a document both
 * cases had is logged once, and attaching it again later is a no-op on both); an `attachment_added`
 * entry points at the attachment's new id. Times, authors and sort keys are kept.
 */
function copyOf(item: { id: string; attributes: ItemAttributes }, kind: CaseItemKind, to: string): NewItem {
  const a = item.attributes;
  const data = isRecord(a.data) ? { ...a.data } : {};
  const ref = refOfItem(a);
  let id = `${to}.m.${hash(item.id)}`;
  if (kind === 'attachment' && ref) {
    id = attachmentItemId(to, ref);
    data.id = id;
  } else if (kind === 'comment') {
    id = `${to}.c.m${hash(item.id)}`;
  } else if (kind === 'activity' && data.action === 'attachment_added' && ref) {
    // The id attaching the document to `to` would give its entry: kept once, like the attachment.
    const attachmentId = attachmentItemId(to, ref);
    data.attachmentId = attachmentId;
    id = `${to}.e.${attachmentId.slice(to.length + 1)}`;
  } else if (kind === 'activity') {
    id = `${to}.e.m${hash(item.id)}`;
  }
  return { id, kind, sortKey: typeof a.sortKey === 'string' ? a.sortKey : `${a.at}~${id}`, at: a.at, by: a.by, data: data as unknown as NewItem['data'] };
}

/**
 * Moves every item of `from` (but its own `merged_into` entry) to `to`: all copied first (the three
 * kinds together, MOVE_BATCH per `_bulk`), then the originals deleted, then the observables.
 * Idempotent — the copies' ids are derived — so the merge, its retry and an append that landed on
 * the tombstone may all sweep at once. The deletes do not wait for a refresh: a sweep that still
 * finds a deleted item copies it again as a 409, i.e. nothing. The copies (and the observables)
 * wait for it, so the caller's recount counts them — unless `refresh: false`, for a caller whose own
 * later write waits before it counts (finish).
 */
export async function sweep(args: CasesClientArgs, from: string, to: string, { refresh = true }: { refresh?: boolean } = {}): Promise<Moved> {
  const moved: Moved = { attachments: 0, duplicates: 0, comments: 0, activity: 0, observables: 0 };
  const keep = mergedIntoEntryId(from);
  const listed = await Promise.all(CASE_ITEM_KINDS.map((kind) => allStored(args, from, kind)));
  const items = CASE_ITEM_KINDS.flatMap((kind, k) => listed[k].filter((i) => i.id !== keep).map((item) => ({ item, copy: copyOf(item, kind, to) })));
  for (let i = 0; i < items.length; i += MOVE_BATCH) {
    const batch = items.slice(i, i + MOVE_BATCH);
    const { existing } = await args.service.createItems(to, batch.map((b) => b.copy), refresh ? {} : { refresh: false });
    const had = new Set(existing);
    for (const { copy } of batch) {
      const created = !had.has(copy.id);
      if (copy.kind !== 'attachment') {
        if (created) moved[copy.kind === 'comment' ? 'comments' : 'activity']++;
      } else if (created) moved.attachments++;
      else moved.duplicates++;
    }
  }
  await args.service.deleteItemsById(items.map((b) => b.item.id), { refresh: false });
  moved.observables = (await args.observables?.moveCase(from, to, { refresh })) ?? 0;
  return moved;
}

/**
 * An append (comment, attachment, change) that found the case a tombstone after writing its items:
 * the merge may have swept before those items were visible, so the writer moves them itself, then
 * the target is recounted. Either the merge's sweep or this one sees every item (the tombstone is
 * written before the merge sweeps; the writer reads the case after its items are visible).
 */
export async function settleTombstone(args: CasesClientArgs, tombstone: StoredCase, touch?: Actor): Promise<StoredCase> {
  const into = tombstone.attributes.mergedInto!;
  await sweep(args, tombstone.id, into);
  // Recounting the target settles it too, should it have become a tombstone meanwhile.
  const saved = await recount(args, into, [...CASE_ITEM_KINDS], touch);
  return { ...saved, redirectedFrom: saved.redirectedFrom ?? redirectOf(args, tombstone) };
}
