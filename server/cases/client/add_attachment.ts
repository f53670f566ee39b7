import { AddAttachmentRequest, Case, CASE_LIMITS, CaseActivity, CaseAttachmentSnapshot, CaseAttachmentType } from '../../../common/case_types';
import { DocRef } from '../../../common/types';
import { badRequest, notFound } from '../../lib/errors';
import { requireSourceIndex } from '../../lib/source_index';
import { attachmentItemId, sortKeyOf } from '../service';
import { buildSnapshot } from '../snapshot';
import { entitiesOfDocument } from '../observables';
import { StoredAttachment } from '../types';
import { actorOf, activityItems, assertActivityRoom } from './activity';
import { keepRedirect } from './merge';
import { load, recount, view } from './view';
import { CasesClientArgs } from './types';

export interface NewAttachment {
  id: string;
  type: CaseAttachmentType;
  ref: DocRef;
  snapshot: CaseAttachmentSnapshot;
}

/**
 * Attaches a finding or an event: the document is read as the current user (so index permissions,
 * document- and field-level security apply to what is copied), and its key fields are kept as a
 * snapshot next to the reference. The attachment's id is derived from the case and the document,
 * so attaching a document twice is refused by OpenSearch itself (409 on create) and answers the
 * case unchanged: no read-modify-write, no retry.
 */
export async function addAttachment(args: CasesClientArgs, id: string, request: AddAttachmentRequest): Promise<Case> {
  requireSourceIndex(request.ref.index, args.getSources());
  // Fail on an unknown case before reading the document.
  const c = await load(args, id);
  const { ref, document } = await readDocument(args, request.ref);
  const itemId = attachmentItemId(c.id, ref);
  const actor = await actorOf(args);
  const attachment: StoredAttachment = {
    id: itemId,
    type: request.type,
    ref,
    snapshot: buildSnapshot(ref, document, args.getSources()),
    addedAt: actor.at,
    addedBy: actor.by,
  };
  // Bounds against the case's counters (see docs/cases.md "Bounds": a burst may pass them by the writes in flight).
  const count = c.attributes.attachmentCount;
  if (count >= CASE_LIMITS.attachments) {
    if ((await args.service.getAttachments([itemId])).length > 0) return view(args, c);
    throw badRequest(`The case already has ${count} attachments (limit ${CASE_LIMITS.attachments}); the document was not attached`);
  }
  assertActivityRoom(c.attributes, 1);
  const entry: CaseActivity = { at: actor.at, by: actor.by, action: 'attachment_added', attachmentId: itemId, attachmentType: request.type, ref, title: attachment.snapshot.title };
  // Both ids derive from the case and the document: attaching it again is a 409 on both, and writes nothing.
  const { existing } = await args.service.createItems(c.id, [
    { id: itemId, kind: 'attachment', sortKey: sortKeyOf(actor.at, itemId), at: actor.at, by: actor.by, data: attachment },
    ...activityItems(args, c.id, [entry], [itemId.slice(c.id.length + 1)]),
  ]);
  if (existing.includes(itemId)) return view(args, c);
  const recorded = await args.observables?.record(c.id, entitiesOfDocument(document));
  const answer = await view(args, keepRedirect(c, await recount(args, c.id, ['attachment', 'activity'], actor)), { recounted: true });
  return recorded?.notRecorded ? { ...answer, observablesNotRecorded: recorded.notRecorded } : answer;
}

async function readDocument(args: CasesClientArgs, ref: DocRef): Promise<{ ref: DocRef; document: Record<string, unknown> }> {
  const found = await args.opensearch.getDocument(ref);
  if (!found) throw notFound(`No document ${ref.id} in index ${ref.index} (or no permission to read it)`);
  return { ref: { index: found.index, id: ref.id }, document: found.source };
}
