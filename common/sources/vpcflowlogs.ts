import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * VPC Flow Logs as es-loader stores them (SIEM on Amazon OpenSearch Service, `aws.ini` section
 * `[vpcflowlogs]`, `siem/sf_vpcflowlogs.py`): index `log-aws-vpcflowlogs`, `@timestamp` from the
 * record's `end`, ECS `source.ip`/`destination.ip`/`destination.port`, `event.action` = ACCEPT/REJECT,
 * `event.outcome` = success/failure, `network.bytes`, `cloud.instance.id`.
 */
export const vpcflowlogs: SourceAdapter = {
  definition: {
    id: 'vpcflowlogs',
    label: 'VPC Flow Logs',
    indexPattern: 'log-aws-vpcflowlogs-*',
    timeField: '@timestamp',
    indexPatternId: '99f81900-806f-11ea-945d-8d0868f4a377',
    columns: [
      '@timestamp',
      'event.action',
      'source.ip',
      'source.port',
      'destination.ip',
      'destination.port',
      'network.transport',
      'network.bytes',
      'network.packets',
      'cloud.instance.id',
    ],
  },
  attachmentType: 'event',
  title(doc) {
    const src = first(doc, 'source.ip');
    const dst = first(doc, 'destination.ip');
    if (!src || !dst) return undefined;
    const port = first(doc, 'destination.port');
    const action = first(doc, 'event.action');
    const bytes = first(doc, 'network.bytes');
    return `${action ? `${action} ` : ''}${src} → ${dst}${port ? `:${port}` : ''}${bytes ? ` (${bytes} bytes)` : ''}`;
  },
};
