import { i18n } from '@osd/i18n';
import { first } from '../../../common/flatten';
import { list } from '../narration';
import { PivotRule } from '../types';


export const DOMAIN_QUERIES: PivotRule = {
  id: 'r53resolver.domain_queries',
  source: 'r53resolver',
  get title() {
    return i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.title', { defaultMessage: 'DNS queries for the domain' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.question', { defaultMessage: 'Which instances queried the finding’s domain?' });
  },
  // es-loader strips the trailing dot of the query name (sf_route53resolver.py), as GuardDuty writes the domain.
  match: [{ entity: 'domain', fields: ['dns.question.name'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'instances', field: 'srcids.instance', get label() { return i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.facet.instances', { defaultMessage: 'Querying instance' }); } },
    { key: 'sources', field: 'source.ip', get label() { return i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.facet.sources', { defaultMessage: 'Querying address' }); } },
    { key: 'types', field: 'dns.question.type', get label() { return i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.facet.types', { defaultMessage: 'Query type' }); } },
  ],
  // The querying instance is in the record's `srcids.instance` (see common/sources/r53resolver.ts).
  yields: [{ entity: 'instance', field: 'srcids.instance' }],
  narrate: {
    chapter: 'activity',
    tell({ group, facet }) {
      if (group.total === 0) return [];
      const instances = facet('instances').map((b) => `${b.value} (${b.count})`);
      const addresses = facet('sources').map((b) => b.value);
      const types = facet('types').map((b) => b.value);
      const who = instances.length
        ? list(instances)
        : addresses.length
          ? list(addresses)
          : i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.story.unknownResolvers', { defaultMessage: 'unknown resolvers' });
      const domains = [...new Set(group.hits.map((h) => first(h.doc, 'dns.question.name')).filter((v): v is string => !!v))];
      return [
        {
          text: i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.story', {
            defaultMessage: '{total, plural, one {# DNS query} other {# DNS queries}} for {domains} came from {who}{hasTypes, select, yes { ({types})} other {}}.',
            values: {
              total: group.total,
              domains: domains.length ? list(domains) : i18n.translate('siemInvestigations.rule.r53resolver.domain_queries.story.theDomain', { defaultMessage: 'the domain' }),
              who,
              hasTypes: types.length ? 'yes' : 'no',
              types: list(types),
            },
          }),
          evidence: [DOMAIN_QUERIES.id],
        },
      ];
    },
  },
};

export const INSTANCE_QUERIES: PivotRule = {
  id: 'r53resolver.instance_queries',
  source: 'r53resolver',
  get title() {
    return i18n.translate('siemInvestigations.rule.r53resolver.instance_queries.title', { defaultMessage: 'Other names the instance resolved' });
  },
  get question() {
    return i18n.translate('siemInvestigations.rule.r53resolver.instance_queries.question', { defaultMessage: 'What else did the instance resolve?' });
  },
  match: [{ entity: 'instance', fields: ['srcids.instance', 'cloud.instance.id'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'names', field: 'dns.question.name', get label() { return i18n.translate('siemInvestigations.rule.r53resolver.instance_queries.facet.names', { defaultMessage: 'Query name' }); } },
    { key: 'codes', field: 'dns.response_code', get label() { return i18n.translate('siemInvestigations.rule.r53resolver.instance_queries.facet.codes', { defaultMessage: 'Response code' }); } },
  ],
  narrate: {
    chapter: 'activity',
    tell({ group, facet, entities }) {
      if (group.total === 0) return [];
      const known = new Set(entities.values('domain'));
      const others = facet('names').filter((b) => !known.has(b.value));
      const failed = facet('codes').filter((b) => b.value !== 'NOERROR').reduce((n, b) => n + b.count, 0);
      return [
        {
          text: i18n.translate('siemInvestigations.rule.r53resolver.instance_queries.story', {
            defaultMessage:
              'The instance made {total, plural, one {# DNS query} other {# DNS queries}}{hasOthers, select, yes {; other names resolved: {others}} other {}}{failed, plural, =0 {.} other {; # did not resolve.}}',
            values: { total: group.total, hasOthers: others.length ? 'yes' : 'no', others: list(others.map((b) => `${b.value} (${b.count})`), 5), failed },
          }),
          evidence: [INSTANCE_QUERIES.id],
        },
      ];
    },
  },
};
