import { createHash } from 'crypto';
import { CASE_SAVED_OBJECT_TYPE, OBSERVABLE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { CaseObservable, OBSERVABLE_ENTITY_TYPES, OBSERVABLE_LIMITS, SimilarCase } from '../../common/observable_types';
import { SeenInCases } from '../../common/incident_types';
import { EntityType } from '../../common/types';
import { FlatDoc, flattenDocument, values } from '../../common/flatten';
import { EntitySet } from '../correlation/entity_set';
import { addFindingEntities, isGuardDutyFinding } from '../correlation/finding';
import { ExclusionList } from '../incidents/group';
import { RequestBudget } from '../lib/request_budget';
import { SavedObject, SavedObjectsClientContract, SavedObjectsType } from '../types';

/**
 * Case observables: one saved object per (case, type, value), its own type referencing the case by
 * id (so the case object, its comments and attachments are never rewritten for it). `key` is a hash
 * of type and value: "similar cases" is ONE saved-objects search on that keyword field for the
 * case's keys (hex only, so nothing of the log data reaches the query syntax).
 */
export const observableSavedObjectType: SavedObjectsType = {
  name: OBSERVABLE_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: {
    dynamic: false,
    properties: {
      caseId: { type: 'keyword' },
      caseKey: { type: 'keyword' },
      key: { type: 'keyword' },
      type: { type: 'keyword' },
      excluded: { type: 'boolean' },
      ioc: { type: 'boolean' },
      lastSeen: { type: 'date' },
    },
  },
  migrations: {},
  management: { importableAndExportable: true, icon: 'securityApp', getTitle: (so) => `${String(so.attributes.type)} ${String(so.attributes.value)}` },
};

export interface ObservableAttributes {
  caseId: string;
  /** Hex hash of the case id, so that a case's observables are found without its id in a query string. */
  caseKey: string;
  key: string;
  type: EntityType;
  value: string;
  firstSeen: string;
  lastSeen: string;
  ioc: boolean;
  excluded: boolean;
}

export function observableKey(type: string, value: string): string {
  return createHash('sha256').update(`${type}\u0000${value}`).digest('hex').slice(0, 40);
}

function caseKeyOf(caseId: string): string {
  return createHash('sha256').update(`case\u0000${caseId}`).digest('hex').slice(0, 40);
}

export interface ObservedEntity {
  type: EntityType;
  value: string;
  role?: 'remote' | 'local';
  at: { first: string; last: string };
}

/** Event fields that name an entity (CloudTrail, Linux, flow logs as es-loader indexes them). */
const EVENT_FIELDS: Array<[EntityType, string[]]> = [
  ['access_key', ['userIdentity.accessKeyId', 'aws.cloudtrail.user_identity.access_key_id']],
  ['ip', ['sourceIPAddress', 'source.ip']],
  ['instance', ['cloud.instance.id']],
  ['user', ['user.name']],
];

/**
 * The first of `fields` that holds a time, as an ISO instant. A document's values are the log's
 * (a wrongly typed time is kept in `_source` under `ignore_malformed`): one that is not a time is
 * passed over, never stored (the observables' `lastSeen` is a date field) nor compared.
 */
function timeOf(doc: FlatDoc, ...fields: string[]): string | undefined {
  for (const f of fields) {
    for (const v of values(doc, f)) {
      const t = Date.parse(v);
      if (!Number.isNaN(t)) return new Date(t).toISOString();
    }
  }
  return undefined;
}

/** The entities an attached document names, with when it saw them. */
export function entitiesOfDocument(source: Record<string, unknown>): ObservedEntity[] {
  const doc: FlatDoc = flattenDocument(source);
  const ts = timeOf(doc, '@timestamp', 'updatedAt', 'eventTime') ?? new Date(0).toISOString();
  const set = new EntitySet();
  let at = { first: ts, last: ts };
  if (isGuardDutyFinding(doc)) {
    addFindingEntities(doc, set, 'finding');
    at = { first: timeOf(doc, 'service.eventFirstSeen', 'createdAt') ?? ts, last: timeOf(doc, 'service.eventLastSeen', 'updatedAt') ?? ts };
  } else {
    for (const [type, fields] of EVENT_FIELDS) for (const f of fields) for (const v of values(doc, f)) set.add(type, v, 'document', type === 'ip' ? 'remote' : undefined);
  }
  return set
    .toArray()
    .filter((e) => OBSERVABLE_ENTITY_TYPES.includes(e.type) && !(e.type === 'ip' && e.role === 'local'))
    .map((e) => ({ type: e.type, value: e.value, ...(e.role ? { role: e.role } : {}), at }));
}

export interface ObservableDefaults {
  exclusions: ExclusionList;
  iocTypes: readonly string[];
}

type Client = Pick<SavedObjectsClientContract, 'create' | 'get' | 'update' | 'find' | 'bulkGet' | 'delete'>;

/** The case fields a similar case shows: read with `fields`, so a case's large parts never travel. */
const SIMILAR_CASE_FIELDS = ['title', 'status', 'closeReason', 'closedAt', 'updatedAt'];

const iso = (t: number) => new Date(t).toISOString();

/** Pages of `OBSERVABLE_LIMITS.perCase` observables a merge moves at most (10,000: `index.max_result_window`). */
const MOVE_PAGES = 10;

/** Attempts to widen an observable's first/last seen against concurrent attaches of the same entity. */
const OBSERVABLE_UPDATE_ATTEMPTS = 20;

export class ObservableStore {
  constructor(private readonly client: Client, private readonly budget: RequestBudget, private readonly defaults: ObservableDefaults) {}

  private idOf(caseId: string, key: string): string {
    return `${caseKeyOf(caseId)}-${key}`;
  }

  /**
   * Records the entities of newly attached documents as the case's observables. Creating with a
   * deterministic id makes a retry a no-op; an existing observable only widens first/last seen.
   */
  async record(caseId: string, entities: ObservedEntity[]): Promise<number> {
    const merged = new Map<string, ObservedEntity>();
    for (const e of entities) {
      const k = observableKey(e.type, e.value);
      const had = merged.get(k);
      if (!had) merged.set(k, { ...e, at: { ...e.at } });
      else {
        had.at.first = iso(Math.min(Date.parse(had.at.first), Date.parse(e.at.first)));
        had.at.last = iso(Math.max(Date.parse(had.at.last), Date.parse(e.at.last)));
        if (e.role === 'remote') had.role = 'remote';
      }
    }
    const list = [...merged.entries()].slice(0, OBSERVABLE_LIMITS.perCase);
    let created = 0;
    // A few at a time, without waiting for a refresh but the last write of each batch.
    for (let i = 0; i < list.length; i += 10) {
      const batch = list.slice(i, i + 10);
      const results = await Promise.all(batch.map(([key, e], j) => this.upsert(caseId, key, e, i + j === list.length - 1)));
      created += results.filter(Boolean).length;
    }
    return created;
  }

  private async upsert(caseId: string, key: string, e: ObservedEntity, last: boolean): Promise<boolean> {
    const id = this.idOf(caseId, key);
    const attributes: ObservableAttributes = {
      caseId,
      caseKey: caseKeyOf(caseId),
      key,
      type: e.type,
      value: e.value,
      firstSeen: e.at.first,
      lastSeen: e.at.last,
      ioc: this.defaults.iocTypes.includes(e.type) && (e.type !== 'ip' || e.role === 'remote'),
      excluded: this.defaults.exclusions.excludes(e.type, e.value),
    };
    try {
      await this.budget.race(this.client.create(OBSERVABLE_SAVED_OBJECT_TYPE, attributes, { id, refresh: last ? 'wait_for' : false }));
      return true;
    } catch (err) {
      if ((err as { output?: { statusCode?: number } })?.output?.statusCode !== 409) throw err;
    }
    // Widen first/last seen with the version just read; a concurrent attach of the same entity is
    // a conflict: read again (a few times — the observable exists, only its span is at stake).
    for (let attempt = 1; ; attempt++) {
      const existing = await this.budget.race(this.client.get<ObservableAttributes>(OBSERVABLE_SAVED_OBJECT_TYPE, id));
      const a = existing.attributes;
      const firstSeen = iso(Math.min(Date.parse(a.firstSeen), Date.parse(e.at.first)));
      const lastSeen = iso(Math.max(Date.parse(a.lastSeen), Date.parse(e.at.last)));
      if (firstSeen === a.firstSeen && lastSeen === a.lastSeen) break;
      try {
        await this.budget.race(
          this.client.update(OBSERVABLE_SAVED_OBJECT_TYPE, id, { firstSeen, lastSeen }, { refresh: last ? 'wait_for' : false, ...(existing.version ? { version: existing.version } : {}) })
        );
        break;
      } catch (err) {
        if ((err as { output?: { statusCode?: number } })?.output?.statusCode !== 409 || attempt >= OBSERVABLE_UPDATE_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
      }
    }
    return false;
  }

  /**
   * A merge (client/merge.ts): every observable of case `from` becomes one of case `to` — created
   * with `to`'s deterministic id, or, if `to` has it already, its first/last seen widened and its
   * IOC / excluded flags kept if either case had them set — then `from`'s are deleted. Repeating it
   * is a no-op. Returns how many observables `from` had. The last create and the last delete wait
   * for the refresh, unless `refresh: false` (the caller's own later write waits: client/merge.ts).
   */
  async moveCase(from: string, to: string, { refresh = true }: { refresh?: boolean } = {}): Promise<number> {
    const own = await this.listAll(from);
    for (let i = 0; i < own.length; i += 10) {
      const batch = own.slice(i, i + 10);
      await Promise.all(
        batch.map(async (o, j) => {
          const key = observableKey(o.type, o.value);
          const last = refresh && i + j === own.length - 1;
          const attributes: ObservableAttributes = { caseId: to, caseKey: caseKeyOf(to), key, type: o.type, value: o.value, firstSeen: o.firstSeen, lastSeen: o.lastSeen, ioc: o.ioc, excluded: o.excluded };
          try {
            await this.budget.race(this.client.create(OBSERVABLE_SAVED_OBJECT_TYPE, attributes, { id: this.idOf(to, key), refresh: last ? 'wait_for' : false }));
          } catch (err) {
            if ((err as { output?: { statusCode?: number } })?.output?.statusCode !== 409) throw err;
            await this.widen(this.idOf(to, key), { first: o.firstSeen, last: o.lastSeen }, last, { ioc: o.ioc, excluded: o.excluded });
          }
        })
      );
    }
    for (let i = 0; i < own.length; i += 10) {
      await Promise.all(
        own.slice(i, i + 10).map((o, j) =>
          this.budget.race(this.client.delete(OBSERVABLE_SAVED_OBJECT_TYPE, o.id, { refresh: refresh && i + j === own.length - 1 ? 'wait_for' : false })).catch((err) => {
            if ((err as { output?: { statusCode?: number } })?.output?.statusCode !== 404) throw err;
          })
        )
      );
    }
    return own.length;
  }

  /** Widens an existing observable's span (and sets flags that are `true` in `flags`), with the version read, again on a conflict. */
  private async widen(id: string, at: { first: string; last: string }, last: boolean, flags: { ioc?: boolean; excluded?: boolean } = {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const existing = await this.budget.race(this.client.get<ObservableAttributes>(OBSERVABLE_SAVED_OBJECT_TYPE, id));
      const a = existing.attributes;
      const firstSeen = iso(Math.min(Date.parse(a.firstSeen), Date.parse(at.first)));
      const lastSeen = iso(Math.max(Date.parse(a.lastSeen), Date.parse(at.last)));
      const ioc = !!a.ioc || !!flags.ioc;
      const excluded = !!a.excluded || !!flags.excluded;
      if (firstSeen === a.firstSeen && lastSeen === a.lastSeen && ioc === !!a.ioc && excluded === !!a.excluded) return;
      try {
        await this.budget.race(
          this.client.update(OBSERVABLE_SAVED_OBJECT_TYPE, id, { firstSeen, lastSeen, ioc, excluded }, { refresh: last ? 'wait_for' : false, ...(existing.version ? { version: existing.version } : {}) })
        );
        return;
      } catch (err) {
        if ((err as { output?: { statusCode?: number } })?.output?.statusCode !== 409 || attempt >= OBSERVABLE_UPDATE_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
      }
    }
  }

  /**
   * The id observable `observableId` of case `from` has in case `to` after `from` was merged into
   * `to` (moveCase keeps the key, under `to`'s case key); any other id is returned as it is.
   */
  movedObservableId(observableId: string, from: string, to: string): string {
    const prefix = `${caseKeyOf(from)}-`;
    return observableId.startsWith(prefix) ? this.idOf(to, observableId.slice(prefix.length)) : observableId;
  }

  /**
   * Every observable of the case, not only the `perCase` a page lists (a case gathers up to that
   * many per attach): pages in key order, at most MOVE_PAGES of them (OpenSearch's default
   * `index.max_result_window`).
   */
  private async listAll(caseId: string): Promise<CaseObservable[]> {
    const out: CaseObservable[] = [];
    for (let page = 1; page <= MOVE_PAGES; page++) {
      const res = await this.budget.race(
        this.client.find<ObservableAttributes>({ type: OBSERVABLE_SAVED_OBJECT_TYPE, search: caseKeyOf(caseId), searchFields: ['caseKey'], sortField: 'key', sortOrder: 'asc', perPage: OBSERVABLE_LIMITS.perCase, page })
      );
      out.push(...res.saved_objects.filter((so) => so.attributes.caseId === caseId).map(toObservable));
      if (res.saved_objects.length < OBSERVABLE_LIMITS.perCase) break;
    }
    return out;
  }

  /** The case's observables: one search on its case key. */
  async list(caseId: string): Promise<CaseObservable[]> {
    const res = await this.budget.race(
      this.client.find<ObservableAttributes>({ type: OBSERVABLE_SAVED_OBJECT_TYPE, search: caseKeyOf(caseId), searchFields: ['caseKey'], perPage: OBSERVABLE_LIMITS.perCase, page: 1 })
    );
    return res.saved_objects
      .filter((so) => so.attributes.caseId === caseId)
      .map(toObservable)
      .sort((a, b) => Number(b.ioc) - Number(a.ioc) || (a.type < b.type ? -1 : a.type > b.type ? 1 : a.value < b.value ? -1 : 1));
  }

  async setFlags(caseId: string, observableId: string, flags: { ioc?: boolean; excluded?: boolean }): Promise<CaseObservable> {
    const so = await this.budget.race(this.client.get<ObservableAttributes>(OBSERVABLE_SAVED_OBJECT_TYPE, observableId));
    if (so.attributes.caseId !== caseId) {
      const e = new Error(`Observable ${observableId} is not one of case ${caseId}'s`) as Error & { isBoom: boolean; output: { statusCode: number; payload: { message: string } } };
      e.isBoom = true;
      e.output = { statusCode: 404, payload: { message: e.message } };
      throw e;
    }
    await this.budget.race(this.client.update(OBSERVABLE_SAVED_OBJECT_TYPE, observableId, flags, { refresh: 'wait_for' }));
    return toObservable({ ...so, attributes: { ...so.attributes, ...flags } });
  }

  /**
   * Observables of other cases with any of `keys`: ONE search on the `key` field. Observables
   * excluded from correlation (here or there) never match.
   */
  async casesSharing(keys: string[], exceptCase?: string): Promise<Map<string, Array<SavedObject<ObservableAttributes>>>> {
    const bounded = [...new Set(keys)].slice(0, OBSERVABLE_LIMITS.lookupKeys);
    const byCase = new Map<string, Array<SavedObject<ObservableAttributes>>>();
    if (!bounded.length) return byCase;
    const res = await this.budget.race(
      this.client.find<ObservableAttributes>({
        type: OBSERVABLE_SAVED_OBJECT_TYPE,
        search: bounded.join(' '),
        searchFields: ['key'],
        // Only what ranking and "shared" need: up to 2,000 observables travel per lookup.
        fields: ['caseId', 'key', 'type', 'value', 'excluded'],
        defaultSearchOperator: 'OR',
        perPage: OBSERVABLE_LIMITS.lookupHits,
        page: 1,
      })
    );
    for (const so of res.saved_objects) {
      if (so.attributes.excluded || so.attributes.caseId === exceptCase || !bounded.includes(so.attributes.key)) continue;
      const list = byCase.get(so.attributes.caseId) ?? [];
      list.push(so);
      byCase.set(so.attributes.caseId, list);
    }
    return byCase;
  }

  /** The cases of `byCase`, most shared first, with their status and close reason (ONE `bulkGet`). */
  async describeCases(byCase: Map<string, Array<SavedObject<ObservableAttributes>>>, limit: number): Promise<SimilarCase[]> {
    const ranked = [...byCase.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
    if (!ranked.length) return [];
    const res = await this.budget.race(this.client.bulkGet<Record<string, unknown>>(ranked.map(([id]) => ({ type: CASE_SAVED_OBJECT_TYPE, id, fields: SIMILAR_CASE_FIELDS }))));
    const cases = res.saved_objects.map((so) => {
      if (!so.error) return so;
      if (so.error.statusCode === 404) return undefined; // deleted since
      throw Object.assign(new Error(so.error.message), { isBoom: true, output: { statusCode: so.error.statusCode, payload: so.error } });
    });
    const out: SimilarCase[] = [];
    ranked.forEach(([id, shared], i) => {
      const c = cases[i];
      if (!c) return;
      const a = c.attributes;
      const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
      out.push({
        id,
        title: s(a.title) ?? id,
        status: s(a.status) ?? 'open',
        ...(s(a.closeReason) ? { closeReason: s(a.closeReason) } : {}),
        ...(s(a.closedAt) ? { closedAt: s(a.closedAt) } : {}),
        ...(s(a.updatedAt) ? { updatedAt: s(a.updatedAt) } : {}),
        shared: shared.map((o) => ({ type: o.attributes.type, value: o.attributes.value })),
      });
    });
    return out;
  }

  async similarCases(caseId: string, own: CaseObservable[]): Promise<SimilarCase[]> {
    const keys = own.filter((o) => !o.excluded).map((o) => observableKey(o.type, o.value));
    return this.describeCases(await this.casesSharing(keys, caseId), OBSERVABLE_LIMITS.similarCases);
  }

  /** "Seen in N cases (last closed as …)" for each group of entities (an incident, a finding). */
  async seenIn(groups: Array<Array<{ type: string; value: string }>>): Promise<SeenInCases[]> {
    const keysOf = groups.map((g) => g.filter((e) => !this.defaults.exclusions.excludes(e.type, e.value)).map((e) => observableKey(e.type, e.value)));
    const byCase = await this.casesSharing(keysOf.flat());
    const casesOfKey = new Map<string, Set<string>>();
    for (const [caseId, list] of byCase) for (const o of list) (casesOfKey.get(o.attributes.key) ?? casesOfKey.set(o.attributes.key, new Set()).get(o.attributes.key)!).add(caseId);
    const involved = new Set<string>();
    const perGroup = keysOf.map((keys) => {
      const ids = new Set<string>();
      for (const k of keys) for (const id of casesOfKey.get(k) ?? []) ids.add(id);
      ids.forEach((id) => involved.add(id));
      return ids;
    });
    if (!involved.size) return perGroup.map(() => ({ count: 0 }));
    const described = await this.describeCases(new Map([...byCase].filter(([id]) => involved.has(id))), OBSERVABLE_LIMITS.similarCases * 5);
    const byId = new Map(described.map((c) => [c.id, c]));
    return perGroup.map((ids) => {
      const closed = [...ids].map((id) => byId.get(id)).filter((c): c is SimilarCase => !!c && c.status === 'closed');
      closed.sort((a, b) => Date.parse(b.closedAt ?? b.updatedAt ?? '') - Date.parse(a.closedAt ?? a.updatedAt ?? '') || (a.id < b.id ? -1 : 1));
      const last = closed[0];
      return {
        count: ids.size,
        ...(last ? { lastClosed: { id: last.id, title: last.title, ...(last.closeReason ? { closeReason: last.closeReason } : {}), ...(last.closedAt ? { closedAt: last.closedAt } : {}) } } : {}),
      };
    });
  }
}

function toObservable(so: SavedObject<ObservableAttributes>): CaseObservable {
  const a = so.attributes;
  return { id: so.id, caseId: a.caseId, type: a.type, value: a.value, firstSeen: a.firstSeen, lastSeen: a.lastSeen, ioc: !!a.ioc, excluded: !!a.excluded };
}
