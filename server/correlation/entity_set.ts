import { Entity, EntityType } from '../../common/types';
import { isValidEntityValue } from './entity_values';
import { LIMITS } from '../../common/constants';

/** Entities keyed by type and value, remembering where each one was seen. */
export class EntitySet {
  private readonly byKey = new Map<string, Entity>();

  constructor(entities: Entity[] = []) {
    for (const e of entities) for (const s of e.sources) this.add(e.type, e.value, s, e.role);
  }

  /** Adds a value if it is valid for its type; returns true if the set grew. */
  add(type: EntityType, value: string | undefined, source: string, role?: Entity['role']): boolean {
    if (value === undefined) return false;
    const v = value.trim();
    if (!isValidEntityValue(type, v)) return false;
    const key = `${type}\u0000${v}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (!existing.sources.includes(source)) existing.sources.push(source);
      // An address the finding names as the remote side stays remote whatever else says.
      if (role === 'remote' && existing.role !== 'remote') {
        existing.role = 'remote';
        return true;
      }
      return false;
    }
    if (this.count(type) >= LIMITS.entitiesPerType) return false;
    this.byKey.set(key, { type, value: v, sources: [source], ...(role ? { role } : {}) });
    return true;
  }

  values(type: EntityType, role?: Entity['role']): string[] {
    const out: string[] = [];
    for (const e of this.byKey.values()) {
      if (e.type === type && (role === undefined || e.role === role)) out.push(e.value);
    }
    return out;
  }

  has(type: EntityType, value: string): boolean {
    return this.byKey.has(`${type}\u0000${value}`);
  }

  count(type: EntityType): number {
    let n = 0;
    for (const e of this.byKey.values()) if (e.type === type) n++;
    return n;
  }

  toArray(): Entity[] {
    return [...this.byKey.values()].map((e) => ({ ...e, sources: [...e.sources] }));
  }

  clone(): EntitySet {
    return new EntitySet(this.toArray());
  }
}
