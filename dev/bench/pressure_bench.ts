/**
 * `npm run bench:pressure [-- --failures 500000 --days 5 --console 100000 --noise 20000 --runs 10]`:
 * a heavy finding under real pressure (issue 15, item 4). The heavy SSH brute force of the scenario
 * is written at full size (hundreds of thousands of failed sshd logins over several days, plus failed
 * console sign-ins from the same address in CloudTrail), loaded once under its own prefix
 * (`pressure-<failures>-<days>d-<console>-`) and reused; then `POST /investigate` on its finding runs
 * through the dev host, interleaved with the same requests sent straight to OpenSearch. Reports wall
 * time, round trips, each evidence group's total and whether it is marked a lower bound, the answer's
 * size, the bench process's RSS (it hosts the dev host) and OpenSearch's heap. Writes the section
 * `pressure-bench` of docs/benchmarks.md and build/bench/pressure.json.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { Client } from '@opensearch-project/opensearch';
import { resolveSources } from '../../common/sources';
import { API_PATHS, LIMITS } from '../../common/constants';
import { Investigation } from '../../common/types';
import { investigate } from '../../server/correlation/investigate';
import { createOpenSearchReader, TransportClient } from '../../server/lib/opensearch_reader';
import { RequestBudget } from '../../server/lib/request_budget';
import { startDevHost } from '../host/dev_host';
import { applyIndexTemplates } from '../index_templates';
import { createClient, loadDocuments } from '../load';
import { generateScenario, heavyBulkCount, heavyBulkDocs, ScenarioOptions } from '../../test/fixtures/scenario/generate';
import { prefixedSourcesConfig } from '../../test/integration/helpers';
import { fmt, summarize, Summary } from './stats';
import { arg, countDocs, ensureOpenSearch, interleaved, loadWithProgress, ROOT } from './common';

const MiB = 2 ** 20;

/** The scenario (with its noise) first, then the heavy bulk streamed; a partial load resumes. */
async function ensureData(client: Client, opts: ScenarioOptions) {
  const prefix = opts.indexPrefix!;
  const scenario = generateScenario(opts);
  const bulk = heavyBulkCount(opts);
  const expected = scenario.docs.length + bulk;
  let count = await countDocs(client, prefix);
  if (count >= expected) {
    console.log(`reusing ${count.toLocaleString('en')} documents under ${prefix}`);
    return { scenario, count };
  }
  await applyIndexTemplates(client, { prefix });
  const t0 = performance.now();
  if (count < scenario.docs.length) {
    console.log(`loading the scenario and its noise (${scenario.docs.length.toLocaleString('en')} documents) under ${prefix}`);
    await loadDocuments(client, scenario.docs, { refresh: false });
    count = scenario.docs.length;
  }
  // Resume a little before what is there: a chunk in flight when a load stopped may be partly
  // indexed, and loading a document again only overwrites it (its id is deterministic).
  const from = Math.max(0, count - scenario.docs.length - 20_000);
  console.log(`loading the heavy brute force ${from.toLocaleString('en')} → ${bulk.toLocaleString('en')} under ${prefix}`);
  await loadWithProgress(client, heavyBulkDocs(opts, from), { from, total: bulk, t0, what: 'documents of the heavy brute force' });
  console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Fewer segments, as a SIEM's older indices have after their merges; otherwise a fresh bulk load's
  // many small segments would be measured.
  await client.indices.forcemerge({ index: `${prefix}log-*`, max_num_segments: 1 } as any).catch(() => undefined);
  return { scenario, count: await countDocs(client, prefix) };
}

interface GroupFigure {
  id: string;
  source?: string;
  total: number;
  totalIsLowerBound: boolean;
  /** The documents the bounded search collected, when it stopped early (`breakdownIsPartial`). */
  collected?: number;
  hits: number;
  error?: string;
}

interface PressureFigures {
  date: string;
  machine: { cores: number; memoryGiB: number; node: string; loadAverage: number[] };
  opensearch: { heapMaxMiB: number; heapUsedMaxMiB: number };
  documents: number;
  heavy: { sshFailures: number; consoleFailures: number; days: number };
  maxDocsPerShard: number;
  window: { from: string; to: string };
  plugin: Summary;
  direct: Summary;
  serverSide: Summary;
  roundTrips: number[];
  responseBytes: { min: number; max: number };
  groups: GroupFigure[];
  exactCounts: ExactCount[];
  coverage: Array<{ source: string; docsInWindow: number; lowerBound: boolean; error?: string }>;
  rssMiB: { before: number; max: number; after: number; maxRss: number };
  heapUsedMiB: { before: number; max: number };
}

interface ExactCount {
  index: string;
  /** What the bounded search said (it stopped at `terminate_after`). */
  bounded: number;
  /** The same query counted without a bound (size 0, no aggregations, no `terminate_after`). */
  exact: number;
  tookMs: number;
}

/**
 * For every evidence search that stopped at its bound, the same query counted exactly: how far the
 * lower bound the answer shows is from what the data holds, and what the exact count would cost.
 */
async function exactCounts(client: Client, recorded: Array<{ path: string; bulkBody?: unknown }>): Promise<ExactCount[]> {
  const out: ExactCount[] = [];
  for (const r of recorded) {
    if (r.path !== '/_msearch' || !Array.isArray(r.bulkBody)) continue;
    const items = r.bulkBody as Array<Record<string, any>>;
    const res = (await client.msearch({ body: items } as any)).body as { responses: Array<Record<string, any>> };
    for (let i = 0; i < res.responses.length; i++) {
      const item = res.responses[i];
      if (!item.terminated_early) continue;
      const [header, body] = [items[2 * i], items[2 * i + 1]];
      const t = performance.now();
      const counted = await client.search({ index: header.index, ignore_unavailable: true, allow_no_indices: true, body: { query: body.query, size: 0, track_total_hits: true, timeout: LIMITS.searchTimeout } } as any);
      const total = (counted.body as any).hits.total;
      out.push({ index: header.index, bounded: typeof item.hits.total === 'number' ? item.hits.total : item.hits.total.value, exact: total.value, tookMs: performance.now() - t });
    }
  }
  return out;
}

async function heapOf(client: Client): Promise<{ used: number; max: number }> {
  const r = await client.nodes.stats({ metric: 'jvm' } as any);
  const nodes = Object.values((r.body as any).nodes) as Array<{ jvm: { mem: { heap_used_in_bytes: number; heap_max_in_bytes: number } } }>;
  return { used: Math.max(...nodes.map((n) => n.jvm.mem.heap_used_in_bytes)) / MiB, max: Math.max(...nodes.map((n) => n.jvm.mem.heap_max_in_bytes)) / MiB };
}

async function main() {
  const failures = arg('failures', 500_000);
  const days = arg('days', 5);
  const consoleFailures = arg('console', 100_000);
  const noise = arg('noise', 20_000);
  const runs = Math.max(3, arg('runs', 10));
  const url = await ensureOpenSearch();
  const client = createClient(url);
  const prefix = `pressure-${failures}-${days}d-${consoleFailures}-`;
  const opts: ScenarioOptions = { indexPrefix: prefix, noise, seed: 7, heavy: { failures, days, consoleFailures, streamBulk: true } };
  const { scenario, count } = await ensureData(client, opts);
  if (process.argv.includes('--load-only')) return client.close();
  const finding = scenario.facts.heavyFinding!;
  const config = prefixedSourcesConfig(prefix);
  const sources = resolveSources((config as any).sources);

  // What the plugin sends: recorded once through the engine itself, then replayed straight.
  const recorded: Array<Parameters<TransportClient['transport']['request']>[0]> = [];
  const recorder: TransportClient = { transport: { request: (p, o) => (recorded.push(p), client.transport.request(p as any, o as any) as any) } };
  await investigate(createOpenSearchReader(recorder, { budget: new RequestBudget(LIMITS.requestTimeoutMs) }), { finding, sources, maxDocsPerShard: LIMITS.maxDocsPerShard });

  const exact = await exactCounts(client, recorded);

  const host = await startDevHost({ port: 0, opensearchUrl: url, pluginDir: ROOT, config, quiet: true });
  const serverTook: number[] = [];
  const roundTrips = new Set<number>();
  const sizes: number[] = [];
  let last: Investigation | undefined;
  const viaPlugin = async () => {
    const r = await fetch(host.url + API_PATHS.investigate, { method: 'POST', headers: { 'content-type': 'application/json', 'osd-xsrf': 'bench' }, body: JSON.stringify({ finding }) });
    const text = await r.text();
    if (r.status !== 200) throw new Error(`investigate answered ${r.status}: ${text.slice(0, 500)}`);
    sizes.push(Buffer.byteLength(text));
    last = JSON.parse(text) as Investigation;
    serverTook.push(last.took.ms);
    roundTrips.add(last.took.roundTrips);
  };
  const direct = async () => {
    for (const c of recorded) await client.transport.request(c as any, { requestTimeout: LIMITS.requestTimeoutMs } as any);
  };

  const heapBefore = await heapOf(client);
  let heapMax = heapBefore.used;
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const rssSampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 25);
  let sampling = false;
  const heapSampler = setInterval(() => {
    if (sampling) return;
    sampling = true;
    heapOf(client)
      .then((h) => (heapMax = Math.max(heapMax, h.used)))
      .catch(() => undefined)
      .finally(() => (sampling = false));
  }, 500);
  console.log(`investigating the heavy finding ${runs} times (plugin and direct interleaved, 1 warm-up) over ${count.toLocaleString('en')} documents`);
  const t = await interleaved(runs, { plugin: viaPlugin, direct }, 1);
  clearInterval(rssSampler);
  clearInterval(heapSampler);
  await host.close();

  const inv = last!;
  const out: PressureFigures = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))) },
    opensearch: { heapMaxMiB: heapBefore.max, heapUsedMaxMiB: heapMax },
    documents: count,
    heavy: { sshFailures: failures, consoleFailures, days },
    maxDocsPerShard: LIMITS.maxDocsPerShard,
    window: inv.window,
    plugin: summarize(t.plugin),
    direct: summarize(t.direct),
    serverSide: summarize(serverTook.slice(-runs)),
    roundTrips: [...roundTrips],
    responseBytes: { min: Math.min(...sizes), max: Math.max(...sizes) },
    groups: inv.evidence.map((g) => ({ id: g.id, source: g.source, total: g.total, totalIsLowerBound: g.totalIsLowerBound === true, ...(g.breakdownIsPartial ? { collected: g.collected } : {}), hits: g.hits.length, ...(g.error ? { error: g.error } : {}) })),
    exactCounts: exact,
    coverage: inv.coverage.map((c) => ({ source: c.source, docsInWindow: c.docsInWindow, lowerBound: c.docsInWindowIsLowerBound === true, ...(c.error ? { error: c.error } : {}) })),
    rssMiB: { before: rssBefore / MiB, max: rssMax / MiB, after: process.memoryUsage().rss / MiB, maxRss: process.resourceUsage().maxRSS / 1024 },
    heapUsedMiB: { before: heapBefore.used, max: heapMax },
  };
  fs.mkdirSync(path.join(ROOT, 'build/bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'build/bench/pressure.json'), JSON.stringify(out, null, 2));
  writeReport(out);
  console.log(JSON.stringify(out, null, 2));
  await client.close();
}

function writeReport(r: PressureFigures) {
  const n = (x: number) => x.toLocaleString('en');
  const row = (name: string, s: Summary) => `| ${name} | ${s.runs} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} |`;
  const groups = r.groups
    .filter((g) => g.total > 0 || g.error)
    .map((g) => `| \`${g.id}\` | ${n(g.total)}${g.totalIsLowerBound ? ' (lower bound)' : ''} | ${g.collected === undefined ? '' : n(g.collected)} | ${g.hits} | ${g.error ?? ''} |`);
  const section = `<!-- pressure-bench -->
## A heavy finding under pressure (issue 15, item 4)

Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:pressure -- --failures ${r.heavy.sshFailures} --days ${r.heavy.days} --console ${r.heavy.consoleFailures}\` on this project's machine (${r.machine.cores} cores **shared** with other work while it ran, load average ${r.machine.loadAverage.join(' / ')}; Node ${r.machine.node}), one local OpenSearch node (${r.opensearch.heapMaxMiB.toFixed(0)} MiB heap), **${n(r.documents)} documents**: the workshop scenario with its noise, and the heavy SSH brute force at full size, ${n(r.heavy.sshFailures)} failed sshd logins over ${r.heavy.days} days and ${n(r.heavy.consoleFailures)} failed console sign-ins in CloudTrail from the same address. The finding's window: ${r.window.from} → ${r.window.to}. Evidence searches stop at \`maxDocsPerShard\` = ${n(r.maxDocsPerShard)} documents per shard (\`terminate_after\`). Raw figures: \`build/bench/pressure.json\`.

| what | runs | p50 | p95 | max |
|---|---|---|---|---|
${row('plugin: `POST /investigate` on the heavy finding (HTTP, dev host)', r.plugin)}
${row('plugin, time inside the route handler (`took.ms`)', r.serverSide)}
${row('the same requests straight to OpenSearch', r.direct)}

- OSD's request timeout: ${n(LIMITS.requestTimeoutMs)} ms; the slowest answer took ${fmt(r.plugin.max)}.
- Round trips per investigation: ${r.roundTrips.join(', ')}. Answer size: ${n(r.responseBytes.max)} bytes at most.
- Bench process (it hosts the dev host): RSS ${r.rssMiB.before.toFixed(0)} MiB before the runs, ${r.rssMiB.max.toFixed(0)} MiB at most during them, ${r.rssMiB.after.toFixed(0)} MiB after (maxRSS over the whole process, data generation and any loading included: ${r.rssMiB.maxRss.toFixed(0)} MiB). OpenSearch heap used: ${r.heapUsedMiB.before.toFixed(0)} MiB before, ${r.heapUsedMiB.max.toFixed(0)} MiB at most (sampled every 500 ms).

Evidence groups with matches (the total as the answer gives it; "lower bound" when the answer marks it so; "collected" when the search stopped at its bound, \`breakdownIsPartial\`: the facets, rows and timeline are built from those, and the total is the exact count that rode in the next round trip):

| group | total | collected | hits returned | error |
|---|---|---|---|---|
${groups.join('\n')}

Each search that stopped at its bound, counted again straight from OpenSearch without one (size 0, no aggregations), outside the investigation: what the data holds, and what such a count costs alone.

| index | the bounded search counted | the same query, counted exactly | took |
|---|---|---|---|
${r.exactCounts.map((c) => `| \`${c.index}\` | ${n(c.bounded)} | ${n(c.exact)} | ${fmt(c.tookMs)} |`).join('\n') || '| (none) | | | |'}
<!-- /pressure-bench -->`;
  const file = path.join(ROOT, 'docs/benchmarks.md');
  const existing = fs.readFileSync(file, 'utf8');
  const re = /<!-- pressure-bench -->[\s\S]*<!-- \/pressure-bench -->/;
  fs.writeFileSync(file, re.test(existing) ? existing.replace(re, section) : `${existing.trimEnd()}\n\n${section}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
