import { CreateCaseRequest, Case, DEFAULT_CASE_SEVERITY } from '../../../common/case_types';
import { withSortKeys } from '../sort_keys';
import { Actor, CaseAttributes } from '../types';
import { actorOf, activityItems } from './activity';
import { view } from './view';
import { CasesClientArgs } from './types';

/** A new, open case with its number; its activity log starts with who created it. */
export function newCaseAttributes(request: CreateCaseRequest, actor: Actor, number: number | null = null): CaseAttributes {
  return withSortKeys({
    title: request.title,
    description: request.description ?? '',
    status: 'open',
    closeReason: null,
    severity: request.severity ?? DEFAULT_CASE_SEVERITY,
    tags: request.tags ?? [],
    assignees: request.assignees ?? [],
    number,
    attachmentCount: 0,
    commentCount: 0,
    activityCount: 1,
    createdAt: actor.at,
    createdBy: actor.by,
    updatedAt: actor.at,
    updatedBy: actor.by,
    closedAt: null,
    closedBy: null,
  });
}

export async function create(args: CasesClientArgs, request: CreateCaseRequest): Promise<Case> {
  const actor = await actorOf(args);
  const saved = await args.service.create(newCaseAttributes(request, actor, await args.service.nextNumber()));
  await args.service.createItems(saved.id, activityItems(args, saved.id, [{ at: actor.at, by: actor.by, action: 'created' }]));
  return view(args, saved);
}
