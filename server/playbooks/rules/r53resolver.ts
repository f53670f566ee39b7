import { first } from '../../../common/flatten';
import { list } from '../narration';
import { PivotRule } from '../types';

export const queries = (n: number): string => `${n} DNS ${n === 1 ? 'query' : 'queries'}`;

export const DOMAIN_QUERIES: PivotRule = {
  id: 'r53resolver.domain_queries',
  source: 'r53resolver',
  title: 'DNS queries for the domain',
  question: "Which instances queried the finding's domain?",
  // es-loader strips the trailing dot of the query name (sf_route53resolver.py), as GuardDuty writes the domain.
  match: [{ entity: 'domain', fields: ['dns.question.name'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'instances', field: 'srcids.instance', label: 'Querying instance' },
    { key: 'sources', field: 'source.ip', label: 'Querying address' },
    { key: 'types', field: 'dns.question.type', label: 'Query type' },
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
      const who = instances.length ? list(instances) : addresses.length ? list(addresses) : 'unknown resolvers';
      const domains = [...new Set(group.hits.map((h) => first(h.doc, 'dns.question.name')).filter((v): v is string => !!v))];
      return [
        {
          text: `${queries(group.total)} for ${list(domains.length ? domains : ['the domain'])} came from ${who}` + (types.length ? ` (${list(types)})` : '') + '.',
          evidence: [DOMAIN_QUERIES.id],
        },
      ];
    },
  },
};

export const INSTANCE_QUERIES: PivotRule = {
  id: 'r53resolver.instance_queries',
  source: 'r53resolver',
  title: 'Other names the instance resolved',
  question: 'What else did the instance resolve?',
  match: [{ entity: 'instance', fields: ['srcids.instance', 'cloud.instance.id'] }],
  size: 50,
  sort: 'asc',
  facets: [
    { key: 'names', field: 'dns.question.name', label: 'Query name' },
    { key: 'codes', field: 'dns.response_code', label: 'Response code' },
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
          text:
            `The instance made ${queries(group.total)}` +
            (others.length ? `; other names resolved: ${list(others.map((b) => `${b.value} (${b.count})`), 5)}` : '') +
            (failed ? `; ${failed} did not resolve.` : '.'),
          evidence: [INSTANCE_QUERIES.id],
        },
      ];
    },
  },
};
