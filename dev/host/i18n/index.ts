/**
 * `@osd/i18n` outside OSD (the server's entry: `i18n` and `i18nLoader`). See core.ts. tsconfig
 * `paths`, jest's moduleNameMapper and the dev host's resolver point `@osd/i18n` here.
 */
export { i18n } from './core';
export type { Translation, TranslateArguments, Formats } from './core';
export { i18nLoader } from './loader';
