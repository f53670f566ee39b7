import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { formatTime, list } from '../narration';
import { PivotRule } from '../types';
import { formatBytes } from './vpcflowlogs';

/** S3 data events that read or write object data (CloudTrail logs them only if the trail selects S3 data events). */
export const S3_OBJECT_CALLS = ['GetObject', 'PutObject', 'CopyObject', 'DeleteObject', 'DeleteObjects', 'UploadPart', 'CompleteMultipartUpload', 'RestoreObject'];
const S3_WRITES = new Set(['PutObject', 'CopyObject', 'DeleteObject', 'DeleteObjects', 'UploadPart', 'CompleteMultipartUpload', 'RestoreObject']);

/**
 * Account-wide S3 Block Public Access (S3 Control). The API is PutPublicAccessBlock; CloudTrail has
 * been seen to name it either way, so both names are asked.
 */
export const ACCOUNT_PUBLIC_ACCESS_CALLS = ['PutPublicAccessBlock', 'DeletePublicAccessBlock', 'PutAccountPublicAccessBlock', 'DeleteAccountPublicAccessBlock'];

export const S3_DATA_EVENTS: PivotRule = {
  id: 'cloudtrail.s3_data_events',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.title', { defaultMessage: 'S3 data events of the credentials and the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.question', { defaultMessage: 'How much did the credentials or the attacker’s addresses read or write in S3?' });
  },
  match: [],
  matchAny: [
    { entity: 'access_key', fields: ['user.id'] },
    { entity: 'ip', ipRole: 'remote', fields: ['source.ip'] },
  ],
  filter: [{ term: { eventSource: 's3.amazonaws.com' } }, { terms: { eventName: S3_OBJECT_CALLS } }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'buckets', field: 'requestParameters.bucketName', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.facet.buckets', { defaultMessage: 'Bucket' }); }, sum: 'additionalEventData.bytesTransferredOut', distinct: 'requestParameters.key' },
    { key: 'calls', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.facet.calls', { defaultMessage: 'API call' }); } },
    { key: 'outcomes', field: 'event.outcome', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.facet.outcomes', { defaultMessage: 'Outcome' }); } },
    { key: 'objects', field: 'requestParameters.key', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.facet.objects', { defaultMessage: 'Object' }); } },
  ],
  yields: [{ entity: 'bucket', field: 'requestParameters.bucketName' }],
  narrate: {
    chapter: 'data',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const calls = facet('calls');
      const reads = calls.filter((b) => b.value === 'GetObject').reduce((n, b) => n + b.count, 0);
      const writes = calls.filter((b) => S3_WRITES.has(b.value)).reduce((n, b) => n + b.count, 0);
      const failed = facet('outcomes').find((b) => b.value === 'failure')?.count ?? 0;
      const buckets = facet('buckets').map((b) =>
        i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.story.bucket', {
          defaultMessage: '{bucket} ({objects, plural, one {# object} other {# objects}}, {bytes} out)',
          values: { bucket: b.value, objects: b.distinct ?? 0, bytes: formatBytes(b.sum ?? 0) },
        })
      );
      return [
        {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.s3_data_events.story', {
            defaultMessage:
              'CloudTrail S3 data events: {reads, plural, one {# object read} other {# object reads}} and {writes, plural, one {# write} other {# writes}}{failed, plural, =0 {} other { (# failed)}}{hasBuckets, select, yes { in {buckets}} other {}}.',
            values: { reads, writes, failed, hasBuckets: buckets.length ? 'yes' : 'no', buckets: list(buckets, 4) },
          }),
          evidence: [S3_DATA_EVENTS.id],
        },
      ];
    },
  },
};

export const ACCOUNT_PUBLIC_ACCESS: PivotRule = {
  id: 'cloudtrail.account_public_access',
  source: 'cloudtrail',
  get title() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.account_public_access.title', { defaultMessage: 'Account-wide S3 Block Public Access changes' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.cloudtrail.account_public_access.question', { defaultMessage: 'Who turned the account’s S3 Block Public Access off or changed it?' });
  },
  match: [{ entity: 'account', fields: ['recipientAccountId'] }],
  filter: [{ terms: { eventName: ACCOUNT_PUBLIC_ACCESS_CALLS } }],
  size: 20,
  sort: 'asc',
  facets: [{ key: 'keys', field: 'user.id', get label() { return i18n.translate('siemInvestigations.rule.cloudtrail.account_public_access.facet.keys', { defaultMessage: 'Access key' }); } }],
  narrate: {
    chapter: 'exposure',
    tell({ group }) {
      if (group.hits.length === 0) return [];
      const changes = group.hits.slice(0, 4).map((h) => {
        const key = first(h.doc, 'user.id');
        const ip = first(h.doc, 'source.ip', 'source.address');
        return i18n.translate('siemInvestigations.rule.cloudtrail.account_public_access.story.change', {
          defaultMessage: '{call} at {time} by key {hasKey, select, yes {{key}} other {unknown}} from {hasIp, select, yes {{ip}} other {an unknown address}}',
          values: {
            call: first(h.doc, 'eventName', 'event.action') ?? '',
            time: formatTime(h.timestamp),
            hasKey: key ? 'yes' : 'no',
            key: key ?? '',
            hasIp: ip ? 'yes' : 'no',
            ip: ip ?? '',
          },
        });
      });
      return [
        {
          text: i18n.translate('siemInvestigations.rule.cloudtrail.account_public_access.story', {
            defaultMessage: 'The account’s S3 Block Public Access changed: {changes}.',
            values: { changes: list(changes, 4) },
          }),
          evidence: [ACCOUNT_PUBLIC_ACCESS.id],
        },
      ];
    },
  },
};
