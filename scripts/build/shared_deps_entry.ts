/**
 * The dev host's stand-in for OSD's `osd-ui-shared-deps.js` (packages/osd-ui-shared-deps/entry.js):
 * one copy of React, OUI and friends on `window.__osdSharedDeps__`, under the names OSD uses
 * (OSD_CONTRACTS.md §7). Plugin bundles import these modules as externals, never bundle them.
 * Only the modules the plugin imports, and their usual companions, are provided.
 */
// OUI as ES modules: esbuild resolves `require()` to OUI's CommonJS build, whose icon loader calls
// `require()` with a computed path; the ES build's `import()` of the icons is bundled instead.
import * as ElasticEui from '@elastic/eui';

declare global {
  interface Window {
    __osdSharedDeps__: Record<string, unknown>;
  }
}

window.__osdSharedDeps__ = {
  // OSD's @osd/i18n (browser entry) and @osd/i18n/react: this repository's stand-ins (dev/host/i18n).
  OsdI18n: require('../../dev/host/i18n/browser'),
  OsdI18nReact: require('../../dev/host/i18n/react'),
  React: require('react'),
  ReactDom: require('react-dom'),
  ReactRouter: require('react-router'),
  ReactRouterDom: require('react-router-dom'),
  ElasticEui,
  ElasticNumeral: require('numeral'),
  Moment: require('moment'),
  Lodash: require('lodash'),
  // `@osd/ui-shared-deps/theme`: the variables of the theme the page was rendered with.
  Theme: require('../../dev/host/browser/ui_shared_deps_theme'),
};
