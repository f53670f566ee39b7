/**
 * `npm run bench:incidents [-- --findings 10000 --updates 10 --cases 10000 --runs 30 --uiRuns 10 --dev-bundles]`:
 * the Incidents page over 10,000 findings (100,000 finding documents: 10 count updates each) —
 * page 1 with its phases, and page 2 reusing page 1's grouping —, the similar-cases lookup among
 * 10,000 cases, and the Incidents view interactive in Debian's chromium, its bundles served as an OSD
 * distributable serves them (cached for a year under the build number), or with `--dev-bundles` as
 * OSD in development (revalidated on every load). Prints the figures for docs/benchmarks.md and writes
 * build/bench/incidents.json. Needs OPENSEARCH_URL.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { Client } from '@opensearch-project/opensearch';
import { API_PATHS, CASE_SAVED_OBJECT_TYPE, OBSERVABLE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { IncidentsResponse } from '../../common/incident_types';
import { startDevHost } from '../host/dev_host';
import { createAppServer } from '../host/app_page';
import { Page } from 'playwright-core';
import { launchAnalystBrowser, launchBrowser } from '../../test/e2e/helpers';
import { APP_ID } from '../../common/constants';
import { applyIndexTemplates } from '../index_templates';
import { loadDocuments } from '../load';
import { prefixedSourcesConfig } from '../../test/integration/helpers';
import { migrateObservableDocument, observableKey } from '../../server/cases/observables';
import { fmt, summarize } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PREFIX = 'bench-incidents-';
const DAY = Date.parse('2030-03-01T00:00:00Z');
const ACCOUNT = '111122223333';

/** A deterministic pseudo-random stream. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Findings spread over one day: IAM findings on 800 access keys from 2,000 addresses, EC2 findings
 * on 2,500 instances (each with its own public address) probed from the same 2,000 addresses.
 */
function* findingDocs(findings: number, updates: number) {
  const r = rng(42);
  for (let f = 0; f < findings; f++) {
    const id = `bench${String(f).padStart(8, '0')}`;
    const start = DAY + Math.floor(r() * 20 * 3600_000);
    const remote = `198.18.${Math.floor(r() * 8)}.${Math.floor(r() * 250)}`;
    const iam = f % 2 === 0;
    const key = `ASIABENCH${String(Math.floor(r() * 800)).padStart(11, '0')}`;
    const instance = `i-0bench${String(Math.floor(r() * 2500)).padStart(10, '0')}`;
    const type = iam ? 'UnauthorizedAccess:IAMUser/MaliciousIPCaller' : 'Recon:EC2/PortProbeUnprotectedPort';
    for (let u = 1; u <= updates; u++) {
      const updated = new Date(start + u * 600_000).toISOString();
      yield {
        _index: `${PREFIX}log-aws-guardduty-2030-03`,
        _id: `${id}_${u}`,
        _source: {
          '@id': id,
          id,
          '@timestamp': updated,
          '@log_type': 'guardduty',
          type,
          title: iam ? `API called from ${remote}` : `Port probed on ${instance}`,
          severity: iam ? 5 : 2,
          accountId: ACCOUNT,
          region: 'us-east-1',
          createdAt: new Date(start).toISOString(),
          updatedAt: updated,
          resource: iam
            ? { resourceType: 'AccessKey', accessKeyDetails: { accessKeyId: key, principalId: `AROABENCH:${key}`, userName: `role-${key.slice(-3)}`, userType: 'AssumedRole' } }
            : { resourceType: 'Instance', instanceDetails: { instanceId: instance, networkInterfaces: [{ privateIpAddress: '10.0.0.5', publicIp: `198.19.${f % 250}.${(f * 7) % 250}` }] } },
          service: {
            serviceName: 'guardduty',
            count: u,
            eventFirstSeen: new Date(start).toISOString(),
            eventLastSeen: updated,
            action: iam
              ? { actionType: 'AWS_API_CALL', awsApiCallAction: { api: 'ListBuckets', remoteIpDetails: { ipAddressV4: remote } } }
              : { actionType: 'PORT_PROBE', portProbeAction: { portProbeDetails: [{ remoteIpDetails: { ipAddressV4: remote }, localIpDetails: { ipAddressV4: '10.0.0.5' } }] } },
          },
        },
      };
    }
  }
}

async function timeRuns(runs: number, fn: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const url = process.env.OPENSEARCH_URL;
  if (!url) throw new Error('set OPENSEARCH_URL');
  const findings = arg('findings', 10000);
  const updates = arg('updates', 10);
  const caseCount = arg('cases', 10000);
  const runs = arg('runs', 30);
  const client = new Client({ node: url, requestTimeout: 300_000 });
  const soIndex = `${PREFIX}osd-saved-objects`;

  const have = await client.count({ index: `${PREFIX}log-*`, ignore_unavailable: true, allow_no_indices: true } as any).then((r) => r.body.count as number).catch(() => 0);
  if (have !== findings * updates) {
    await client.indices.delete({ index: `${PREFIX}log-*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
    await applyIndexTemplates(client, { prefix: PREFIX, force: true });
    const t0 = performance.now();
    await loadDocuments(client, [...findingDocs(findings, updates)] as any, { refresh: true });
    console.log(`loaded ${findings * updates} finding documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await client.indices.forcemerge({ index: `${PREFIX}log-*`, max_num_segments: 1 } as any).catch(() => undefined);

  // Observables stored before their sort keys existed (OSD would migrate them; the dev host does not): start the
  // saved objects over, before the dev host creates their index and mappings.
  const sortable = await client
    .count({ index: soIndex, body: { query: { exists: { field: `${OBSERVABLE_SAVED_OBJECT_TYPE}.seenOrder` } } } } as any)
    .then((r) => r.body.count as number)
    .catch(() => 0);
  if (sortable < caseCount * 6) await client.indices.delete({ index: soIndex, ignore_unavailable: true } as any).catch(() => undefined);
  const dist = !process.argv.includes('--dev-bundles');
  const host = await startDevHost({ port: 0, opensearchUrl: url, pluginDir: ROOT, quiet: true, config: prefixedSourcesConfig(PREFIX), savedObjectsIndex: soIndex, serveStatic: (h) => createAppServer(h, { dist }) });
  const api = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(host.url + p, { method, headers: { 'osd-xsrf': 'true', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  try {
    // Incidents page.
    const q = `from=2030-03-01T00:00:00Z&to=2030-03-02T00:00:00Z&perPage=20`;
    let last: IncidentsResponse | undefined;
    const page2Times: number[] = [];
    const incidentRuns = await timeRuns(runs, async () => {
      last = await api<IncidentsResponse>('GET', `${API_PATHS.incidents}?${q}`);
    });
    // Page 2 right after page 1: the grouping of page 1 is reused (same identity, range, window).
    const page2Runs = await timeRuns(Math.min(runs, 10), async () => {
      await api<IncidentsResponse>('GET', `${API_PATHS.incidents}?${q}`);
      const t = performance.now();
      const p2 = await api<IncidentsResponse>('GET', `${API_PATHS.incidents}?${q}&page=2`);
      if (!p2.took.groupingReused) throw new Error('page 2 did not reuse the grouping of page 1');
      page2Times.push(performance.now() - t);
    });
    void page2Runs;
    const tookRuns: number[] = [];
    const phaseRuns: Record<string, number[]> = { aggregationMs: [], groupingMs: [], membersMs: [], describeMs: [] };
    for (let i = 0; i < 10; i++) {
      const { took } = await api<IncidentsResponse>('GET', `${API_PATHS.incidents}?${q}`);
      tookRuns.push(took.ms);
      for (const [k, v] of Object.entries(took.phases ?? {})) phaseRuns[k]?.push(v);
    }

    // Similar cases among 10,000 cases: the cases and their observables are bulk-indexed as OSD stores saved objects.
    const first = await api<{ id: string }>('POST', API_PATHS.cases, { title: 'bench seed' }); // creates the saved objects index
    const haveCases = await client.count({ index: soIndex, body: { query: { term: { type: CASE_SAVED_OBJECT_TYPE } } } } as any).then((r) => r.body.count as number);
    if (haveCases < caseCount) {
      const r = rng(7);
      const docs: Array<{ _index: string; _id: string; _source: Record<string, unknown> }> = [];
      const now = new Date().toISOString();
      for (let c = 0; c < caseCount; c++) {
        const id = `bench-case-${c}`;
        const closed = c % 3 === 0;
        docs.push({
          _index: soIndex,
          _id: `${CASE_SAVED_OBJECT_TYPE}:${id}`,
          _source: {
            type: CASE_SAVED_OBJECT_TYPE, references: [], updated_at: now,
            [CASE_SAVED_OBJECT_TYPE]: { title: `Case ${c}`, description: '', status: closed ? 'closed' : 'open', closeReason: closed ? 'benign_positive' : null, severity: 'low', tags: [], assignees: [], attachments: [], comments: [], activity: [], attachmentCount: 0, commentCount: 0, createdAt: now, createdBy: 'bench', updatedAt: now, updatedBy: 'bench', closedAt: closed ? now : null, closedBy: closed ? 'bench' : null },
          },
        });
        for (let o = 0; o < 6; o++) {
          const [type, value] = o < 3 ? ['ip', `198.18.${Math.floor(r() * 8)}.${Math.floor(r() * 250)}`] : ['access_key', `ASIABENCH${String(Math.floor(r() * 800)).padStart(11, '0')}`];
          const key = observableKey(type, value);
          docs.push({
            _index: soIndex,
            _id: `${OBSERVABLE_SAVED_OBJECT_TYPE}:${id}-${key}`,
            _source: {
              type: OBSERVABLE_SAVED_OBJECT_TYPE, references: [], updated_at: now,
              // Through the type's migration, which gives every stored observable its sort keys.
              [OBSERVABLE_SAVED_OBJECT_TYPE]: migrateObservableDocument({ id: `${id}-${key}`, type: OBSERVABLE_SAVED_OBJECT_TYPE, attributes: { caseId: id, caseKey: `k${c}`, key, type, value, firstSeen: now, lastSeen: now, ioc: type === 'ip', excluded: false } }).attributes,
            },
          });
        }
      }
      await loadDocuments(client, docs as any, { refresh: true });
    }
    // The case to look up: observables of a typical incident (2 addresses, 1 key).
    const incident = last!.incidents[0];
    await api('POST', API_PATHS.casesFromIncident, { title: 'bench incident', findings: incident.members.slice(0, 5).map((m) => m.ref), requestId: 'bench-request-0001' });
    const caseId = (await api<{ case: { id: string } }>('POST', API_PATHS.casesFromIncident, { title: 'bench incident', findings: incident.members.slice(0, 5).map((m) => m.ref), requestId: 'bench-request-0001' })).case.id;
    let similar = 0;
    const similarRuns = await timeRuns(runs, async () => {
      similar = (await api<{ similarCases: unknown[] }>('GET', API_PATHS.caseObservables(caseId))).similarCases.length;
    });
    void first;

    // The Incidents view interactive in Debian's chromium: from navigation to the first page of
    // incident cards on screen with their actions enabled (server time included). Twice: in a
    // browser profile on disk, as a returning analyst's browser is (bundles revalidated with 304
    // and compiled code from V8's cache, after the two loads chromium needs before it caches
    // code), and in a fresh in-memory context, whose ~10 MB cache the 9 MB shared bundle does not
    // reliably fit (some navigations download and compile it again).
    console.log(`API: incidents page p50 ${fmt(summarize(incidentRuns).p50)}, p95 ${fmt(summarize(incidentRuns).p95)}; similar cases p50 ${fmt(summarize(similarRuns).p50)}, p95 ${fmt(summarize(similarRuns).p95)}`);
    const uiRuns = arg('uiRuns', 10);
    const url = `${host.url}/app/${APP_ID}#/?from=2030-03-01T00:00:00Z&to=2030-03-02T00:00:00Z`;
    let cards = 0;
    const measureView = async (page: Page, warmups: number): Promise<number[]> => {
      page.setDefaultTimeout(180_000); // the first load builds the bundles, slow on a loaded machine
      const times: number[] = [];
      for (let i = 0; i < uiRuns + warmups; i++) {
        await page.goto('about:blank');
        const t0 = performance.now();
        await page.goto(url);
        await page.waitForSelector('[data-test-subj="incidentCard"] button:not([disabled])', { timeout: 120_000 });
        if (i >= warmups) times.push(performance.now() - t0);
        cards = await page.locator('[data-test-subj="incidentCard"]').count();
      }
      return times;
    };
    const analyst = await launchAnalystBrowser();
    let uiTimes: number[];
    try {
      uiTimes = await measureView(await analyst.context.newPage(), 2);
    } finally {
      await analyst.close();
    }
    const browser = await launchBrowser();
    let freshTimes: number[];
    try {
      freshTimes = await measureView(await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage(), 1);
    } finally {
      await browser.close();
    }
    const result = {
      findings, documents: findings * updates, incidents: last!.total, cases: caseCount,
      incidentsPage: summarize(incidentRuns), incidentsPage2: summarize(page2Times.slice(1)), incidentsTook: summarize(tookRuns),
      incidentsPhases: Object.fromEntries(Object.entries(phaseRuns).map(([k, v]) => [k, summarize(v)])),
      similarCases: summarize(similarRuns), similarFound: similar,
      bundles: dist ? 'distributable (max-age, under the build number)' : 'development (etag, must-revalidate)',
      incidentsView: summarize(uiTimes), incidentsViewFreshContext: summarize(freshTimes), incidentCardsShown: cards,
      loadAverage: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    };
    fs.mkdirSync(path.join(ROOT, 'build/bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'build/bench/incidents.json'), JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
    console.log(`incidents page (HTTP, ${runs} runs): p50 ${fmt(result.incidentsPage.p50)}, p95 ${fmt(result.incidentsPage.p95)}; similar cases: p50 ${fmt(result.similarCases.p50)}, p95 ${fmt(result.similarCases.p95)}; view in chromium (analyst profile): p50 ${fmt(result.incidentsView.p50)}, p95 ${fmt(result.incidentsView.p95)}; fresh in-memory context: p50 ${fmt(result.incidentsViewFreshContext.p50)}, p95 ${fmt(result.incidentsViewFreshContext.p95)}`);
  } finally {
    await host.close();
    await client.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
