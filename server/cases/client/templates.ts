import { CaseTemplate, CaseTemplateBody, CaseTemplatesResponse, matchTemplate } from '../../../common/case_template_types';
import { actorOf } from './activity';
import { CasesClientArgs } from './types';

export async function listTemplates(args: CasesClientArgs, findingType?: string): Promise<CaseTemplatesResponse> {
  const templates = await args.templates.list();
  const matched = findingType ? matchTemplate(templates, findingType) : undefined;
  return { templates, ...(matched ? { matchedId: matched.id } : {}) };
}

export async function createTemplate(args: CasesClientArgs, body: CaseTemplateBody): Promise<CaseTemplate> {
  return args.templates.create(body, await actorOf(args));
}

export async function updateTemplate(args: CasesClientArgs, id: string, body: CaseTemplateBody, version: string): Promise<CaseTemplate> {
  return args.templates.update(id, body, version, await actorOf(args));
}
