import { first } from '../flatten';
import { SourceAdapter } from './types';

export const linuxSecure: SourceAdapter = {
  definition: {
    id: 'linux_secure',
    label: 'Linux secure',
    indexPattern: 'log-linux-secure-*',
    timeField: '@timestamp',
    indexPatternId: '52214a80-8cee-11ea-8245-b5a58f1d6758',
    columns: ['@timestamp', 'event.action', 'event.outcome', 'user.name', 'source.ip', 'host.hostname', 'cloud.instance.id', 'syslog_message'],
  },
  attachmentType: 'event',
  title: (doc) => first(doc, 'syslog_message', 'event.action'),
};
