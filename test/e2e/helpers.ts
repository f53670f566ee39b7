/**
 * End-to-end harness: Debian's chromium driven by playwright-core, against the dev host started
 * in-process on a random port, with the demo incident loaded under a test-only index prefix (the
 * plugin's `sources.*.indexPattern` config points at it), cases in a saved objects index of the
 * same prefix, all removed again afterwards.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from '@opensearch-project/opensearch';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { APP_ID } from '../../common/constants';
import { DEFAULT_SOURCES } from '../../common/sources';
import { SOURCE_IDS } from '../../common/types';
import { createAppServer, UiSettingsOverrides } from '../../dev/host/app_page';
import { RunningDevHost, startDevHost } from '../../dev/host/dev_host';
import { deleteIndexTemplates } from '../../dev/index_templates';
import { ScenarioFacts } from '../fixtures/scenario/generate';
import { PLUGIN_ID } from '../../common/constants';
import { buildZip } from '../../scripts/build/build_plugin';
import { unzipTo } from '../../scripts/build/archive';
import { loadScenario, OPENSEARCH_URL, prefixedSourcesConfig, REPO_ROOT, uniquePrefix } from '../integration/helpers';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

/** Installs Debian's chromium when it is missing (CI images start without it). */
function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) =>
    execFileSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A browser with a profile on disk, as an analyst's browser has: its HTTP cache and V8's code
 * cache live on disk. A context of `launchBrowser()` keeps its cache in memory (about 10 MB in
 * chromium), which the 9 MB shared-deps bundle does not reliably fit: some navigations download
 * and compile it again. For benchmarks of a returning analyst; `close()` removes the profile.
 */
export async function launchAnalystBrowser(viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  ensureChromium();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siem-analyst-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `YYYY-MM-DD` of yesterday (UTC), so the findings page's default "last 7 days" shows the incident. */
export function yesterdayUtc(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

export interface E2eEnv {
  host: RunningDevHost;
  browser: Browser;
  facts: ScenarioFacts;
  prefix: string;
  /** The saved objects index of this run (OSD's `.kibana` stand-in). */
  savedObjectsIndex: string;
  appUrl: string;
  /** A document of an index that is no log source (no Investigations tab, no "Add to case"). */
  unrelated: { index: string; id: string };
  /** Calls the plugin's HTTP API as the browser's core.http would (JSON, osd-xsrf). */
  api<T = any>(method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: T }>;
  /**
   * A second host on the same data and cases, with other uiSettings (e.g. `theme:darkMode`), as
   * another OSD with its own `uiSettings.overrides` would be. Closed with the environment.
   */
  withUiSettings(settings: UiSettingsOverrides): Promise<{ appUrl: string }>;
  close(): Promise<void>;
}

/**
 * The plugin as it ships: `npm run build`'s zip, unpacked. End-to-end tests run its transpiled
 * server code and its browser bundle, not the sources (E2E_FROM_SOURCE=1 to iterate on sources).
 */
let shipped: Promise<string> | undefined;
export function shippedPluginDir(): Promise<string> {
  shipped ??= (async () => {
    const zip = await buildZip('3.8.0');
    for (const old of fs.readdirSync(path.join(REPO_ROOT, 'build')).filter((n) => n.startsWith('e2e-plugin-'))) {
      fs.rmSync(path.join(REPO_ROOT, 'build', old), { recursive: true, force: true });
    }
    const dir = fs.mkdtempSync(path.join(REPO_ROOT, 'build', 'e2e-plugin-'));
    await unzipTo(zip, dir);
    return path.join(dir, 'opensearch-dashboards', PLUGIN_ID);
  })();
  return shipped;
}

/** `locale`: OSD's `i18n.locale` of the dev host (default `en`). */
export async function startE2eEnv(name: string, opts: { locale?: string } = {}): Promise<E2eEnv> {
  const prefix = uniquePrefix(`e2e-${name}`);
  const pluginDir = process.env.E2E_FROM_SOURCE ? REPO_ROOT : await shippedPluginDir();
  const pluginBundle = pluginDir === REPO_ROOT ? undefined : path.join(pluginDir, 'target/public', `${PLUGIN_ID}.plugin.js`);
  const config = prefixedSourcesConfig(prefix);
  const unrelated = { index: `${prefix}app-logs-2021-04`, id: 'healthz-1' };
  // Cases of this run live in their own saved objects index (OSD's `.kibana` stand-in).
  const savedObjectsIndex = `${prefix}osd-saved-objects`;
  const client = new Client({ node: OPENSEARCH_URL });
  const startHost = (uiSettings?: UiSettingsOverrides) =>
    startDevHost({
      port: 0,
      opensearchUrl: OPENSEARCH_URL,
      pluginDir,
      quiet: true,
      config,
      i18n: { locale: opts.locale },
      savedObjectsIndex,
      serveStatic: (h) =>
        createAppServer(h, {
          pluginBundle,
          manifestDir: pluginDir,
          uiSettings,
          discover: { opensearch: client, indexPatterns: [...SOURCE_IDS.map((id) => `${prefix}${DEFAULT_SOURCES[id].indexPattern}`), `${prefix}app-logs-*`] },
        }),
    });
  const host = await startHost();
  const others: RunningDevHost[] = [];
  const withUiSettings: E2eEnv['withUiSettings'] = async (settings) => {
    const other = await startHost(settings);
    others.push(other);
    return { appUrl: `${other.url}/app/${APP_ID}` };
  };
  const close = async () => {
    for (const o of others) await o.close().catch(() => undefined);
    await host.opensearch.indices.delete({ index: savedObjectsIndex, ignore_unavailable: true } as any).catch(() => undefined);
    await host.opensearch.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
    await deleteIndexTemplates(host.opensearch, { prefix }).catch(() => undefined);
    await host.close();
    await client.close();
  };
  const api: E2eEnv['api'] = async (method, apiPath, body) => {
    const res = await fetch(host.url + apiPath, {
      method,
      headers: { 'osd-xsrf': 'true', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  try {
    const { facts } = await loadScenario(host.opensearch, prefix, { baseDate: yesterdayUtc() });
    await client.index({
      index: unrelated.index,
      id: unrelated.id,
      refresh: true,
      body: { '@timestamp': facts.timestamps.firstGetObject, message: 'GET /healthz HTTP/1.1 200 2 "-" "kube-probe/1.29"', 'source.ip': '10.0.3.7' },
    } as any);
    const browser = await launchBrowser();
    return {
      host,
      browser,
      facts,
      prefix,
      savedObjectsIndex,
      appUrl: `${host.url}/app/${APP_ID}`,
      unrelated,
      api,
      withUiSettings,
      close: async () => {
        await browser.close();
        await close();
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Saves a screenshot as a test artifact and, when `docsName` is given, as the README's copy. */
export async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (docsName) {
    const docs = path.join(REPO_ROOT, 'docs/screenshots');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(file, path.join(docs, `${docsName}.png`));
  }
}

/**
 * The one failed request a page may make: the security plugin's "current tenant" endpoint, which
 * the case view asks for its share link and which answers 404 where multi-tenancy is off.
 */
const EXPECTED_FAILED_REQUESTS = ['/api/v1/multitenancy/tenant'];

/** Records what a page must never do: dialogs (`alert`), uncaught errors, failed requests. */
export function watchPage(page: Page) {
  const problems = { dialogs: [] as string[], errors: [] as string[], consoleErrors: [] as string[] };
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location().url ?? '';
    if (EXPECTED_FAILED_REQUESTS.some((p) => url.includes(p))) return;
    problems.consoleErrors.push(`${m.text()}${url ? ` (${url})` : ''}`);
  });
  return problems;
}

/**
 * Picks an existing case in the case picker. The list re-renders as search results arrive, which
 * can swallow a click on a slow machine: pick until the submit button is enabled.
 */
export async function pickExistingCase(container: Locator, title: string): Promise<void> {
  const option = container.locator(`[role="option"][title="${title}"]`);
  const submit = container.locator('button[data-test-subj="casePickerSubmit"]:not([disabled])');
  for (let attempt = 0; ; attempt++) {
    if ((await option.getAttribute('aria-selected')) !== 'true') await option.click();
    try {
      await submit.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * The text of an element that is already on the page and changes once React applies an answer
 * (a case's times after a close, a task's "done by"): waits up to 10 s for the text to match,
 * then returns whatever it is, so that a mismatch fails the assertion with the text seen.
 */
export async function settledText(locator: Locator, expected: string | RegExp): Promise<string> {
  await locator
    .filter({ hasText: expected })
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  return (await locator.first().textContent()) ?? '';
}
