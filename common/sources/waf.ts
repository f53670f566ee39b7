import { first } from '../flatten';
import { SourceAdapter } from './types';

/**
 * AWS WAF logs as es-loader stores them (SIEM on Amazon OpenSearch Service, `aws.ini` section
 * `[waf]`, `siem/sf_waf.py`): index `log-aws-waf`, the WAF log record at its own paths
 * (`action`, `terminatingRuleId`, `webaclId`, `httpSourceName`, `httpRequest.clientIp`,
 * `httpRequest.uri`, `httpRequest.headers`, …), `@timestamp` from `timestamp` (epoch ms), ECS
 * `event.action` = action (ALLOW, BLOCK, COUNT, CAPTCHA, CHALLENGE), `rule.name` =
 * terminatingRuleId, `rule.ruleset` = the web ACL's name, `source.ip` = clientIp, `url.path` = uri,
 * `url.query` = args, `http.request.method`, `url.domain` from the Host header.
 */
export const waf: SourceAdapter = {
  definition: {
    id: 'waf',
    label: 'AWS WAF logs',
    indexPattern: 'log-aws-waf-*',
    timeField: '@timestamp',
    indexPatternId: 'eb70b590-efdb-11ea-99e6-53b5a9b5c41b',
    columns: ['@timestamp', 'event.action', 'rule.name', 'source.ip', 'http.request.method', 'url.domain', 'url.path', 'url.query', 'rule.ruleset', 'httpSourceName'],
  },
  attachmentType: 'event',
  title(doc) {
    const action = first(doc, 'event.action', 'action');
    const ip = first(doc, 'source.ip', 'httpRequest.clientIp');
    if (!action || !ip) return undefined;
    const method = first(doc, 'http.request.method');
    const path = first(doc, 'url.path');
    const rule = first(doc, 'rule.name');
    return `WAF ${action} ${method ? `${method} ` : ''}${path ?? ''} from ${ip}${rule ? ` (${rule})` : ''}`;
  },
};
