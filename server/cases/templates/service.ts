import { CASE_TEMPLATE_LIMITS, CaseTemplate, CaseTemplateBody } from '../../../common/case_template_types';
import { CASE_TEMPLATE_SAVED_OBJECT_TYPE } from '../../../common/constants';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { RequestBudget } from '../../lib/request_budget';
import { ValidationError } from '../../lib/validation';
import { SavedObject } from '../../types';
import { Actor, CasesSavedObjectsClient } from '../types';
import { parseTemplateBody } from './template_model';

export type TemplateAttributes = CaseTemplateBody & { createdAt: string; createdBy: string; updatedAt: string; updatedBy: string };

/**
 * Case templates over the request-scoped saved objects client (the user's tenant), like cases.
 * A tenant holds at most CASE_TEMPLATE_LIMITS.templates, so the list is one `find` page.
 */
export class CaseTemplateService {
  constructor(private readonly client: CasesSavedObjectsClient, private readonly budget: RequestBudget) {}

  async list(): Promise<CaseTemplate[]> {
    const res = await this.budget.race(this.client.find<unknown>({ type: CASE_TEMPLATE_SAVED_OBJECT_TYPE, page: 1, perPage: CASE_TEMPLATE_LIMITS.templates }));
    return res.saved_objects.map(toTemplate).sort((a, b) => (a.name.toLocaleLowerCase() < b.name.toLocaleLowerCase() ? -1 : a.name.toLocaleLowerCase() > b.name.toLocaleLowerCase() ? 1 : a.id < b.id ? -1 : 1));
  }

  async get(id: string): Promise<CaseTemplate> {
    try {
      return toTemplate(await this.budget.race(this.client.get<unknown>(CASE_TEMPLATE_SAVED_OBJECT_TYPE, id)));
    } catch (e) {
      throw mapError(e, id);
    }
  }

  async create(body: CaseTemplateBody, actor: Actor): Promise<CaseTemplate> {
    const existing = await this.budget.race(this.client.find<unknown>({ type: CASE_TEMPLATE_SAVED_OBJECT_TYPE, page: 1, perPage: 1 }));
    if (existing.total >= CASE_TEMPLATE_LIMITS.templates) {
      throw badRequest(`This tenant already has ${existing.total} case templates (limit ${CASE_TEMPLATE_LIMITS.templates}); delete one first`);
    }
    const attributes: TemplateAttributes = { ...body, createdAt: actor.at, createdBy: actor.by, updatedAt: actor.at, updatedBy: actor.by };
    return toTemplate(await this.budget.race(this.client.create<TemplateAttributes>(CASE_TEMPLATE_SAVED_OBJECT_TYPE, nulled(attributes))));
  }

  /** Replaces the template if it is still at `version`; 409 otherwise. */
  async update(id: string, body: CaseTemplateBody, version: string, actor: Actor): Promise<CaseTemplate> {
    const current = await this.get(id);
    if (current.version !== version) throw conflict(`Template ${id} was changed by someone else since it was read; reload it and try again`);
    const attributes: TemplateAttributes = { ...body, createdAt: current.createdAt, createdBy: current.createdBy, updatedAt: actor.at, updatedBy: actor.by };
    try {
      const saved = await this.budget.race(this.client.update<TemplateAttributes>(CASE_TEMPLATE_SAVED_OBJECT_TYPE, id, nulled(attributes), { version }));
      return { ...attributes, id, version: saved.version ?? version };
    } catch (e) {
      throw mapError(e, id);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await this.budget.race(this.client.delete(CASE_TEMPLATE_SAVED_OBJECT_TYPE, id));
    } catch (e) {
      throw mapError(e, id);
    }
  }
}

/** `severity` absent is stored as `null`: `update` is a partial doc update and would keep the old one. */
function nulled(a: TemplateAttributes): TemplateAttributes {
  return { ...a, severity: a.severity ?? (null as unknown as undefined) };
}

const META_FIELDS = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'];

/** A stored template, checked with the same rules as a request (imports skip the routes). */
export function toTemplate(so: SavedObject<unknown>): CaseTemplate {
  const raw = (typeof so.attributes === 'object' && so.attributes !== null ? so.attributes : {}) as Record<string, unknown>;
  const meta = {
    id: so.id,
    version: so.version ?? '',
    createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '',
    createdBy: typeof raw.createdBy === 'string' ? raw.createdBy : 'unknown',
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : '',
    updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : 'unknown',
  };
  const body = Object.fromEntries(Object.entries(raw).filter(([k, v]) => !META_FIELDS.includes(k) && !(k === 'severity' && v === null)));
  try {
    return { ...parseTemplateBody(body), ...meta };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name : `(template ${so.id})`;
    return { name, description: '', title: '', tags: [], tasks: [], closeFields: [], findingTypes: [], ...meta, damaged: e.message };
  }
}

function mapError(e: unknown, id: string): unknown {
  const status = (e as { isBoom?: boolean; output?: { statusCode?: number } })?.isBoom ? (e as { output: { statusCode?: number } }).output.statusCode : undefined;
  if (status === 404) return notFound(`Case template ${id} not found`);
  if (status === 409) return conflict(`Template ${id} was changed by someone else since it was read; reload it and try again`);
  return e;
}
