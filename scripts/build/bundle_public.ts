/**
 * Builds the browser side with esbuild, the way OSD's optimizer would ship it (OSD_CONTRACTS.md §9):
 *  - build/target/public/siemInvestigations.plugin.js — the plugin: one CSP-safe IIFE (no eval, no
 *    eval source maps), OSD's shared modules external (read from `window.__osdSharedDeps__`),
 *    registering `__osdBundles__.define('plugin/siemInvestigations/public', thunk)`;
 *  - build/dev/osd-ui-shared-deps.js — the dev host's shared modules;
 *  - build/dev/core_public.js — the dev host's browser core (dev/host/browser/core_public.tsx).
 *
 *   npx tsx scripts/build/bundle_public.ts          # build all three, print sizes
 *   npx tsx scripts/build/bundle_public.ts --plugin # only the plugin bundle
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { build, BuildOptions, Metafile, Plugin } from 'esbuild';
import { PLUGIN_ID } from '../../common/constants';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** `@osd/ui-shared-deps` externals (packages/osd-ui-shared-deps/index.js): module → global name. */
export const SHARED_DEPS: Record<string, string> = {
  '@osd/i18n': 'OsdI18n',
  '@osd/i18n/react': 'OsdI18nReact',
  jquery: 'Jquery',
  moment: 'Moment',
  'moment-timezone': 'MomentTimezone',
  react: 'React',
  'react-dom': 'ReactDom',
  'react-dom/server': 'ReactDomServer',
  'react-router': 'ReactRouter',
  'react-router-dom': 'ReactRouterDom',
  'styled-components': 'StyledComponents',
  '@osd/monaco': 'OsdMonaco',
  'monaco-editor/esm/vs/editor/editor.api': 'MonacoBarePluginApi',
  '@osd/ui-shared-deps/theme': 'Theme',
  rxjs: 'Rxjs',
  'rxjs/operators': 'RxjsOperators',
  numeral: 'ElasticNumeral',
  '@elastic/numeral': 'ElasticNumeral',
  '@elastic/charts': 'ElasticCharts',
  '@elastic/eui': 'ElasticEui',
  '@elastic/eui/lib/services': 'ElasticEuiLibServices',
  '@elastic/eui/lib/services/format': 'ElasticEuiLibServicesFormat',
  '@elastic/eui/dist/eui_charts_theme': 'ElasticEuiChartsTheme',
  '@elastic/eui/dist/eui_theme_light.json': 'Theme.euiLightVars',
  '@elastic/eui/dist/eui_theme_dark.json': 'Theme.euiDarkVars',
  lodash: 'Lodash',
  'lodash/fp': 'LodashFp',
  tslib: 'TsLib',
};

export const OUTPUTS = {
  plugin: path.join(REPO_ROOT, 'build/target/public', `${PLUGIN_ID}.plugin.js`),
  sharedDeps: path.join(REPO_ROOT, 'build/dev/osd-ui-shared-deps.js'),
  core: path.join(REPO_ROOT, 'build/dev/core_public.js'),
};

/** What each output is built from: rebuilt when any of these is newer than the output. */
const INPUTS: Record<keyof typeof OUTPUTS, string[]> = {
  plugin: ['public', 'common', 'package-lock.json', 'scripts/build/bundle_public.ts'],
  sharedDeps: ['scripts/build/shared_deps_entry.ts', 'dev/host/browser/ui_shared_deps_theme.ts', 'dev/host/i18n', 'package-lock.json', 'scripts/build/bundle_public.ts'],
  core: ['dev/host/browser', 'package-lock.json', 'scripts/build/bundle_public.ts'],
};

/** Every shared module resolves to a tiny shim reading the global, as OSD's webpack externals do. */
export function osdSharedDepsPlugin(): Plugin {
  const names = Object.keys(SHARED_DEPS).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return {
    name: 'osd-shared-deps',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'osd-shared-deps' }));
      b.onLoad({ filter: /.*/, namespace: 'osd-shared-deps' }, (args) => ({
        contents: `module.exports = window.__osdSharedDeps__.${SHARED_DEPS[args.path]};`,
        loader: 'js',
      }));
    },
  };
}

const COMMON: BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: false,
  jsx: 'automatic',
  // webpack (OSD's optimizer) provides both; some of OUI's dependencies read `global`.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: REPO_ROOT,
};

export interface BundleReport {
  name: keyof typeof OUTPUTS;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** The biggest inputs, for docs/ui.md. */
  largest: Array<{ input: string; bytes: number }>;
}

function report(name: keyof typeof OUTPUTS, metafile: Metafile): BundleReport {
  const file = OUTPUTS[name];
  const code = fs.readFileSync(file);
  const out = Object.values(metafile.outputs)[0];
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = m ? m[1] : input.replace(/^osd-shared-deps:/, 'external ');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return {
    name,
    file: path.relative(REPO_ROOT, file),
    bytes: code.length,
    gzipBytes: zlib.gzipSync(code).length,
    largest: [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([input, bytes]) => ({ input, bytes })),
  };
}

/** OSD 3.6+ enforces a strict CSP: a bundle that evaluates strings would not run there. */
function assertCspSafe(file: string): void {
  const code = fs.readFileSync(file, 'utf8');
  const found = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /sourceMappingURL=data:/].filter((re) => re.test(code));
  if (found.length) throw new Error(`${file} is not CSP-safe: it contains ${found.map(String).join(', ')}`);
}

export async function buildPlugin(): Promise<BundleReport> {
  const result = await build({
    ...COMMON,
    stdin: {
      // The thunk form works with both loaders: Rspack's `define(key, () => require(...))` (OSD ≥ 3.5)
      // and webpack's `define(key, __webpack_require__, moduleId)`, since `get` calls `bundleRequire(moduleKey)`.
      contents: `import * as entry from './public/index.ts';\nwindow.__osdBundles__.define('plugin/${PLUGIN_ID}/public', function () { return entry; });`,
      resolveDir: REPO_ROOT,
      sourcefile: `${PLUGIN_ID}.entry.js`,
      loader: 'ts',
    },
    outfile: OUTPUTS.plugin,
    plugins: [osdSharedDepsPlugin()],
  });
  assertCspSafe(OUTPUTS.plugin);
  return report('plugin', result.metafile!);
}

export async function buildSharedDeps(): Promise<BundleReport> {
  const result = await build({ ...COMMON, entryPoints: [path.join(REPO_ROOT, 'scripts/build/shared_deps_entry.ts')], outfile: OUTPUTS.sharedDeps });
  return report('sharedDeps', result.metafile!);
}

export async function buildCore(): Promise<BundleReport> {
  const result = await build({
    ...COMMON,
    entryPoints: [path.join(REPO_ROOT, 'dev/host/browser/core_public.tsx')],
    outfile: OUTPUTS.core,
    plugins: [osdSharedDepsPlugin()],
  });
  return report('core', result.metafile!);
}

const BUILDERS: Record<keyof typeof OUTPUTS, () => Promise<BundleReport>> = { plugin: buildPlugin, sharedDeps: buildSharedDeps, core: buildCore };

function newestMtime(p: string): number {
  const abs = path.join(REPO_ROOT, p);
  if (!fs.existsSync(abs)) return 0;
  const st = fs.statSync(abs);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(abs)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** The outputs that are missing or older than one of their inputs. */
export function staleBundles(): Array<keyof typeof OUTPUTS> {
  return (Object.keys(OUTPUTS) as Array<keyof typeof OUTPUTS>).filter((name) => {
    const out = OUTPUTS[name];
    if (!fs.existsSync(out)) return true;
    const built = fs.statSync(out).mtimeMs;
    return INPUTS[name].some((p) => newestMtime(p) > built);
  });
}

/** Builds what is stale (all three at most), in parallel. */
export async function ensureBundles(): Promise<BundleReport[]> {
  return Promise.all(staleBundles().map((name) => BUILDERS[name]()));
}

export async function buildAll(only?: Array<keyof typeof OUTPUTS>): Promise<BundleReport[]> {
  return Promise.all((only ?? (Object.keys(OUTPUTS) as Array<keyof typeof OUTPUTS>)).map((name) => BUILDERS[name]()));
}

export function formatReport(reports: BundleReport[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return reports
    .map((r) => [`${r.file}: ${kb(r.bytes)} (${kb(r.gzipBytes)} gzip)`, ...r.largest.map((l) => `    ${kb(l.bytes).padStart(10)}  ${l.input}`)].join('\n'))
    .join('\n');
}

if (require.main === module) {
  const only = process.argv.includes('--plugin') ? (['plugin'] as Array<keyof typeof OUTPUTS>) : undefined;
  buildAll(only).then(
    (reports) => console.log(formatReport(reports)),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
