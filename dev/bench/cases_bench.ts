/**
 * `npm run bench:cases [-- --cases 100000 --runs 40]`: the cases at scale (docs/cases.md).
 * - The cases list over `--cases` cases (bulk-loaded in the saved-object shape into a fresh
 *   saved-objects index): server-side time of `GET /cases` for a mix of searches, filters, sorts
 *   and pages (p50/p95).
 * - A case with 1,000 comments and 1,000 attachments (2,001 activity entries) in Debian's chromium:
 *   from `page.goto` of `#/cases/<id>` to its first page of each kind on screen.
 * Writes the `cases-bench` section of docs/benchmarks.md.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from '@opensearch-project/opensearch';
import { API_PATHS, APP_ID, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { Case, CASE_LIMITS } from '../../common/case_types';
import { startDevHost } from '../host/dev_host';
import { createAppServer } from '../host/app_page';
import { createSavedObjectsClientFactory } from '../host/saved_objects_client';
import { CASE_SAVED_OBJECT_TYPES } from '../../server/cases';
import { launchBrowser } from '../../test/e2e/helpers';
import { OPENSEARCH_URL, prefixedSourcesConfig, REPO_ROOT, uniquePrefix } from '../../test/integration/helpers';
import { FIXTURE_TAGS, loadFixtureCases, loadFixtureItems } from './case_fixtures';
import { fmt, percentile, summarize, Summary } from './stats';
import { probeCaseView, ViewProbe } from './case_view_probe';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const LIST_QUERIES = [
  'perPage=20',
  `tag=${FIXTURE_TAGS[2]}&perPage=20`,
  'sortField=severity&sortOrder=desc&perPage=20',
  'search=brute&perPage=20',
  'status=open&assignee=bob&perPage=20&page=50',
  'search=SIR-4242',
  'sortField=title&sortOrder=asc&perPage=100&page=100',
];

/** Waits (at most 5 minutes) until OpenSearch runs no merge on the index; returns the time waited. */
async function mergesDone(client: Client, index: string): Promise<number> {
  const t0 = Date.now();
  for (let quiet = 0; quiet < 3 && Date.now() - t0 < 300_000; ) {
    const { body } = await client.indices.stats({ index, metric: 'merge' } as any);
    quiet = (body as any)._all.total.merges.current === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return Date.now() - t0;
}

/** p50/p95 of each list query (run i was query i mod LIST_QUERIES.length). */
function byQuery(times: number[]): Array<{ query: string; p50: number; p95: number; runs: number }> {
  return LIST_QUERIES.map((query, q) => {
    const of = times.filter((_, i) => i % LIST_QUERIES.length === q);
    return { query, runs: of.length, p50: percentile(of, 50), p95: percentile(of, 95) };
  });
}

interface ViewSummary {
  wall: Summary;
  /** Median main-thread time per kind, ms. */
  mainThread: ViewProbe['mainThread'];
  /** The requests of a run (the same in every run: checked), each with its median time. */
  requests: Array<{ method: string; what: string; resourceType: string; p50: number }>;
  sameRequestsEveryRun: boolean;
}

function viewSummary(probes: ViewProbe[]): ViewSummary {
  const key = (p: ViewProbe) => p.requests.map((r) => `${r.method} ${r.what}`).join('\n');
  const first = probes[0];
  const med = (f: (p: ViewProbe) => number) => percentile(probes.map(f), 50);
  return {
    wall: summarize(probes.map((p) => p.ms)),
    mainThread: { script: med((p) => p.mainThread.script), layout: med((p) => p.mainThread.layout), style: med((p) => p.mainThread.style), tasks: med((p) => p.mainThread.tasks) },
    requests: first.requests.map((r, i) => ({ method: r.method, what: r.what, resourceType: r.resourceType, p50: percentile(probes.map((p) => p.requests[i]?.ms ?? -1), 50) })),
    sameRequestsEveryRun: probes.every((p) => key(p) === key(first)),
  };
}

async function main() {
  const cases = arg('cases', 100_000);
  const runs = arg('runs', 40);
  const loadBefore = os.loadavg();
  const prefix = uniquePrefix('casebench');
  const soIndex = `${prefix}saved-objects`;
  const client = new Client({ node: OPENSEARCH_URL });
  const host = await startDevHost({
    port: 0,
    opensearchUrl: OPENSEARCH_URL,
    pluginDir: REPO_ROOT,
    quiet: true,
    savedObjectsIndex: soIndex,
    config: prefixedSourcesConfig(prefix),
    serveStatic: createAppServer,
  });
  const browser = await launchBrowser();
  const api = async <T>(method: string, p: string, body?: unknown): Promise<{ ms: number; body: T }> => {
    const t0 = performance.now();
    const res = await fetch(host.url + p, { method, headers: { 'osd-xsrf': 'true', 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
    return { ms: performance.now() - t0, body: json };
  };
  try {
    await createSavedObjectsClientFactory(client, { index: soIndex })([...CASE_SAVED_OBJECT_TYPES]).find({ type: CASE_SAVED_OBJECT_TYPE, perPage: 0 });
    const t0 = Date.now();
    await loadFixtureCases(client, soIndex, cases);
    const loadMs = Date.now() - t0;
    // A list of 100,000 cases that grew over months sits in merged segments; right after a bulk
    // load OpenSearch is still merging. Measure once its own merges are done (none is forced).
    const settleMs = await mergesDone(client, soIndex);
    for (const q of LIST_QUERIES) await api('GET', `${API_PATHS.cases}?${q}`); // warm
    const listTimes: number[] = [];
    for (let i = 0; i < runs; i++) listTimes.push((await api('GET', `${API_PATHS.cases}?${LIST_QUERIES[i % LIST_QUERIES.length]}`)).ms);

    // The list's case times (its own request after the list shows), over the open critical cases.
    const metricsQuery = 'severity=critical&status=open';
    const metricsCases = (await api<{ total: number }>('GET', `${API_PATHS.caseMetrics}?${metricsQuery}`)).body.total;
    const metricsTimes: number[] = [];
    for (let i = 0; i < Math.min(runs, 10); i++) metricsTimes.push((await api('GET', `${API_PATHS.caseMetrics}?${metricsQuery}`)).ms);

    const c = (await api<Case>('POST', API_PATHS.cases, { title: 'Benchmark: weeks-long incident' })).body;
    const docIndex = `${prefix}log-bench-events`;
    const refs = Array.from({ length: 1000 }, (_, i) => ({ index: docIndex, id: `evt-${i}` }));
    await client.bulk({ refresh: true, body: refs.flatMap((r, i) => [{ index: { _index: r.index, _id: r.id } }, { message: `event ${i}` }]) } as any);
    await loadFixtureItems(client, soIndex, c.id, { comments: 1000, refs });
    const getTimes: number[] = [];
    for (let i = 0; i < runs; i++) getTimes.push((await api('GET', API_PATHS.case(c.id))).ms);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // The first load builds the bundles (slow on a busy machine).
    await page.goto(`${host.url}/app/${APP_ID}#/cases`, { timeout: 300_000 });
    await page.waitForSelector('[data-test-subj="casesTable"], table', { timeout: 60_000 });
    const url = `${host.url}/app/${APP_ID}#/cases/${encodeURIComponent(c.id)}`;
    const expected = { comments: CASE_LIMITS.firstPageItems, attachments: CASE_LIMITS.firstPageItems };
    const inApp: ViewProbe[] = [];
    const cold: ViewProbe[] = [];
    const uiRuns = Math.min(runs, 10);
    for (let i = 0; i < uiRuns + 1; i++) {
      // In the app: from the cases list, as a click on the case's link does (a hash change).
      await page.evaluate(`location.hash = '#/cases'`);
      await page.waitForSelector('[data-test-subj="casesTable"] tbody tr', { timeout: 60_000 });
      const a = await probeCaseView(page, cdp, { url, caseId: c.id, cold: false, expected });
      // A shared link opened in a new tab: the page itself loads (the HTTP cache as the host allows).
      const b = await probeCaseView(page, cdp, { url, caseId: c.id, cold: true, expected });
      if (i > 0) {
        inApp.push(a);
        cold.push(b);
      }
    }
    const domComments = await page.locator('[data-test-subj="caseComment"]').count();
    const domAttachments = await page.locator('[data-test-subj="caseAttachments"] tr[data-doc-id]').count();
    await context.close();
    const report = { cases, loadMs, settleMs, metrics: summarize(metricsTimes), metricsQuery, metricsCases, list: summarize(listTimes), listByQuery: byQuery(listTimes), get: summarize(getTimes), inApp: viewSummary(inApp), cold: viewSummary(cold), domComments, domAttachments, load: { before: loadBefore, after: os.loadavg() }, heapMiB: await heapMiB(client) };
    writeReport(report);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await browser.close();
    await client.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
    await client.close();
    await host.close();
  }
}

type Report = {
  cases: number;
  loadMs: number;
  settleMs: number;
  metrics: Summary;
  metricsQuery: string;
  metricsCases: number;
  list: Summary;
  listByQuery: ReturnType<typeof byQuery>;
  get: Summary;
  inApp: ViewSummary;
  cold: ViewSummary;
  domComments: number;
  domAttachments: number;
  load: { before: number[]; after: number[] };
  heapMiB?: number;
};

function writeReport(r: Report) {
  const file = path.join(REPO_ROOT, 'docs/benchmarks.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const row = (name: string, s: Summary, target: string) => `| ${name} | ${s.runs} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${target} |`;
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  const requests = (v: ViewSummary) =>
    v.requests.map((q) => `| ${q.method} \`${q.what}\` | ${q.resourceType} | ${q.p50 < 0 ? 'not ended' : fmt(q.p50)} |`).join('\n');
  const thread = (v: ViewSummary) => `script ${fmt(v.mainThread.script)}, layout ${fmt(v.mainThread.layout)}, style ${fmt(v.mainThread.style)}, all main-thread tasks ${fmt(v.mainThread.tasks)}`;
  const section = `<!-- cases-bench -->
## Cases at scale

Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:cases\` against the dev host and OpenSearch on this machine (2 cores shared with other work; load average (1/5/15 min) ${load(r.load.before)} at the start, ${load(r.load.after)} at the end; OpenSearch heap ${r.heapMiB ? `${r.heapMiB} MiB` : 'unknown'}). ${r.cases.toLocaleString('en')} cases bulk-loaded in the saved-object shape (${(r.loadMs / 1000).toFixed(0)} s, then ${(r.settleMs / 1000).toFixed(0)} s until OpenSearch's own merges were done); one case with 1,000 comments, 1,000 attachments and 2,001 activity entries (items).

| what | runs | p50 | p95 | max | target |
|---|---|---|---|---|---|
${row(`\`GET /cases\` over ${r.cases.toLocaleString('en')} cases (search, filters, severity/title sort, page 50 and page 100 of 100)`, r.list, 'p95 < 300 ms')}
${row(`\`GET /case_metrics?${r.metricsQuery}\` (the list's case times, its own request: ${r.metricsCases.toLocaleString('en')} cases read)`, r.metrics, '')}
${row('`GET /cases/{id}` of the 1,000 + 1,000 case (newest 20 of each kind, availability of 20 attachments)', r.get, '')}
${row('chromium, in the app: from the cases list to the case view interactive', r.inApp.wall, '< 1 s')}
${row('chromium, a shared link opened: page load (bundles from the HTTP cache) to the case view interactive', r.cold.wall, '')}

"Interactive" is measured in the page: the first page of comments and of attachments is in the DOM and the main thread has painted and run a task queued after it (dev/bench/case_view_probe.ts). The case view shows ${r.domComments} comments and ${r.domAttachments} attachments (a page of each); older ones are paged from \`GET /cases/{id}/{kind}\`.

Each list query (server side, ms):

| query | runs | p50 | p95 |
|---|---|---|---|
${r.listByQuery.map((q) => `| \`${q.query}\` | ${q.runs} | ${fmt(q.p50)} | ${fmt(q.p95)} |`).join('\n')}

In the browser (medians; these depend less on the machine's load than the wall times): opening the case in the app makes these requests before it is interactive${r.inApp.sameRequestsEveryRun ? '' : ' (not the same in every run)'}:

| request | type | time |
|---|---|---|
${requests(r.inApp)}

Main thread, in the app: ${thread(r.inApp)}. Opening the shared link: ${thread(r.cold)}; its requests${r.cold.sameRequestsEveryRun ? '' : ' (not the same in every run)'}:

| request | type | time |
|---|---|---|
${requests(r.cold)}
<!-- /cases-bench -->`;
  const re = /<!-- cases-bench -->[\s\S]*<!-- \/cases-bench -->/;
  fs.writeFileSync(file, re.test(existing) ? existing.replace(re, section) : `${existing.trimEnd()}\n\n${section}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/** The OpenSearch node's maximum heap, as the report states it. */
async function heapMiB(client: Client): Promise<number | undefined> {
  const res = await client.nodes.stats({ metric: 'jvm' } as any).catch(() => undefined);
  const nodes = Object.values((res?.body as any)?.nodes ?? {}) as Array<{ jvm?: { mem?: { heap_max_in_bytes?: number } } }>;
  const max = nodes[0]?.jvm?.mem?.heap_max_in_bytes;
  return max ? Math.round(max / 2 ** 20) : undefined;
}
