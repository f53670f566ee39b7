/**
 * The engine of `@osd/i18n` (packages/osd-i18n/src/core/i18n.ts), for running the plugin outside
 * OSD: the dev host's server, its browser page (as `__osdSharedDeps__.OsdI18n`), jest and tsc
 * resolve `@osd/i18n` to this stand-in; inside OSD the real package is used. Same semantics:
 * messages are ICU MessageFormat, formatted with `intl-messageformat` (what OSD's own
 * implementation uses); one current locale per process (normalised to lower case), set by `init`
 * from the server's `i18n.locale` or, in the browser, by `load(translationsUrl)`; a message missing
 * from the current translation falls back to its `defaultMessage`, formatted in the default
 * locale (`en`); an empty id, or no message at all, throws; a message that cannot be formatted
 * throws naming the id and locale. Browser-safe: no Node imports (the file loader is loader.ts).
 */
import { IntlMessageFormat } from 'intl-messageformat';

/** ICU custom formats (`{value, number, percent}`), as intl-messageformat takes them. */
export type Formats = NonNullable<ConstructorParameters<typeof IntlMessageFormat>[2]>;

/** One translation file (`translations/<locale>.json`): `{ locale?, formats?, messages }`. */
export interface Translation {
  locale?: string;
  formats?: Formats;
  messages: Record<string, string>;
}

export type TranslateValue = string | number | boolean | Date | null | undefined;

export interface TranslateArguments {
  values?: Record<string, TranslateValue>;
  defaultMessage: string;
  description?: string;
}

const EN_LOCALE = 'en';
const translationsForLocale: Record<string, Translation> = {};
let defaultLocale = EN_LOCALE;
let currentLocale = EN_LOCALE;
let formats: Formats = {};
let cache = new Map<string, IntlMessageFormat>();

const isString = (v: unknown): v is string => typeof v === 'string';
const normalizeLocale = (locale: string) => locale.toLowerCase();

/** A parsed message, once per (message, locale): parsing ICU is the costly part. */
export function getMessageFormat(message: string, locale: string): IntlMessageFormat {
  const key = `${locale}\u0000${message}`;
  let mf = cache.get(key);
  if (!mf) {
    mf = new IntlMessageFormat(message, locale, formats, { ignoreTag: true });
    cache.set(key, mf);
  }
  return mf;
}

export function addTranslation(newTranslation: Translation, locale = newTranslation.locale): void {
  if (!locale || !isString(locale)) throw new Error('[I18n] A `locale` must be a non-empty string to add messages.');
  if (newTranslation.locale && newTranslation.locale !== locale) {
    throw new Error('[I18n] A `locale` in the translation object is different from the one provided as a second argument.');
  }
  const normalized = normalizeLocale(locale);
  const existing = translationsForLocale[normalized] ?? { messages: {} };
  translationsForLocale[normalized] = {
    formats: newTranslation.formats ?? existing.formats,
    locale: newTranslation.locale ?? existing.locale,
    messages: { ...existing.messages, ...newTranslation.messages },
  };
}

/** The current locale's translation. */
export function getTranslation(): Translation {
  return translationsForLocale[currentLocale] ?? { messages: {} };
}

export function setLocale(locale: string): void {
  if (!locale || !isString(locale)) throw new Error('[I18n] A `locale` must be a non-empty string.');
  currentLocale = normalizeLocale(locale);
}

export function getLocale(): string {
  return currentLocale;
}

export function setDefaultLocale(locale: string): void {
  if (!locale || !isString(locale)) throw new Error('[I18n] A `locale` must be a non-empty string.');
  defaultLocale = normalizeLocale(locale);
}

export function getDefaultLocale(): string {
  return defaultLocale;
}

export function setFormats(newFormats: Formats): void {
  if (!newFormats || typeof newFormats !== 'object' || !Object.keys(newFormats).length) throw new Error('[I18n] A `formats` must be a non-empty object.');
  const merged: Record<string, Record<string, unknown>> = { ...(formats as Record<string, Record<string, unknown>>) };
  for (const [kind, entries] of Object.entries(newFormats)) merged[kind] = { ...merged[kind], ...(entries as Record<string, unknown>) };
  formats = merged as Formats;
  cache = new Map();
}

export function getFormats(): Formats {
  return formats;
}

export function getRegisteredLocales(): string[] {
  return Object.keys(translationsForLocale);
}

/**
 * The message `id` of the current locale, or else `defaultMessage`, with `values` put in.
 * `description` is for translators only.
 */
export function translate(id: string, { values = {}, defaultMessage }: TranslateArguments): string {
  if (!id || !isString(id)) throw new Error('[I18n] An `id` must be a non-empty string to translate a message.');
  const message = getTranslation().messages?.[id];
  if (!message && !defaultMessage) throw new Error(`[I18n] Cannot format message: "${id}". Default message must be provided.`);
  if (message) {
    try {
      return String(getMessageFormat(message, currentLocale).format(values));
    } catch (e) {
      throw new Error(`[I18n] Error formatting message: "${id}" for locale: "${currentLocale}".\n${e}`);
    }
  }
  try {
    return String(getMessageFormat(defaultMessage, defaultLocale).format(values));
  } catch (e) {
    throw new Error(`[I18n] Error formatting the default message for: "${id}".\n${e}`);
  }
}

/** Adds a translation and makes its locale (and formats) current. */
export function init(newTranslation?: Translation): void {
  if (!newTranslation) return;
  addTranslation(newTranslation);
  if (newTranslation.locale) setLocale(newTranslation.locale);
  if (newTranslation.formats) setFormats(newTranslation.formats);
}

/** Fetches a translation bundle (`/translations/<locale>.json`) and `init`s with it. */
export async function load(translationsUrl: string): Promise<void> {
  const response = await fetch(translationsUrl, { credentials: 'same-origin' });
  if (response.status >= 300) throw new Error(`Translations request failed with status code: ${response.status}`);
  init(await response.json());
}

/** The `i18n` namespace object OSD's package exports. */
export const i18n = {
  addTranslation,
  getTranslation,
  setLocale,
  getLocale,
  setDefaultLocale,
  getDefaultLocale,
  setFormats,
  getFormats,
  getRegisteredLocales,
  translate,
  init,
  load,
};
