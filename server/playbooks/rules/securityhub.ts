import { first } from '../../../common/flatten';
import { list, plural } from '../narration';
import { PivotRule } from '../types';

export const INSPECTOR: PivotRule = {
  id: 'securityhub.inspector',
  source: 'securityhub',
  title: 'Inspector findings of the instance',
  question: 'Is SSH on the instance vulnerable?',
  match: [{ entity: 'instance', fields: ['cloud.instance.id', 'ProductFields.attributes/INSTANCE_ID'] }],
  filter: [{ term: { 'event.module': 'inspector' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [{ key: 'severities', field: 'Severity.Label', label: 'Severity' }],
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
            ? `Inspector reports SSH weaknesses on ${list(instances)}: ${list([...new Set(sshTitles)].map((t) => `"${t}"`), 4)}.`
            : `Inspector reports ${plural(group.total, 'finding')} on ${list(instances)}, none of them about SSH.`,
          evidence: [INSPECTOR.id],
        },
      ];
    },
  },
};

export const MACIE: PivotRule = {
  id: 'securityhub.macie',
  source: 'securityhub',
  title: 'Macie findings of the buckets',
  question: 'Is the data in the affected buckets exposed?',
  match: [{ entity: 'bucket', fields: ['Resources.Details.AwsS3Bucket.Name', { field: 'Resources.Id', prefix: 'arn:aws:s3:::' }] }],
  filter: [{ term: { 'event.module': 'macie' } }],
  collapse: '@id',
  lookbackDays: 30,
  size: 30,
  sort: 'desc',
  facets: [{ key: 'findings', field: 'ThreatFamilyName', label: 'Finding' }],
  narrate: {
    chapter: 'exposure',
    tell({ group }) {
      if (group.hits.length === 0) return [];
      const titles = [...new Set(group.hits.map((h) => first(h.doc, 'Title', 'rule.name') ?? ''))].filter(Boolean);
      return [{ text: `Macie reports: ${list(titles.map((t) => `"${t.replace(/\.$/, '')}"`), 2)}.`, evidence: [MACIE.id] }];
    },
  },
};
