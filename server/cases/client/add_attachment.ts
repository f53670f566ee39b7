import { AddAttachmentRequest, Case, CASE_LIMITS, CaseAttachmentSnapshot, CaseAttachmentType } from '../../../common/case_types';
import { DocRef } from '../../../common/types';
import { badRequest, notFound } from '../../lib/errors';
import { requireSourceIndex } from '../../lib/source_index';
import { buildSnapshot } from '../snapshot';
import { entitiesOfDocument } from '../observables';
import { Actor, CaseAttributes, StoredAttachment } from '../types';
import { recordChanges } from './activity';
import { appendWithRetry } from './append';
import { withAvailability } from './get';
import { CasesClientArgs } from './types';

export interface NewAttachment {
  id: string;
  type: CaseAttachmentType;
  ref: DocRef;
  snapshot: CaseAttachmentSnapshot;
}

/** The case with the document attached, or `null` if that document is attached already. */
export function appendAttachment(current: CaseAttributes, attachment: NewAttachment, actor: Actor): CaseAttributes | null {
  if (current.attachments.some((a) => a.ref.index === attachment.ref.index && a.ref.id === attachment.ref.id)) return null;
  if (current.attachments.length >= CASE_LIMITS.attachments) {
    throw badRequest(`The case already has ${current.attachments.length} attachments (limit ${CASE_LIMITS.attachments}); the document was not attached`);
  }
  const added: StoredAttachment = { ...attachment, addedAt: actor.at, addedBy: actor.by };
  const attachments = [...current.attachments, added];
  return recordChanges(
    current,
    { attachments, attachmentCount: attachments.length },
    [{ action: 'attachment_added', attachmentId: attachment.id, attachmentType: attachment.type, ref: attachment.ref, title: attachment.snapshot.title }],
    actor
  );
}

/**
 * Attaches a finding or an event: the document is read as the current user (so index permissions,
 * document- and field-level security apply to what is copied), and its key fields are kept as a
 * snapshot next to the reference.
 */
export async function addAttachment(args: CasesClientArgs, id: string, request: AddAttachmentRequest): Promise<Case> {
  requireSourceIndex(request.ref.index, args.getSources());
  // Fail on an unknown case before reading the document.
  await args.service.get(id);
  const { ref, document } = await readDocument(args, request.ref);
  const attachment: NewAttachment = { id: args.newId(), type: request.type, ref, snapshot: buildSnapshot(ref, document, args.getSources()) };
  const saved = await appendWithRetry(args, id, (current, actor) => appendAttachment(current, attachment, actor));
  await args.observables?.record(id, entitiesOfDocument(document));
  return withAvailability(args, saved);
}

async function readDocument(args: CasesClientArgs, ref: DocRef): Promise<{ ref: DocRef; document: Record<string, unknown> }> {
  const found = await args.opensearch.getDocument(ref);
  if (!found) throw notFound(`No document ${ref.id} in index ${ref.index} (or no permission to read it)`);
  return { ref: { index: found.index, id: ref.id }, document: found.source };
}
