import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { list } from '../narration';
import { PivotRule } from '../types';

export const INSPECTOR: PivotRule = {
  id: 'securityhub.inspector',
  source: 'securityhub',
  get title() {
    return i18n.translate('siemInvestigations.rule.securityhub.inspector.title', { defaultMessage: 'Inspector findings of the instance' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.securityhub.inspector.question', { defaultMessage: 'Is SSH on the instance vulnerable?' });
  },
  match: [{ entity: 'instance', fields: ['cloud.instance.id', 'ProductFields.attributes/INSTANCE_ID'] }],
  filter: [{ term: { 'event.module': 'inspector' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [{ key: 'severities', field: 'Severity.Label', get label() { return i18n.translate('siemInvestigations.rule.securityhub.inspector.facet.severities', { defaultMessage: 'Severity' }); } }],
  narrate: {
    chapter: 'weakness',
    tell({ group, entities }) {
      if (group.total === 0) return [];
      const instances = entities.values('instance');
      const sshTitles = group.hits
        .filter((h) => /ssh/i.test(`${first(h.doc, 'Title')} ${first(h.doc, 'ProductFields.aws/inspector/id')}`))
        .map((h) => first(h.doc, 'ProductFields.aws/inspector/id', 'Title') ?? '');
      return [
        {
          text: sshTitles.length
            ? i18n.translate('siemInvestigations.rule.securityhub.inspector.story.ssh', {
                defaultMessage: 'Inspector reports SSH weaknesses on {instances}: {titles}.',
                values: { instances: list(instances), titles: list([...new Set(sshTitles)].map((t) => `"${t}"`), 4) },
              })
            : i18n.translate('siemInvestigations.rule.securityhub.inspector.story.other', {
                defaultMessage: 'Inspector reports {total, plural, one {# finding} other {# findings}} on {instances}, none of them about SSH.',
                values: { total: group.total, instances: list(instances) },
              }),
          evidence: [INSPECTOR.id],
        },
      ];
    },
  },
};

export const MACIE: PivotRule = {
  id: 'securityhub.macie',
  source: 'securityhub',
  get title() {
    return i18n.translate('siemInvestigations.rule.securityhub.macie.title', { defaultMessage: 'Macie findings of the buckets' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.securityhub.macie.question', { defaultMessage: 'Is the data in the affected buckets exposed?' });
  },
  match: [{ entity: 'bucket', fields: ['Resources.Details.AwsS3Bucket.Name', { field: 'Resources.Id', prefix: 'arn:aws:s3:::' }] }],
  filter: [{ term: { 'event.module': 'macie' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [{ key: 'findings', field: 'ThreatFamilyName', get label() { return i18n.translate('siemInvestigations.rule.securityhub.macie.facet.findings', { defaultMessage: 'Finding' }); } }],
  narrate: {
    chapter: 'exposure',
    tell({ group }) {
      if (group.hits.length === 0) return [];
      const titles = [...new Set(group.hits.map((h) => first(h.doc, 'Title', 'rule.name') ?? ''))].filter(Boolean);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.securityhub.macie.story', {
            defaultMessage: 'Macie reports: {titles}.',
            values: { titles: list(titles.map((t) => `"${t.replace(/\.$/, '')}"`), 2) },
          }),
          evidence: [MACIE.id],
        },
      ];
    },
  },
};
