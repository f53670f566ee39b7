import { CreateCaseRequest, Case, DEFAULT_CASE_SEVERITY } from '../../../common/case_types';
import { badRequest } from '../../lib/errors';
import { initialCaseTimes } from '../case_times';
import { applyTemplate, templateForNewCase } from '../templates/apply';
import { withSortKeys } from '../sort_keys';
import { Actor, CaseAttributes } from '../types';
import { actorOf, activityItems } from './activity';
import { view } from './view';
import { CasesClientArgs } from './types';

/** A new, open case with its number; its activity log starts with who created it. */
export function newCaseAttributes(request: CreateCaseRequest & { title: string }, actor: Actor, number: number | null = null): CaseAttributes {
  const base: Omit<CaseAttributes, 'acknowledgedAt' | 'timeToAcknowledgeMs' | 'timeToCloseMs' | 'severityRank' | 'statusRank' | 'sortTitle'> = {
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
    templateId: null,
    templateName: null,
    tasks: [],
    closeFields: [],
    closeFieldValues: {},
  };
  return withSortKeys({ ...base, ...initialCaseTimes(base) });
}

export async function create(args: CasesClientArgs, request: CreateCaseRequest): Promise<Case> {
  const template = await templateForNewCase(args.templates, request);
  const title = request.title || template?.title;
  if (!title) throw badRequest('title is required (the case has no template with a default title)');
  const severity = request.severity ?? template?.severity;
  const actor = await actorOf(args);
  const attributes = newCaseAttributes({ ...request, title, ...(severity ? { severity } : {}) }, actor, await args.service.nextNumber());
  const saved = await args.service.create(template ? applyTemplate(attributes, template, args.newId) : attributes);
  await args.service.createItems(saved.id, activityItems(args, saved.id, [{ at: actor.at, by: actor.by, action: 'created' }]));
  return view(args, saved);
}
