import { AddCommentRequest, Case, CASE_LIMITS, CaseComment } from '../../../common/case_types';
import { badRequest } from '../../lib/errors';
import { Actor, CaseAttributes } from '../types';
import { recordChanges } from './activity';
import { appendWithRetry } from './append';
import { withAvailability } from './get';
import { CasesClientArgs } from './types';

export function appendComment(current: CaseAttributes, comment: { id: string; text: string }, actor: Actor): CaseAttributes {
  if (current.comments.length >= CASE_LIMITS.comments) {
    throw badRequest(`The case already has ${current.comments.length} comments (limit ${CASE_LIMITS.comments}); the comment was not added`);
  }
  const added: CaseComment = { id: comment.id, text: comment.text, createdAt: actor.at, createdBy: actor.by };
  const comments = [...current.comments, added];
  return recordChanges(current, { comments, commentCount: comments.length }, [{ action: 'comment_added', commentId: comment.id }], actor);
}

export async function addComment(args: CasesClientArgs, id: string, request: AddCommentRequest): Promise<Case> {
  // One id for every attempt: a retried append is still the same comment.
  const comment = { id: args.newId(), text: request.text };
  return withAvailability(args, await appendWithRetry(args, id, (current, actor) => appendComment(current, comment, actor)));
}
