import { Case, CaseSummary } from '../../common/case_types';
import { CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { conflict, HttpError, notFound } from '../lib/errors';
import { SavedObject } from '../types';
import { RequestBudget } from '../lib/request_budget';
import { repairCase, repairSummary } from './repair';
import { CASE_SUMMARY_FIELDS, CaseAttributes, CasesSavedObjectsClient, CaseSummaryAttributes, StoredCase } from './types';

/** A write that did not answer in time may still land: say so, so the analyst reloads before retrying. */
const UNSURE_WRITE = ' (the change may still have been saved: reload the case before trying again)';

/**
 * Persistence of cases, over the request-scoped saved objects client only: OSD builds it for the
 * user of the request, so the security plugin stores each case in that user's tenant. Never an
 * internal repository (it would bypass tenants and permissions).
 */
export class CaseService {
  constructor(
    private readonly client: CasesSavedObjectsClient,
    /** The request's time budget: OSD's saved objects client takes no per-call timeout. */
    private readonly budget: RequestBudget
  ) {}

  async get(id: string): Promise<StoredCase> {
    try {
      return stored(await this.budget.race(this.client.get<unknown>(CASE_SAVED_OBJECT_TYPE, id)));
    } catch (e) {
      throw mapError(e, id);
    }
  }

  /** With an `id`, a case of that id that exists already is a 409 and nothing is written. */
  async create(attributes: CaseAttributes, id?: string): Promise<StoredCase> {
    // OSD's default refresh (`wait_for`) makes the new case show up in the list at once.
    return stored(await this.budget.race(this.client.create<CaseAttributes>(CASE_SAVED_OBJECT_TYPE, attributes, id ? { id } : undefined), UNSURE_WRITE));
  }

  /**
   * Writes the whole case if, and only if, it is still at `version` (OpenSearch's `if_seq_no` /
   * `if_primary_term`); otherwise a 409 `HttpError` and nothing is written.
   */
  async update(id: string, attributes: CaseAttributes, version: string): Promise<StoredCase> {
    try {
      const saved = await this.budget.race(this.client.update<CaseAttributes>(CASE_SAVED_OBJECT_TYPE, id, attributes, { version }), UNSURE_WRITE);
      if (!saved.version) throw new Error('the saved objects client returned no version after an update');
      return { id, version: saved.version, attributes };
    } catch (e) {
      throw mapError(e, id);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await this.budget.race(this.client.delete(CASE_SAVED_OBJECT_TYPE, id), UNSURE_WRITE);
    } catch (e) {
      throw mapError(e, id);
    }
  }

  /** Up to `limit` cases matching `search` (OSD's saved-object search on title and description), summary fields only. */
  async findSummaries(search: string | undefined, limit: number): Promise<{ total: number; cases: Array<StoredCase<CaseSummaryAttributes>> }> {
    const res = await this.budget.race(this.client.find<unknown>({
      type: CASE_SAVED_OBJECT_TYPE,
      page: 1,
      perPage: limit,
      fields: [...CASE_SUMMARY_FIELDS],
      ...(search ? { search, searchFields: ['title', 'description'], defaultSearchOperator: 'AND' as const } : {}),
    }));
    return { total: res.total, cases: res.saved_objects.map(storedSummary) };
  }
}

function versionOf(so: SavedObject<unknown>): string {
  if (!so.version) throw new Error(`saved object ${so.type}/${so.id} has no version`);
  return so.version;
}

/** A whole case, repaired item by item where an import or a hand edit broke it (see repair.ts). */
function stored(so: SavedObject<unknown>): StoredCase {
  const { attributes, problems } = repairCase(so.attributes);
  return { id: so.id, version: versionOf(so), attributes, ...(problems.length ? { problems } : {}) };
}

function storedSummary(so: SavedObject<unknown>): StoredCase<CaseSummaryAttributes> {
  return { id: so.id, version: versionOf(so), attributes: repairSummary(so.attributes) };
}

function statusOf(e: unknown): number | undefined {
  const boom = e as { isBoom?: boolean; output?: { statusCode?: number } };
  return boom?.isBoom ? boom.output?.statusCode : undefined;
}

function mapError(e: unknown, id: string): unknown {
  const status = statusOf(e);
  if (status === 404) return notFound(`Case ${id} not found`);
  if (status === 409) return conflict(`Case ${id} was changed by someone else since it was read; reload it and try again`);
  return e;
}

export function isConflict(e: unknown): boolean {
  return e instanceof HttpError && e.statusCode === 409;
}

export function toCase(c: StoredCase): Case {
  const a = c.attributes;
  return {
    id: c.id,
    version: c.version,
    title: a.title,
    description: a.description,
    status: a.status,
    ...(a.closeReason ? { closeReason: a.closeReason } : {}),
    severity: a.severity,
    tags: a.tags,
    assignees: a.assignees,
    attachments: a.attachments,
    comments: a.comments,
    activity: a.activity,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    ...(a.closedAt ? { closedAt: a.closedAt } : {}),
    ...(a.closedBy ? { closedBy: a.closedBy } : {}),
    ...(c.problems ? { repaired: c.problems } : {}),
  };
}

export function toSummary(c: StoredCase<CaseSummaryAttributes>): CaseSummary {
  const a = c.attributes;
  return {
    id: c.id,
    version: c.version,
    title: a.title,
    status: a.status,
    ...(a.closeReason ? { closeReason: a.closeReason } : {}),
    severity: a.severity,
    tags: a.tags,
    assignees: a.assignees,
    attachmentCount: a.attachmentCount,
    commentCount: a.commentCount,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
  };
}
