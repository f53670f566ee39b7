import { CASE_LIMITS, CreateCaseRequest } from '../../../common/case_types';
import { CaseTemplate, matchTemplate } from '../../../common/case_template_types';
import { badRequest, HttpError } from '../../lib/errors';
import { CaseAttributes } from '../types';
import { CaseTemplateService } from './service';

/**
 * The template a new case starts from: `templateId` if given (`null`: none), else the template
 * matching `findingType` (most specific pattern), else none.
 */
export async function templateForNewCase(templates: CaseTemplateService, request: CreateCaseRequest): Promise<CaseTemplate | undefined> {
  if (request.templateId === null) return undefined;
  if (request.templateId !== undefined) {
    let template: CaseTemplate;
    try {
      template = await templates.get(request.templateId);
    } catch (e) {
      if (e instanceof HttpError && e.statusCode === 404) throw badRequest(`templateId: no case template ${request.templateId} in this tenant`);
      throw e;
    }
    if (template.damaged) throw badRequest(`templateId: the template "${template.name}" is damaged (${template.damaged}); open it and save it again`);
    return template;
  }
  if (!request.findingType) return undefined;
  return matchTemplate(await templates.list(), request.findingType);
}

/**
 * A new case's attributes from the template: its title (when the request has none), severity
 * (when the request has none), tags (added to the request's), tasks (not done) and required close
 * fields are copied, so later edits of the template do not change the case.
 */
export function applyTemplate(attributes: CaseAttributes, template: CaseTemplate, newId: () => string): CaseAttributes {
  const tags = [...new Set([...attributes.tags, ...template.tags])];
  if (tags.length > CASE_LIMITS.tags) throw badRequest(`The case would have ${tags.length} tags with the template's, more than ${CASE_LIMITS.tags} (limit)`);
  return {
    ...attributes,
    templateId: template.id,
    templateName: template.name,
    tags,
    tasks: template.tasks.map((t) => ({ id: newId(), title: t.title, ...(t.assignee ? { assignee: t.assignee } : {}), done: false })),
    closeFields: template.closeFields,
    closeFieldValues: {},
  };
}
