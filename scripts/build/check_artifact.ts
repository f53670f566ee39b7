/**
 * Checks on the plugin zip, as OSD's install CLI and runtime would see it (OSD_CONTRACTS.md §2,
 * §8, §9). Pure functions over the zip's entries; `build_plugin.ts` and the tests call them.
 */
export const BASE_MANIFEST_KEYS = ['id', 'version', 'opensearchDashboardsVersion', 'server', 'ui', 'requiredPlugins', 'optionalPlugins', 'requiredBundles', 'configPath'];

/** The install CLI's id rule (src/cli_plugin/install/pack.js). */
export const INSTALLABLE_ID = /^[a-z]{1}([a-zA-Z0-9]{1,})$/;

/** Strings that appear only inside the shared dependencies: finding one means it was bundled. */
export const SHARED_DEP_MARKERS: Record<string, RegExp> = {
  'react-dom': /reactjs\.org\/docs\/error-decoder\.html\?invariant=|react-dom\.production/,
  '@elastic/eui (OUI)': /euiSuperDatePicker__|euiBasicTable__|euiFlyout__closeButton/,
  moment: /moment\.github\.io|Deprecation warning: value provided is not in a recognized RFC2822/,
  lodash: /__lodash_hash_undefined__/,
  'react-router': /You should not use <Router/,
};

export interface ArtifactReport {
  problems: string[];
  pluginId: string;
  manifest: Record<string, unknown>;
  bundleBytes: number;
  entries: number;
}

export function checkArtifact(entries: Map<string, Buffer>, expected: { id: string; osdVersion: string }): ArtifactReport {
  const problems: string[] = [];
  const prefix = `opensearch-dashboards/${expected.id}/`;
  const names = [...entries.keys()];
  const outside = names.filter((n) => !n.startsWith(prefix));
  if (outside.length) problems.push(`entries outside ${prefix}: ${outside.slice(0, 5).join(', ')}`);
  const manifestBuf = entries.get(`${prefix}opensearch_dashboards.json`);
  let manifest: Record<string, unknown> = {};
  if (!manifestBuf) problems.push('no opensearch_dashboards.json at the plugin root');
  else manifest = JSON.parse(manifestBuf.toString('utf8'));

  if (manifest.id !== expected.id) problems.push(`manifest id ${manifest.id} is not ${expected.id}`);
  if (typeof manifest.id !== 'string' || !INSTALLABLE_ID.test(manifest.id)) problems.push(`id ${manifest.id} fails the install CLI's pattern`);
  if (String(manifest.id).includes('.')) problems.push('id must not contain "."');
  const unknown = Object.keys(manifest).filter((k) => !BASE_MANIFEST_KEYS.includes(k));
  if (unknown.length) problems.push(`manifest has keys older OSD versions reject: ${unknown.join(', ')}`);
  if (manifest.opensearchDashboardsVersion !== expected.osdVersion) {
    problems.push(`opensearchDashboardsVersion ${manifest.opensearchDashboardsVersion} does not match the target ${expected.osdVersion}`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(String(manifest.opensearchDashboardsVersion ?? ''))) {
    problems.push('opensearchDashboardsVersion must be an exact x.y.z: OSD compares it with its own version at start-up');
  }
  if (!manifest.server || !manifest.ui) problems.push('manifest must declare server and ui');

  for (const required of ['package.json', 'server/index.js', 'common/constants.js']) {
    if (!entries.has(prefix + required)) problems.push(`missing ${required}`);
  }
  if (names.some((n) => /\.tsx?$/.test(n) && !n.endsWith('.d.ts'))) problems.push('TypeScript sources in the zip');
  if (names.some((n) => /\.test\.js$/.test(n))) problems.push('tests in the zip');
  if (names.some((n) => n.startsWith(`${prefix}public/`) && !n.startsWith(`${prefix}public/assets/`))) problems.push('browser sources in the zip');

  // OSD's i18n mixin reads `<plugin>/.i18nrc.json` and loads the files its `translations` name.
  const i18nrc = entries.get(`${prefix}.i18nrc.json`);
  if (!i18nrc) problems.push('missing .i18nrc.json (OSD would load none of the plugin\'s translations)');
  else {
    let translations: unknown = [];
    try {
      translations = JSON.parse(i18nrc.toString('utf8')).translations ?? [];
    } catch {
      problems.push('.i18nrc.json is not JSON');
    }
    for (const t of Array.isArray(translations) ? translations : []) {
      const file = entries.get(prefix + String(t).replace(/^\.\//, ''));
      if (!file) problems.push(`.i18nrc.json names ${t}, which is not in the zip`);
      else {
        try {
          if (typeof JSON.parse(file.toString('utf8')).messages !== 'object') problems.push(`${t} has no messages`);
        } catch {
          problems.push(`${t} is not JSON`);
        }
      }
    }
  }

  const bundlePath = `${prefix}target/public/${expected.id}.plugin.js`;
  const bundle = entries.get(bundlePath)?.toString('utf8') ?? '';
  if (!bundle) problems.push(`missing ${bundlePath}`);
  else {
    if (!bundle.includes(`plugin/${expected.id}/public`)) problems.push('the bundle does not register plugin/<id>/public with __osdBundles__');
    if (/\beval\s*\(|new Function\s*\(/.test(bundle)) problems.push('the bundle uses eval or new Function (not CSP-safe)');
    if (/sourceMappingURL=data:/.test(bundle)) problems.push('the bundle carries an inline source map');
    for (const [dep, marker] of Object.entries(SHARED_DEP_MARKERS)) {
      if (marker.test(bundle)) problems.push(`the bundle contains ${dep}, a shared dependency OSD provides`);
    }
  }
  return { problems, pluginId: String(manifest.id), manifest, bundleBytes: Buffer.byteLength(bundle), entries: names.length };
}
