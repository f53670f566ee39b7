import { createHash } from 'crypto';
import { CaseActivity, CaseFromIncidentRequest, CaseFromIncidentResponse, CASE_LIMITS } from '../../../common/case_types';
import { DocRef } from '../../../common/types';
import { flattenDocument } from '../../../common/flatten';
import { isGuardDutyFinding } from '../../correlation/finding';
import { badRequest, notFound } from '../../lib/errors';
import { requireSourceIndex } from '../../lib/source_index';
import { entitiesOfDocument } from '../observables';
import { buildSnapshot } from '../snapshot';
import { attachmentItemId, sortKeyOf } from '../service';
import { MgetDoc, StoredAttachment } from '../types';
import { actorOf, activityItems } from './activity';
import { newCaseAttributes } from './create';
import { load, recount, view } from './view';
import { CasesClientArgs } from './types';

/** The case id a request id stands for: the same request, retried, lands on the same case. */
export function caseIdForRequest(requestId: string): string {
  return `incident-${createHash('sha256').update(requestId).digest('hex').slice(0, 32)}`;
}

const sameRef = (a: DocRef, b: DocRef) => a.index === b.index && a.id === b.id;

/**
 * A new case with every member finding of an incident attached, in one call that may be retried:
 * the case id derives from the caller's request id (a second create is a 409 and is taken as "made
 * already"), and a finding already in the case is not attached again (it is listed as such).
 */
export async function createCaseFromIncident(args: CasesClientArgs, request: CaseFromIncidentRequest): Promise<CaseFromIncidentResponse> {
  const title = request.title;
  if (title === undefined) throw badRequest('title is required for a case created from an incident');
  for (const ref of request.findings) requireSourceIndex(ref.index, args.getSources(), 'guardduty');
  const refs = request.findings.filter((r, i) => request.findings.findIndex((o) => sameRef(o, r)) === i);
  if (refs.length > CASE_LIMITS.attachments) throw badRequest(`An incident of ${refs.length} findings is more than a case holds (${CASE_LIMITS.attachments} attachments)`);
  // Every finding is read (as the current user) before anything is written: one missing → nothing changes.
  const docs = await args.opensearch.mget<MgetDoc>(refs.map((r) => ({ _index: r.index, _id: r.id })));
  const read = refs.map((ref, i) => {
    const d = docs[i];
    if (!d?.found || !d._source) throw notFound(`No document ${ref.id} in index ${ref.index} (or no permission to read it); no case was created`);
    if (!isGuardDutyFinding(flattenDocument(d._source))) throw badRequest(`Document ${ref.id} in ${ref.index} is not a GuardDuty finding`);
    const concrete = { index: d._index ?? ref.index, id: ref.id };
    return { ref: concrete, document: d._source };
  });
  const id = caseIdForRequest(request.requestId);
  const actor = await actorOf(args);
  let created = true;
  try {
    await args.service.create(newCaseAttributes({ ...request, title }, actor, await args.service.nextNumber()), id);
  } catch (e) {
    if ((e as { output?: { statusCode?: number } })?.output?.statusCode !== 409) throw e;
    created = false;
  }
  // Deterministic ids (from the case and each document): a retried request writes nothing twice.
  if (created) await args.service.createItems(id, activityItems(args, id, [{ at: actor.at, by: actor.by, action: 'created' }], ['created']));
  const current = await load(args, id);
  // The case the id names now: a case merged since (docs/cases.md "Merging cases") resolves to the merged one.
  const caseId = current.id;
  const items = read.map(({ ref, document }) => {
    const itemId = attachmentItemId(caseId, ref);
    const attachment: StoredAttachment = { id: itemId, type: 'finding', ref, snapshot: buildSnapshot(ref, document, args.getSources()), addedAt: actor.at, addedBy: actor.by };
    return { ref, itemId, attachment };
  });
  if (current.attributes.attachmentCount + items.length > CASE_LIMITS.attachments) {
    throw badRequest(`The case has ${current.attributes.attachmentCount} attachments; ${items.length} more would pass the limit of ${CASE_LIMITS.attachments}`);
  }
  const { existing } = await args.service.createItems(
    caseId,
    items.map((i) => ({ id: i.itemId, kind: 'attachment' as const, sortKey: sortKeyOf(actor.at, i.itemId), at: actor.at, by: actor.by, data: i.attachment }))
  );
  const attachedItems = items.filter((i) => !existing.includes(i.itemId));
  const attached: DocRef[] = attachedItems.map((i) => i.ref);
  const alreadyAttached: DocRef[] = items.filter((i) => existing.includes(i.itemId)).map((i) => i.ref);
  const entries: CaseActivity[] = attachedItems.map((i) => ({
    at: actor.at,
    by: actor.by,
    action: 'attachment_added',
    attachmentId: i.itemId,
    attachmentType: 'finding',
    ref: i.ref,
    title: i.attachment.snapshot.title,
  }));
  await args.service.createItems(caseId, activityItems(args, caseId, entries, attachedItems.map((i) => i.itemId.slice(caseId.length + 1))));
  const saved = await recount(args, caseId, ['attachment', 'activity'], actor);
  const recorded = await args.observables?.record(caseId, read.flatMap((r) => entitiesOfDocument(r.document)));
  return { case: await view(args, saved, { recounted: true }), created, attached, alreadyAttached, ...(recorded?.notRecorded ? { observablesNotRecorded: recorded.notRecorded } : {}) };
}
