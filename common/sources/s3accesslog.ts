import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * S3 server access logs as es-loader stores them (SIEM on Amazon OpenSearch Service, `aws.ini`
 * section `[s3accesslog]`, `siem/sf_s3accesslog.py`): index `log-aws-s3accesslog`, the fields of the
 * log line under their regex group names (`Bucket`, `Operation`, `Key`, `Requester`, `BytesSent`,
 * `ObjectSize`, `HTTPstatus`, …), `@timestamp` from `RequestDateTime`, ECS `source.ip` = RemoteIP,
 * `user.name` = the last `/` segment of `Requester` (an IAM user's name, or the session name of a
 * role: an instance id for EC2 instance credentials), `http.response.bytes` = BytesSent. The log
 * has no access key id: a request is tied to a principal by its requester and to the attacker by
 * its address.
 */
export const s3accesslog: SourceAdapter = {
  definition: {
    id: 's3accesslog',
    label: 'S3 server access logs',
    indexPattern: 'log-aws-s3accesslog-*',
    timeField: '@timestamp',
    indexPatternId: '4f75abd0-b7ca-11ea-9044-07f9c61c294e',
    columns: ['@timestamp', 'Bucket', 'Operation', 'Key', 'HTTPstatus', 'BytesSent', 'source.ip', 'user.name', 'Requester'],
  },
  attachmentType: 'event',
  title(doc) {
    const op = first(doc, 'Operation');
    const bucket = first(doc, 'Bucket');
    if (!op || !bucket) return undefined;
    const key = first(doc, 'Key');
    const who = first(doc, 'user.name', 'source.ip');
    return `${op} ${bucket}${key ? `/${key}` : ''}${who ? ` by ${who}` : ''}`;
  },
};
