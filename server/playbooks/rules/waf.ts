import { i18n } from '@osd/i18n';
import { list } from '../narration';
import { PivotRule } from '../types';

/**
 * AWS WAF (`log-aws-waf`): did the remote addresses reach our web front, and were they blocked —
 * allowed and blocked requests, the rules that decided, the URIs asked. With the load balancers'
 * access logs (rules/elb.ts) and Network Firewall (rules/networkfirewall.ts) it answers the web
 * front's question; each source is optional (a coverage line when absent).
 */

/** `value ×count`, a facet bucket as a story lists it. */
export const counted = (b: { value: string; count: number }): string => `${b.value} ×${b.count}`;

export const WAF_REQUESTS: PivotRule = {
  id: 'waf.remote_requests',
  source: 'waf',
  get title() {
    return i18n.translate('siemInvestigations.rule.waf.remote_requests.title', { defaultMessage: 'AWS WAF requests from the remote addresses' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.waf.remote_requests.question', { defaultMessage: 'Did the remote addresses reach our web front (ELB/WAF) and were they blocked?' });
  },
  match: [{ entity: 'ip', ipRole: 'remote', fields: ['source.ip'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'actions', field: 'event.action', get label() { return i18n.translate('siemInvestigations.rule.waf.remote_requests.facet.actions', { defaultMessage: 'Action' }); } },
    { key: 'rules', field: 'rule.name', get label() { return i18n.translate('siemInvestigations.rule.waf.remote_requests.facet.rules', { defaultMessage: 'Terminating rule' }); } },
    { key: 'paths', field: 'url.path', get label() { return i18n.translate('siemInvestigations.rule.waf.remote_requests.facet.paths', { defaultMessage: 'URI' }); } },
    { key: 'acls', field: 'rule.ruleset', get label() { return i18n.translate('siemInvestigations.rule.waf.remote_requests.facet.acls', { defaultMessage: 'Web ACL' }); } },
    { key: 'sourceIps', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.waf.remote_requests.facet.sourceIps', { defaultMessage: 'Source IP' }); } },
  ],
  narrate: {
    chapter: 'access',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const actions = facet('actions');
      const count = (a: string) => actions.find((b) => b.value === a)?.count ?? 0;
      const other = actions.filter((b) => b.value !== 'ALLOW' && b.value !== 'BLOCK').map(counted);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.waf.remote_requests.story', {
            defaultMessage:
              'AWS WAF logged {total, plural, one {# request} other {# requests}} from {ips}{hasAcls, select, yes { ({acls})} other {}}: {allowed} allowed, {blocked} blocked{hasOther, select, yes {, {other}} other {}}{hasRules, select, yes {; rules: {rules}} other {}}; URIs: {paths}.',
            values: {
              total: group.total,
              ips: list(facet('sourceIps').map((b) => b.value)),
              hasAcls: facet('acls').length ? 'yes' : 'no',
              acls: list(facet('acls').map((b) => b.value)),
              allowed: count('ALLOW'),
              blocked: count('BLOCK'),
              hasOther: other.length ? 'yes' : 'no',
              other: list(other),
              hasRules: facet('rules').length ? 'yes' : 'no',
              rules: list(facet('rules').map(counted), 4),
              paths: list(facet('paths').map(counted), 4),
            },
          }),
          evidence: [WAF_REQUESTS.id],
        },
      ];
    },
  },
};
