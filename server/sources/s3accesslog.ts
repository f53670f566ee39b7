import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

/** `REST.GET.OBJECT` → `GET OBJECT`: the operation as an analyst reads it. */
export function s3Operation(op: string): string {
  return op.replace(/^(REST|SOAP|WEBSITE|BATCH)\./, '').replace(/\./g, ' ');
}

export const s3accesslogServer: ServerSourceAdapter = {
  id: 's3accesslog',
  reads: ['@timestamp', 'Bucket', 'Operation', 'Key', 'HTTPstatus', 'ErrorCode', 'BytesSent', 'ObjectSize', 'Requester', 'user.name', 'source.ip', 'user_agent.original'],
  describe(doc, timestamp) {
    const op = first(doc, 'Operation') ?? 'request';
    const bucket = first(doc, 'Bucket') ?? '?';
    const key = first(doc, 'Key');
    const user = first(doc, 'user.name');
    const who = user ?? 'anonymous';
    const ip = first(doc, 'source.ip');
    const status = first(doc, 'HTTPstatus');
    const bytes = first(doc, 'BytesSent');
    const ok = status ? /^2/.test(status) : undefined;
    return {
      timestamp,
      action: `S3 ${s3Operation(op)}`,
      summary: i18n.translate('siemInvestigations.timeline.s3accesslog.summary', {
        defaultMessage:
          '{hasWho, select, yes {{who}} other {anonymous}}{hasIp, select, yes { from {ip}} other {}}: {operation} {object}{hasStatus, select, yes { → {status}} other {}}{hasBytes, select, yes {, {bytes} bytes sent} other {}}',
        values: {
          hasWho: user !== undefined ? 'yes' : 'no',
          who: user ?? '',
          hasIp: ip ? 'yes' : 'no',
          ip: ip ?? '',
          operation: s3Operation(op),
          object: `${bucket}${key ? `/${key}` : ''}`,
          hasStatus: status ? 'yes' : 'no',
          status: status ?? '',
          hasBytes: bytes ? 'yes' : 'no',
          bytes: bytes ?? '',
        },
      }),
      ...(ok === undefined ? {} : { outcome: ok ? 'success' : 'failure' }),
      // A download repeated (a script polling a key) merges into one entry.
      mergeKey: `s3accesslog|${op}|${bucket}|${key}|${who}|${ip}|${status}`,
    };
  },
  link(b, d) {
    const bucket = b.node('bucket', first(d, 'Bucket'));
    const ip = b.node('ip', first(d, 'source.ip'));
    const op = first(d, 'Operation') ?? '';
    const relation = /GET\.OBJECT/.test(op) ? 'read objects of' : /PUT\.OBJECT|POST\.OBJECT|COPY/.test(op) ? 'wrote objects to' : 'S3 request to';
    b.edge(ip, bucket, relation);
  },
};
