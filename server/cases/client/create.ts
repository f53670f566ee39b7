import { CreateCaseRequest, Case, DEFAULT_CASE_SEVERITY } from '../../../common/case_types';
import { badRequest } from '../../lib/errors';
import { initialCaseTimes } from '../case_times';
import { toCase } from '../service';
import { applyTemplate, templateForNewCase } from '../templates/apply';
import { Actor, CaseAttributes } from '../types';
import { actorOf } from './activity';
import { CasesClientArgs } from './types';

/** A new, open case; its activity log starts with who created it. */
export function newCaseAttributes(request: CreateCaseRequest & { title: string }, actor: Actor): CaseAttributes {
  const base: Omit<CaseAttributes, 'acknowledgedAt' | 'timeToAcknowledgeMs' | 'timeToCloseMs'> = {
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
    templateId: null,
    templateName: null,
    tasks: [],
    closeFields: [],
    closeFieldValues: {},
  };
  return { ...base, ...initialCaseTimes(base) };
}

export async function create(args: CasesClientArgs, request: CreateCaseRequest): Promise<Case> {
  const template = await templateForNewCase(args.templates, request);
  const title = request.title || template?.title;
  if (!title) throw badRequest('title is required (the case has no template with a default title)');
  const severity = request.severity ?? template?.severity;
  const attributes = newCaseAttributes({ ...request, title, ...(severity ? { severity } : {}) }, await actorOf(args));
  const saved = await args.service.create(template ? applyTemplate(attributes, template, args.newId) : attributes);
  return toCase(saved);
}
