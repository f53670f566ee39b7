import { CreateCaseRequest, Case, DEFAULT_CASE_SEVERITY } from '../../../common/case_types';
import { toCase } from '../service';
import { Actor, CaseAttributes } from '../types';
import { actorOf } from './activity';
import { CasesClientArgs } from './types';

/** A new, open case; its activity log starts with who created it. */
export function newCaseAttributes(request: CreateCaseRequest, actor: Actor): CaseAttributes {
  return {
    title: request.title,
    description: request.description ?? '',
    status: 'open',
    closeReason: null,
    severity: request.severity ?? DEFAULT_CASE_SEVERITY,
    tags: request.tags ?? [],
    assignees: request.assignees ?? [],
    attachments: [],
    comments: [],
    activity: [{ at: actor.at, by: actor.by, action: 'created' }],
    attachmentCount: 0,
    commentCount: 0,
    createdAt: actor.at,
    createdBy: actor.by,
    updatedAt: actor.at,
    updatedBy: actor.by,
    closedAt: null,
    closedBy: null,
  };
}

export async function create(args: CasesClientArgs, request: CreateCaseRequest): Promise<Case> {
  const saved = await args.service.create(newCaseAttributes(request, await actorOf(args)));
  return toCase(saved);
}
