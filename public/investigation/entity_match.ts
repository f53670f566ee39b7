import { EvidenceGroup, EvidenceHit, GraphNodeType, TimelineEvent } from '../../common/types';

/** The entity the analyst is looking at: chips, graph nodes and tables share it. */
export interface FocusedEntity {
  type: GraphNodeType;
  value: string;
}

export function entityKey(e: FocusedEntity): string {
  return `${e.type}:${e.value}`;
}

/**
 * Whether a field value refers to the entity: equal, a principal id ending in `:<value>`
 * (`AROA…:i-0abc`), or the key part of an `<bucket>/<key>` object.
 */
function refersTo(fieldValue: string, entity: string): boolean {
  return fieldValue === entity || fieldValue.endsWith(`:${entity}`) || entity.endsWith(`/${fieldValue}`);
}

export function hitMentions(hit: EvidenceHit, entity: string): boolean {
  for (const v of Object.values(hit.fields)) {
    if (Array.isArray(v) ? v.some((x) => refersTo(x, entity)) : refersTo(v, entity)) return true;
  }
  return false;
}

/** Timeline entries of the documents that mention the entity, plus those that name it in their summary. */
export function timelineMentions(events: TimelineEvent[], groups: EvidenceGroup[], entity: string): TimelineEvent[] {
  const refs = new Set<string>();
  for (const g of groups) for (const h of g.hits) if (hitMentions(h, entity)) refs.add(`${h.ref.index}\u0000${h.ref.id}`);
  return events.filter((e) => refs.has(`${e.ref.index}\u0000${e.ref.id}`) || e.summary.includes(entity));
}
