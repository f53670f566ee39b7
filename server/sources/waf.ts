import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

export const wafServer: ServerSourceAdapter = {
  id: 'waf',
  reads: ['@timestamp', 'event.action', 'action', 'rule.name', 'terminatingRuleType', 'rule.ruleset', 'source.ip', 'http.request.method', 'url.domain', 'url.path', 'url.query', 'httpSourceName', 'httpRequest.country', 'user_agent.original'],
  describe(doc, timestamp) {
    const action = first(doc, 'event.action', 'action') ?? '?';
    const ip = first(doc, 'source.ip');
    const method = first(doc, 'http.request.method') ?? '';
    const path = first(doc, 'url.path') ?? '/';
    const domain = first(doc, 'url.domain');
    const rule = first(doc, 'rule.name');
    const acl = first(doc, 'rule.ruleset');
    const blocked = action === 'BLOCK';
    return {
      timestamp,
      action: `WAF ${action}`,
      summary: i18n.translate('siemInvestigations.timeline.waf.summary', {
        defaultMessage: '{method} {target}{hasIp, select, yes { from {ip}} other {}}: {action} by {rule}{hasAcl, select, yes { (web ACL {acl})} other {}}',
        values: { method, target: `${domain ?? ''}${path}`, hasIp: ip ? 'yes' : 'no', ip: ip ?? '', action, rule: rule ?? 'Default_Action', hasAcl: acl ? 'yes' : 'no', acl: acl ?? '' },
      }),
      outcome: blocked ? 'failure' : 'success',
      // A scanner repeating one request merges into one entry.
      mergeKey: `waf|${action}|${rule}|${ip}|${method}|${path}`,
    };
  },
  // A WAF record names no resource of ours beyond the web ACL (not an entity): the remote address is
  // already on the graph from the finding; its requests show in the evidence and on the timeline.
  link() {},
};
