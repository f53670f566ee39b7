/**
 * `npm run build [-- --osd-version 3.8.0[,3.8.1…]] [--standalone]` → build/siemInvestigations-<osdVersion>.zip
 * (one per version),
 * laid out as OSD's plugin-helpers would (OSD_CONTRACTS.md §8) and checked as the install CLI and
 * the runtime would see it. Inside an OSD checkout (`plugins/<repo>`) it hands over to OSD's own
 * `plugin-helpers build` unless `--standalone` is given.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync } from 'child_process';
import { build as esbuild } from 'esbuild';
import { CONFIG_PATH, PLUGIN_ID, TARGET_OSD_VERSION } from '../../common/constants';
import { buildPlugin, formatReport, OUTPUTS, REPO_ROOT } from './bundle_public';
import { productionPackageJson, stampManifest, transpileFile, transpileTree } from './server_files';
import { readZip, unzipTo, zipDirectory } from './archive';
import { checkArtifact } from './check_artifact';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export function zipPath(osdVersion: string): string {
  return path.join(REPO_ROOT, 'build', `${PLUGIN_ID}-${osdVersion}.zip`);
}

export async function buildZip(osdVersion: string): Promise<string> {
  const stage = path.join(REPO_ROOT, 'build/opensearch-dashboards', PLUGIN_ID);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });

  const bundle = await buildPlugin();
  console.log(formatReport([bundle]));

  const manifest = stampManifest(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'opensearch_dashboards.json'), 'utf8')), osdVersion);
  fs.writeFileSync(path.join(stage, 'opensearch_dashboards.json'), JSON.stringify(manifest, null, 2) + '\n');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const prodPkg = productionPackageJson(pkg, manifest.version);
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(prodPkg, null, 2) + '\n');
  transpileTree(REPO_ROOT, ['server', 'common'], stage);
  // As OSD's plugin-helpers (write_server_files: `.i18nrc.json`, `translations/**`): the i18n mixin finds them there.
  fs.copyFileSync(path.join(REPO_ROOT, '.i18nrc.json'), path.join(stage, '.i18nrc.json'));
  fs.cpSync(path.join(REPO_ROOT, 'translations'), path.join(stage, 'translations'), { recursive: true });
  fs.mkdirSync(path.join(stage, 'target/public'), { recursive: true });
  fs.copyFileSync(OUTPUTS.plugin, path.join(stage, 'target/public', path.basename(OUTPUTS.plugin)));
  if (fs.existsSync(path.join(REPO_ROOT, 'public/assets'))) fs.cpSync(path.join(REPO_ROOT, 'public/assets'), path.join(stage, 'public/assets'), { recursive: true });
  if (Object.keys((prodPkg.dependencies as object) ?? {}).length) {
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: stage, stdio: 'inherit' });
  }

  const out = zipPath(osdVersion);
  await zipDirectory(stage, `opensearch-dashboards/${PLUGIN_ID}`, out);
  return out;
}

/**
 * Loads the server entry of the zip in a fresh Node process, laid out as in OSD: the plugin in a
 * folder whose only node_modules above it holds `@osd/config-schema` (this repository's
 * implementation, dev/host/config_schema.ts, standing in for OSD's), so only what the zip carries
 * and what OSD provides can be resolved. As OSD's plugin service does, the config export must be a
 * schema Type, and the default config (no `siem_investigations.*` settings) must validate; the
 * plugin then sets up with that validated config. `withConfigSchema: false` leaves OSD's package
 * out, to prove its absence is a loud error.
 */
export async function checkServerEntryLoads(zip: string, opts: { withConfigSchema?: boolean } = {}): Promise<{ routes: string[]; defaultConfig: unknown }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siem-zip-'));
  try {
    await unzipTo(zip, dir);
    if (opts.withConfigSchema !== false) transpileFile(path.join(REPO_ROOT, 'dev/host/config_schema.ts'), path.join(dir, 'node_modules/@osd/config-schema/index.js'));
    // OSD provides @osd/i18n as well: the stand-in, bundled with intl-messageformat (as OSD's node_modules holds both).
    await esbuild({
      entryPoints: [path.join(REPO_ROOT, 'dev/host/i18n/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      outfile: path.join(dir, 'node_modules/@osd/i18n/index.js'),
      logLevel: 'warning',
    });
    const pluginDir = path.join(dir, 'opensearch-dashboards', PLUGIN_ID);
    const probe = `
      const { plugin, config } = require(${JSON.stringify(path.join(pluginDir, 'server'))});
      const { Type } = require(require.resolve('@osd/config-schema', { paths: [${JSON.stringify(pluginDir)}] }));
      if (typeof plugin !== 'function') throw new Error('no named plugin export');
      if (!config || !(config.schema instanceof Type)) throw new Error('Configuration schema expected to be an instance of Type');
      const defaultConfig = config.schema.validate({}, { dev: false, prod: true }, 'config validation of [${CONFIG_PATH}]');
      const routes = [];
      const reg = (m) => (route) => routes.push(m + ' ' + route.path);
      const router = { get: reg('GET'), post: reg('POST'), put: reg('PUT'), patch: reg('PATCH'), delete: reg('DELETE') };
      const log = { debug() {}, info() {}, warn() {}, error() {} };
      const p = plugin({ logger: { get: () => log }, config: { create: () => ({ subscribe: (f) => (f(defaultConfig), { unsubscribe() {} }) }) } });
      p.setup({ http: { createRouter: () => router }, savedObjects: { registerType() {} }, capabilities: { registerProvider() {} } }, {});
      console.log(JSON.stringify({ routes, defaultConfig }));
    `;
    const stdout = execFileSync(process.execPath, ['-e', probe], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(stdout.trim().split('\n').pop()!);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const osdCheckoutHelpers = path.resolve(REPO_ROOT, '../../scripts/plugin_helpers.js');
  if (!process.argv.includes('--standalone') && fs.existsSync(osdCheckoutHelpers)) {
    console.log('Inside an OpenSearch Dashboards checkout: building with OSD plugin-helpers.');
    execFileSync(process.execPath, [osdCheckoutHelpers, 'build', ...process.argv.slice(2)], { stdio: 'inherit', cwd: REPO_ROOT });
    return;
  }
  // One zip per target: OSD loads a plugin only at its own exact version (docs/deploy.md).
  const osdVersions = (flag('osd-version') ?? TARGET_OSD_VERSION).split(',').map((v) => v.trim()).filter(Boolean);
  let failed = false;
  for (const osdVersion of osdVersions) {
    const zip = await buildZip(osdVersion);
    const report = checkArtifact(await readZip(zip), { id: PLUGIN_ID, osdVersion });
    const { routes } = await checkServerEntryLoads(zip);
    console.log(`\n${path.relative(REPO_ROOT, zip)}: ${report.entries} entries, ${(fs.statSync(zip).size / 1024).toFixed(1)} KiB, for OpenSearch Dashboards ${osdVersion} exactly`);
    console.log(`browser bundle: ${(report.bundleBytes / 1024).toFixed(1)} KiB, shared dependencies excluded`);
    console.log(`server entry loads with production dependencies and OSD's @osd/config-schema only; ${routes.length} routes registered`);
    if (report.problems.length) {
      console.error(`\nThe artifact would not install or run as built:\n- ${report.problems.join('\n- ')}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
