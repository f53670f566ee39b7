/**
 * What OSD core does with `i18n.locale` (src/legacy/server/i18n/index.ts and ui_render_mixin):
 *  - at start, every plugin's `.i18nrc.json` names its translation files (`"translations":
 *    ["translations/ja-JP.json"]`, paths relative to the plugin); the files named `<locale>.json`
 *    for the configured locale are registered and loaded, and the server's `i18n` is `init`ed with
 *    them, so server code translates in that one locale;
 *  - `GET /translations/<locale>.json` (no auth) answers that translation for the configured
 *    locale and 404 `Unknown locale` for any other; the page's injected metadata points the
 *    browser at it (`i18n.translationsUrl`) and `<html lang>` names it.
 */
import fs from 'fs';
import path from 'path';
import * as standIn from './index';

export const I18N_RC = '.i18nrc.json';

/** The `@osd/i18n` the plugin at `pluginDir` gets: OSD's inside an OSD checkout, else the stand-in. */
export function osdI18nFor(pluginDir: string): typeof import('./index') {
  try {
    return require(require.resolve('@osd/i18n', { paths: [pluginDir] }));
  } catch {
    return standIn;
  }
}

/** The translation files a plugin's `.i18nrc.json` lists, as absolute paths (none without the file). */
export function translationPaths(pluginDir: string): string[] {
  const rc = path.join(pluginDir, I18N_RC);
  if (!fs.existsSync(rc)) return [];
  let translations: unknown;
  try {
    ({ translations } = JSON.parse(fs.readFileSync(rc, 'utf8')));
  } catch {
    throw new Error(`Failed to parse .i18nrc.json file at ${rc}`);
  }
  if (translations !== undefined && (!Array.isArray(translations) || translations.some((t) => typeof t !== 'string'))) {
    throw new Error(`Failed to parse .i18nrc.json file at ${rc}`);
  }
  return ((translations as string[] | undefined) ?? []).map((t) => path.resolve(pluginDir, t));
}

/** OSD's i18n mixin for one plugin: registers and loads its files for `locale`, `init`s the server's i18n. */
export async function initServerTranslations(pluginDir: string, locale: string): Promise<void> {
  const { i18n, i18nLoader } = osdI18nFor(pluginDir);
  const files = translationPaths(pluginDir).filter((f) => path.basename(f, '.json') === locale);
  i18nLoader.registerTranslationFiles(files);
  const translations = await i18nLoader.getTranslationsByLocale(locale);
  i18n.init(Object.freeze({ locale, ...translations }));
}

/** `/translations/<locale>.json`: the configured locale's translation, else null (a 404). */
export function translationsResponse(pluginDir: string, requested: string): string | null {
  const { i18n } = osdI18nFor(pluginDir);
  if (i18n.getLocale() !== requested.toLowerCase()) return null;
  return JSON.stringify(i18n.getTranslation());
}
