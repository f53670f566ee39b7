import { BulkChunker, BulkLoadError, chunkDocuments, chunkLines, parseArgs, sourceDemoDocs, summarizeBulkResponse } from './load';
import { generateNoise } from '../test/fixtures/scenario/generate';
import { buildIndexTemplates, shardSettings } from './index_templates';

const action = (op: string, id: string) => JSON.stringify({ [op]: { _index: 'i', _id: id } });
const source = (n: number) => JSON.stringify({ n });
const bodyLines = (body: string) => body.split('\n').slice(0, -1);

describe('chunking _bulk NDJSON', () => {
  it('never separates an action from its source line, and a delete has none', () => {
    const lines = [action('index', '1'), source(1), '', action('delete', '2'), action('create', '3'), source(3), action('update', '4'), '{"doc":{"n":4}}', action('index', '5'), source(5)];
    const chunks = [...chunkLines(lines, { maxActions: 2 })];
    expect(chunks.map((c) => c.actions)).toEqual([2, 2, 1]);
    expect(chunks.map((c) => bodyLines(c.body))).toEqual([
      [action('index', '1'), source(1), action('delete', '2')],
      [action('create', '3'), source(3), action('update', '4'), '{"doc":{"n":4}}'],
      [action('index', '5'), source(5)],
    ]);
    for (const c of chunks) expect(c.body.endsWith('\n')).toBe(true);
  });

  it('also cuts chunks by size', () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1000) });
    const lines = Array.from({ length: 10 }, (_, i) => [action('index', String(i)), big]).flat();
    const chunks = [...chunkLines(lines, { maxActions: 100, maxBytes: 3000 })];
    expect(chunks.map((c) => c.actions)).toEqual([3, 3, 3, 1]);
  });

  it('rejects lines that are not bulk actions and a trailing action without source', () => {
    expect(() => [...chunkLines(['{"foo":{}}', source(1)])]).toThrow(/line 1: expected a bulk action/);
    expect(() => [...chunkLines(['not json'])]).toThrow(/line 1: not JSON/);
    const chunker = new BulkChunker();
    chunker.push(action('index', '1'));
    expect(() => chunker.flush()).toThrow(/no source line/);
  });

  it('turns documents into index actions, chunk by chunk', () => {
    const docs = [...generateNoise(12, { seed: 1 })];
    const chunks = [...chunkDocuments(docs, { maxActions: 5 })];
    expect(chunks.map((c) => c.actions)).toEqual([5, 5, 2]);
    const lines = chunks.flatMap((c) => bodyLines(c.body));
    expect(lines).toHaveLength(24);
    expect(JSON.parse(lines[0])).toEqual({ index: { _index: docs[0]._index, _id: docs[0]._id } });
    expect(JSON.parse(lines[23])).toEqual(docs[11]._source);
  });
});

describe('reading _bulk responses', () => {
  it('counts successes per index and keeps the first rejected items with their reason', () => {
    const summary = summarizeBulkResponse({
      errors: true,
      items: [
        { index: { _index: 'a', _id: '1', status: 201 } },
        { create: { _index: 'a', _id: '2', status: 409, error: { type: 'version_conflict_engine_exception', reason: '[2]: version conflict' } } },
        { index: { _index: 'b', _id: '3', status: 200 } },
        { index: { _index: 'b', _id: '4', status: 400, error: { type: 'mapper_parsing_exception', reason: 'failed to parse', caused_by: { reason: 'bad value' } } } },
      ],
    });
    expect(summary.perIndex).toEqual({ a: 1, b: 1 });
    expect(summary.failed).toBe(2);
    expect(summary.errors).toEqual([
      { index: 'a', id: '2', status: 409, type: 'version_conflict_engine_exception', reason: '[2]: version conflict' },
      { index: 'b', id: '4', status: 400, type: 'mapper_parsing_exception', reason: 'failed to parse (bad value)' },
    ]);
    expect(new BulkLoadError(summary.failed, summary.errors).message).toMatch(/2 document\(s\) rejected[\s\S]*b\/4: 400 mapper_parsing_exception failed to parse \(bad value\)/);
  });
});

describe('load CLI arguments', () => {
  it('takes a file or --demo with scenario options', () => {
    expect(parseArgs(['data.ndjson', '--prefix', 'x-'])).toMatchObject({ file: 'data.ndjson', demo: false, prefix: 'x-' });
    expect(parseArgs(['--demo', '--base-date', '2022-01-05', '--heavy', '--noise', '10', '--mapping', 'legacy', '--numbered'])).toMatchObject({
      demo: true,
      scenario: { baseDate: '2022-01-05', heavy: true, noise: 10, guarddutyMapping: 'legacy', indexNaming: 'numbered', indexPrefix: '' },
    });
  });

  it('refuses ambiguous or incomplete arguments', () => {
    expect(parseArgs(['--demo', '--leaked-key'])).toMatchObject({ demo: true, leakedKey: true });
    expect(parseArgs(['--demo']).leakedKey).toBeUndefined();
    expect(() => parseArgs([])).toThrow(/either an NDJSON file or --demo/);
    expect(() => parseArgs(['a.ndjson', '--demo'])).toThrow(/either/);
    expect(() => parseArgs(['--demo', '--base-date'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--demo', '--noise', '-3'])).toThrow(/non-negative integer/);
    expect(() => parseArgs(['a.ndjson', '--sources'])).toThrow(/--sources goes with --demo/);
    expect(parseArgs(['--demo', '--sources'])).toMatchObject({ demo: true, sources: true });
    expect(() => parseArgs(['--demo', '--mapping', 'old'])).toThrow(/current, legacy or mixed/);
    expect(() => parseArgs(['--demo', '--bogus'])).toThrow(/unknown option/);
  });
});

describe('index template shard settings', () => {
  it('default to one primary and no replica, and follow SIEM_INDEX_SHARDS / SIEM_INDEX_REPLICAS', () => {
    expect(shardSettings({}, {})).toEqual({ shards: 1, replicas: 0 });
    expect(shardSettings({}, { SIEM_INDEX_SHARDS: '3', SIEM_INDEX_REPLICAS: '1' })).toEqual({ shards: 3, replicas: 1 });
    expect(shardSettings({ shards: 2, replicas: 0 }, { SIEM_INDEX_SHARDS: '3', SIEM_INDEX_REPLICAS: '1' })).toEqual({ shards: 2, replicas: 0 });
    expect(() => shardSettings({}, { SIEM_INDEX_SHARDS: '0' })).toThrow(/SIEM_INDEX_SHARDS/);
    const t = buildIndexTemplates('p-', { shards: 3, replicas: 1 });
    expect((t.components['p-component_template_log'] as any).template.settings).toMatchObject({ 'index.number_of_shards': 3, 'index.number_of_replicas': 1 });
  });
});

describe('demo documents of the S3 access log, Windows and Linux OS sources', () => {
  const docs = sourceDemoDocs('p-', '2021-04-27', 100);
  const indices = (re: RegExp) => docs.filter((d) => re.test(d._index));

  it('holds the corpus findings they tell, their incidents and 100 noise documents, in the SIEM index names', () => {
    const findings = indices(/^p-log-aws-guardduty-/).map((d) => (d._source as any).type as string);
    expect(findings).toEqual(expect.arrayContaining(['UnauthorizedAccess:EC2/RDPBruteForce', 'Exfiltration:S3/MaliciousIPCaller', 'UnauthorizedAccess:EC2/SSHBruteForce']));
    expect(findings.every((t) => /:EC2\/RDPBruteForce|:S3\/|:EC2\/SSHBruteForce/.test(t))).toBe(true);
    expect(indices(/^p-log-win-event-\d{4}-\d{2}$/).length).toBeGreaterThan(26);
    expect(indices(/^p-log-aws-s3accesslog-\d{4}-\d{2}$/).length).toBeGreaterThan(5);
    expect(indices(/^p-log-linux-os-\d{4}-\d{2}$/).length).toBeGreaterThan(2);
    expect(indices(/^p-log-linux-secure-\d{4}-\d{2}$/).length).toBeGreaterThan(2);
    expect(new Set(docs.map((d) => `${d._index}/${d._id}`)).size).toBe(docs.length);
  });

  it('keeps the noise away from the incidents: no attacker address or incident instance in it', () => {
    const incidentIps = new Set(indices(/log-win-event|log-aws-s3accesslog/).filter((d) => (d._source as any).source?.ip?.startsWith('203.0.113.') || (d._source as any).source?.ip?.startsWith('10.10.')).map((d) => (d._source as any).source.ip));
    expect(incidentIps.size).toBeGreaterThan(0);
    const noise = docs.filter((d) => (d._source as any)['@timestamp']?.startsWith('2021-04-2'));
    expect(noise.length).toBe(100);
    for (const d of noise) expect(incidentIps.has((d._source as any).source?.ip)).toBe(false);
  });
});
