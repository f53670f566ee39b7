/**
 * `i18nLoader` of `@osd/i18n` (packages/osd-i18n/src/loader.ts), server only: translation files
 * are registered by absolute path, their locale is their file name (`ja-JP.json` → `ja-JP`), and
 * `getTranslationsByLocale` merges the registered files of one locale.
 */
import { readFile } from 'fs/promises';
import path from 'path';
import type { Translation } from './core';

const registry: Record<string, string[]> = {};
const loaded: Record<string, Translation> = {};

function localeOf(file: string): string {
  if (!file) throw new Error('Filename is empty');
  if (path.extname(file) !== '.json') throw new Error(`Translations must have 'json' extension. File being registered is ${file}`);
  return path.basename(file, '.json');
}

export function registerTranslationFile(file: string): void {
  if (!path.isAbsolute(file)) throw new TypeError(`Paths to translation files must be absolute. Got relative path: "${file}"`);
  const locale = localeOf(file);
  registry[locale] = [...new Set([...(registry[locale] ?? []), file])];
}

export function registerTranslationFiles(files: string[] = []): void {
  files.forEach(registerTranslationFile);
}

export function getRegisteredLocales(): string[] {
  return Object.keys(registry);
}

export async function getTranslationsByLocale(locale: string): Promise<Translation> {
  const files = registry[locale] ?? [];
  await Promise.all(
    files
      .filter((f) => !loaded[f])
      .map(async (f) => {
        loaded[f] = JSON.parse(await readFile(f, 'utf8'));
      })
  );
  if (!files.length) return { messages: {} };
  return files.reduce<Translation>(
    (t, f) => ({ locale: loaded[f].locale ?? t.locale, formats: loaded[f].formats ?? t.formats, messages: { ...loaded[f].messages, ...t.messages } }),
    { locale, messages: {} }
  );
}

export async function getAllTranslations(): Promise<Record<string, Translation>> {
  const locales = getRegisteredLocales();
  const all = await Promise.all(locales.map(getTranslationsByLocale));
  return Object.fromEntries(locales.map((l, i) => [l, all[i]]));
}

export async function getAllTranslationsFromPaths(files: string[]): Promise<Record<string, Translation>> {
  registerTranslationFiles(files);
  return getAllTranslations();
}

export const i18nLoader = { registerTranslationFile, registerTranslationFiles, getRegisteredLocales, getTranslationsByLocale, getAllTranslations, getAllTranslationsFromPaths };
