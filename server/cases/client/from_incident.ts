import { createHash } from 'crypto';
import { CaseFromIncidentRequest, CaseFromIncidentResponse, CASE_LIMITS } from '../../../common/case_types';
import { DocRef } from '../../../common/types';
import { flattenDocument } from '../../../common/flatten';
import { isGuardDutyFinding } from '../../correlation/finding';
import { badRequest, notFound } from '../../lib/errors';
import { requireSourceIndex } from '../../lib/source_index';
import { entitiesOfDocument } from '../observables';
import { buildSnapshot } from '../snapshot';
import { MgetDoc } from '../types';
import { appendAttachment, NewAttachment } from './add_attachment';
import { actorOf } from './activity';
import { appendWithRetry } from './append';
import { newCaseAttributes } from './create';
import { withAvailability } from './get';
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
  const attachments: NewAttachment[] = read.map(({ ref, document }) => ({ id: args.newId(), type: 'finding', ref, snapshot: buildSnapshot(ref, document, args.getSources()) }));

  const id = caseIdForRequest(request.requestId);
  let created = true;
  try {
    await args.service.create(newCaseAttributes(request, await actorOf(args)), id);
  } catch (e) {
    if ((e as { output?: { statusCode?: number } })?.output?.statusCode !== 409) throw e;
    created = false;
  }
  let attached: DocRef[] = [];
  let alreadyAttached: DocRef[] = [];
  const saved = await appendWithRetry(args, id, (current, actor) => {
    attached = [];
    alreadyAttached = [];
    let next = current;
    for (const a of attachments) {
      const after = appendAttachment(next, a, actor);
      if (after) {
        next = after;
        attached.push(a.ref);
      } else alreadyAttached.push(a.ref);
    }
    return attached.length ? next : null;
  });
  await args.observables?.record(id, read.flatMap((r) => entitiesOfDocument(r.document)));
  return { case: await withAvailability(args, saved), created, attached, alreadyAttached };
}
