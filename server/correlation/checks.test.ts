import { DEFAULT_SOURCES } from '../../common/sources';
import { SourceCoverage } from '../../common/types';
import { playbookFor, RuleId } from '../playbooks';
import { checkRules } from './checks';
import { EntitySet } from './entity_set';
import { ParsedGroup } from './response_parser';

const group = (id: RuleId, total: number, error?: string) => ({ id, total, hits: [], facets: [], yieldValues: [], ...(error ? { error } : {}) }) as unknown as ParsedGroup;
const covered = (over: Partial<Record<SourceCoverage['source'], Partial<SourceCoverage>>> = {}): SourceCoverage[] =>
  (['guardduty', 'cloudtrail', 'linux_secure', 'securityhub'] as const).map((source) => ({
    source,
    indexPattern: DEFAULT_SOURCES[source].indexPattern,
    docsInWindow: 100,
    ...over[source],
  }));

describe('why an investigation found nothing, question by question', () => {
  const rules = playbookFor('UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom').rules;
  const entities = new EntitySet();
  entities.add('access_key', 'ASIAEXAMPLEKEY123456', 'finding');

  it('says which questions found something, which found nothing, and which could not be asked and why', () => {
    const groups = new Map<RuleId, ParsedGroup>([
      ['guardduty.finding', group('guardduty.finding', 9)],
      ['guardduty.related', group('guardduty.related', 0)],
      ['cloudtrail.access_key', group('cloudtrail.access_key', 0, 'no permission: your roles do not allow reading these indices')],
    ]);
    const checks = checkRules(rules, groups, entities, covered({ cloudtrail: { docsInWindow: 0, error: 'no permission: your roles do not allow reading these indices' } }), DEFAULT_SOURCES);
    const by = (id: string) => checks.find((c) => c.rule === id)!;
    expect(checks.map((c) => c.rule)).toEqual(rules.map((r) => r.id));
    expect(by('guardduty.finding')).toMatchObject({ state: 'found', total: 9 });
    expect(by('guardduty.related')).toMatchObject({ state: 'nothing_found', reason: 'no GuardDuty document in the window matches' });
    expect(by('cloudtrail.access_key')).toMatchObject({ state: 'nothing_found', reason: 'no permission: your roles do not allow reading these indices' });
    expect(by('cloudtrail.instance_credentials')).toMatchObject({ state: 'not_run', reason: 'no instance is known for this finding' });
    expect(by('linux_secure.ssh_from_attacker')).toMatchObject({ state: 'not_run', reason: 'no remote IP address is known for this finding' });
  });

  it('tells an absent source from one that is empty in the window', () => {
    const groups = new Map<RuleId, ParsedGroup>([['cloudtrail.access_key', group('cloudtrail.access_key', 0)]]);
    const absent = checkRules(rules, groups, entities, covered({ cloudtrail: { docsInWindow: 0, absent: true } }), DEFAULT_SOURCES);
    expect(absent.find((c) => c.rule === 'cloudtrail.access_key')!.reason).toBe('no index matches log-aws-cloudtrail-*');
    const empty = checkRules(rules, groups, entities, covered({ cloudtrail: { docsInWindow: 0 } }), DEFAULT_SOURCES);
    expect(empty.find((c) => c.rule === 'cloudtrail.access_key')!.reason).toBe('CloudTrail has no documents in this time window');
  });

  it('does not say "nothing found" of a question whose search could not read some shards, and counts what it found as a lower bound', () => {
    const unread = { shards: 2, of: 6, indices: ['log-aws-cloudtrail-bad'], reason: 'Text fields are not optimised' };
    const groups = new Map<RuleId, ParsedGroup>([
      ['cloudtrail.access_key', { ...group('cloudtrail.access_key', 0), unread }],
      ['guardduty.related', { ...group('guardduty.related', 4), unread }],
    ]);
    const checks = checkRules(rules, groups, entities, covered(), DEFAULT_SOURCES);
    expect(checks.find((c) => c.rule === 'cloudtrail.access_key')).toMatchObject({
      state: 'nothing_found',
      reason: 'nothing in the shards OpenSearch read, but 2 shards of log-aws-cloudtrail-bad could not be read (Text fields are not optimised)',
    });
    expect(checks.find((c) => c.rule === 'guardduty.related')).toMatchObject({ state: 'found', total: 4, totalIsLowerBound: true });
  });
});
