import { i18n } from '@osd/i18n';
import { first } from '../../common/flatten';
import { ServerSourceAdapter } from './types';

export const r53resolverServer: ServerSourceAdapter = {
  id: 'r53resolver',
  reads: ['@timestamp', 'dns.question.name', 'dns.question.type', 'dns.response_code', 'dns.answers.data', 'source.ip', 'srcids.instance', 'cloud.instance.id'],
  describe(doc, timestamp) {
    const name = first(doc, 'dns.question.name') ?? '?';
    const type = first(doc, 'dns.question.type');
    const rcode = first(doc, 'dns.response_code');
    const answer = first(doc, 'dns.answers.data');
    const who = first(doc, 'srcids.instance', 'cloud.instance.id', 'source.ip');
    return {
      timestamp,
      action: i18n.translate('siemInvestigations.timeline.dns.action', { defaultMessage: 'DNS query' }),
      summary:
        (who
          ? i18n.translate('siemInvestigations.timeline.dns.resolved', { defaultMessage: '{who} resolved {name}', values: { who, name } })
          : i18n.translate('siemInvestigations.timeline.dns.queryFor', { defaultMessage: 'Query for {name}', values: { name } })) +
        (type ? ` (${type})` : '') +
        (answer ? ` → ${answer}` : '') +
        (rcode && rcode !== 'NOERROR' ? ` — ${rcode}` : ''),
      ...(rcode ? { outcome: rcode === 'NOERROR' ? 'success' : 'failure' } : {}),
      mergeKey: `r53resolver|${who}|${name}|${type}`,
    };
  },
  link(b, d) {
    const inst = b.node('instance', first(d, 'srcids.instance', 'cloud.instance.id'));
    const domain = b.node('domain', first(d, 'dns.question.name'));
    b.edge(inst ?? b.node('ip', first(d, 'source.ip')), domain, i18n.translate('siemInvestigations.graph.queried', { defaultMessage: 'queried' }));
  },
};
