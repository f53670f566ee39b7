import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * Route 53 Resolver query logs as es-loader stores them (SIEM on Amazon OpenSearch Service,
 * `aws.ini` section `[route53resolver]`, `siem/sf_route53resolver.py`): index `log-aws-r53resolver`,
 * `@timestamp` from `query_timestamp`, `dns.question.name` (trailing dot removed), `dns.question.type`,
 * `dns.response_code`, the first answer in `dns.answers.data` and `source.ip`. The querying instance is
 * the record's own `srcids.instance`: aws.ini maps `cloud.instance.id` from a top-level `instance`
 * key that Route 53 Resolver does not write (the SIEM's index pattern lists `srcids.instance` and no
 * `cloud.instance.id`), so both are read.
 */
export const r53resolver: SourceAdapter = {
  definition: {
    id: 'r53resolver',
    label: 'Route 53 Resolver',
    indexPattern: 'log-aws-r53resolver-*',
    timeField: '@timestamp',
    indexPatternId: 'f3845ec0-efe1-11ea-99e6-53b5a9b5c41b',
    columns: ['@timestamp', 'dns.question.name', 'dns.question.type', 'dns.response_code', 'dns.answers.data', 'source.ip', 'srcids.instance'],
  },
  attachmentType: 'event',
  title(doc) {
    const name = first(doc, 'dns.question.name');
    if (!name) return undefined;
    const type = first(doc, 'dns.question.type');
    const who = first(doc, 'srcids.instance', 'cloud.instance.id', 'source.ip');
    return `DNS query ${type ? `${type} ` : ''}${name}${who ? ` by ${who}` : ''}`;
  },
};
