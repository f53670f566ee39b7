import { first } from '../flatten';
import { SourceAdapter } from './types';

export const securityhub: SourceAdapter = {
  definition: {
    id: 'securityhub',
    label: 'Security Hub',
    indexPattern: 'log-aws-securityhub-*',
    timeField: '@timestamp',
    indexPatternId: '1dfe5d30-8ba7-11ea-8245-b5a58f1d6758',
    columns: ['@timestamp', 'event.module', 'Title', 'Severity.Label', 'rule.description', 'cloud.instance.id', 'Resources.Id'],
  },
  attachmentType: 'finding',
  title: (doc) => first(doc, 'Title', 'rule.name', 'rule.description'),
};
