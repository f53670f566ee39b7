/**
 * Bulk loader for local OpenSearch.
 *
 *   npm run load -- FILE.ndjson [--prefix P]          any `_bulk` NDJSON file, streamed in chunks
 *   npm run load -- --demo [--base-date YYYY-MM-DD] [--heavy] [--noise N] [--seed N]
 *                          [--mapping current|legacy|mixed] [--numbered] [--prefix P] [--sources] [--leaked-key]
 *   --sources: also the GuardDuty corpus findings whose incident the S3 access log, Windows and Linux
 *   OS sources tell (RDP brute force, S3 exfiltration, SSH brute force), with those documents and
 *   noise/4 background documents of the same sources (test/fixtures/host_and_data_sources.ts)
 *   --leaked-key: also the leaked long-term IAM user key incident (test/fixtures/scenario/leaked_key.ts)
 *   common: [--url http://127.0.0.1:9200] (or OPENSEARCH_URL) [--chunk 5000]
 *
 * Applies the SIEM index templates if they are missing, loads, refreshes and prints the documents
 * per index. Any rejected document makes it fail (exit 1) with the first errors.
 */
import fs from 'fs';
import { performance } from 'perf_hooks';
import { Client } from '@opensearch-project/opensearch';
import { applyIndexTemplates } from './index_templates';
import { bulkLines, generateScenario, ScenarioOptions, SiemDoc } from '../test/fixtures/scenario/generate';
import { generateLeakedKeyScenario } from '../test/fixtures/scenario/leaked_key';
import { buildCorpus, corpusDocs } from '../test/fixtures/guardduty_corpus/generate';
import { incidentDocs, sourceNoise } from '../test/fixtures/host_and_data_sources';
import { DEFAULT_BASE_DATE } from '../test/fixtures/scenario/constants';

export const DEFAULT_OPENSEARCH_URL = 'http://127.0.0.1:9200';
const DEFAULT_CHUNK_DOCS = 5000;
/** A chunk is also cut at this size, so that a few huge documents do not make a huge request. */
const DEFAULT_CHUNK_BYTES = 20 * 1024 * 1024;
const MAX_REPORTED_ERRORS = 10;

export function createClient(url: string = process.env.OPENSEARCH_URL ?? DEFAULT_OPENSEARCH_URL, requestTimeout = 120_000): Client {
  return new Client({ node: url, requestTimeout });
}

// ---------------------------------------------------------------------------------------------------
// Chunking (pure)
// ---------------------------------------------------------------------------------------------------

export interface BulkChunk {
  /** NDJSON request body, newline-terminated. */
  body: string;
  /** Number of actions (documents) in it. */
  actions: number;
}

export interface ChunkLimits {
  maxActions?: number;
  maxBytes?: number;
}

const BULK_OPS = new Set(['index', 'create', 'update', 'delete']);

/**
 * Groups `_bulk` NDJSON lines into request bodies without splitting an action from its source
 * line. `delete` actions have no source line; blank lines are ignored.
 */
export class BulkChunker {
  private lines: string[] = [];
  private actions = 0;
  private bytes = 0;
  private pendingSource = false;
  private lineNo = 0;
  private readonly maxActions: number;
  private readonly maxBytes: number;

  constructor(limits: ChunkLimits = {}) {
    this.maxActions = limits.maxActions ?? DEFAULT_CHUNK_DOCS;
    this.maxBytes = limits.maxBytes ?? DEFAULT_CHUNK_BYTES;
  }

  /** Adds a line; returns a full chunk when one is ready. */
  push(line: string): BulkChunk | undefined {
    this.lineNo++;
    const trimmed = line.trim();
    if (!trimmed) return undefined;
    if (this.pendingSource) {
      this.append(trimmed);
      this.pendingSource = false;
      return this.full() ? this.take() : undefined;
    }
    const op = bulkOperation(trimmed, this.lineNo);
    this.append(trimmed);
    this.actions++;
    if (op === 'delete') return this.full() ? this.take() : undefined;
    this.pendingSource = true;
    return undefined;
  }

  /** The last, partial chunk (call once at the end). */
  flush(): BulkChunk | undefined {
    if (this.pendingSource) throw new Error(`line ${this.lineNo}: the last action has no source line`);
    return this.actions ? this.take() : undefined;
  }

  private append(line: string): void {
    this.lines.push(line);
    this.bytes += Buffer.byteLength(line) + 1;
  }

  private full(): boolean {
    return this.actions >= this.maxActions || this.bytes >= this.maxBytes;
  }

  private take(): BulkChunk {
    const chunk = { body: `${this.lines.join('\n')}\n`, actions: this.actions };
    this.lines = [];
    this.actions = 0;
    this.bytes = 0;
    return chunk;
  }
}

function bulkOperation(line: string, lineNo: number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`line ${lineNo}: not JSON: ${line.slice(0, 120)}`);
  }
  const keys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  if (keys.length !== 1 || !BULK_OPS.has(keys[0])) {
    throw new Error(`line ${lineNo}: expected a bulk action ({"index": {...}}, create, update or delete), got ${line.slice(0, 120)}`);
  }
  return keys[0];
}

export function* chunkLines(lines: Iterable<string>, limits?: ChunkLimits): Generator<BulkChunk> {
  const chunker = new BulkChunker(limits);
  for (const line of lines) {
    const chunk = chunker.push(line);
    if (chunk) yield chunk;
  }
  const last = chunker.flush();
  if (last) yield last;
}

export function* chunkDocuments(docs: Iterable<SiemDoc>, limits?: ChunkLimits): Generator<BulkChunk> {
  function* lines(): Generator<string> {
    for (const d of docs) {
      const [action, source] = bulkLines(d).split('\n');
      yield action;
      yield source;
    }
  }
  yield* chunkLines(lines(), limits);
}

// ---------------------------------------------------------------------------------------------------
// Responses (pure)
// ---------------------------------------------------------------------------------------------------

export interface BulkItemError {
  index: string;
  id: string;
  status: number;
  type?: string;
  reason: string;
}

export interface BulkSummary {
  /** Successful actions per index. */
  perIndex: Record<string, number>;
  failed: number;
  errors: BulkItemError[];
}

/** Reads a `_bulk` response: successes per index and the rejected items. */
export function summarizeBulkResponse(body: any, into: BulkSummary = { perIndex: {}, failed: 0, errors: [] }): BulkSummary {
  for (const item of body?.items ?? []) {
    const result = item[Object.keys(item)[0]] ?? {};
    if (result.error || result.status >= 300) {
      into.failed++;
      if (into.errors.length < MAX_REPORTED_ERRORS) {
        const e = result.error ?? {};
        const cause = e.caused_by?.reason ? ` (${e.caused_by.reason})` : '';
        into.errors.push({ index: result._index, id: result._id, status: result.status, type: e.type, reason: `${e.reason ?? JSON.stringify(e)}${cause}` });
      }
    } else {
      into.perIndex[result._index] = (into.perIndex[result._index] ?? 0) + 1;
    }
  }
  return into;
}

export class BulkLoadError extends Error {
  constructor(
    readonly failed: number,
    readonly errors: BulkItemError[],
  ) {
    super(
      `${failed} document(s) rejected by OpenSearch; first errors:\n` +
        errors.map((e) => `  ${e.index}/${e.id}: ${e.status} ${e.type ?? ''} ${e.reason}`).join('\n'),
    );
    this.name = 'BulkLoadError';
  }
}

// ---------------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------------

export interface LoadOptions {
  /** Refresh the touched indices at the end (default true). */
  refresh?: boolean;
  /** Documents per `_bulk` request (default 5000). */
  chunkSize?: number;
  /** Requests in flight (default 2). */
  concurrency?: number;
  onProgress?: (loaded: number) => void;
}

export interface LoadResult {
  loaded: number;
  perIndex: Record<string, number>;
  requests: number;
  tookMs: number;
}

/** Attempts of one `_bulk` request when OpenSearch pushes back or does not answer in time. */
const BULK_ATTEMPTS = 6;

/**
 * One `_bulk` request, sent again after a pause when OpenSearch pushes back (429: indexing pressure
 * or a full write queue, as on a small-heap node or a cluster that also indexes replicas) or times
 * out on a busy machine. Documents have ids, so a request that was partly applied is applied again
 * harmlessly. Other errors are thrown at once.
 */
export async function bulkWithRetry(client: Client, body: string, attempts = BULK_ATTEMPTS, pauseMs = 2000): Promise<{ body: any }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.bulk({ body } as any);
      // A 200 whose items were all refused for pressure is pushback too.
      const items: any[] = res.body?.items ?? [];
      const pushedBack = items.length > 0 && items.every((i) => i[Object.keys(i)[0]]?.status === 429);
      if (!pushedBack || attempt >= attempts) return res;
    } catch (e) {
      const status = (e as { meta?: { statusCode?: number } }).meta?.statusCode;
      const retriable = status === 429 || (e as Error).name === 'TimeoutError';
      if (!retriable || attempt >= attempts) throw e;
    }
    await new Promise((r) => setTimeout(r, pauseMs * attempt));
  }
}

/** Sends the chunks with bounded concurrency; stops at the first rejected document and throws. */
export async function sendChunks(client: Client, chunks: Iterable<BulkChunk> | AsyncIterable<BulkChunk>, opts: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const summary: BulkSummary = { perIndex: {}, failed: 0, errors: [] };
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const inFlight = new Set<Promise<void>>();
  let requests = 0;
  let loaded = 0;
  let failure: unknown;
  for await (const chunk of chunks) {
    if (failure || summary.failed) break;
    const p: Promise<void> = bulkWithRetry(client, chunk.body)
      .then((res) => {
        summarizeBulkResponse(res.body, summary);
        loaded += chunk.actions;
        opts.onProgress?.(loaded);
      })
      .catch((e) => {
        failure ??= e;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    requests++;
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  if (summary.failed) throw new BulkLoadError(summary.failed, summary.errors);
  const indices = Object.keys(summary.perIndex);
  if (opts.refresh !== false && indices.length) await client.indices.refresh({ index: indices.join(',') });
  return { loaded: Object.values(summary.perIndex).reduce((a, b) => a + b, 0), perIndex: summary.perIndex, requests, tookMs: performance.now() - started };
}

/** Loads documents (any iterable, e.g. a generator of a million) in `_bulk` chunks. */
export function loadDocuments(client: Client, docs: Iterable<SiemDoc>, opts: LoadOptions = {}): Promise<LoadResult> {
  return sendChunks(client, chunkDocuments(docs, { maxActions: opts.chunkSize }), opts);
}

/** Lines of a file, read 1 MiB at a time and only as fast as they are consumed. */
async function* readLines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const block of fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + block).split('\n');
    rest = lines.pop()!;
    for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  if (rest) yield rest;
}

/** Streams a `_bulk` NDJSON file (never read into memory as a whole). */
export async function loadNdjsonFile(client: Client, path: string, opts: LoadOptions = {}): Promise<LoadResult> {
  async function* chunks(): AsyncGenerator<BulkChunk> {
    const chunker = new BulkChunker({ maxActions: opts.chunkSize });
    for await (const line of readLines(path)) {
      const chunk = chunker.push(line);
      if (chunk) yield chunk;
    }
    const last = chunker.flush();
    if (last) yield last;
  }
  return sendChunks(client, chunks(), opts);
}

// ---------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------

export interface CliArgs {
  file?: string;
  demo: boolean;
  /** With --demo: the corpus incidents of the S3 access log, Windows and Linux OS sources too. */
  sources?: boolean;
  url?: string;
  prefix: string;
  chunkSize?: number;
  scenario: ScenarioOptions;
  /** Also the leaked long-term IAM user key incident (test/fixtures/scenario/leaked_key.ts). */
  leakedKey?: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { demo: false, prefix: '', scenario: {} };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const number = (i: number, name: string): number => {
    const n = Number(value(i, name));
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--demo':
        args.demo = true;
        break;
      case '--sources':
        args.sources = true;
        break;
      case '--heavy':
        args.scenario.heavy = true;
        break;
      case '--leaked-key':
        args.leakedKey = true;
        break;
      case '--numbered':
        args.scenario.indexNaming = 'numbered';
        break;
      case '--base-date':
        args.scenario.baseDate = value(i++, a);
        break;
      case '--noise':
        args.scenario.noise = number(i++, a);
        break;
      case '--seed':
        args.scenario.seed = number(i++, a);
        break;
      case '--mapping': {
        const m = value(i++, a);
        if (m !== 'current' && m !== 'legacy' && m !== 'mixed') throw new Error('--mapping must be current, legacy or mixed');
        args.scenario.guarddutyMapping = m;
        break;
      }
      case '--prefix':
        args.prefix = value(i++, a);
        break;
      case '--url':
        args.url = value(i++, a);
        break;
      case '--chunk':
        args.chunkSize = number(i++, a);
        break;
      default:
        if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
        if (args.file) throw new Error(`only one file, got ${args.file} and ${a}`);
        args.file = a;
    }
  }
  if (args.demo === Boolean(args.file)) throw new Error('give either an NDJSON file or --demo');
  if (args.sources && !args.demo) throw new Error('--sources goes with --demo');
  args.scenario.indexPrefix = args.prefix;
  return args;
}

/**
 * The corpus findings whose incident the S3 access log, Windows and Linux OS sources tell, their
 * documents in those sources, and `noiseDocs` background documents of them around the scenario day.
 */
export function sourceDemoDocs(prefix: string, baseDate: string, noiseDocs: number): SiemDoc[] {
  const corpus = buildCorpus();
  const o = { accountId: '111122223333', region: 'us-east-1', indexPrefix: prefix };
  const withIncident = corpus.map((f) => ({ f, docs: incidentDocs(f, { ...o, accountId: f.raw.accountId }) })).filter((x) => x.docs.length);
  const center = Date.parse(`${baseDate}T10:30:00Z`) * 1000;
  return [...corpusDocs(withIncident.map((x) => x.f), 'current', prefix), ...withIncident.flatMap((x) => x.docs), ...sourceNoise(noiseDocs, center, o)];
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

async function printCounts(client: Client, result: LoadResult): Promise<void> {
  const indices = Object.keys(result.perIndex).sort();
  const rows = indices.length
    ? ((await client.cat.indices({ index: indices.join(','), format: 'json', h: 'index,docs.count' } as any)).body as Array<{ index: string; 'docs.count': string }>)
    : [];
  const total = new Map(rows.map((r) => [r.index, r['docs.count']]));
  const width = Math.max(5, ...indices.map((i) => i.length));
  console.log(`${'index'.padEnd(width)}  loaded  in index`);
  for (const i of indices) console.log(`${i.padEnd(width)}  ${String(result.perIndex[i]).padStart(6)}  ${String(total.get(i) ?? '?').padStart(8)}`);
  const seconds = result.tookMs / 1000;
  console.log(`${result.loaded} documents in ${seconds.toFixed(1)} s (${Math.round(result.loaded / Math.max(seconds, 0.001))} docs/s, ${result.requests} requests)`);
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`load: ${(e as Error).message}`);
    console.error('usage: npm run load -- FILE.ndjson | --demo [--base-date YYYY-MM-DD] [--heavy] [--noise N] [--seed N] [--mapping current|legacy|mixed] [--numbered] [--prefix P] [--sources] [--leaked-key] [--url URL] [--chunk N]');
    return 2;
  }
  const client = createClient(args.url);
  try {
    const templates = await applyIndexTemplates(client, { prefix: args.prefix });
    if (templates.created.length) console.log(`created ${templates.created.length} index/component templates (prefix '${args.prefix}')`);
    let result: LoadResult;
    if (args.demo) {
      const { docs, facts } = generateScenario(args.scenario);
      console.log(`generated the workshop incident of ${facts.baseDate}: ${docs.length} documents`);
      if (args.leakedKey) {
        const leaked = generateLeakedKeyScenario(args.scenario);
        console.log(`and the leaked IAM user key incident: ${leaked.docs.length} documents`);
        docs.push(...leaked.docs);
      }
      result = await loadDocuments(client, docs, { chunkSize: args.chunkSize });
      if (args.sources) {
        const extra = sourceDemoDocs(args.prefix, args.scenario.baseDate ?? DEFAULT_BASE_DATE, Math.floor((args.scenario.noise ?? 1500) / 4));
        console.log(`the corpus incidents in the S3 access log, Windows and Linux OS sources: ${extra.length} documents`);
        const more = await loadDocuments(client, extra, { chunkSize: args.chunkSize });
        result = { ...result, loaded: result.loaded + more.loaded, requests: result.requests + more.requests, tookMs: result.tookMs + more.tookMs, perIndex: mergeCounts(result.perIndex, more.perIndex) };
      }
    } else {
      result = await loadNdjsonFile(client, args.file!, { chunkSize: args.chunkSize });
    }
    await printCounts(client, result);
    return 0;
  } catch (e) {
    console.error(`load: FAILED: ${(e as Error).message}`);
    return 1;
  } finally {
    await client.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
