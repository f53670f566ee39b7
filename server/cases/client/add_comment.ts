import { AddCommentRequest, Case, CASE_LIMITS, CaseActivity, CaseComment } from '../../../common/case_types';
import { badRequest } from '../../lib/errors';
import { sortKeyOf } from '../service';
import { actorOf, activityItems, assertActivityRoom } from './activity';
import { keepRedirect } from './merge';
import { load, recount, view } from './view';
import { CasesClientArgs } from './types';

/**
 * A comment is a plain create of its own saved object (plus its activity entry): nothing is read
 * and rewritten, so concurrent comments cannot overwrite each other and need no retry. The case's
 * counters and `updatedAt` are recounted afterwards (view.ts `recount`).
 */
export async function addComment(args: CasesClientArgs, id: string, request: AddCommentRequest): Promise<Case> {
  const c = await load(args, id);
  // Bounds against the case's counters (see docs/cases.md "Bounds": a burst may pass them by the writes in flight).
  const comments = c.attributes.commentCount;
  if (comments >= CASE_LIMITS.comments) {
    throw badRequest(`The case already has ${comments} comments (limit ${CASE_LIMITS.comments}); the comment was not added`);
  }
  assertActivityRoom(c.attributes, 1);
  const actor = await actorOf(args);
  const commentId = args.newId();
  const comment: CaseComment = { id: commentId, text: request.text, createdAt: actor.at, createdBy: actor.by };
  const entry: CaseActivity = { at: actor.at, by: actor.by, action: 'comment_added', commentId };
  await args.service.createItems(c.id, [
    { id: `${c.id}.c.${commentId}`, kind: 'comment', sortKey: sortKeyOf(actor.at, commentId), at: actor.at, by: actor.by, data: comment },
    ...activityItems(args, c.id, [entry], [commentId]),
  ]);
  // A merged case's id (or number) adds to the case it was merged into, and the answer says so.
  return view(args, keepRedirect(c, await recount(args, c.id, ['comment', 'activity'], actor)), { recounted: true });
}
