/**
 * `npm run bench [-- --docs 1000000 --runs 30]`: investigation latency on a large data set, against
 * (a) the same queries sent straight to OpenSearch and (b) the analyst's query chain of SCENARIO.md
 * run one query after another. Writes docs/benchmarks.md and build/bench/result.json.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { execFileSync } from 'child_process';
import { Client } from '@opensearch-project/opensearch';
import { resolveSources } from '../../common/sources';
import { API_PATHS } from '../../common/constants';
import { investigate } from '../../server/correlation/investigate';
import { createOpenSearchReader, TransportClient } from '../../server/lib/opensearch_reader';
import { RequestBudget } from '../../server/lib/request_budget';
import { startDevHost } from '../host/dev_host';
import { applyIndexTemplates } from '../index_templates';
import { createClient, loadDocuments, sourceDemoDocs } from '../load';
import { generateNoise, generateScenario } from '../../test/fixtures/scenario/generate';
import { fmt, summarize, Summary } from './stats';
import { prefixedSourcesConfig } from '../../test/integration/helpers';

const ROOT = path.resolve(__dirname, '../..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
}

async function ensureOpenSearch(): Promise<string> {
  if (process.env.OPENSEARCH_URL) return process.env.OPENSEARCH_URL;
  const out = execFileSync('bash', [path.join(ROOT, 'dev/opensearch/opensearch.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop()!;
}

async function ensureData(client: Client, prefix: string, docs: number) {
  const count = await client
    .count({ index: `${prefix}log-*`, ignore_unavailable: true, allow_no_indices: true } as any)
    .then((r) => r.body.count as number)
    .catch(() => 0);
  const scenario = generateScenario({ indexPrefix: prefix, heavy: true });
  if (count >= docs * 0.99) {
    console.log(`reusing ${count} documents under ${prefix}`);
    return scenario;
  }
  console.log(`loading ${docs} documents under ${prefix} (had ${count})`);
  await client.indices.delete({ index: `${prefix}log-*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
  await applyIndexTemplates(client, { prefix, force: true });
  const t0 = performance.now();
  await loadDocuments(client, scenario.docs, { refresh: false });
  // A tenth of the documents in the S3 access log, Windows and Linux OS sources, with the corpus
  // incidents those sources tell (RDP brute force, S3 exfiltration, SSH brute force).
  const sourceDocs = sourceDemoDocs(prefix, scenario.facts.baseDate, Math.floor(docs / 10));
  await loadDocuments(client, sourceDocs, { refresh: false });
  await loadDocuments(client, generateNoise(Math.max(0, docs - scenario.docs.length - sourceDocs.length), { indexPrefix: prefix, seed: 7 }), { refresh: true });
  console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return scenario;
}

/**
 * Runs the contenders in turn, one run of each per round, so that drift (segment merges, caches,
 * other load on the machine) hits all of them alike instead of whichever happens to run last.
 */
async function interleaved(runs: number, contenders: Record<string, () => Promise<unknown>>): Promise<Record<string, number[]>> {
  const names = Object.keys(contenders);
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < 3; i++) for (const n of names) await contenders[n](); // warm-up: caches, JIT, connections
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(i + k) % names.length];
      const t = performance.now();
      await contenders[n]();
      out[n].push(performance.now() - t);
    }
  }
  return out;
}

/** The hand-written queries of SCENARIO.md, one after another, as the analyst ran them. */
function analystChain(prefix: string, f: ReturnType<typeof generateScenario>['facts']) {
  const key = 'ASIAEXAMPLEKEY123456';
  const s = (index: string, query: Record<string, unknown>, aggs?: Record<string, unknown>) => ({ index: `${prefix}${index}`, body: { size: 50, query, ...(aggs ? { aggs } : {}) } });
  return [
    s('log-aws-guardduty-*', { wildcard: { type: '*IAMUser*' } }),
    s('log-aws-guardduty-*', { term: { '@id': f.iamFinding.id.replace(/_\d+$/, '') } }),
    s('log-aws-guardduty-*', { wildcard: { type: '*EC2*' } }),
    s('log-aws-securityhub-*', { bool: { filter: [{ term: { 'event.module': 'inspector' } }, { match: { '@message': 'ssh' } }] } }),
    s('log-linux-secure-*', { bool: { filter: [{ term: { 'process.name': 'sshd' } }, { exists: { field: 'source.ip' } }] } }, { users: { terms: { field: 'user.name' } } }),
    s('log-linux-secure-*', { bool: { filter: [{ term: { 'process.name': 'sshd' } }, { exists: { field: 'source.ip' } }, { term: { 'event.outcome': 'success' } }] } }),
    s('log-aws-cloudtrail-*', { bool: { filter: [{ term: { 'user.id': key } }, { term: { 'source.ip': '54.190.10.20' } }, { term: { 'event.outcome': 'success' } }] } }, { keys: { terms: { field: 'requestParameters.key' } } }),
    s('log-aws-securityhub-*', { term: { 'event.module': 'macie' } }),
    s('log-aws-cloudtrail-*', { term: { eventName: 'PutBucketAcl' } }),
    s('log-aws-cloudtrail-*', { bool: { filter: [{ term: { eventName: 'GetObject' } }, { term: { 'requestParameters.key': 'config.py' } }] } }),
  ];
}

async function main() {
  const docs = arg('docs', 1_000_000);
  const runs = Math.max(30, arg('runs', 30));
  const url = await ensureOpenSearch();
  const client = createClient(url);
  const prefix = `bench-${docs}-`;
  const scenario = await ensureData(client, prefix, docs);
  const config = prefixedSourcesConfig(prefix);
  const sources = resolveSources((config as any).sources);
  const finding = scenario.facts.iamFinding;
  // The findings whose evidence comes from the new sources (loaded with the data, see ensureData).
  const corpusRef = async (type: string) => {
    const r = await client.search({ index: `${prefix}log-aws-guardduty-*`, body: { size: 1, query: { term: { type } } } } as any);
    const hit = (r.body as any).hits.hits[0];
    return hit ? { index: hit._index as string, id: hit._id as string } : undefined;
  };
  const rdpRef = await corpusRef('UnauthorizedAccess:EC2/RDPBruteForce');
  const s3Ref = await corpusRef('Exfiltration:S3/MaliciousIPCaller');
  const roundTripsOf: Record<string, Set<number>> = { rdp: new Set(), s3: new Set() };

  // What the plugin sends: record it once through the engine itself.
  const recorded: Array<Parameters<TransportClient['transport']['request']>[0]> = [];
  const recorder: TransportClient = {
    transport: { request: (p, o) => (recorded.push(p), client.transport.request(p as any, o as any) as any) },
  };
  const one = await investigate(createOpenSearchReader(recorder, { budget: new RequestBudget(30_000) }), { finding, sources });

  const host = await startDevHost({ port: 0, opensearchUrl: url, pluginDir: ROOT, config, quiet: true });
  const serverTook: number[] = [];
  const viaPlugin = (ref: { index: string; id: string }, record = false, family?: string) => async () => {
    const r = await fetch(host.url + API_PATHS.investigate, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'bench' },
      body: JSON.stringify({ finding: ref }),
    });
    if (r.status !== 200) throw new Error(`investigate answered ${r.status}: ${await r.text()}`);
    const body = await r.json();
    if (record) serverTook.push(body.took.ms);
    if (family) roundTripsOf[family].add(body.took.roundTrips);
  };
  const chain = analystChain(prefix, scenario.facts);
  const rssBefore = process.memoryUsage().rss;
  const times = await interleaved(runs, {
    plugin: viaPlugin(finding, true),
    ...(scenario.facts.heavyFinding ? { heavy: viaPlugin(scenario.facts.heavyFinding) } : {}),
    ...(rdpRef ? { rdp: viaPlugin(rdpRef, false, 'rdp') } : {}),
    ...(s3Ref ? { s3: viaPlugin(s3Ref, false, 's3') } : {}),
    direct: async () => {
      for (const c of recorded) await client.transport.request(c as any);
    },
    manual: async () => {
      await client.get(finding);
      for (const q of chain) await client.search({ ...q, ignore_unavailable: true } as any);
    },
  });
  const rssAfter = process.memoryUsage().rss;
  const { plugin, direct, manual } = times;
  const heavy = times.heavy ?? [];
  const newSources = {
    rdp: times.rdp?.length ? { ...summarize(times.rdp), roundTrips: [...roundTripsOf.rdp] } : undefined,
    s3: times.s3?.length ? { ...summarize(times.s3), roundTrips: [...roundTripsOf.s3] } : undefined,
  };
  await host.close();

  const count = (await client.count({ index: `${prefix}log-*` } as any)).body.count as number;
  const p = summarize(plugin);
  const d = summarize(direct);
  const m = summarize(manual);
  const h = heavy.length ? summarize(heavy) : undefined;
  const overhead = (p.p50 / d.p50 - 1) * 100;
  // The handler's own time (validation, the two round trips, parsing, timeline, graph, story),
  // without the browser→Dashboards HTTP hop and JSON (de)serialisation of the answer.
  const inside = summarize(serverTook.slice(-runs));
  const insideOverhead = (inside.p50 / d.p50 - 1) * 100;
  const result = {
    date: new Date().toISOString(),
    machine: { cores: require('os').cpus().length, memoryGiB: Math.round(require('os').totalmem() / 2 ** 30), node: process.version },
    documents: count,
    roundTrips: one.took.roundTrips,
    evidenceGroups: one.evidence.length,
    plugin: p,
    heavy: h,
    newSources,
    direct: d,
    manualChain: { ...m, queries: chain.length + 1 },
    serverSide: inside,
    overheadPercentAtP50: overhead,
    serverSideOverheadPercentAtP50: insideOverhead,
    hostRssMiB: { before: rssBefore / 2 ** 20, after: rssAfter / 2 ** 20 },
  };
  fs.mkdirSync(path.join(ROOT, 'build/bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'build/bench/result.json'), JSON.stringify(result, null, 2));
  writeReport(result);
  console.log(JSON.stringify(result, null, 2));
}

function row(name: string, s: Summary | undefined) {
  return s ? `| ${name} | ${s.runs} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.min)} | ${fmt(s.max)} |` : '';
}

function writeReport(r: any) {
  const file = path.join(ROOT, 'docs/benchmarks.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const marker = '<!-- server-bench -->';
  const section = `${marker}
## Investigation latency (server)

Measured ${r.date.slice(0, 10)} by \`npm run bench\` on this project's machine (${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}), local OpenSearch 3.8.0 (1 GiB heap), **${r.documents.toLocaleString('en')} documents** across the sources with the scenario embedded (a tenth of them S3 server access logs, Windows and Linux OS syslog, with the RDP, S3 and SSH incidents of the corpus).

| what | runs | p50 | p95 | min | max |
|---|---|---|---|---|---|
${row('plugin: `POST /investigate`, IAM finding (HTTP, dev host)', r.plugin)}
${row('plugin: `POST /investigate`, heavy finding (12,000+ sshd hits)', r.heavy)}
${row(`plugin: \`POST /investigate\`, RDP brute force (Windows logons; ${r.newSources?.rdp?.roundTrips?.join(', ') ?? '?'} round trips)`, r.newSources?.rdp)}
${row(`plugin: \`POST /investigate\`, S3 exfiltration (S3 access logs, data events; ${r.newSources?.s3?.roundTrips?.join(', ') ?? '?'} round trips)`, r.newSources?.s3)}
${row('plugin, time inside the route handler (`took.ms`)', r.serverSide)}
${row('(a) the same queries straight to OpenSearch', r.direct)}
${row(`(b) the analyst's chain, ${r.manualChain.queries} queries one after another`, r.manualChain)}

- Round trips to OpenSearch per investigation: **${r.roundTrips}** (target ≤ 2); ${r.evidenceGroups} evidence groups.
- Plugin overhead over (a) at p50, inside the handler: **${r.serverSideOverheadPercentAtP50.toFixed(1)} %** (target ≤ 15 %): validation, reading the finding, parsing, timeline, graph and story.
- End to end over HTTP at p50: **${r.overheadPercentAtP50.toFixed(1)} %** (${fmt(r.plugin.p50 - r.direct.p50)}): the above plus the HTTP hop to the host and the JSON answer (~140 KB) serialised and parsed.
- p95 of the plugin: **${fmt(r.plugin.p95)}** (target < 300 ms at 1M documents).
- Bench process RSS (host in-process): ${r.hostRssMiB.before.toFixed(0)} MiB before the runs, ${r.hostRssMiB.after.toFixed(0)} MiB after.

Reproduce: \`npm run bench\` (\`-- --docs N --runs R\`; \`OPENSEARCH_URL\` to use another cluster). The first run loads the data (\`bench-<N>-\` indices) and reuses it afterwards. Raw figures: \`build/bench/result.json\`.
<!-- /server-bench -->`;
  const re = /<!-- server-bench -->[\s\S]*<!-- \/server-bench -->/;
  const body = existing
    ? re.test(existing)
      ? existing.replace(re, section)
      : `${existing.trimEnd()}\n\n${section}\n`
    : `# Benchmarks\n\n${section}\n`;
  fs.writeFileSync(file, body);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
