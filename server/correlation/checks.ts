import { i18n } from '@osd/i18n';
import { ENTITY_NOUNS } from '../../common/entity_nouns';
import { SourceDefinitions } from '../../common/sources';
import { RuleCheck, SourceCoverage } from '../../common/types';
import { PivotMatch, PivotRule, RuleId } from '../playbooks';
import { EntitySet } from './entity_set';
import { ParsedGroup } from './response_parser';

/**
 * "Why nothing?": for each question of the playbook, whether it found something, found nothing
 * (and whether that is because the source is absent, empty in the window, or not readable for the
 * user), or was not asked because nothing it pivots on is known.
 */
export function checkRules(rules: PivotRule[], groups: Map<RuleId, ParsedGroup>, entities: EntitySet, coverage: SourceCoverage[], sources: SourceDefinitions): RuleCheck[] {
  return rules.map((rule) => {
    const base = { rule: rule.id, source: rule.source, title: rule.title, question: rule.question };
    const group = groups.get(rule.id);
    if (!group) return { ...base, state: 'not_run', reason: missingInput(rule, entities) };
    if (group.error) return { ...base, state: 'nothing_found', reason: group.error };
    if (group.total > 0) return { ...base, state: 'found', total: group.total, ...(group.totalIsLowerBound || group.unread ? { totalIsLowerBound: true } : {}) };
    if (group.unread) {
      return {
        ...base,
        state: 'nothing_found',
        reason: i18n.translate('siemInvestigations.checks.shardsUnread', {
          defaultMessage: 'nothing in the shards OpenSearch read, but {shards, plural, one {# shard} other {# shards}} of {indices} could not be read ({reason})',
          values: { shards: group.unread.shards, indices: group.unread.indices.join(', ') || '?', reason: group.unread.reason },
        }),
      };
    }
    return { ...base, state: 'nothing_found', reason: emptyReason(rule, coverage, sources) };
  });
}

function needs(m: PivotMatch): string {
  return (
    m.noun ??
    (m.ipRole === 'remote'
      ? i18n.translate('siemInvestigations.checks.remoteEntity', { defaultMessage: 'remote {noun}', values: { noun: ENTITY_NOUNS[m.entity] } })
      : ENTITY_NOUNS[m.entity])
  );
}

function missingInput(rule: PivotRule, entities: EntitySet): string {
  const missing = rule.match.filter((m) => entities.values(m.entity, m.ipRole, m.keep).length === 0).map(needs);
  if (missing.length) {
    return i18n.translate('siemInvestigations.checks.missingAll', {
      defaultMessage: 'no {entities} is known for this finding',
      values: { entities: missing.join(i18n.translate('siemInvestigations.checks.andNo', { defaultMessage: ' and no ' })) },
    });
  }
  const any = (rule.matchAny ?? []).map(needs);
  return any.length
    ? i18n.translate('siemInvestigations.checks.missingAny', { defaultMessage: 'no {entities} is known for this finding', values: { entities: any.join(i18n.translate('siemInvestigations.story.list.separator', { defaultMessage: ', ' })) } })
    : i18n.translate('siemInvestigations.checks.notAsked', { defaultMessage: 'not asked for this finding' });
}

function emptyReason(rule: PivotRule, coverage: SourceCoverage[], sources: SourceDefinitions): string {
  const def = sources[rule.source];
  const c = coverage.find((x) => x.source === rule.source);
  if (c?.error) return c.error;
  if (c?.absent) return i18n.translate('siemInvestigations.checks.absent', { defaultMessage: 'no index matches {indexPattern}', values: { indexPattern: def.indexPattern } });
  if (c && c.docsInWindow === 0 && !rule.lookbackDays) {
    return i18n.translate('siemInvestigations.checks.emptyWindow', { defaultMessage: '{source} has no documents in this time window', values: { source: def.label } });
  }
  return i18n.translate('siemInvestigations.checks.noMatch', { defaultMessage: 'no {source} document in the window matches', values: { source: def.label } });
}
