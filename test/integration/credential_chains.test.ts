/**
 * Credential chains on a real OpenSearch: the leaked long-term IAM user key of
 * test/fixtures/scenario/leaked_key.ts, beside the workshop's noise. From the Tor finding forward
 * (what the key created, what the new key did), from the S3 finding backward (who created the key
 * that read the bucket), console sign-ins with and without MFA, and look-alikes kept out.
 */
import { Investigation } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { credentialExfiltrationFinding, generateNoise } from '../fixtures/scenario/generate';
import * as W from '../fixtures/scenario/constants';
import { generateLeakedKeyScenario, LEAKED } from '../fixtures/scenario/leaked_key';
import { loadScenario, startTestHost, TestHost } from './helpers';

jest.setTimeout(180_000);

const group = (inv: Investigation, id: string) => inv.evidence.find((g) => g.id === id);
const check = (inv: Investigation, rule: string) => inv.checks.find((c) => c.rule === rule);
const refKey = (r: { index: string; id: string }) => `${r.index}/${r.id}`;
const hitKeys = (inv: Investigation, id: string) => (group(inv, id)?.hits ?? []).map((h) => refKey(h.ref));
const story = (inv: Investigation) => inv.story.map((s) => s.text).join('\n');
const everything = (inv: Investigation) => JSON.stringify([inv.entities, inv.evidence.map((g) => [g.hits, g.facets]), inv.timeline, inv.graph, inv.story]);

describe('credential chains: a leaked long-term IAM user key (real OpenSearch)', () => {
  let host: TestHost;
  const { docs, facts } = generateLeakedKeyScenario({ indexPrefix: 'x' });
  let tor: Investigation;
  let exfil: Investigation;

  beforeAll(async () => {
    host = await startTestHost('chains');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const prefixed = generateLeakedKeyScenario({ indexPrefix: host.prefix });
    Object.assign(facts, prefixed.facts);
    await loadDocuments(host.opensearch, [...prefixed.docs, ...generateNoise(800, { indexPrefix: host.prefix, seed: 3 })], { refresh: true });
    const ask = async (finding: { index: string; id: string }) => {
      const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding });
      expect(r.status).toBe(200);
      return r.body;
    };
    tor = await ask(facts.torFinding);
    exfil = await ask(facts.s3Finding);
  });
  afterAll(() => host?.cleanup());

  it('generates the incident in es-loader form: the new key in responseElements, console sign-ins without a key', () => {
    expect(docs.length).toBeGreaterThan(30);
    const src = (ref: { id: string }) => docs.find((d) => d._id === ref.id)!._source as any;
    expect(src(facts.createAccessKey).responseElements.accessKey.accessKeyId).toBe(LEAKED.createdKey);
    expect(src(facts.createAccessKey).user).toEqual({ id: LEAKED.accessKeyId, name: LEAKED.user });
    expect(src(facts.createdUserConsoleLogin)).toMatchObject({ eventType: 'AwsConsoleSignIn', additionalEventData: { MFAUsed: 'No' }, event: { outcome: 'success' }, user: { name: LEAKED.createdUser } });
    expect(src(facts.createdUserConsoleLogin).user.id).toBeUndefined();
    expect(src(facts.failedConsoleLogin)).toMatchObject({ event: { outcome: 'failure' }, error: { message: 'Failed authentication' } });
    expect(src(facts.assumeCrossAccountThere).cloud.account.id).toBe(LEAKED.otherAccount);
    expect(src(facts.assumeCrossAccountThere).user?.id).toBeUndefined();
  });

  it('Tor finding → the creation calls of the leaked key, with the failed one counted', () => {
    expect(tor.playbook.id).toBe('iam');
    expect(tor.finding.type).toBe(LEAKED.findings.tor.type);
    const created = hitKeys(tor, 'cloudtrail.created_credentials');
    for (const r of [facts.createUser, facts.attachAdmin, facts.createAccessKey, facts.createLoginProfile, facts.failedPutUserPolicy, facts.assumeCrossAccount]) expect(created).toContain(refKey(r));
    expect(check(tor, 'cloudtrail.created_credentials')).toMatchObject({ state: 'found', total: 6 });
    const text = story(tor);
    expect(text).toContain(`CreateUser ${LEAKED.createdUser}`);
    expect(text).toContain(`CreateAccessKey ${LEAKED.createdKey} for ${LEAKED.createdUser}`);
    expect(text).toContain(`AssumeRole into ${LEAKED.crossRole} in account ${LEAKED.otherAccount} (key ${LEAKED.crossKey})`);
    expect(text).toMatch(/1 attempt failed/);
  });

  it('Tor finding → what the new key did: the bucket reads from another address, the created user signing in without MFA, the calls in the other account', () => {
    const next = group(tor, 'cloudtrail.created_activity')!;
    expect(next.hop).toBe(2);
    const found = next.hits.map((h) => refKey(h.ref));
    for (const r of [...facts.createdKeyCalls, facts.createdUserConsoleLogin, ...facts.crossAccountCalls]) expect(found).toContain(refKey(r));
    expect(next.total).toBe(facts.createdKeyCalls.length + 1 + facts.crossAccountCalls.length);
    expect(next.facets.find((f) => f.label === 'Source IP')!.buckets.map((b) => b.value).sort()).toEqual([LEAKED.exfilIp, LEAKED.attackerIp].sort());
    expect(next.facets.find((f) => f.label === 'Bucket')!.buckets).toEqual([{ value: LEAKED.bucket, count: facts.createdKeyCalls.length - 1 }]);
    const text = story(tor);
    expect(text).toMatch(new RegExp(`key ${LEAKED.createdKey} \\(${LEAKED.createdUser}\\)`));
    expect(text).toContain(`GetObject (${LEAKED.objects.length})`);
    expect(text).toContain(`${LEAKED.createdUser} signed in to the console without MFA`);
    // The chain stays apart from the leaked key's own calls.
    expect(hitKeys(tor, 'cloudtrail.access_key').some((k) => found.includes(k))).toBe(false);
    const entity = (type: string, value: string) => tor.entities.find((e) => e.type === type && e.value === value);
    expect(entity('access_key', LEAKED.createdKey)!.sources).toContain('cloudtrail.created_credentials');
    expect(entity('access_key', LEAKED.createdKey)!.refs!['cloudtrail.created_credentials']).toEqual(facts.createAccessKey);
    expect(entity('user', LEAKED.createdUser)).toBeDefined();
    expect(entity('bucket', LEAKED.bucket)!.sources).toContain('cloudtrail.created_activity');
    expect(tor.took.roundTrips).toBe(2);
  });

  it('Tor finding → the accounts linked by the cross-account AssumeRole, in the entities and on the graph', () => {
    expect(tor.entities.find((e) => e.type === 'account' && e.value === LEAKED.otherAccount)?.sources).toContain('cloudtrail.created_credentials');
    const has = (from: string, rel: string, to: string) => tor.graph.edges.some((e) => e.from === from && e.relation === rel && e.to === to);
    expect(has(`account:123456789012`, 'assumed a role in', `account:${LEAKED.otherAccount}`)).toBe(true);
    expect(has(`access_key:${LEAKED.accessKeyId}`, 'created key', `access_key:${LEAKED.createdKey}`)).toBe(true);
    expect(has(`access_key:${LEAKED.createdKey}`, 'key of', `user:${LEAKED.createdUser}`)).toBe(true);
    expect(has(`access_key:${LEAKED.accessKeyId}`, 'assumed role', `access_key:${LEAKED.crossKey}`)).toBe(true);
  });

  it('Tor finding → a finding of the account the key assumed a role in is related with its entities; one of an unlinked account only shares the address', () => {
    const related = hitKeys(tor, 'guardduty.related');
    expect(related).toEqual(expect.arrayContaining([refKey(facts.s3Finding), refKey(facts.linkedFinding), refKey(facts.unlinkedFinding)]));
    const bucket = tor.entities.find((e) => e.type === 'bucket' && e.value === LEAKED.linkedBucket)!;
    expect(bucket.sources).toEqual(['guardduty.related']);
    expect(bucket.refs!['guardduty.related']).toEqual(facts.linkedFinding);
    const unlinked: string[] = [LEAKED.unlinkedAccount, ...Object.values(LEAKED.unlinked)];
    expect(tor.entities.filter((e) => unlinked.includes(e.value))).toEqual([]);
  });

  it('Tor finding → who made the leaked key (an administrator, two months before: told, not followed) and the console sign-ins', () => {
    const origin = hitKeys(tor, 'cloudtrail.key_origin');
    expect(origin).toEqual(expect.arrayContaining([refKey(facts.adminCreatedKey), refKey(facts.adminCreatedUser)]));
    expect(story(tor)).toMatch(new RegExp(`CreateAccessKey ${LEAKED.accessKeyId} for ${LEAKED.user} was called at \\S+ \\S+ UTC by ${LEAKED.creator.userName} \\(key ${LEAKED.creator.accessKeyId}\\) from ${LEAKED.creator.ip.replace(/\./g, '\\.')}`));
    // Made outside the window: the administrator's key is not chased.
    expect(tor.entities.some((e) => e.value === LEAKED.creator.accessKeyId)).toBe(false);
    const logins = hitKeys(tor, 'cloudtrail.console_logins');
    expect(logins).toEqual(expect.arrayContaining([refKey(facts.ownConsoleLogin), refKey(facts.failedConsoleLogin), refKey(facts.createdUserConsoleLogin)]));
    expect(logins).toHaveLength(3);
    expect(story(tor)).toMatch(new RegExp(`failed to sign in as ${LEAKED.user} without MFA at \\S+ \\S+ UTC from ${LEAKED.attackerIp.replace(/\./g, '\\.')} \\(an attacker address\\)`));
    expect(story(tor)).toMatch(new RegExp(`signed in as ${LEAKED.user} with MFA`));
  });

  it('S3 finding → back to who created the key that read the bucket: the leaked key, from the Tor address', () => {
    expect(exfil.playbook.id).toBe('s3');
    const origin = group(exfil, 'cloudtrail.key_origin')!;
    expect(origin.hop).toBe(1);
    expect(origin.hits.map((h) => refKey(h.ref))).toEqual([refKey(facts.createAccessKey), refKey(facts.createUser)]);
    const text = story(exfil);
    expect(text).toMatch(new RegExp(`CreateAccessKey ${LEAKED.createdKey} for ${LEAKED.createdUser} was called at \\S+ 13:04:52 UTC by ${LEAKED.user} \\(key ${LEAKED.accessKeyId}\\) from ${LEAKED.attackerIp.replace(/\./g, '\\.')}`));
    // The creator acted inside the window: what else it created is asked in the second round trip.
    const creator = exfil.entities.find((e) => e.type === 'access_key' && e.value === LEAKED.accessKeyId)!;
    expect(creator.sources).toContain('cloudtrail.key_origin');
    const created = group(exfil, 'cloudtrail.created_credentials')!;
    expect(created.hop).toBe(2);
    expect(created.hits.map((h) => refKey(h.ref))).toEqual(expect.arrayContaining([refKey(facts.createUser), refKey(facts.attachAdmin), refKey(facts.assumeCrossAccount)]));
    // The reads themselves are the finding's key's own activity.
    const reads = hitKeys(exfil, 'cloudtrail.object_access');
    for (const r of facts.createdKeyGetObjects) expect(reads).toContain(refKey(r));
    expect(exfil.took.roundTrips).toBe(2);
  });

  it('keeps the look-alikes out of both investigations', () => {
    for (const inv of [tor, exfil]) {
      const all = everything(inv);
      for (const v of [...LEAKED.noise.users, ...LEAKED.noise.accessKeys, ...LEAKED.noise.ips]) expect({ v, found: all.includes(`"${v}"`) || new RegExp(`[ (]${v.replace(/\./g, '\\.')}[ ,).]`).test(all) }).toEqual({ v, found: false });
    }
  });
});

describe('credential chains find nothing where there is nothing (real OpenSearch)', () => {
  let host: TestHost;
  let tor: Investigation;

  beforeAll(async () => {
    host = await startTestHost('chains-none');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const { docs, facts } = generateLeakedKeyScenario({ indexPrefix: host.prefix });
    // Only the finding and the look-alikes: the leaked key's own trail is missing.
    const lookAlikes = docs.filter((d) => {
      const s = d._source as any;
      return s['@log_type'] === 'guardduty' || (LEAKED.noise.users as readonly string[]).includes(s.user?.name);
    });
    await loadDocuments(host.opensearch, lookAlikes, { refresh: true });
    tor = (await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.torFinding })).body;
  });
  afterAll(() => host?.cleanup());

  it('says why each chain question found nothing or was not asked', () => {
    for (const rule of ['cloudtrail.created_credentials', 'cloudtrail.key_origin', 'cloudtrail.console_logins']) {
      expect(check(tor, rule)).toMatchObject({ state: 'nothing_found', reason: expect.stringMatching(/^no CloudTrail document in the window matches$|^CloudTrail has no documents/) });
    }
    expect(check(tor, 'cloudtrail.created_activity')).toMatchObject({ state: 'not_run', reason: expect.stringContaining('created or handed out by the credentials') });
    expect(story(tor)).not.toMatch(/created or handed out|signed in|was called at/);
    expect(tor.took.roundTrips).toBeLessThanOrEqual(2);
  });
});

describe('credential chains: one link deeper takes a third, bounded round trip (real OpenSearch)', () => {
  let host: TestHost;
  let tor: Investigation;
  let facts: ReturnType<typeof generateLeakedKeyScenario>['facts'];

  beforeAll(async () => {
    host = await startTestHost('chains-deeper');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const scenario = generateLeakedKeyScenario({ indexPrefix: host.prefix, deeperChain: true });
    facts = scenario.facts;
    await loadDocuments(host.opensearch, scenario.docs, { refresh: true });
    tor = (await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.torFinding })).body;
  });
  afterAll(() => host?.cleanup());

  it('finds the key the new key created (round 2) and what that key did (round 3)', () => {
    expect(hitKeys(tor, 'cloudtrail.created_credentials')).toContain(refKey(facts.deeperCreateAccessKey!));
    const next = group(tor, 'cloudtrail.created_activity')!;
    expect(next.hop).toBe(3);
    for (const r of facts.deeperKeyCalls!) expect(next.hits.map((h) => refKey(h.ref))).toContain(refKey(r));
    // Bounded: the third hop reads at most 30 hits, and only this rule runs in it.
    expect(next.hits.length).toBeLessThanOrEqual(30);
    expect(tor.evidence.filter((g) => g.hop === 3).map((g) => g.id)).toEqual(['cloudtrail.created_activity']);
    expect(tor.took.roundTrips).toBe(3);
    expect(story(tor)).toContain(`key ${LEAKED.deeperKey} (${LEAKED.deeperUser})`);
  });
});

describe('instance credential exfiltration: where else the instance’s credentials were used (real OpenSearch)', () => {
  const ask = async (withAttacker: boolean) => {
    const host = await startTestHost(withAttacker ? 'exfil' : 'exfil-none');
    try {
      const { docs } = await loadScenario(host.opensearch, host.prefix, { noise: 0 });
      // Without the attacker: the same trail with every call from the attacker's address removed.
      if (!withAttacker) {
        await host.opensearch.deleteByQuery({ index: `${host.prefix}log-aws-cloudtrail-*`, refresh: true, body: { query: { term: { 'source.ip': W.ATTACKER_EIP } } } } as any);
      }
      expect(docs.length).toBeGreaterThan(0);
      const finding = credentialExfiltrationFinding({ indexPrefix: host.prefix });
      await loadDocuments(host.opensearch, [finding], { refresh: true });
      const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: { index: finding._index, id: finding._id } });
      expect(r.status).toBe(200);
      return r.body;
    } finally {
      await host.cleanup();
    }
  };

  it('lists the attacker’s address and not the instance’s own (known from the related EC2 findings)', async () => {
    const inv = await ask(true);
    expect(inv.playbook.id).toBe('iam_instance_credentials');
    const g = group(inv, 'cloudtrail.instance_credentials_elsewhere')!;
    expect(g.hop).toBe(2);
    expect(g.facets.find((f) => f.label === 'Source IP')!.buckets.map((b) => b.value)).toEqual([W.ATTACKER_EIP]);
    expect(g.hits.every((h) => h.fields['source.ip'] === W.ATTACKER_EIP)).toBe(true);
    expect(story(inv)).toMatch(new RegExp(`used away from the instance \\(.*${W.INSTANCE_PUBLIC_IP.replace(/\./g, '\\.')}.*\\): from ${W.ATTACKER_EIP.replace(/\./g, '\\.')} \\(\\d+ calls, `));
  });

  it('finds nothing when the credentials never left the instance, and says so', async () => {
    const inv = await ask(false);
    expect(check(inv, 'cloudtrail.instance_credentials_elsewhere')).toMatchObject({ state: 'nothing_found', reason: 'no CloudTrail document in the window matches' });
    expect(story(inv)).not.toMatch(/used away from the instance/);
  });
});
