import { Case, CaseAttachment } from '../../../common/case_types';
import { toCase } from '../service';
import { MgetDoc, StoredAttachment, StoredCase } from '../types';
import { availabilityRequest, DEFAULT_SNAPSHOT_VISIBILITY, visibleActivity, visibleAttachments } from '../snapshot_visibility';
import { CasesClientArgs } from './types';

export async function get(args: CasesClientArgs, id: string): Promise<Case> {
  return withAvailability(args, await args.service.get(id));
}

/**
 * The case as the wire shows it, each attachment marked `available` or not: ONE `mget` as the
 * current user, without `_source`. A missing index (aged out, deleted) answers per document, so it
 * marks those attachments unavailable; if the check itself fails (e.g. no read permission on some
 * index) the case is still returned, with availability unknown.
 */
export async function withAvailability(args: CasesClientArgs, stored: StoredCase): Promise<Case> {
  const c = toCase(stored);
  if (c.attachments.length === 0) return c;
  // The same mget tells who may see which snapshot fields (snapshot_visibility.ts).
  const mode = args.snapshotVisibility?.() ?? DEFAULT_SNAPSHOT_VISIBILITY;
  const visible = (attachments: CaseAttachment[], docs: MgetDoc[] | undefined): Case => {
    const shown = visibleAttachments(attachments, docs, mode);
    return { ...c, attachments: shown, activity: visibleActivity(c.activity, shown) };
  };
  try {
    const docs = await args.opensearch.mget<MgetDoc>(availabilityRequest(c.attachments, mode));
    return visible(markAvailability(c.attachments, docs), docs);
  } catch (e) {
    args.logger.warn(`Could not check whether the documents attached to case ${c.id} still exist: ${(e as Error).message}`);
    return visible(c.attachments, undefined);
  }
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
