import { FlatDoc } from '../../common/flatten';
import { EntityGraph, FindingSummary } from '../../common/types';
import { SERVER_SOURCES } from '../sources';
import { linkGuardDutyFinding } from '../sources/guardduty';
import { EntitySet } from './entity_set';
import { GraphBuilder } from './graph_builder';
import { ParsedGroup } from './response_parser';

/** Who touched what: the finding and what each evidence hit shows, by its source adapter. */

export function buildGraph(finding: FindingSummary, findingDoc: FlatDoc, entities: EntitySet, groups: ParsedGroup[]): EntityGraph {
  const b = new GraphBuilder();
  const root = b.node('finding', finding.findingId, finding.type);
  linkGuardDutyFinding(b, root, findingDoc);

  for (const g of groups) {
    // The finding's own updates are the root already.
    if (!g.ofFinding) g.hits.forEach((h, rank) => SERVER_SOURCES[g.source].link(b, h.doc, rank));
  }
  // Entities the finding named that no evidence connected still belong on the picture.
  for (const e of entities.toArray()) {
    if (e.sources.includes('finding') && (e.type === 'access_key' || e.type === 'instance' || e.type === 'role')) b.node(e.type, e.value);
  }
  return b.build();
}
