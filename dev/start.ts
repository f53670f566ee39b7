/**
 * `npm start`: a local OpenSearch (started or reused; `OPENSEARCH_URL` points elsewhere), the demo
 * incident loaded relative to yesterday when the GuardDuty indices are empty (`SIEM_DEMO=0` skips),
 * the browser bundles built, and the dev host serving the plugin on `PORT` (default 5601), with
 * cases kept by the dev saved objects client and a Discover stand-in at `/app/dev-discover`.
 *
 * `OPENSEARCH_SECURE=1 npm start`: the secured OpenSearch 2.19 instead (dev/opensearch, `start
 * --secure`), the demo loaded as `admin`, and the dev host asking for a login (HTTP basic, the users
 * of dev/opensearch/secure/config/opensearch-security/internal_users.yml) and keeping cases in
 * `.kibana` through the security plugin's tenants. No Discover stand-in there (it reads as one user).
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { Client } from '@opensearch-project/opensearch';
import { APP_ID } from '../common/constants';
import { DEFAULT_SOURCES } from '../common/sources';
import { SOURCE_IDS } from '../common/types';
import { ensureBundles, formatReport } from '../scripts/build/bundle_public';
import { generateScenario } from '../test/fixtures/scenario/generate';
import { createAppServer } from './host/app_page';
import { startDevHost } from './host/dev_host';
import { applyIndexTemplates } from './index_templates';
import { createClient, loadDocuments } from './load';

const ROOT = path.resolve(__dirname, '..');

const SECURE = process.env.OPENSEARCH_SECURE === '1';
/**
 * OSD's `i18n.locale` (opensearch_dashboards.yml; on OSD's command line `--i18n.locale=ja-JP`):
 * `npm start -- --i18n.locale=ja-JP`, or `I18N_LOCALE=ja-JP npm start`. Default `en`.
 */
const LOCALE = process.argv.find((a) => a.startsWith('--i18n.locale='))?.slice('--i18n.locale='.length) || process.env.I18N_LOCALE || 'en';
/** The secured node's users (dev/opensearch/secure/config): each password is `<user>-dev-pw`. */
const SECURE_ADMIN = { username: 'admin', password: 'admin-dev-pw' };
const SECURE_SERVER_USER = { username: 'kibanaserver', password: 'kibanaserver-dev-pw' };

function startLocalOpenSearch(): string {
  console.log(`Starting the local OpenSearch (dev/opensearch/opensearch.sh start${SECURE ? ' --secure' : ''})…`);
  const args = [path.join(ROOT, 'dev/opensearch/opensearch.sh'), 'start', ...(SECURE ? ['--secure'] : [])];
  const out = execFileSync('bash', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop()!;
}

/** `YYYY-MM-DD` of yesterday (UTC): the findings page's default "last 7 days" then shows the incident. */
function yesterdayUtc(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

async function newestFinding(client: Client): Promise<{ count: number; newest?: string }> {
  const index = DEFAULT_SOURCES.guardduty.indexPattern;
  const { body } = await client.search({
    index,
    ignore_unavailable: true,
    allow_no_indices: true,
    body: { size: 0, track_total_hits: true, aggs: { newest: { max: { field: DEFAULT_SOURCES.guardduty.timeField } } } },
  } as any);
  return { count: body.hits.total.value, newest: body.aggregations?.newest?.value_as_string };
}

async function ensureDemoData(client: Client): Promise<void> {
  const { count, newest } = await newestFinding(client);
  if (count > 0) {
    const ageDays = newest ? (Date.now() - Date.parse(newest)) / 86_400_000 : 0;
    console.log(`Found ${count} GuardDuty documents (newest ${newest ?? 'unknown'}); not loading the demo.`);
    if (ageDays > 6) console.log('They are older than the findings page\'s default "last 7 days": widen its time range to see them.');
    return;
  }
  const baseDate = yesterdayUtc();
  console.log(`Loading the demo incident on ${baseDate} (UTC)…`);
  await applyIndexTemplates(client);
  const { docs } = generateScenario({ baseDate, heavy: true });
  const result = await loadDocuments(client, docs, { refresh: true });
  console.log(`Loaded ${result.loaded} documents in ${(result.tookMs / 1000).toFixed(1)} s.`);
}

/** An index that is no log source: its documents must get no Investigations tab in Discover. */
const UNRELATED_INDEX = 'app-logs-demo';

async function ensureUnrelatedDocument(client: Client): Promise<void> {
  await client
    .create({
      index: UNRELATED_INDEX,
      id: 'healthz-1',
      refresh: true,
      body: { '@timestamp': new Date().toISOString(), message: 'GET /healthz HTTP/1.1 200 2 "-" "kube-probe/1.29"', 'http.response.status_code': 200 },
    } as any)
    .catch((e) => {
      if ((e as { meta?: { statusCode?: number } }).meta?.statusCode !== 409) throw e;
    });
}

async function main() {
  const opensearchUrl = process.env.OPENSEARCH_URL ?? startLocalOpenSearch();
  const client = SECURE ? new Client({ node: opensearchUrl, requestTimeout: 120_000, auth: SECURE_ADMIN }) : createClient(opensearchUrl);
  if (process.env.SIEM_DEMO !== '0') {
    await ensureDemoData(client);
    await ensureUnrelatedDocument(client);
  }

  const built = await ensureBundles();
  if (built.length) console.log(`Built the browser bundles:\n${formatReport(built)}`);

  const host = await startDevHost({
    port: Number(process.env.PORT ?? 5601),
    opensearchUrl,
    pluginDir: ROOT,
    i18n: { locale: LOCALE },
    ...(SECURE
      ? { serveStatic: (h) => createAppServer(h), security: { internalUser: SECURE_SERVER_USER } }
      : {
          serveStatic: (h) =>
            createAppServer(h, { discover: { opensearch: client, indexPatterns: [...SOURCE_IDS.map((id) => DEFAULT_SOURCES[id].indexPattern), UNRELATED_INDEX] } }),
        }),
  });
  console.log(`\nInvestigations is running at ${host.url}/app/${APP_ID}  (OpenSearch: ${opensearchUrl}; locale: ${LOCALE}; Ctrl+C stops the dev host)`);
  if (SECURE) console.log('Log in as analyst_a, analyst_b, reader, viewer or admin; each password is <user>-dev-pw (README.md, "Secured cluster").\n');
  else console.log(`Discover stand-in with the plugin's doc views and actions: ${host.url}/app/dev-discover\n`);

  const stop = async () => {
    await host.close();
    await client.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
