import { FindingSummary, SourceCoverage, StorySentence } from '../../common/types';
import { SourceDefinitions } from '../../common/sources';
import { LIMITS } from '../../common/constants';
import { clipText } from '../lib/bounds';
import { EntitySet } from './entity_set';
import { NarrationContext, PivotRule, RuleId, STORY_CHAPTERS } from '../playbooks';
import { ParsedGroup } from './response_parser';

/**
 * A few sentences an analyst can paste into a ticket: each rule of the playbook tells what its
 * evidence shows (chapter by chapter: the finding, how the attacker got in, what the credentials
 * did, …), then what could not be searched. Each sentence names the evidence groups that prove it.
 */
export function buildStory(
  finding: FindingSummary,
  entities: EntitySet,
  rules: PivotRule[],
  groups: Map<RuleId, ParsedGroup>,
  coverage: SourceCoverage[],
  sources: SourceDefinitions
): StorySentence[] {
  const story: StorySentence[] = [];
  const say = (text: string, evidence: string[]) => story.push({ text: clipText(text, LIMITS.storyChars), evidence: evidence.filter((id) => groups.has(id as RuleId)) });

  const told = rules
    .map((rule, order) => ({ rule, order, group: groups.get(rule.id) }))
    .filter((r): r is { rule: PivotRule & Required<Pick<PivotRule, 'narrate'>>; order: number; group: ParsedGroup } => !!r.rule.narrate && !!r.group)
    .sort((a, b) => STORY_CHAPTERS.indexOf(a.rule.narrate.chapter) - STORY_CHAPTERS.indexOf(b.rule.narrate.chapter) || a.order - b.order);
  for (const { rule, group } of told) {
    const ctx: NarrationContext = {
      finding,
      entities,
      group,
      groupOf: (id) => groups.get(id),
      facet: (key) => group.facets[(rule.facets ?? []).findIndex((f) => f.key === key)]?.buckets ?? [],
      sources,
    };
    for (const sentence of rule.narrate.tell(ctx)) say(sentence.text, sentence.evidence);
  }

  for (const g of groups.values()) {
    if (g.error) say(`The search "${g.title}" did not complete (${g.error}); its evidence may be missing.`, [g.id]);
  }
  // Only the sources this playbook searches: a deployment without, say, Route 53 Resolver logs is
  // not missing part of an IAM finding's picture.
  const asked = new Set(rules.map((r) => r.source));
  for (const c of coverage) {
    if (!asked.has(c.source)) continue;
    if (c.absent) say(`No ${sources[c.source].label} index matches ${c.indexPattern}, so that part of the picture is missing (no data).`, []);
    else if (c.docsInWindow === 0 && !c.error) {
      say(`${sources[c.source].label} has no data in ${c.indexPattern} for this time window, so that part of the picture is missing.`, []);
    }
  }
  return story;
}
