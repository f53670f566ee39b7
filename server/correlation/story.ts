import { i18n } from '@osd/i18n';
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
    if (g.error) {
      say(
        i18n.translate('siemInvestigations.story.searchFailed', {
          defaultMessage: 'The search "{title}" did not complete ({error}); its evidence may be missing.',
          values: { title: g.title, error: g.error },
        }),
        [g.id]
      );
    } else if (g.breakdownIsPartial) {
      // A heavy group: the figures the sentences above took from its breakdown are lower bounds.
      say(
        g.totalIsLowerBound
          ? i18n.translate('siemInvestigations.story.lowerBound', {
              defaultMessage: 'The search "{title}" matched at least {total, number} documents: OpenSearch stopped collecting them at a bound per shard and they could not be counted in time, so its counts are lower bounds.',
              values: { title: g.title, total: g.total },
            })
          : i18n.translate('siemInvestigations.story.partialBreakdown', {
              defaultMessage: 'The search "{title}" matched {total, number} documents; OpenSearch stopped collecting them at a bound per shard, so its breakdown (counts by value, rows, timeline) is built from the first {collected, number} collected.',
              values: { title: g.title, total: g.total, collected: g.collected ?? g.total },
            }),
        [g.id]
      );
    }
    if (g.unread && !g.error) {
      // Failed shards: "nothing found" from this search is not "nothing there".
      say(
        i18n.translate('siemInvestigations.story.shardsUnread', {
          defaultMessage: 'The search "{title}" could not read {shards, plural, one {# shard} other {# shards}} ({indices}: {reason}); its evidence from those indices is missing, so its counts are lower bounds.',
          values: { title: g.title, shards: g.unread.shards, indices: g.unread.indices.join(', ') || '?', reason: g.unread.reason },
        }),
        [g.id]
      );
    }
  }
  // Only the sources this playbook searches: a deployment without, say, Route 53 Resolver logs is
  // not missing part of an IAM finding's picture.
  const asked = new Set(rules.map((r) => r.source));
  for (const c of coverage) {
    if (!asked.has(c.source)) continue;
    const values = { source: sources[c.source].label, indexPattern: c.indexPattern };
    if (c.absent) {
      say(i18n.translate('siemInvestigations.story.sourceAbsent', { defaultMessage: 'No {source} index matches {indexPattern}, so that part of the picture is missing (no data).', values }), []);
    } else if (c.docsInWindow === 0 && !c.error) {
      say(i18n.translate('siemInvestigations.story.sourceEmpty', { defaultMessage: '{source} has no data in {indexPattern} for this time window, so that part of the picture is missing.', values }), []);
    }
  }
  return story;
}
