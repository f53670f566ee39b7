import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { formatTime, list } from '../narration';
import { PivotRule } from '../types';

export const FINDING: PivotRule = {
  id: 'guardduty.finding',
  source: 'guardduty',
  get title() {
    return i18n.translate('siemInvestigations.rule.guardduty.finding.title', { defaultMessage: 'The finding' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.guardduty.finding.question', { defaultMessage: 'What exactly did GuardDuty report, and how often?' });
  },
  match: [],
  findingItself: true,
  size: 20,
  sort: 'desc',
  facets: [{ key: 'counts', field: 'service.count', get label() { return i18n.translate('siemInvestigations.rule.guardduty.finding.facet.counts', { defaultMessage: 'Count updates' }); } }],
  narrate: {
    chapter: 'finding',
    tell({ finding, entities, groupOf }) {
      const out = [
        {
          text: i18n.translate('siemInvestigations.rule.guardduty.finding.story.reported', {
            defaultMessage:
              'GuardDuty reported "{title}" ({type}, {severityLabel} severity {severity}), active from {firstSeen} to {lastSeen} and seen {count, plural, one {# time} other {# times}}.',
            values: {
              title: finding.title,
              type: finding.type,
              severityLabel: finding.severityLabel,
              severity: finding.severity,
              firstSeen: formatTime(finding.firstSeen),
              lastSeen: formatTime(finding.lastSeen),
              count: finding.count,
            },
          }),
          evidence: [FINDING.id],
        },
      ];
      const keys = entities.values('access_key');
      const roles = entities.values('role');
      const instances = entities.values('instance');
      const delivered = (groupOf('cloudtrail.instance_credentials')?.hits.length ?? 0) > 0;
      if (keys.length && roles.length) {
        out.push({
          text: instances.length
            ? i18n.translate('siemInvestigations.rule.guardduty.finding.story.credentialsOfInstance', {
                defaultMessage: 'The credentials involved are access key {keys} of role {roles}, which belongs to instance {instances}.',
                values: { keys: list(keys), roles: list(roles), instances: list(instances) },
              })
            : i18n.translate('siemInvestigations.rule.guardduty.finding.story.credentials', {
                defaultMessage: 'The credentials involved are access key {keys} of role {roles}.',
                values: { keys: list(keys), roles: list(roles) },
              }),
          evidence: [FINDING.id, ...(delivered ? (['cloudtrail.instance_credentials'] as const) : [])],
        });
      } else if (instances.length) {
        out.push({
          text: i18n.translate('siemInvestigations.rule.guardduty.finding.story.instance', { defaultMessage: 'The finding concerns instance {instances}.', values: { instances: list(instances) } }),
          evidence: [FINDING.id],
        });
      }
      return out;
    },
  },
};

export const RELATED: PivotRule = {
  id: 'guardduty.related',
  source: 'guardduty',
  get title() {
    return i18n.translate('siemInvestigations.rule.guardduty.related.title', { defaultMessage: 'Related GuardDuty findings' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.guardduty.related.question', { defaultMessage: 'What else did GuardDuty detect for the same instance, credentials or addresses?' });
  },
  match: [],
  // The IAM findings carry the instance only inside the principal id (`AROA…:i-…`).
  matchAny: [
    {
      entity: 'instance',
      fields: ['cloud.instance.id', 'resource.instanceDetails.instanceId'],
      suffixFields: ['resource.accessKeyDetails.principalId'],
    },
    { entity: 'access_key', fields: ['user.id', 'resource.accessKeyDetails.accessKeyId'] },
    { entity: 'ip', ipRole: 'remote', fields: ['related.ip', 'source.ip', 'destination.ip'] },
  ],
  excludeFinding: true,
  collapse: '@id',
  size: 30,
  sort: 'desc',
  yields: ['finding'],
  facets: [{ key: 'types', field: 'type', get label() { return i18n.translate('siemInvestigations.rule.guardduty.related.facet.types', { defaultMessage: 'Finding type' }); } }],
  narrate: {
    chapter: 'related',
    tell({ group }) {
      if (group.total === 0) return [];
      const types = [...new Set(group.hits.map((h) => first(h.doc, 'type', 'rule.id') ?? 'unknown'))];
      return [
        {
          text: i18n.translate('siemInvestigations.rule.guardduty.related.story', {
            defaultMessage: 'GuardDuty reported {total, plural, one {# related finding} other {# related findings}} for the same resources: {types}.',
            values: { total: group.total, types: list(types) },
          }),
          evidence: [RELATED.id],
        },
      ];
    },
  },
};
