import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * AWS Config configuration items as es-loader stores them (SIEM on Amazon OpenSearch Service,
 * `aws.ini` sections `[config-history]`, `[config-snapshot]`, `siem/sf_config_history.py` and
 * `sf_config_snapshot.py`): index `log-aws-config`, one document per configuration item at its own
 * paths (`resourceType`, `resourceId`, `resourceName`, `ARN`, `configurationItemStatus`,
 * `relationships`, `relatedEvents`, `configuration.*`, `supplementaryConfiguration.*`), `@timestamp`
 * from `configurationItemCaptureTime`, `@id` = md5 of account, region, type and id, ECS
 * `cloud.account.id`, `cloud.region`, `cloud.instance.id` of an instance, `event.kind` state and
 * `event.category` configuration. The loader reshapes some fields (an instance's `state` becomes
 * `configuration.state_name`/`state_code`, a bucket owner's `id` `configuration.owner_id`).
 */
export const config: SourceAdapter = {
  definition: {
    id: 'config',
    label: 'AWS Config',
    indexPattern: 'log-aws-config-*',
    timeField: '@timestamp',
    indexPatternId: '98375620-1dcc-11ec-a057-31536ad7cd1a',
    columns: ['@timestamp', 'resourceType', 'resourceId', 'resourceName', 'configurationItemStatus', 'configurationStateId', 'cloud.account.id', 'cloud.region'],
  },
  attachmentType: 'event',
  title(doc) {
    const type = first(doc, 'resourceType');
    const id = first(doc, 'resourceId');
    if (!type || !id) return undefined;
    const name = first(doc, 'resourceName');
    const status = first(doc, 'configurationItemStatus');
    return `Config ${type} ${id}${name && name !== id ? ` (${name})` : ''}${status ? ` ${status}` : ''}`;
  },
};
