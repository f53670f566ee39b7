import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * Elastic Load Balancing access logs as es-loader stores them (SIEM on Amazon OpenSearch Service,
 * `aws.ini` sections `[alb]`, `[nlb]` and `[clb]`, `siem/sf_alb.py`): index `log-aws-elb`, the log
 * line's fields under their regex group names (`elb`, `client_ip`, `target_ip`, `elb_status_code`,
 * `target_status_code`, `received_bytes`, `sent_bytes`, `request`, `actions_executed`, …),
 * `@timestamp` from `timestamp`, ECS `source.ip` = client_ip, `destination.ip` = target_ip,
 * `http.request.method`, `http.response.status_code` = elb_status_code, `http.response.bytes` =
 * sent_bytes, `http.request.bytes` = received_bytes, `url.domain`/`url.path`/`url.query`.
 */
export const elb: SourceAdapter = {
  definition: {
    id: 'elb',
    label: 'Elastic Load Balancing access logs',
    indexPattern: 'log-aws-elb-*',
    timeField: '@timestamp',
    indexPatternId: '9d96cb30-f01b-11ea-99e6-53b5a9b5c41b',
    columns: ['@timestamp', 'elb', 'source.ip', 'http.request.method', 'url.domain', 'url.path', 'http.response.status_code', 'http.response.bytes', 'destination.ip', 'actions_executed'],
  },
  attachmentType: 'event',
  title(doc) {
    const lb = first(doc, 'elb');
    const ip = first(doc, 'source.ip', 'client_ip');
    if (!lb || !ip) return undefined;
    const method = first(doc, 'http.request.method');
    const path = first(doc, 'url.path');
    const status = first(doc, 'http.response.status_code', 'elb_status_code');
    return `${lb}: ${method ? `${method} ` : ''}${path ?? ''} from ${ip}${status ? ` → ${status}` : ''}`;
  },
};
