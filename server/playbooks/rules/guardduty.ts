import { first } from '../../../common/flatten';
import { formatTime, list, plural } from '../narration';
import { PivotRule } from '../types';

export const FINDING: PivotRule = {
  id: 'guardduty.finding',
  source: 'guardduty',
  title: 'The finding',
  question: 'What exactly did GuardDuty report, and how often?',
  match: [],
  findingItself: true,
  size: 20,
  sort: 'desc',
  facets: [{ key: 'counts', field: 'service.count', label: 'Count updates' }],
  narrate: {
    chapter: 'finding',
    tell({ finding, entities, groupOf }) {
      const out = [
        {
          text:
            `GuardDuty reported "${finding.title}" (${finding.type}, ${finding.severityLabel} severity ${finding.severity}), ` +
            `active from ${formatTime(finding.firstSeen)} to ${formatTime(finding.lastSeen)} and seen ${plural(finding.count, 'time')}.`,
          evidence: [FINDING.id],
        },
      ];
      const keys = entities.values('access_key');
      const roles = entities.values('role');
      const instances = entities.values('instance');
      const delivered = (groupOf('cloudtrail.instance_credentials')?.hits.length ?? 0) > 0;
      if (keys.length && roles.length) {
        out.push({
          text: `The credentials involved are access key ${list(keys)} of role ${list(roles)}` + (instances.length ? `, which belongs to instance ${list(instances)}.` : '.'),
          evidence: [FINDING.id, ...(delivered ? (['cloudtrail.instance_credentials'] as const) : [])],
        });
      } else if (instances.length) {
        out.push({ text: `The finding concerns instance ${list(instances)}.`, evidence: [FINDING.id] });
      }
      return out;
    },
  },
};

export const RELATED: PivotRule = {
  id: 'guardduty.related',
  source: 'guardduty',
  title: 'Related GuardDuty findings',
  question: 'What else did GuardDuty detect for the same instance, credentials or addresses?',
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
  facets: [{ key: 'types', field: 'type', label: 'Finding type' }],
  narrate: {
    chapter: 'related',
    tell({ group }) {
      if (group.total === 0) return [];
      const types = [...new Set(group.hits.map((h) => first(h.doc, 'type', 'rule.id') ?? 'unknown'))];
      return [{ text: `GuardDuty reported ${plural(group.total, 'related finding')} for the same resources: ${list(types)}.`, evidence: [RELATED.id] }];
    },
  },
};
