/**
 * `npm run bench [-- --docs 1000000 --runs 30]`: investigation latency on a large data set, against
 * (a) the same queries sent straight to OpenSearch and (b) the analyst's query chain of SCENARIO.md
 * run one query after another. Writes docs/benchmarks.md and build/bench/result.json.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
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
import { buildCorpus, corpusDocs } from '../../test/fixtures/guardduty_corpus/generate';
import { fmt, summarize, Summary } from './stats';
import { arg, countDocs, ensureOpenSearch, interleaved, loadWithProgress, ROOT } from './common';
import { buildFindingsSearch, FindingsQuery } from '../../server/findings/list_findings';
import { buildGroupingSearch, GROUPING_FILTER_PATH } from '../../server/incidents/list_incidents';
import { prefixedSourcesConfig } from '../../test/integration/helpers';

/**
 * The data set of one size: the workshop scenario (heavy), the 221 corpus findings (one per
 * GuardDuty type, for the per-family figures) and noise up to `docs`. Reused when present; a
 * partly loaded set is resumed where it stopped (noise document i is the same in every run), so an
 * interrupted 10M load is not lost.
 */
async function ensureData(client: Client, prefix: string, docs: number) {
  let count = await countDocs(client, prefix);
  const scenario = generateScenario({ indexPrefix: prefix, heavy: true });
  const corpus = corpusDocs(buildCorpus(), 'current', prefix);
  // A tenth of the documents in the S3 access log, Windows and Linux OS sources, with the corpus
  // incidents those sources tell (RDP brute force, S3 exfiltration, SSH brute force). A set grown
  // from a smaller one (below) keeps the smaller one's.
  const sourceDocs = sourceDemoDocs(prefix, scenario.facts.baseDate, Math.floor(docs / 10));
  const fixed = scenario.docs.length + corpus.length + sourceDocs.length;
  const noise = Math.max(0, docs - fixed);
  if (count >= docs * 0.999) {
    console.log(`reusing ${count.toLocaleString('en')} documents under ${prefix}`);
    return { scenario, corpus };
  }
  await applyIndexTemplates(client, { prefix });
  const t0 = performance.now();
  if (count === 0) count = await seedFromSmallerSet(client, prefix, docs);
  if (count < fixed) {
    console.log(`loading the scenario (${scenario.docs.length}) and the corpus findings (${corpus.length}) under ${prefix}`);
    await loadDocuments(client, scenario.docs, { refresh: false });
    await loadDocuments(client, corpus, { refresh: false });
    await loadDocuments(client, sourceDocs, { refresh: false });
  }
  // Resume a little before what is already there: a chunk in flight when a load stopped may be
  // partly indexed, and loading a document again only overwrites it (ids are deterministic).
  const from = Math.max(0, count - fixed - 20_000);
  console.log(`loading noise ${from.toLocaleString('en')} → ${noise.toLocaleString('en')} under ${prefix} (had ${count.toLocaleString('en')} documents)`);
  await loadWithProgress(client, generateNoise(noise, { indexPrefix: prefix, seed: 7 }, from), { from, total: noise, t0, what: 'noise documents' });
  console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { scenario, corpus };
}

/**
 * A larger set starts as a copy of the largest complete smaller one (`bench-<M>-`, M < N): the
 * noise documents are the same, so only the difference is loaded. `_clone` hard-links the
 * segments, so the copy takes seconds instead of the hours a reload takes on this machine. The
 * smaller set stays as it is, for its own runs.
 */
async function seedFromSmallerSet(client: Client, prefix: string, docs: number): Promise<number> {
  const indices = (await client.cat.indices({ index: 'bench-*-log-*', format: 'json', h: 'index' } as any).catch(() => ({ body: [] }))).body as Array<{ index: string }>;
  const sizes = [...new Set(indices.map((i) => /^bench-(\d+)-log-/.exec(i.index)?.[1]).filter(Boolean).map(Number))].filter((n) => n < docs).sort((a, b) => b - a);
  for (const size of sizes) {
    const from = `bench-${size}-`;
    if ((await countDocs(client, from)) < size * 0.999) continue;
    const names = indices.map((i) => i.index).filter((i) => i.startsWith(`${from}log-`));
    console.log(`starting ${prefix} as a clone of ${from} (${names.length} indices)`);
    for (const name of names) {
      await client.indices.putSettings({ index: name, body: { 'index.blocks.write': true } } as any);
      await client.transport.request({
        method: 'PUT',
        path: `/${encodeURIComponent(name)}/_clone/${encodeURIComponent(prefix + name.slice(from.length))}`,
        querystring: { wait_for_active_shards: 1 },
        body: { settings: { 'index.blocks.write': null } },
      });
      // The smaller set stays writable (it may be resumed or grown later).
      await client.indices.putSettings({ index: name, body: { 'index.blocks.write': null } } as any);
    }
    return countDocs(client, prefix);
  }
  return 0;
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
  const series = process.argv.indexOf('--scale');
  if (series > 0) {
    const sizes = process.argv[series + 1].split(',').map(Number);
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 10_000)) throw new Error('--scale takes two or more sizes, e.g. --scale 1000000,3000000,10000000');
    await scaleSeries(client, url, sizes, Math.max(5, arg('family-runs', 10)));
    await client.close();
    return;
  }
  const prefix = `bench-${docs}-`;
  const { scenario } = process.argv.includes('--no-load') ? describeData(prefix) : await ensureData(client, prefix, docs);
  if (process.argv.includes('--load-only')) {
    await client.close();
    return;
  }
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

function describeData(prefix: string) {
  return { scenario: generateScenario({ indexPrefix: prefix, heavy: true }), corpus: corpusDocs(buildCorpus(), 'current', prefix) };
}

interface ScaleFigures {
  date: string;
  documents: number;
  /** The sizes whose contenders ran interleaved with this one's (same machine, same minutes). */
  interleavedWith: number[];
  plugin: Summary;
  direct: Summary;
  heavy: Summary;
  heavyDirect: Summary;
  heavyHits: number;
  families: Record<string, { finding: string; plugin: Summary; direct: Summary; roundTrips: number }>;
  findingsList: { plugin: Summary; direct: Summary };
  incidentsList?: { plugin: Summary; direct: Summary; range: { from: string; to: string } };
  serverRssMiB: { before: number; max: number; after: number };
}

type Requests = Array<Parameters<TransportClient['transport']['request']>[0]>;

/** The requests the engine sends for one finding, recorded once by running it. */
async function recordInvestigation(client: Client, finding: { index: string; id: string }, sources: ReturnType<typeof resolveSources>) {
  const recorded: Requests = [];
  const recorder: TransportClient = { transport: { request: (p, o) => (recorded.push(p), client.transport.request(p as any, o as any) as any) } };
  const inv = await investigate(createOpenSearchReader(recorder, { budget: new RequestBudget(30_000) }), { finding, sources });
  return { recorded, investigation: inv };
}

/**
 * One data size's contenders: the workshop IAM finding, the heavy finding, one corpus finding per
 * family, the findings list and the incidents page, each through the plugin (HTTP, dev host) and as
 * the same requests sent straight to OpenSearch.
 */
async function scaleContenders(
  client: Client,
  hostUrl: string,
  sources: ReturnType<typeof resolveSources>,
  corpus: ReturnType<typeof corpusDocs>,
  scenario: ReturnType<typeof generateScenario>
) {
  const contenders: Record<string, () => Promise<unknown>> = {};
  const roundTrips: Record<string, number> = {};
  const findings = new Map<string, { index: string; id: string }>([['workshop', scenario.facts.iamFinding]]);
  if (scenario.facts.heavyFinding) findings.set('heavy', scenario.facts.heavyFinding);
  const all = buildCorpus();
  all.forEach((f, i) => {
    if (!findings.has(`family:${f.family}`)) findings.set(`family:${f.family}`, { index: corpus[i]._index, id: corpus[i]._id });
  });
  let heavyHits = 0;
  for (const [name, ref] of findings) {
    const { recorded, investigation } = await recordInvestigation(client, ref, sources);
    roundTrips[name] = investigation.took.roundTrips;
    if (name === 'heavy') heavyHits = investigation.evidence.reduce((n, g) => n + (g.total ?? 0), 0);
    contenders[`plugin:${name}`] = async () => {
      const r = await fetch(hostUrl + API_PATHS.investigate, { method: 'POST', headers: { 'content-type': 'application/json', 'osd-xsrf': 'bench' }, body: JSON.stringify({ finding: ref }) });
      if (r.status !== 200) throw new Error(`investigate ${name} answered ${r.status}: ${await r.text()}`);
      await r.json();
    };
    contenders[`direct:${name}`] = async () => {
      for (const c of recorded) await client.transport.request(c as any);
    };
  }
  // The findings list over the incident's days, as the list page asks for it.
  const day = Date.parse(`${scenario.facts.baseDate}T00:00:00Z`);
  const q: FindingsQuery = { from: new Date(day - 86_400_000).toISOString(), to: new Date(day + 2 * 86_400_000).toISOString(), severity: [], page: 1, perPage: 20, sortField: 'timestamp', sortOrder: 'desc' };
  contenders['plugin:findings'] = async () => {
    const r = await fetch(`${hostUrl}${API_PATHS.findings}?from=${q.from}&to=${q.to}&perPage=20`, { headers: { 'osd-xsrf': 'bench' } });
    if (r.status !== 200) throw new Error(`findings answered ${r.status}`);
    await r.json();
  };
  contenders['direct:findings'] = () => client.search({ index: sources.guardduty.indexPattern, body: buildFindingsSearch(q, sources.guardduty), ignore_unavailable: true, allow_no_indices: true } as any);
  // The incidents page over the 20 minutes before the incident's end. The noise puts every set's
  // findings in one day (about 30,000 findings a day per million documents, far denser than a real
  // account), so a whole day passes the page's bounds (incidents.maxFindings, search.max_buckets)
  // from 1M documents on; 20 minutes keep each size under them (one and two hours passed them at
  // 10M: a 400 asking for a shorter range) and grow tenfold with the data. Direct: the grouping
  // aggregation (round trip 1), the request whose cost grows with the findings in the range.
  const incTo = Date.parse(scenario.facts.timestamps.incidentEnd);
  const iq = { from: new Date(incTo - 20 * 60_000).toISOString(), to: new Date(incTo).toISOString() };
  contenders['plugin:incidents'] = async () => {
    const r = await fetch(`${hostUrl}${API_PATHS.incidents}?from=${iq.from}&to=${iq.to}&perPage=20`, { headers: { 'osd-xsrf': 'bench' } });
    if (r.status !== 200) throw new Error(`incidents answered ${r.status}: ${await r.text()}`);
    await r.json();
  };
  contenders['direct:incidents'] = () => client.search({ index: sources.guardduty.indexPattern, body: buildGroupingSearch(iq, sources.guardduty), filter_path: GROUPING_FILTER_PATH, ignore_unavailable: true, allow_no_indices: true } as any);
  return { contenders, roundTrips, findings, heavyHits, incidentsRange: iq };
}

/**
 * The growth series (`--scale 1000000,3000000,10000000`): every size's contenders run
 * interleaved in one loop, so that whatever else the machine does hits all sizes alike and the
 * growth factors compare like with like. Missing sizes are loaded first (a larger one grows from a
 * clone of a smaller one). One `build/bench/scale-<N>.json` per size; the report reads them all.
 */
async function scaleSeries(client: Client, url: string, sizes: number[], runs: number) {
  const sets = [];
  for (const docs of sizes) {
    const prefix = `bench-${docs}-`;
    const data = process.argv.includes('--no-load') ? describeData(prefix) : await ensureData(client, prefix, docs);
    const config = prefixedSourcesConfig(prefix);
    const sources = resolveSources((config as any).sources);
    const host = await startDevHost({ port: 0, opensearchUrl: url, pluginDir: ROOT, config, quiet: true });
    const count = await countDocs(client, prefix);
    const c = await scaleContenders(client, host.url, sources, data.corpus, data.scenario);
    sets.push({ count, host, ...c });
  }
  const all: Record<string, () => Promise<unknown>> = {};
  for (const set of sets) for (const [k, f] of Object.entries(set.contenders)) all[`${set.count}|${k}`] = f;
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 25);
  console.log(`interleaving ${Object.keys(all).length} contenders over ${sets.map((x) => x.count.toLocaleString('en')).join(', ')} documents, ${runs} runs`);
  const t = await interleaved(runs, all);
  clearInterval(sampler);
  const rss = { before: rssBefore / 2 ** 20, max: rssMax / 2 ** 20, after: process.memoryUsage().rss / 2 ** 20 };
  const date = new Date().toISOString();
  fs.mkdirSync(path.join(ROOT, 'build/bench'), { recursive: true });
  for (const set of sets) {
    const get = (k: string) => summarize(t[`${set.count}|${k}`]);
    const out: ScaleFigures = {
      date,
      documents: set.count,
      interleavedWith: sets.map((x) => x.count),
      plugin: get('plugin:workshop'),
      direct: get('direct:workshop'),
      heavy: get('plugin:heavy'),
      heavyDirect: get('direct:heavy'),
      heavyHits: set.heavyHits,
      families: {},
      findingsList: { plugin: get('plugin:findings'), direct: get('direct:findings') },
      incidentsList: { plugin: get('plugin:incidents'), direct: get('direct:incidents'), range: set.incidentsRange },
      serverRssMiB: rss,
    };
    for (const [name, ref] of set.findings) {
      if (!name.startsWith('family:')) continue;
      out.families[name.slice(7)] = { finding: ref.id, plugin: get(`plugin:${name}`), direct: get(`direct:${name}`), roundTrips: set.roundTrips[name] };
    }
    fs.writeFileSync(path.join(ROOT, `build/bench/scale-${set.count}.json`), JSON.stringify(out, null, 2));
    await set.host.close();
  }
  writeScaleReport();
}

/** docs/benchmarks.md, section `scale-bench`: every size measured (build/bench/scale-<N>.json), ratios and growth. */
function writeScaleReport() {
  const dir = path.join(ROOT, 'build/bench');
  const runs: ScaleFigures[] = fs
    .readdirSync(dir)
    .filter((f) => /^scale-\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
    .sort((a, b) => a.documents - b.documents);
  if (!runs.length) return;
  const n = (x: number) => x.toLocaleString('en');
  const ratio = (a: Summary, b: Summary) => (a.p95 / b.p95).toFixed(2);
  const families = Object.keys(runs[runs.length - 1].families ?? {});
  const rows: Array<[string, (r: ScaleFigures) => [Summary | undefined, Summary | undefined]]> = [
    ['IAM finding (workshop), 2 round trips', (r) => [r.plugin, r.direct]],
    [`heavy finding (SSH brute force; ${runs.map((r) => n(r.heavyHits ?? 0)).join(' / ')} evidence hits)`, (r) => [r.heavy, r.heavyDirect]],
    ...families.map((f): [string, (r: ScaleFigures) => [Summary | undefined, Summary | undefined]] => [`family \`${f}\``, (r) => [r.families?.[f]?.plugin, r.families?.[f]?.direct]]),
    ['findings list (page 1 of 20)', (r) => [r.findingsList?.plugin, r.findingsList?.direct]],
    ["incidents page (20 min before the incident's end; direct: the grouping aggregation)", (r) => [r.incidentsList?.plugin, r.incidentsList?.direct]],
  ];
  const lines: string[] = [];
  lines.push('| what | ' + runs.map((r) => `${n(r.documents)} docs: p50 / p95 (plugin ÷ direct at p95)`).join(' | ') + ' |');
  lines.push('|---|' + runs.map(() => '---|').join(''));
  const cell = (pl?: Summary, di?: Summary) => (pl && di ? `${fmt(pl.p50)} / ${fmt(pl.p95)} (${ratio(pl, di)})` : '—');
  for (const [name, pick] of rows) lines.push(`| ${name} | ${runs.map((r) => cell(...pick(r))).join(' | ')} |`);
  let growth = '';
  if (runs.length > 1) {
    const a = runs[0];
    const b = runs[runs.length - 1];
    const g = (x: number, y: number) => (y / x).toFixed(2);
    const gl = [`Growth from ${n(a.documents)} to ${n(b.documents)} documents (×${(b.documents / a.documents).toFixed(1)} data), p95 later ÷ p95 earlier:`, '', '| what | plugin | direct | plugin grows no faster? |', '|---|---|---|---|'];
    for (const [name, pick] of rows) {
      const [pa, da] = pick(a);
      const [pb, db] = pick(b);
      if (!pa || !da || !pb || !db) continue;
      const gp = pb.p95 / pa.p95;
      const gd = db.p95 / da.p95;
      gl.push(`| ${name} | ×${g(pa.p95, pb.p95)} | ×${g(da.p95, db.p95)} | ${gp <= gd * 1.1 ? 'yes' : '**no**'} |`);
    }
    growth = gl.join('\n');
  }
  const together = runs.every((r) => r.interleavedWith?.length === runs.length && r.date === runs[0].date);
  const last = runs[runs.length - 1];
  const section = `<!-- scale-bench -->
## Cost growth with the data (issue 15)

Measured ${runs[0].date?.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --scale ${runs.map((r) => r.documents).join(',')}\`${together ? ': **every size in one interleaved loop** (one run of each contender of each size per round), so load on the machine hits all sizes alike' : ' (sizes measured in separate runs)'}; per contender ${runs[0].plugin?.runs ?? '?'} runs; raw figures in \`build/bench/scale-<N>.json\`. "Direct" is the same requests the plugin makes, sent straight to OpenSearch one after another. Bench process RSS (the dev hosts of all sizes in process): ${last.serverRssMiB ? `${last.serverRssMiB.before.toFixed(0)} MiB before, ${last.serverRssMiB.max.toFixed(0)} MiB at most during the runs, ${last.serverRssMiB.after.toFixed(0)} MiB after` : '?'}.

${lines.join('\n')}

${growth}
<!-- /scale-bench -->`;
  const file = path.join(ROOT, 'docs/benchmarks.md');
  const existing = fs.readFileSync(file, 'utf8');
  const re = /<!-- scale-bench -->[\s\S]*<!-- \/scale-bench -->/;
  fs.writeFileSync(file, re.test(existing) ? existing.replace(re, section) : existing.replace('<!-- ui-bench -->', `${section}\n\n<!-- ui-bench -->`));
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
