import { createHash } from 'crypto';
import { Case, CaseActivity, CaseComment, CaseItemKind, CaseSortField, CaseSummary, CaseStatus, CaseSeverity } from '../../common/case_types';
import { CASE_ITEM_SAVED_OBJECT_TYPE, CASE_SAVED_OBJECT_TYPE, CASE_SEQUENCE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { DocRef } from '../../common/types';
import { conflict, HttpError, notFound } from '../lib/errors';
import { KueryNode, SavedObject, SavedObjectReference } from '../types';
import { RequestBudget } from '../lib/request_budget';
import { toCaseTimes } from './case_times';
import { allOf, anyOf, is, not } from './kuery';
import { caseTimesOf, repairCase, repairItem, repairSummary } from './repair';
import type { TimeFields } from './case_times';
import { CASE_SUMMARY_FIELDS, CaseAttributes, CasesSavedObjectsClient, CaseSummaryAttributes, ItemAttributes, StoredAttachment, StoredCase } from './types';

/** A write that did not answer in time may still land: say so, so the analyst reloads before retrying. */
const UNSURE_WRITE = ' (the change may still have been saved: reload the case before trying again)';

/** The id of the one sequence object per tenant. */
export const CASE_NUMBER_SEQUENCE_ID = 'case-number';

/** Attribute each list sort field is sorted on (severity and status by rank, the title case-insensitively). */
const SORT_ATTRIBUTE: Record<CaseSortField, keyof CaseAttributes> = {
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
  title: 'sortTitle',
  severity: 'severityRank',
  status: 'statusRank',
  number: 'number',
};

/** Items deleted at once when a case is deleted. */
const DELETE_CONCURRENCY = 20;
const DELETE_BATCH = 500;

export interface CasesFindOptions {
  search?: string;
  number?: number;
  status: CaseStatus[];
  severity: CaseSeverity[];
  tag: string[];
  assignee: string[];
  page: number;
  perPage: number;
  sortField: CaseSortField;
  sortOrder: 'asc' | 'desc';
}

export interface StoredItem<T = StoredAttachment | CaseComment | CaseActivity> {
  id: string;
  kind: CaseItemKind;
  item: T;
}

export interface NewItem {
  /** Deterministic where a second write must be a no-op (attachments, migrated items). */
  id: string;
  kind: CaseItemKind;
  sortKey: string;
  at: string;
  by: string;
  data: StoredAttachment | CaseComment | CaseActivity;
}

/** The reference every item has to its case: it is what `find` pages by and what export/import keeps. */
export const caseReferenceOf = (caseId: string): SavedObjectReference => ({ name: 'case', type: CASE_SAVED_OBJECT_TYPE, id: caseId });

/** The id of the item attaching `ref` to the case: one per document, so attaching twice is a 409 by construction. */
export function attachmentItemId(caseId: string, ref: DocRef): string {
  return `${caseId}.a.${createHash('sha256').update(`${ref.index}\n${ref.id}`).digest('hex').slice(0, 32)}`;
}

/** Sorts items in write order: the time, then a stable tie-breaker. */
export function sortKeyOf(at: string, tieBreaker: string): string {
  return `${at}~${tieBreaker}`;
}

/**
 * Persistence of cases and their items, over the request-scoped saved objects client only: OSD
 * builds it for the user of the request, so the security plugin stores each object in that user's
 * tenant. Never an internal repository (it would bypass tenants and permissions).
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

  /** The case with this number; the oldest if an import brought a second one with the same number. */
  async getByNumber(n: number, label: string): Promise<StoredCase> {
    const res = await this.budget.race(
      this.client.find<unknown>({ type: CASE_SAVED_OBJECT_TYPE, filter: is(CASE_SAVED_OBJECT_TYPE, 'number', n), sortField: 'createdAt', sortOrder: 'asc', perPage: 1 })
    );
    const so = res.saved_objects[0];
    if (!so) throw notFound(`Case ${label} not found`);
    return stored(so);
  }

  /**
   * The tombstone of a merged case with this number (docs/cases.md "Merging cases"), if there is
   * one: one search, at most one hit (the oldest, as `getByNumber`).
   */
  async findMergedByNumber(n: number): Promise<StoredCase | undefined> {
    const T = CASE_SAVED_OBJECT_TYPE;
    const res = await this.budget.race(
      this.client.find<unknown>({ type: T, filter: allOf([is(T, 'number', n), is(T, 'merged', 'true')]), sortField: 'createdAt', sortOrder: 'asc', perPage: 1 })
    );
    const so = res.saved_objects[0];
    return so ? stored(so) : undefined;
  }

  /** The case of this id, or `undefined` if there is none (any other failure is thrown). */
  async getIfExists(id: string): Promise<StoredCase | undefined> {
    try {
      return await this.get(id);
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  }

  /**
   * A write that waits for the refresh and always succeeds (a case that is gone is fine): `fields`,
   * outside CaseAttributes, merged into the case (a partial update, no version, so no concurrent
   * change is overwritten). The saved objects index has one primary shard (OSD's migrations create
   * it so), so once it returns, every write acknowledged before it is visible to searches too.
   */
  async refreshBarrier(id: string, fields: Record<string, string>): Promise<void> {
    try {
      await this.budget.race(this.client.update<Record<string, string>>(CASE_SAVED_OBJECT_TYPE, id, fields, { refresh: 'wait_for' }), UNSURE_WRITE);
    } catch (e) {
      if (statusOf(e) !== 404) throw mapError(e, id);
    }
  }

  /** With an `id`, a case of that id that exists already is a 409 and nothing is written. */
  async create(attributes: CaseAttributes, id?: string): Promise<StoredCase> {
    // OSD's default refresh (`wait_for`) makes the new case show up in the list at once.
    return stored(await this.budget.race(this.client.create<CaseAttributes>(CASE_SAVED_OBJECT_TYPE, attributes, id ? { id } : undefined), UNSURE_WRITE));
  }

  /**
   * Writes the case's fields if, and only if, it is still at `version` (OpenSearch `if_seq_no` /
   * `if_primary_term`); otherwise a 409 `HttpError` and nothing is written. `extra` are stored
   * fields outside CaseAttributes (e.g. `null` for the inline arrays a migration removes).
   */
  async update(
    id: string,
    attributes: CaseAttributes,
    version: string | undefined,
    { extra = {}, refresh }: { extra?: Record<string, string | null>; refresh?: false } = {}
  ): Promise<StoredCase> {
    try {
      const saved = await this.budget.race(
        this.client.update<CaseAttributes>(CASE_SAVED_OBJECT_TYPE, id, { ...attributes, ...extra }, { ...(version ? { version } : {}), ...(refresh === false ? { refresh } : {}) }),
        UNSURE_WRITE
      );
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

  /**
   * One page of the list, searched, filtered, sorted and paged by OpenSearch: OSD's saved-object
   * search (`simple_query_string`, never fails on syntax) on the text fields, and the filters as a
   * KueryNode of literal values (kuery.ts).
   */
  async find(o: CasesFindOptions): Promise<{ total: number; cases: Array<StoredCase<CaseSummaryAttributes>> }> {
    const res = await this.search(o, CASE_SUMMARY_FIELDS);
    return { total: res.total, cases: res.saved_objects.map(storedSummary) };
  }

  /**
   * The severity and times of the cases the list's search and filters select (the first
   * `o.perPage`), for the medians: only those attributes are read (OSD's `fields`), and only they
   * are repaired — thousands of cases, so no full summary each.
   */
  async findTimes(o: CasesFindOptions): Promise<{ total: number; cases: Array<Pick<CaseSummaryAttributes, 'severity'> & TimeFields> }> {
    const res = await this.search(o, ['severity', 'acknowledgedAt', 'timeToAcknowledgeMs', 'timeToCloseMs']);
    return { total: res.total, cases: res.saved_objects.map((so) => caseTimesOf(so.attributes)) };
  }

  private search(o: CasesFindOptions, fields: readonly string[]) {
    const T = CASE_SAVED_OBJECT_TYPE;
    const filter = allOf([
      // Tombstones of merged cases are never listed (docs/cases.md "Merging cases").
      not(is(T, 'merged', 'true')),
      ...(o.number !== undefined ? [is(T, 'number', o.number)] : []),
      ...(o.status.length ? [anyOf(T, 'status', o.status)] : []),
      ...(o.severity.length ? [anyOf(T, 'severity', o.severity)] : []),
      ...(o.tag.length ? [anyOf(T, 'tags', o.tag)] : []),
      ...(o.assignee.length ? [anyOf(T, 'assignees', o.assignee)] : []),
    ]);
    return this.budget.race(
      this.client.find<unknown>({
        type: T,
        page: o.page,
        perPage: o.perPage,
        fields: [...fields],
        sortField: SORT_ATTRIBUTE[o.sortField],
        sortOrder: o.sortOrder,
        ...(filter ? { filter } : {}),
        ...(o.search ? { search: o.search, searchFields: ['title', 'description', 'tags', 'assignees'], defaultSearchOperator: 'AND' as const } : {}),
      })
    );
  }

  // ----------------------------------------------------------------------------------------
  // Items

  /**
   * Creates items in one `_bulk` (plain creates: nothing is read first, so concurrent appends
   * cannot overwrite each other). Returns the ids that already existed (409), e.g. an attachment
   * of a document attached before, or items of a migration written twice.
   */
  async createItems(caseId: string, items: NewItem[], { refresh }: { refresh?: false } = {}): Promise<{ existing: string[] }> {
    if (items.length === 0) return { existing: [] };
    const res = await this.budget.race(
      this.client.bulkCreate<ItemAttributes>(
        items.map((i) => ({
          type: CASE_ITEM_SAVED_OBJECT_TYPE,
          id: i.id,
          attributes: { kind: i.kind, sortKey: i.sortKey, at: i.at, by: i.by, data: i.data },
          references: [caseReferenceOf(caseId)],
        })),
        // OSD's default is `wait_for`; `refresh: false` only where a later write of the same request waits (merge.ts).
        refresh === false ? { refresh } : undefined
      ),
      UNSURE_WRITE
    );
    const existing: string[] = [];
    res.saved_objects.forEach((so, i) => {
      if (!so.error) return;
      if (so.error.statusCode === 409) existing.push(items[i].id);
      else throw new HttpError(so.error.statusCode >= 500 ? 502 : so.error.statusCode, `Could not save an item of case ${caseId}: ${so.error.message}`);
    });
    return { existing };
  }

  /** One page of a case's items of one kind, in write order (`asc`) or newest first. */
  async findItems(
    caseId: string,
    kind: CaseItemKind,
    page: { page: number; perPage: number; sortOrder: 'asc' | 'desc' }
  ): Promise<{ total: number; items: StoredItem[]; problems: string[] }> {
    const res = await this.itemsPage(caseId, kind, page);
    const problems: string[] = [];
    const items: StoredItem[] = [];
    for (const so of res.saved_objects) {
      const item = repairItem(kind, so.attributes?.data, problems);
      if (item) items.push({ id: so.id, kind, item });
    }
    return { total: res.total, items, problems };
  }

  /**
   * One page of a case's items of one kind as stored (id, sort key, author, time and data), in
   * write order: what a merge copies to the other case (client/merge.ts).
   */
  async storedItems(caseId: string, kind: CaseItemKind, page: number, perPage: number): Promise<{ total: number; items: Array<{ id: string; attributes: ItemAttributes }> }> {
    const res = await this.itemsPage(caseId, kind, { page, perPage, sortOrder: 'asc' });
    return { total: res.total, items: res.saved_objects.map((so) => ({ id: so.id, attributes: so.attributes })) };
  }

  /** The one query of a case's items of one kind, ordered by write order (`sortKey`). */
  private itemsPage(caseId: string, kind: CaseItemKind, page: { page: number; perPage: number; sortOrder: 'asc' | 'desc' }) {
    return this.budget.race(
      this.client.find<ItemAttributes>({
        type: CASE_ITEM_SAVED_OBJECT_TYPE,
        hasReference: { type: CASE_SAVED_OBJECT_TYPE, id: caseId },
        filter: is(CASE_ITEM_SAVED_OBJECT_TYPE, 'kind', kind),
        sortField: 'sortKey',
        sortOrder: page.sortOrder,
        page: page.page,
        perPage: page.perPage,
      })
    );
  }

  /** Deletes items by id (already gone is fine), the last write waiting for the refresh unless `refresh: false`. */
  async deleteItemsById(ids: string[], { refresh = true }: { refresh?: boolean } = {}): Promise<void> {
    for (let i = 0; i < ids.length; i += DELETE_CONCURRENCY) {
      const chunk = ids.slice(i, i + DELETE_CONCURRENCY);
      const last = refresh && i + DELETE_CONCURRENCY >= ids.length;
      await this.budget.race(
        Promise.all(
          chunk.map((itemId, j) =>
            this.client.delete(CASE_ITEM_SAVED_OBJECT_TYPE, itemId, { refresh: last && j === chunk.length - 1 ? 'wait_for' : false }).catch((e) => {
              if (statusOf(e) !== 404) throw e;
            })
          )
        ),
        UNSURE_WRITE
      );
    }
  }

  /** Ids of the tombstones of cases merged into `id` (at most DELETE_BATCH; a case is rarely the target of more). */
  async mergedInto(id: string): Promise<string[]> {
    const res = await this.budget.race(
      this.client.find<unknown>({ type: CASE_SAVED_OBJECT_TYPE, filter: is(CASE_SAVED_OBJECT_TYPE, 'mergedInto', id), fields: ['mergedInto'], perPage: DELETE_BATCH })
    );
    return res.saved_objects.map((so) => so.id);
  }

  /** Attachment items by id (those that exist; at most a page of them). */
  async getAttachments(ids: string[]): Promise<StoredAttachment[]> {
    const found = await this.budget.race(
      Promise.all(
        ids.map((itemId) =>
          this.client.get<ItemAttributes>(CASE_ITEM_SAVED_OBJECT_TYPE, itemId).catch((e) => {
            if (statusOf(e) === 404) return undefined;
            throw e;
          })
        )
      )
    );
    const problems: string[] = [];
    return found.flatMap((so) => {
      const item = so ? repairItem('attachment', so.attributes?.data, problems) : undefined;
      return item ? [item as StoredAttachment] : [];
    });
  }

  /** How many items of `kind` the case has (exact: every item write waits for the refresh, or a later write of the same request does before it counts: client/merge.ts `finish`). */
  async countItems(caseId: string, kind: CaseItemKind): Promise<number> {
    return (await this.findItems(caseId, kind, { page: 1, perPage: 0, sortOrder: 'asc' })).total;
  }

  /** Deletes every item of the case, in batches (each batch made visible before the next is looked up). */
  async deleteItems(caseId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const res = await this.budget.race(
        this.client.find<unknown>({
          type: CASE_ITEM_SAVED_OBJECT_TYPE,
          hasReference: { type: CASE_SAVED_OBJECT_TYPE, id: caseId },
          fields: ['kind'],
          perPage: DELETE_BATCH,
        })
      );
      const ids = res.saved_objects.map((so) => so.id);
      if (ids.length === 0) return deleted;
      for (let i = 0; i < ids.length; i += DELETE_CONCURRENCY) {
        const chunk = ids.slice(i, i + DELETE_CONCURRENCY);
        const last = i + DELETE_CONCURRENCY >= ids.length;
        await this.budget.race(
          Promise.all(
            chunk.map((itemId, j) =>
              this.client
                .delete(CASE_ITEM_SAVED_OBJECT_TYPE, itemId, { refresh: last && j === chunk.length - 1 ? 'wait_for' : false })
                .catch((e) => {
                  if (statusOf(e) !== 404) throw e;
                })
            )
          ),
          UNSURE_WRITE
        );
      }
      deleted += ids.length;
    }
  }

  // ----------------------------------------------------------------------------------------
  // Case numbers

  /**
   * The next case number of the tenant: one sequence object, advanced with optimistic
   * concurrency (a conflict means another case took the number: read again). It never goes
   * below the highest number a case has (imports bring numbers too).
   */
  /**
   * The tenant's next case number: the counter advanced with optimistic concurrency. Each round of
   * concurrent creators has one winner, so the bound on attempts is high (100 creators at once need
   * up to ~100); the request budget still ends a hopeless wait in time.
   */
  async nextNumber(attempts = 200): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const [sequence, highest] = await Promise.all([this.readSequence(), this.highestNumber()]);
      const next = Math.max(sequence?.last ?? 0, highest) + 1;
      try {
        if (sequence) {
          // No refresh wait: the counter is only read by id (real time).
          await this.budget.race(this.client.update(CASE_SEQUENCE_SAVED_OBJECT_TYPE, CASE_NUMBER_SEQUENCE_ID, { last: next }, { version: sequence.version, refresh: false }));
        } else {
          await this.budget.race(this.client.create(CASE_SEQUENCE_SAVED_OBJECT_TYPE, { last: next }, { id: CASE_NUMBER_SEQUENCE_ID, refresh: false }));
        }
        return next;
      } catch (e) {
        if (statusOf(e) !== 409 || attempt >= attempts) throw mapError(e, CASE_NUMBER_SEQUENCE_ID);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * Math.min(100, 5 * 2 ** attempt))));
      }
    }
  }

  private async readSequence(): Promise<{ last: number; version: string } | undefined> {
    try {
      const so = await this.budget.race(this.client.get<{ last?: unknown }>(CASE_SEQUENCE_SAVED_OBJECT_TYPE, CASE_NUMBER_SEQUENCE_ID));
      const last = typeof so.attributes?.last === 'number' ? so.attributes.last : 0;
      return { last, version: versionOf(so) };
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  }

  private async highestNumber(): Promise<number> {
    const res = await this.budget.race(
      this.client.find<{ number?: unknown }>({ type: CASE_SAVED_OBJECT_TYPE, fields: ['number'], sortField: 'number', sortOrder: 'desc', perPage: 1 })
    );
    const n = res.saved_objects[0]?.attributes?.number;
    return typeof n === 'number' && Number.isSafeInteger(n) ? n : 0;
  }
}

function versionOf(so: SavedObject<unknown>): string {
  if (!so.version) throw new Error(`saved object ${so.type}/${so.id} has no version`);
  return so.version;
}

/** A case's own fields, repaired where an import or a hand edit broke them (see repair.ts). */
function stored(so: SavedObject<unknown>): StoredCase {
  const { attributes, problems, legacy } = repairCase(so.attributes);
  return { id: so.id, version: versionOf(so), attributes, ...(problems.length ? { problems } : {}), ...(legacy ? { legacy } : {}) };
}

function storedSummary(so: SavedObject<unknown>): StoredCase<CaseSummaryAttributes> {
  return { id: so.id, version: versionOf(so), attributes: repairSummary(so.attributes) };
}

export function statusOf(e: unknown): number | undefined {
  if (e instanceof HttpError) return e.statusCode;
  const boom = e as { isBoom?: boolean; output?: { statusCode?: number } };
  return boom?.isBoom ? boom.output?.statusCode : undefined;
}

function mapError(e: unknown, id: string): unknown {
  const status = statusOf(e);
  if (e instanceof HttpError) return e;
  if (status === 404) return notFound(`Case ${id} not found`);
  if (status === 409) return conflict(`Case ${id} was changed by someone else since it was read; reload it and try again`);
  return e;
}

export function isConflict(e: unknown): boolean {
  return e instanceof HttpError && e.statusCode === 409;
}

/** The wire `Case` from the case's own fields and the first page of each kind of item. */
export function toCase(
  c: StoredCase,
  items: { attachments: StoredAttachment[]; comments: CaseComment[]; activity: CaseActivity[] },
  prefix: string
): Omit<Case, 'attachments'> & { attachments: StoredAttachment[] } {
  const a = c.attributes;
  return {
    id: c.id,
    ...(a.number ? { number: a.number, reference: `${prefix}-${a.number}` } : {}),
    version: c.version,
    title: a.title,
    description: a.description,
    status: a.status,
    ...(a.closeReason ? { closeReason: a.closeReason } : {}),
    severity: a.severity,
    tags: a.tags,
    assignees: a.assignees,
    attachments: items.attachments,
    comments: items.comments,
    activity: items.activity,
    attachmentCount: a.attachmentCount,
    commentCount: a.commentCount,
    activityCount: a.activityCount,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    ...(a.closedAt ? { closedAt: a.closedAt } : {}),
    ...(a.closedBy ? { closedBy: a.closedBy } : {}),
    ...(c.problems ? { repaired: c.problems } : {}),
    ...(a.templateId ? { template: { id: a.templateId, name: a.templateName ?? a.templateId } } : {}),
    tasks: a.tasks,
    closeFields: a.closeFields,
    closeFieldValues: a.closeFieldValues,
    times: toCaseTimes(a),
  };
}

export function toSummary(c: StoredCase<CaseSummaryAttributes>, prefix: string): CaseSummary {
  const a = c.attributes;
  return {
    id: c.id,
    ...(a.number ? { number: a.number, reference: `${prefix}-${a.number}` } : {}),
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
    times: toCaseTimes(a),
  };
}

export type { KueryNode };
