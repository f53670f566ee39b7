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
import path from 'path';
import { Client } from '@opensearch-project/opensearch';
import { API_PATHS, APP_ID, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { Case } from '../../common/case_types';
import { startDevHost } from '../host/dev_host';
import { createAppServer } from '../host/app_page';
import { createSavedObjectsClientFactory } from '../host/saved_objects_client';
import { CASE_SAVED_OBJECT_TYPES } from '../../server/cases';
import { launchBrowser } from '../../test/e2e/helpers';
import { OPENSEARCH_URL, prefixedSourcesConfig, REPO_ROOT, uniquePrefix } from '../../test/integration/helpers';
import { FIXTURE_TAGS, loadFixtureCases, loadFixtureItems } from './case_fixtures';
import { fmt, summarize, Summary } from './stats';

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

async function main() {
  const cases = arg('cases', 100_000);
  const runs = arg('runs', 40);
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
    for (const q of LIST_QUERIES) await api('GET', `${API_PATHS.cases}?${q}`); // warm
    const listTimes: number[] = [];
    for (let i = 0; i < runs; i++) listTimes.push((await api('GET', `${API_PATHS.cases}?${LIST_QUERIES[i % LIST_QUERIES.length]}`)).ms);

    const c = (await api<Case>('POST', API_PATHS.cases, { title: 'Benchmark: weeks-long incident' })).body;
    const docIndex = `${prefix}log-bench-events`;
    const refs = Array.from({ length: 1000 }, (_, i) => ({ index: docIndex, id: `evt-${i}` }));
    await client.bulk({ refresh: true, body: refs.flatMap((r, i) => [{ index: { _index: r.index, _id: r.id } }, { message: `event ${i}` }]) } as any);
    await loadFixtureItems(client, soIndex, c.id, { comments: 1000, refs });
    const getTimes: number[] = [];
    for (let i = 0; i < runs; i++) getTimes.push((await api('GET', API_PATHS.case(c.id))).ms);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // The first load builds the bundles (slow on a busy machine).
    await page.goto(`${host.url}/app/${APP_ID}#/cases`, { timeout: 300_000 });
    await page.waitForSelector('[data-test-subj="casesTable"], table', { timeout: 60_000 });
    const viewTimes: number[] = [];
    const uiRuns = Math.min(runs, 10);
    for (let i = 0; i < uiRuns + 1; i++) {
      await page.goto('about:blank');
      const t = Date.now();
      await page.goto(`${host.url}/app/${APP_ID}#/cases/${encodeURIComponent(c.id)}`, { timeout: 120_000 });
      await page.waitForSelector('[data-test-subj="caseView"] [data-test-subj="caseComment"]', { timeout: 60_000 });
      await page.waitForSelector('[data-test-subj="casePager-Comments"]', { timeout: 60_000 });
      if (i > 0) viewTimes.push(Date.now() - t);
    }
    const domComments = await page.locator('[data-test-subj="caseComment"]').count();
    await context.close();
    const report = { cases, loadMs, list: summarize(listTimes), get: summarize(getTimes), view: summarize(viewTimes), domComments };
    writeReport(report);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await browser.close();
    await client.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
    await client.close();
    await host.close();
  }
}

function writeReport(r: { cases: number; loadMs: number; list: Summary; get: Summary; view: Summary; domComments: number }) {
  const file = path.join(REPO_ROOT, 'docs/benchmarks.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const row = (name: string, s: Summary, target: string) => `| ${name} | ${s.runs} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${target} |`;
  const section = `<!-- cases-bench -->
## Cases at scale

Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:cases\` against the dev host and OpenSearch on this machine (2 cores shared with other work; OpenSearch heap 512 MB). ${r.cases.toLocaleString('en')} cases bulk-loaded in the saved-object shape (${(r.loadMs / 1000).toFixed(0)} s); one case with 1,000 comments, 1,000 attachments and 2,001 activity entries (items).

| what | runs | p50 | p95 | max | target |
|---|---|---|---|---|---|
${row(`\`GET /cases\` over ${r.cases.toLocaleString('en')} cases (search, filters, severity/title sort, page 50 and page 100 of 100)`, r.list, 'p95 < 300 ms')}
${row('`GET /cases/{id}` of the 1,000 + 1,000 case (newest 20 of each kind, availability of 20 attachments)', r.get, '')}
${row('chromium: `#/cases/<id>` to the first page of each kind on screen', r.view, '< 1 s')}

The case view renders ${r.domComments} comments (a page); older ones are paged from \`GET /cases/{id}/comments\`.
<!-- /cases-bench -->`;
  const re = /<!-- cases-bench -->[\s\S]*<!-- \/cases-bench -->/;
  fs.writeFileSync(file, re.test(existing) ? existing.replace(re, section) : `${existing.trimEnd()}\n\n${section}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
