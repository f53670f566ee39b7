import { DocRef, Entity, EntityType, OmittedEntities } from '../../common/types';
import { isValidEntityValue } from './entity_values';
import { LIMITS } from '../../common/constants';

/** How strongly one document or aggregation bucket ties a value to the incident. */
export interface EntityEvidence {
  /** Documents naming the value. */
  hits: number;
  /** Of those, documents of a successful action (`event.outcome: success`). */
  successes: number;
}

const ONE_SIGHTING: EntityEvidence = { hits: 1, successes: 0 };

/** Values remembered per type beyond the cap, so that what was left out can be reported; more are only counted. */
const TRACKED_PER_TYPE = LIMITS.entitiesPerType * 20;
const OMITTED_EXAMPLES = 10;

interface Tracked {
  entity: Entity;
  fromFinding: boolean;
  hits: number;
  successes: number;
  order: number;
}

/**
 * Entities keyed by type and value, remembering where each one was seen and how strongly.
 *
 * Log data decides which values enter the set, so an attacker can flood it (60 failed calls on
 * made-up bucket names). Nothing is dropped on arrival: the values are ranked — the finding's own
 * first (never capped), then by successful actions, then by documents, then by arrival — and only
 * the first `LIMITS.entitiesPerType` of a type are followed; the rest are reported by `omitted()`.
 */
export class EntitySet {
  private readonly byKey = new Map<string, Tracked>();
  private readonly untracked = new Map<EntityType, number>();
  private readonly unlisted = new Set<EntityType>();
  private arrivals = 0;

  constructor(entities: Entity[] = []) {
    for (const e of entities) for (const s of e.sources) this.add(e.type, e.value, s, e.role);
  }

  /** Adds a value if it is valid for its type; returns true if the set grew (or an IP became remote). */
  add(type: EntityType, value: string | undefined, source: string, role?: Entity['role'], evidence: EntityEvidence = ONE_SIGHTING, ref?: DocRef): boolean {
    if (value === undefined) return false;
    const v = value.trim();
    if (!isValidEntityValue(type, v)) return false;
    const key = `${type}\u0000${v}`;
    const existing = this.byKey.get(key);
    if (existing) {
      existing.hits += evidence.hits;
      existing.successes += evidence.successes;
      existing.fromFinding ||= source === 'finding';
      if (!existing.entity.sources.includes(source)) existing.entity.sources.push(source);
      if (ref && !existing.entity.refs?.[source]) existing.entity.refs = { ...existing.entity.refs, [source]: ref };
      // The finding's own addresses (its instance's, the local side) are never the attacker's,
      // whatever another document says; an address the finding names as remote stays remote.
      const ownAddress = existing.fromFinding && existing.entity.role === 'local';
      if (role === 'remote' && existing.entity.role !== 'remote' && (!ownAddress || source === 'finding')) {
        existing.entity.role = 'remote';
        return true;
      }
      return false;
    }
    if (source !== 'finding' && this.tracked(type) >= TRACKED_PER_TYPE) {
      this.untracked.set(type, (this.untracked.get(type) ?? 0) + 1);
      return false;
    }
    this.byKey.set(key, {
      entity: { type, value: v, sources: [source], ...(role ? { role } : {}), ...(ref ? { refs: { [source]: ref } } : {}) },
      fromFinding: source === 'finding',
      hits: evidence.hits,
      successes: evidence.successes,
      order: this.arrivals++,
    });
    return true;
  }

  /** Evidence named further values of a type that were not even listed (an aggregation's long tail). */
  noteUnlisted(type: EntityType): void {
    this.unlisted.add(type);
  }

  /**
   * The values of a type that are followed (within the cap, strongest first); `keep` chooses among
   * them by where they were seen (`finding` or the rules whose evidence named them).
   */
  values(type: EntityType, role?: Entity['role'], keep?: (seenIn: readonly string[]) => boolean): string[] {
    return this.kept(type)
      .filter((t) => role === undefined || t.entity.role === role)
      .filter((t) => !keep || keep(t.entity.sources))
      .map((t) => t.entity.value);
  }

  has(type: EntityType, value: string): boolean {
    return this.byKey.has(`${type}\u0000${value}`);
  }

  count(type: EntityType): number {
    return this.kept(type).length;
  }

  /** The followed entities, in arrival order. */
  toArray(): Entity[] {
    const kept = new Set<Tracked>();
    for (const type of this.types()) for (const t of this.kept(type)) kept.add(t);
    return [...this.byKey.values()].filter((t) => kept.has(t)).map((t) => ({ ...t.entity, sources: [...t.entity.sources], ...(t.entity.refs ? { refs: { ...t.entity.refs } } : {}) }));
  }

  /** Per type, the values left out by the cap: how many, and the strongest of them. */
  omitted(): OmittedEntities[] {
    const out: OmittedEntities[] = [];
    for (const type of this.types()) {
      const ranked = this.ranked(type);
      const keptCount = this.kept(type).length;
      const left = ranked.slice(keptCount);
      const count = left.length + (this.untracked.get(type) ?? 0);
      const examples = left.slice(0, OMITTED_EXAMPLES).map((t) => t.entity.value);
      if (count > 0 || this.unlisted.has(type)) {
        out.push({ type, limit: LIMITS.entitiesPerType, count, examples, ...(this.unlisted.has(type) ? { countIsLowerBound: true } : {}) });
      }
    }
    return out;
  }

  clone(): EntitySet {
    const copy = new EntitySet();
    for (const [key, t] of this.byKey) {
      copy.byKey.set(key, { ...t, entity: { ...t.entity, sources: [...t.entity.sources], ...(t.entity.refs ? { refs: { ...t.entity.refs } } : {}) } });
    }
    for (const [type, n] of this.untracked) copy.untracked.set(type, n);
    for (const type of this.unlisted) copy.unlisted.add(type);
    copy.arrivals = this.arrivals;
    return copy;
  }

  private types(): EntityType[] {
    const types = new Set<EntityType>();
    for (const t of this.byKey.values()) types.add(t.entity.type);
    for (const type of this.untracked.keys()) types.add(type);
    for (const type of this.unlisted) types.add(type);
    return [...types];
  }

  private tracked(type: EntityType): number {
    let n = 0;
    for (const t of this.byKey.values()) if (t.entity.type === type) n++;
    return n;
  }

  private ranked(type: EntityType): Tracked[] {
    return [...this.byKey.values()]
      .filter((t) => t.entity.type === type)
      .sort((a, b) => Number(b.fromFinding) - Number(a.fromFinding) || b.successes - a.successes || b.hits - a.hits || a.order - b.order);
  }

  /** The finding's own values always, then the strongest others up to the cap. */
  private kept(type: EntityType): Tracked[] {
    const ranked = this.ranked(type);
    const own = ranked.filter((t) => t.fromFinding).length;
    return ranked.slice(0, Math.max(own, LIMITS.entitiesPerType));
  }
}
