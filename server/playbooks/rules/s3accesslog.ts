import { i18n } from '@osd/i18n';
import { s3Operation } from '../../sources/s3accesslog';
import { list } from '../narration';
import { PivotRule } from '../types';
import { formatBytes } from './vpcflowlogs';

/** Operations that read an object's data (the downloads an exfiltration is made of). */
export const S3_OBJECT_READS = ['REST.GET.OBJECT', 'REST.COPY.OBJECT_GET'];

const bucketLine = (b: { value: string; count: number; sum?: number; distinct?: number }): string =>
  i18n.translate('siemInvestigations.rule.s3accesslog.story.bucket', {
    defaultMessage: '{bucket} ({requests, plural, one {# request} other {# requests}}{objects, plural, =0 {} one {, # object} other {, # objects}}, {bytes} sent)',
    values: { bucket: b.value, requests: b.count, objects: b.distinct ?? 0, bytes: formatBytes(b.sum ?? 0) },
  });

export const PRINCIPAL_REQUESTS: PivotRule = {
  id: 's3accesslog.principal_requests',
  source: 's3accesslog',
  get title() {
    return i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.title', { defaultMessage: 'S3 requests by the principal or from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.question', { defaultMessage: 'Which objects did the principal or the attacker’s addresses read or write, and how much?' });
  },
  // S3 server access logs carry no access key: the requester's name (an IAM user, or a role session —
  // an instance id for instance credentials), its full ARN, or the caller's address.
  match: [],
  matchAny: [
    { entity: 'user', fields: ['user.name'] },
    { entity: 'instance', fields: ['user.name'] },
    { entity: 'principal_arn', fields: ['Requester'] },
    { entity: 'ip', ipRole: 'remote', fields: ['source.ip'] },
  ],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'buckets', field: 'Bucket', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.facet.buckets', { defaultMessage: 'Bucket' }); }, sum: 'BytesSent', distinct: 'Key' },
    { key: 'operations', field: 'Operation', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.facet.operations', { defaultMessage: 'Operation' }); } },
    { key: 'objects', field: 'Key', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.facet.objects', { defaultMessage: 'Object' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.facet.sourceIps', { defaultMessage: 'Source IP' }); }, sum: 'BytesSent' },
    { key: 'requesters', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.facet.requesters', { defaultMessage: 'Requester' }); } },
  ],
  yields: [{ entity: 'bucket', field: 'Bucket' }],
  narrate: {
    chapter: 'data',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const ops = facet('operations').map((b) =>
        i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.story.operation', {
          defaultMessage: '{count, number} {operation}',
          values: { count: b.count, operation: s3Operation(b.value) },
        })
      );
      const who = [...facet('requesters').map((b) => b.value), ...facet('sourceIps').map((b) => b.value)];
      return [
        {
          text: i18n.translate('siemInvestigations.rule.s3accesslog.principal_requests.story', {
            defaultMessage:
              'S3 server access logs hold {total, plural, one {# request} other {# requests}} by or from {who}{hasOps, select, yes { ({ops})} other {}}; per bucket: {buckets}.',
            values: { total: group.total, who: list(who, 4), hasOps: ops.length ? 'yes' : 'no', ops: list(ops, 4), buckets: list(facet('buckets').map(bucketLine), 4) },
          }),
          evidence: [PRINCIPAL_REQUESTS.id],
        },
      ];
    },
  },
};

export const BUCKET_READS: PivotRule = {
  id: 's3accesslog.bucket_reads',
  source: 's3accesslog',
  get title() {
    return i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.title', { defaultMessage: 'Object reads of the affected buckets' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.question', { defaultMessage: 'How much was read from the affected buckets, and by whom?' });
  },
  match: [{ entity: 'bucket', fields: ['Bucket'] }],
  filter: [{ terms: { Operation: S3_OBJECT_READS } }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'buckets', field: 'Bucket', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.facet.buckets', { defaultMessage: 'Bucket' }); }, sum: 'BytesSent', distinct: 'Key' },
    { key: 'requesters', field: 'user.name', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.facet.requesters', { defaultMessage: 'Requester' }); }, sum: 'BytesSent', distinct: 'Key' },
    // es-loader drops the `-` of an anonymous request: no Requester is a reader without credentials.
    { key: 'anonymous', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.facet.anonymous', { defaultMessage: 'Anonymous reader' }); }, sum: 'BytesSent', where: { bool: { must_not: [{ exists: { field: 'Requester' } }] } } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.facet.sourceIps', { defaultMessage: 'Source IP' }); }, sum: 'BytesSent' },
    { key: 'objects', field: 'Key', get label() { return i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.facet.objects', { defaultMessage: 'Object' }); } },
  ],
  narrate: {
    chapter: 'data',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const readers = facet('requesters').map((b) =>
        i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.story.reader', {
          defaultMessage: '{reader} ({objects, plural, one {# object} other {# objects}}, {bytes})',
          values: { reader: b.value, objects: b.distinct ?? 0, bytes: formatBytes(b.sum ?? 0) },
        })
      );
      const anonymous = facet('anonymous');
      const anonymousReads = anonymous.reduce((n, b) => n + b.count, 0);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.s3accesslog.bucket_reads.story', {
            defaultMessage:
              'S3 server access logs hold {total, plural, one {# object read} other {# object reads}} of {buckets}{hasReaders, select, yes {; readers: {readers}} other {}}{anonymousReads, plural, =0 {.} one {; # read without credentials (anonymous) from {anonymous}.} other {; # reads without credentials (anonymous) from {anonymous}.}}',
            values: {
              total: group.total,
              buckets: list(facet('buckets').map(bucketLine), 3),
              hasReaders: readers.length ? 'yes' : 'no',
              readers: list(readers, 4),
              anonymousReads,
              anonymous: list(anonymous.map((b) => `${b.value} (${formatBytes(b.sum ?? 0)})`), 4),
            },
          }),
          evidence: [BUCKET_READS.id],
        },
      ];
    },
  },
};
