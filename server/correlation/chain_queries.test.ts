import { DEFAULT_SOURCES } from '../../common/sources';
import { EntitySet } from './entity_set';
import { ruleById } from '../playbooks';
import { buildRuleSearch, ruleInputs, yieldAggName, YIELD_VALUES } from './query_builder';

const window = { from: '2021-04-26T13:02:10.000Z', to: '2021-04-27T19:07:31.000Z' };
const ctxWith = (entities: EntitySet, bound?: { maxValues: number; size: number }) => ({ entities, window, findingId: 'f1', sources: DEFAULT_SOURCES, ...(bound ? { bound } : {}) });
const text = (x: unknown) => JSON.stringify(x);

describe('credential-chain queries', () => {
  const finding = () => {
    const set = new EntitySet();
    set.add('access_key', 'AKIAEXAMPLELEAKKEY01', 'finding');
    set.add('user', 'jsmith-dev', 'finding');
    set.add('account', '123456789012', 'finding');
    set.add('ip', '203.0.113.66', 'finding', 'remote');
    return set;
  };

  it('keeps the chain apart: "what did the credentials do" asks the finding\'s key, the next hop only the keys the chain found', () => {
    const set = finding();
    set.add('access_key', 'AKIAEXAMPLEBACKUP001', 'cloudtrail.created_credentials');
    set.add('access_key', 'ASIAEXAMPLEKEY000009', 'cloudtrail.instance_credentials');
    expect(ruleInputs(ruleById('cloudtrail.access_key'), set)).toBe('access_key=AKIAEXAMPLELEAKKEY01,ASIAEXAMPLEKEY000009');
    const next = ruleInputs(ruleById('cloudtrail.created_activity'), set)!;
    expect(next).toContain('access_key=AKIAEXAMPLEBACKUP001');
    expect(next).not.toContain('LEAKKEY01');
    // The forward question follows every key, the chain's too (a created key may create more).
    expect(ruleInputs(ruleById('cloudtrail.created_credentials'), set)).toBe('access_key=AKIAEXAMPLEBACKUP001,AKIAEXAMPLELEAKKEY01,ASIAEXAMPLEKEY000009');
  });

  it('does not run the next hop before the chain found anything, and a value the finding names is not a next hop', () => {
    const set = finding();
    expect(ruleInputs(ruleById('cloudtrail.created_activity'), set)).toBeNull();
    // The finding's own user, also created by the chain (the S3 finding's principal), is covered already.
    set.add('user', 'jsmith-dev', 'cloudtrail.created_credentials');
    expect(ruleInputs(ruleById('cloudtrail.created_activity'), set)).toBeNull();
  });

  it('qualifies names with the investigation\'s accounts, and asks nothing of a name without one', () => {
    const set = new EntitySet();
    set.add('user', 'backup-admin', 'cloudtrail.created_credentials');
    expect(ruleInputs(ruleById('cloudtrail.created_activity'), set)).toBeNull();
    set.add('account', '123456789012', 'finding');
    const q = text(buildRuleSearch(ruleById('cloudtrail.created_activity'), ctxWith(set)).query);
    expect(q).toContain('{"bool":{"filter":[{"terms":{"user.name":["backup-admin"]}},{"terms":{"cloud.account.id":["123456789012"]}}]}}');
    // A new account (a cross-account AssumeRole) changes the inputs: the rule is asked again.
    const before = ruleInputs(ruleById('cloudtrail.created_activity'), set);
    set.add('account', '210987654321', 'cloudtrail.created_credentials');
    expect(ruleInputs(ruleById('cloudtrail.created_activity'), set)).not.toBe(before);
  });

  it('yields created keys and principals from successful calls only, and a creator only when it acted inside the window', () => {
    const created = buildRuleSearch(ruleById('cloudtrail.created_credentials'), ctxWith(finding())).body as any;
    const newKeys = created.aggs[yieldAggName(0)];
    expect(newKeys.filter).toEqual({ bool: { filter: [{ term: { 'event.outcome': 'success' } }] } });
    expect(newKeys.aggs[YIELD_VALUES].terms.field).toBe('responseElements.accessKey.accessKeyId');
    const origin = buildRuleSearch(ruleById('cloudtrail.key_origin'), ctxWith(finding())).body as any;
    // The search looks 90 days back; the creator it yields must have acted in the window.
    expect(origin.query.bool.filter.find((f: any) => f.range)?.range['@timestamp'].gte).toBe('2021-01-26T13:02:10.000Z');
    expect(origin.aggs[yieldAggName(0)].filter.bool.filter).toEqual([{ range: { '@timestamp': { gte: window.from, lte: window.to, format: 'strict_date_optional_time' } } }]);
    // EC2's delivery of instance credentials is not a creator: cloudtrail.instance_credentials tells it.
    expect(text(origin.query)).toContain('{"must_not":[{"term":{"source.address":"ec2.amazonaws.com"}}]}');
  });

  it('leaves out the instance\'s own addresses when asking where its credentials were used', () => {
    const set = new EntitySet();
    set.add('access_key', 'ASIAEXAMPLEKEY123456', 'finding');
    expect(ruleInputs(ruleById('cloudtrail.instance_credentials_elsewhere'), set)).toBeNull();
    set.add('access_key', 'ASIAEXAMPLEKEY123456', 'cloudtrail.instance_credentials');
    set.add('ip', '34.219.77.88', 'guardduty.related', 'local');
    set.add('ip', '54.190.10.20', 'finding', 'remote');
    const q = buildRuleSearch(ruleById('cloudtrail.instance_credentials_elsewhere'), ctxWith(set)).query as any;
    expect(q.bool.must_not).toEqual([{ terms: { 'source.ip': ['34.219.77.88'] } }]);
    expect(text(q.bool.filter)).not.toContain('54.190.10.20');
  });

  it('bounds a third hop: few values per clause, few hits', () => {
    const set = finding();
    for (let i = 0; i < 30; i++) set.add('access_key', `AKIAEXAMPLECHAIN${String(i).padStart(4, '0')}`, 'cloudtrail.created_credentials');
    const rule = ruleById('cloudtrail.created_activity');
    const s = buildRuleSearch(rule, ctxWith(set, rule.thirdHop));
    expect(text(s.query).match(/AKIAEXAMPLECHAIN/g)).toHaveLength(10);
    expect((s.body as any).size).toBe(30);
    expect(ruleInputs(rule, set, 10)!.split(',').length).toBeLessThan(ruleInputs(rule, set)!.split(',').length);
  });
});
