import { createHash } from 'crypto';
import { CASE_SAVED_OBJECT_TYPE, OBSERVABLE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { BoundedObservable, CaseObservable, OBSERVABLE_ENTITY_TYPES, OBSERVABLE_LIMITS, ObservablesNotRecorded, SimilarCase } from '../../common/observable_types';
import { SeenInCases } from '../../common/incident_types';
import { EntityType } from '../../common/types';
import { FlatDoc, flattenDocument, values } from '../../common/flatten';
import { EntitySet } from '../correlation/entity_set';
import { addFindingEntities, isGuardDutyFinding } from '../correlation/finding';
import { ExclusionList } from '../incidents/group';
import { RequestBudget } from '../lib/request_budget';
import { KueryNode, SavedObject, SavedObjectsClientContract, SavedObjectsType, SavedObjectUnsanitizedDoc } from '../types';
import { allOf, is, not } from './kuery';

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
      seenOrder: { type: 'keyword' },
      listOrder: { type: 'keyword' },
    },
  },
  // Observables stored before `seenOrder`/`listOrder` get them (OSD also runs this on every create: same values).
  migrations: { '3.8.0': migrateObservableDocument },
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
  /** Unique sort key, most recently seen last in ascending order: lookups read `desc` (orders.ts of this file). */
  seenOrder: string;
  /** Unique sort key of the case panel: IOC-flagged first, then most recently seen (read `desc`). */
  listOrder: string;
}

/**
 * A time as 17 digits (milliseconds from the earliest JavaScript date), so that keyword order is
 * time order for every date a `Date` holds; one that is not a time sorts as the earliest.
 */
export function timeOrder(iso: string): string {
  const t = Date.parse(iso);
  return String((Number.isNaN(t) ? -8.64e15 : t) + 8.64e15).padStart(17, '0');
}

/** `seenOrder`: last seen, then the observable's id (unique), so pages never overlap or skip, on any number of shards. */
export function seenOrderOf(lastSeen: string, id: string): string {
  return `${timeOrder(lastSeen)}~${id}`;
}

/** `listOrder`: IOC-flagged first (in `desc` order), then as `seenOrder`. */
export function listOrderOf(ioc: boolean, lastSeen: string, id: string): string {
  return `${ioc ? 1 : 0}~${seenOrderOf(lastSeen, id)}`;
}

function orders(id: string, a: { ioc: boolean; lastSeen: string }): Pick<ObservableAttributes, 'seenOrder' | 'listOrder'> {
  return { seenOrder: seenOrderOf(a.lastSeen, id), listOrder: listOrderOf(!!a.ioc, a.lastSeen, id) };
}

/** OSD migration (and the shape of every create): the sort keys from `lastSeen`, `ioc` and the id. */
export function migrateObservableDocument(doc: SavedObjectUnsanitizedDoc): SavedObjectUnsanitizedDoc {
  const a = (doc.attributes ?? {}) as Partial<ObservableAttributes>;
  const lastSeen = typeof a.lastSeen === 'string' ? a.lastSeen : '';
  return { ...doc, attributes: { ...a, ...orders(doc.id, { ioc: !!a.ioc, lastSeen }) } };
}

export function observableKey(type: string, value: string): string {
  return createHash('sha256').update(`${type}\u0000${value}`).digest('hex').slice(0, 40);
}

export function caseKeyOf(caseId: string): string {
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
   * Bounded: at most `perAttach` per call and `perCase` per case, in a set order (IOC first, then
   * most recently seen, then key); what is left out is counted in `notRecorded`, never dropped silently.
   */
  async record(caseId: string, entities: ObservedEntity[]): Promise<{ created: number; notRecorded?: ObservablesNotRecorded }> {
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
    const ordered = [...merged.entries()].sort(([ka, a], [kb, b]) => Number(this.isIoc(b)) - Number(this.isIoc(a)) || Date.parse(b.at.last) - Date.parse(a.at.last) || (ka < kb ? -1 : ka > kb ? 1 : 0));
    let list = ordered.slice(0, OBSERVABLE_LIMITS.perAttach);
    let notRecorded: ObservablesNotRecorded | undefined =
      ordered.length > list.length ? { count: ordered.length - list.length, limit: OBSERVABLE_LIMITS.perAttach, reason: 'per_attach' } : undefined;
    const had = list.length ? await this.count(caseId) : 0;
    if (had + list.length > OBSERVABLE_LIMITS.perCase) {
      // Which of them the case has already (those only widen their span): one bulkGet of their ids.
      const got = await this.budget.race(this.client.bulkGet<ObservableAttributes>(list.map(([key]) => ({ type: OBSERVABLE_SAVED_OBJECT_TYPE, id: this.idOf(caseId, key), fields: ['key'] }))));
      const exists = new Set(got.saved_objects.filter((so) => !so.error).map((so) => so.id));
      let room = Math.max(0, OBSERVABLE_LIMITS.perCase - had);
      const kept = list.filter(([key]) => exists.has(this.idOf(caseId, key)) || room-- > 0);
      const left = list.length - kept.length;
      if (left > 0) notRecorded = { count: left + (notRecorded?.count ?? 0), limit: OBSERVABLE_LIMITS.perCase, reason: 'per_case' };
      list = kept;
    }
    let created = 0;
    // A few at a time, without waiting for a refresh but the last write of each batch.
    for (let i = 0; i < list.length; i += 10) {
      const batch = list.slice(i, i + 10);
      const results = await Promise.all(batch.map(([key, e], j) => this.upsert(caseId, key, e, i + j === list.length - 1)));
      created += results.filter(Boolean).length;
    }
    return { created, ...(notRecorded ? { notRecorded } : {}) };
  }

  private isIoc(e: ObservedEntity): boolean {
    return this.defaults.iocTypes.includes(e.type) && (e.type !== 'ip' || e.role === 'remote');
  }

  /** How many observables the case has (one search, one hit). */
  async count(caseId: string): Promise<number> {
    const res = await this.budget.race(this.client.find<ObservableAttributes>({ type: OBSERVABLE_SAVED_OBJECT_TYPE, search: caseKeyOf(caseId), searchFields: ['caseKey'], fields: ['caseId'], perPage: 1, page: 1 }));
    return res.total;
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
      ioc: this.isIoc(e),
      excluded: this.defaults.exclusions.excludes(e.type, e.value),
      seenOrder: '',
      listOrder: '',
    };
    Object.assign(attributes, orders(id, attributes));
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
          this.client.update(OBSERVABLE_SAVED_OBJECT_TYPE, id, { firstSeen, lastSeen, ...orders(id, { ioc: !!a.ioc, lastSeen }) }, { refresh: last ? 'wait_for' : false, ...(existing.version ? { version: existing.version } : {}) })
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
          const attributes: ObservableAttributes = { caseId: to, caseKey: caseKeyOf(to), key, type: o.type, value: o.value, firstSeen: o.firstSeen, lastSeen: o.lastSeen, ioc: o.ioc, excluded: o.excluded, ...orders(this.idOf(to, key), o) };
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
          this.client.update(OBSERVABLE_SAVED_OBJECT_TYPE, id, { firstSeen, lastSeen, ioc, excluded, ...orders(id, { ioc, lastSeen }) }, { refresh: last ? 'wait_for' : false, ...(existing.version ? { version: existing.version } : {}) })
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

  /**
   * The case's observables, IOC-flagged first, then most recently seen (`listOrder`, unique): one
   * search on its case key, at most `OBSERVABLE_LIMITS.listed`, with how many there are in all.
   */
  async list(caseId: string): Promise<{ observables: CaseObservable[]; total: number }> {
    const res = await this.budget.race(
      this.client.find<ObservableAttributes>({
        type: OBSERVABLE_SAVED_OBJECT_TYPE,
        search: caseKeyOf(caseId),
        searchFields: ['caseKey'],
        sortField: 'listOrder',
        sortOrder: 'desc',
        perPage: OBSERVABLE_LIMITS.listed,
        page: 1,
      })
    );
    return { observables: res.saved_objects.filter((so) => so.attributes.caseId === caseId).map(toObservable), total: res.total };
  }

  async setFlags(caseId: string, observableId: string, flags: { ioc?: boolean; excluded?: boolean }): Promise<CaseObservable> {
    const so = await this.budget.race(this.client.get<ObservableAttributes>(OBSERVABLE_SAVED_OBJECT_TYPE, observableId));
    if (so.attributes.caseId !== caseId) {
      const e = new Error(`Observable ${observableId} is not one of case ${caseId}'s`) as Error & { isBoom: boolean; output: { statusCode: number; payload: { message: string } } };
      e.isBoom = true;
      e.output = { statusCode: 404, payload: { message: e.message } };
      throw e;
    }
    const ioc = flags.ioc ?? !!so.attributes.ioc;
    const change = { ...flags, ...orders(observableId, { ioc, lastSeen: so.attributes.lastSeen }) };
    await this.budget.race(this.client.update(OBSERVABLE_SAVED_OBJECT_TYPE, observableId, change, { refresh: 'wait_for' }));
    return toObservable({ ...so, attributes: { ...so.attributes, ...change } });
  }

  /**
   * Observables of other cases with any of `keys` (non-excluded here and there): one search on the
   * `key` field, most recently seen first (`seenOrder`, unique). When it cannot read every match,
   * keys that reached `lookupPerKey` keep their most recent ones and are left out of the next
   * search, at most `lookupRounds` searches (LookupTally): a value shared by thousands of cases
   * never crowds out the others, and every key whose matches were not all read is named.
   */
  async casesSharing(keys: string[], exceptCase?: string): Promise<SharedLookup> {
    const unique = [...new Set(keys)];
    const tally = new LookupTally(unique.slice(0, OBSERVABLE_LIMITS.lookupKeys));
    const filter = allOf([not(is(OBSERVABLE_SAVED_OBJECT_TYPE, 'excluded', true)), ...(exceptCase ? [not(is(OBSERVABLE_SAVED_OBJECT_TYPE, 'caseKey', caseKeyOf(exceptCase)))] : [])]) as KueryNode;
    for (let round = 1; round <= OBSERVABLE_LIMITS.lookupRounds && tally.open.length; round++) {
      const res = await this.budget.race(
        this.client.find<ObservableAttributes>({
          type: OBSERVABLE_SAVED_OBJECT_TYPE,
          search: tally.open.join(' '),
          searchFields: ['key'],
          filter,
          // Only what ranking and "shared" need: up to `lookupHits` observables travel per search.
          fields: ['caseId', 'key', 'type', 'value', 'seenOrder'],
          defaultSearchOperator: 'OR',
          sortField: 'seenOrder',
          sortOrder: 'desc',
          perPage: OBSERVABLE_LIMITS.lookupHits,
          page: 1,
        })
      );
      const page = res.saved_objects
        .filter((so) => so.attributes.caseId !== exceptCase)
        .map((so) => ({ caseId: so.attributes.caseId, key: so.attributes.key, type: so.attributes.type, value: so.attributes.value, seenOrder: String(so.attributes.seenOrder ?? '') }));
      if (!tally.take(page, res.total <= res.saved_objects.length)) break;
    }
    return { byCase: tally.byCase(), casesOfKey: tally.casesOfKey(), bounded: tally.bounded(), notLookedUp: unique.length - Math.min(unique.length, OBSERVABLE_LIMITS.lookupKeys) };
  }

  /** The cases of `lookup`, strongest first (rankSimilar), with their status and close reason (ONE `bulkGet`). */
  async describeCases(lookup: SharedLookup, limit: number, only?: Set<string>): Promise<SimilarCase[]> {
    const ranked = rankSimilar(lookup, only).slice(0, limit);
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
        shared: shared.map((o) => ({ type: o.type, value: o.value })),
      });
    });
    return out;
  }

  /**
   * Similar cases of a case from its listed non-excluded observables (IOC first, then most recently
   * seen: the list's order), and what bounded them: keys whose matches were not all read, and how
   * many observables were not looked up (past `lookupKeys`, or `unlisted` by the case's list).
   */
  async similarCases(caseId: string, own: CaseObservable[], unlisted = 0): Promise<{ similarCases: SimilarCase[]; similarBounded?: { observables: BoundedObservable[]; notLookedUp: number } }> {
    const keys = own.filter((o) => !o.excluded).map((o) => observableKey(o.type, o.value));
    const lookup = await this.casesSharing(keys, caseId);
    const similarCases = await this.describeCases(lookup, OBSERVABLE_LIMITS.similarCases);
    const notLookedUp = lookup.notLookedUp + unlisted;
    if (!lookup.bounded.size && !notLookedUp) return { similarCases };
    const byKey = new Map(own.map((o) => [observableKey(o.type, o.value), o]));
    const observables = [...lookup.bounded].map(([key, atLeast]) => ({ type: byKey.get(key)!.type, value: byKey.get(key)!.value, atLeast }));
    return { similarCases, similarBounded: { observables, notLookedUp } };
  }

  /** "Seen in N cases (last closed as …)" for each group of entities (an incident, a finding); "at least N" when a key's matches were not all read. */
  async seenIn(groups: Array<Array<{ type: string; value: string }>>): Promise<SeenInCases[]> {
    const keysOf = groups.map((g) => g.filter((e) => !this.defaults.exclusions.excludes(e.type, e.value)).map((e) => observableKey(e.type, e.value)));
    const lookup = await this.casesSharing(keysOf.flat());
    // Keys past the lookup's key bound are not read at all (the route refuses more entities than that).
    const notLookedUp = new Set([...new Set(keysOf.flat())].slice(OBSERVABLE_LIMITS.lookupKeys));
    const involved = new Set<string>();
    const perGroup = keysOf.map((keys) => {
      const ids = new Set<string>();
      for (const k of keys) for (const id of lookup.casesOfKey.get(k) ?? []) ids.add(id);
      ids.forEach((id) => involved.add(id));
      return { ids, atLeast: keys.some((k) => lookup.bounded.has(k) || notLookedUp.has(k)) };
    });
    if (!involved.size) return perGroup.map(({ atLeast }) => ({ count: 0, ...(atLeast ? { atLeast } : {}) }));
    const described = await this.describeCases(lookup, OBSERVABLE_LIMITS.similarCases * 5, involved);
    const byId = new Map(described.map((c) => [c.id, c]));
    return perGroup.map(({ ids, atLeast }) => {
      const closed = [...ids].map((id) => byId.get(id)).filter((c): c is SimilarCase => !!c && c.status === 'closed');
      closed.sort((a, b) => Date.parse(b.closedAt ?? b.updatedAt ?? '') - Date.parse(a.closedAt ?? a.updatedAt ?? '') || (a.id < b.id ? -1 : 1));
      const last = closed[0];
      return {
        count: ids.size,
        ...(atLeast ? { atLeast } : {}),
        ...(last ? { lastClosed: { id: last.id, title: last.title, ...(last.closeReason ? { closeReason: last.closeReason } : {}), ...(last.closedAt ? { closedAt: last.closedAt } : {}) } } : {}),
      };
    });
  }
}

/** One match of a lookup: an observable of another case with one of the keys. */
export interface KeyMatch {
  caseId: string;
  key: string;
  type: EntityType;
  value: string;
  seenOrder: string;
}

export interface SharedLookup {
  /** The matches read, by case. */
  byCase: Map<string, KeyMatch[]>;
  /** The cases read for each key that has any. */
  casesOfKey: Map<string, Set<string>>;
  /** Keys whose matches were not all read, with how many were (its most recently seen). */
  bounded: Map<string, number>;
  /** Keys past `lookupKeys`, not looked up at all. */
  notLookedUp: number;
}

/**
 * The rounds of one lookup (pure). Each search reads the most recently seen matches of the keys
 * still `open`; a later search's page of a key extends the earlier one (same order, fewer keys).
 * A search that held every match closes all its keys. One that did not caps the keys that reached
 * `perKey` (their `perKey` most recent are kept) and leaves them out of the next; if none reached
 * it, no further search would read more fairly and the open keys stay bounded.
 */
export class LookupTally {
  open: string[];
  private readonly matches = new Map<string, KeyMatch[]>();
  private readonly capped = new Set<string>();

  constructor(keys: string[], private readonly perKey: number = OBSERVABLE_LIMITS.lookupPerKey) {
    this.open = [...keys];
  }

  /** Takes one search's page (most recently seen first); returns whether another search is worth making. */
  take(page: KeyMatch[], complete: boolean): boolean {
    const open = new Set(this.open);
    const fresh = new Map<string, KeyMatch[]>(this.open.map((k) => [k, []]));
    for (const m of page) if (open.has(m.key)) fresh.get(m.key)!.push(m);
    for (const [k, list] of fresh) this.matches.set(k, list);
    if (complete) {
      this.open = [];
      return false;
    }
    const reached = this.open.filter((k) => this.matches.get(k)!.length >= this.perKey);
    for (const k of reached) {
      this.capped.add(k);
      this.matches.set(k, this.matches.get(k)!.slice(0, this.perKey));
    }
    this.open = this.open.filter((k) => !this.capped.has(k));
    return reached.length > 0 && this.open.length > 0;
  }

  byCase(): Map<string, KeyMatch[]> {
    const out = new Map<string, KeyMatch[]>();
    for (const list of this.matches.values()) for (const m of list) (out.get(m.caseId) ?? out.set(m.caseId, []).get(m.caseId)!).push(m);
    return out;
  }

  casesOfKey(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const [k, list] of this.matches) if (list.length) out.set(k, new Set(list.map((m) => m.caseId)));
    return out;
  }

  /** Capped keys, and keys still open after the last search (their matches were cut by it). */
  bounded(): Map<string, number> {
    return new Map([...this.capped, ...this.open].map((k) => [k, new Set((this.matches.get(k) ?? []).map((m) => m.caseId)).size]));
  }
}

/**
 * Cases ranked for "similar cases" (pure): most shared observables first; then the rarer what they
 * share (the sum of 1 / cases sharing each key), so a case sharing only a value common to hundreds
 * of cases ranks below one sharing a rare one; then the most recently seen match; then id. Shared
 * observables are listed rarest first.
 */
export function rankSimilar(lookup: Pick<SharedLookup, 'byCase' | 'casesOfKey'>, only?: Set<string>): Array<[string, KeyMatch[]]> {
  const df = (k: string) => Math.max(1, lookup.casesOfKey.get(k)?.size ?? 1);
  const scored = [...lookup.byCase]
    .filter(([id]) => !only || only.has(id))
    .map(([id, list]) => {
      const shared = [...new Map(list.map((m) => [m.key, m])).values()].sort((a, b) => df(a.key) - df(b.key) || (a.seenOrder < b.seenOrder ? 1 : a.seenOrder > b.seenOrder ? -1 : 0));
      return { id, shared, rarity: shared.reduce((sum, m) => sum + 1 / df(m.key), 0), latest: shared.reduce((max, m) => (m.seenOrder > max ? m.seenOrder : max), '') };
    });
  scored.sort((a, b) => b.shared.length - a.shared.length || b.rarity - a.rarity || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0) || (a.id < b.id ? -1 : 1));
  return scored.map((c) => [c.id, c.shared]);
}

function toObservable(so: SavedObject<ObservableAttributes>): CaseObservable {
  const a = so.attributes;
  return { id: so.id, caseId: a.caseId, type: a.type, value: a.value, firstSeen: a.firstSeen, lastSeen: a.lastSeen, ioc: !!a.ioc, excluded: !!a.excluded };
}
