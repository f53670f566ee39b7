/**
 * The `@osd/i18n` stand-in keeps OSD's semantics (packages/osd-i18n): fallback to defaultMessage
 * in the default locale, ICU values and plurals, locale-aware numbers and dates, loud errors; the
 * loader's file rules; the host's `.i18nrc.json` discovery, `init` for `i18n.locale` and the
 * `/translations/<locale>.json` answer; the React components need a provider, as react-intl's do.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import http from 'http';

function freshI18n() {
  // A fresh engine (its locale is process state, as in OSD), with the React it renders with.
  let mods!: {
    core: typeof import('./core');
    loader: typeof import('./loader');
    host: typeof import('./host');
    react: typeof import('./react');
    h: typeof import('react').createElement;
    renderToStaticMarkup: typeof import('react-dom/server').renderToStaticMarkup;
  };
  jest.isolateModules(() => {
    mods = {
      core: require('./core'),
      loader: require('./loader'),
      host: require('./host'),
      react: require('./react'),
      h: require('react').createElement,
      renderToStaticMarkup: require('react-dom/server').renderToStaticMarkup,
    };
  });
  return mods;
}

function pluginDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-plugin-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const JA = { messages: { 'p.findings.count': '{count, plural, other {#件の検出結果}}', 'p.title': '調査' } };

describe('i18n.translate', () => {
  it('formats the defaultMessage in English when no translation is loaded, with ICU values and plurals', () => {
    const { core } = freshI18n();
    expect(core.i18n.getLocale()).toBe('en');
    expect(core.i18n.translate('p.findings.count', { defaultMessage: '{count, plural, one {# finding} other {# findings}}', values: { count: 1 } })).toBe('1 finding');
    expect(core.i18n.translate('p.findings.count', { defaultMessage: '{count, plural, one {# finding} other {# findings}}', values: { count: 12345 } })).toBe('12,345 findings');
    expect(core.i18n.translate('p.t', { defaultMessage: 'Case {name} saved', values: { name: '<b>x</b>' } })).toBe('Case <b>x</b> saved');
  });

  it('uses the loaded locale, lower-cased, and formats numbers and dates in it', () => {
    const { core } = freshI18n();
    core.i18n.init({ locale: 'ja-JP', ...JA });
    expect(core.i18n.getLocale()).toBe('ja-jp');
    expect(core.i18n.translate('p.findings.count', { defaultMessage: 'x', values: { count: 12345 } })).toBe('12,345件の検出結果');
    expect(core.i18n.translate('p.title', { defaultMessage: 'Investigation' })).toBe('調査');
    // an id without a translation falls back to English
    expect(core.i18n.translate('p.other', { defaultMessage: 'Cases' })).toBe('Cases');
    // a translated message formats in the locale; a default message in the default locale (`en`), as OSD
    core.i18n.addTranslation({ messages: { 'p.d': '{d, date, long}' } }, 'ja-JP');
    const day = new Date(Date.UTC(2026, 11, 3, 12));
    expect(core.i18n.translate('p.d', { defaultMessage: '{d, date, long}', values: { d: day } })).toBe('2026年12月3日');
    expect(core.i18n.translate('p.e', { defaultMessage: '{d, date, long}', values: { d: day } })).toBe('December 3, 2026');
  });

  it('fails loudly: empty id, no message at all, a message that cannot be formatted', () => {
    const { core } = freshI18n();
    expect(() => core.i18n.translate('', { defaultMessage: 'x' })).toThrow('[I18n] An `id` must be a non-empty string');
    expect(() => core.i18n.translate('p.none', { defaultMessage: '' })).toThrow('Default message must be provided');
    expect(() => core.i18n.translate('p.bad', { defaultMessage: '{count, plural, one {x}' })).toThrow('Error formatting the default message for: "p.bad"');
    core.i18n.init({ locale: 'ja-JP', messages: { 'p.bad': '{n, number' } });
    expect(() => core.i18n.translate('p.bad', { defaultMessage: 'ok' })).toThrow('Error formatting message: "p.bad" for locale: "ja-jp"');
    expect(() => core.i18n.addTranslation({ messages: {} })).toThrow('A `locale` must be a non-empty string');
  });
});

describe('i18nLoader', () => {
  it('takes the locale from the file name, merges the files of one locale and refuses relative or non-JSON paths', async () => {
    const { loader } = freshI18n();
    const dir = pluginDir({ 'a/ja-JP.json': { messages: { x: 'エックス' } }, 'b/ja-JP.json': { messages: { y: 'ワイ' } }, 'c/fr.json': { messages: { x: 'iks' } } });
    loader.i18nLoader.registerTranslationFiles([path.join(dir, 'a/ja-JP.json'), path.join(dir, 'b/ja-JP.json'), path.join(dir, 'c/fr.json')]);
    expect(loader.i18nLoader.getRegisteredLocales().sort()).toEqual(['fr', 'ja-JP']);
    expect(await loader.i18nLoader.getTranslationsByLocale('ja-JP')).toEqual({ locale: 'ja-JP', messages: { x: 'エックス', y: 'ワイ' } });
    expect(await loader.i18nLoader.getTranslationsByLocale('de')).toEqual({ messages: {} });
    expect(() => loader.i18nLoader.registerTranslationFile('ja-JP.json')).toThrow('must be absolute');
    expect(() => loader.i18nLoader.registerTranslationFile(path.join(dir, 'ja-JP.yml'))).toThrow("must have 'json' extension");
  });
});

describe('the dev host, as OSD core, for i18n.locale', () => {
  it('loads the files .i18nrc.json names for the configured locale only, and serves that translation alone', async () => {
    const { host, core } = freshI18n();
    const dir = pluginDir({
      '.i18nrc.json': { prefix: 'p', paths: { p: '.' }, translations: ['translations/ja-JP.json', 'translations/fr.json'] },
      'translations/ja-JP.json': JA,
      'translations/fr.json': { messages: { 'p.title': 'Enquête' } },
    });
    expect(host.translationPaths(dir)).toEqual([path.join(dir, 'translations/ja-JP.json'), path.join(dir, 'translations/fr.json')]);
    await host.initServerTranslations(dir, 'ja-JP');
    expect(core.i18n.translate('p.title', { defaultMessage: 'Investigation' })).toBe('調査');
    expect(core.i18n.getRegisteredLocales()).toEqual(['ja-jp']);
    expect(JSON.parse(host.translationsResponse(dir, 'ja-JP')!)).toEqual({ locale: 'ja-JP', messages: JA.messages });
    expect(host.translationsResponse(dir, 'fr')).toBeNull();
  });

  it('is English with no .i18nrc.json, and names a broken one', async () => {
    const { host, core } = freshI18n();
    await host.initServerTranslations(pluginDir({}), 'en');
    expect(core.i18n.translate('p.title', { defaultMessage: 'Investigation' })).toBe('Investigation');
    const broken = pluginDir({ '.i18nrc.json': '{ nope' });
    expect(() => host.translationPaths(broken)).toThrow(`Failed to parse .i18nrc.json file at ${path.join(broken, '.i18nrc.json')}`);
  });

  it('answers GET /translations/<locale>.json for the configured locale and 404 "Unknown locale" for another', async () => {
    const { host } = freshI18n();
    const dir = pluginDir({ '.i18nrc.json': { translations: ['translations/ja-JP.json'] }, 'translations/ja-JP.json': JA });
    await host.initServerTranslations(dir, 'ja-JP');
    const { createAppServer } = require('../app_page');
    const handler = createAppServer({ locale: 'ja-JP', translations: (l: string) => host.translationsResponse(dir, l), browserConfig: {}, resolveCapabilities: async () => ({}) }, { manifestDir: path.resolve(__dirname, '../../..') });
    const server = http.createServer((req, res) => {
      handler(req, res, new URL(req.url!, 'http://x')).then((done: boolean) => {
        if (!done) res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const ok = await fetch(`${base}/translations/ja-JP.json`);
      expect(ok.status).toBe(200);
      expect((await ok.json()).messages['p.title']).toBe('調査');
      const other = await fetch(`${base}/translations/fr.json`);
      expect(other.status).toBe(404);
      expect((await other.json()).message).toBe('Unknown locale: fr');
    } finally {
      server.close();
    }
  });
});

describe('@osd/i18n/react', () => {
  it('renders the translation, or the English default, and puts element values in as elements', () => {
    const { core, react, h, renderToStaticMarkup } = freshI18n();
    const { I18nProvider, FormattedMessage, FormattedNumber } = react;
    const link = h('a', { href: '#x' }, 'case');
    const en = renderToStaticMarkup(h(I18nProvider, null, h(FormattedMessage, { id: 'p.open', defaultMessage: 'Open {link} ({n, number})', values: { link, n: 1234.5 } })));
    expect(en).toBe('Open <a href="#x">case</a> (1,234.5)');
    core.i18n.init({ locale: 'ja-JP', ...JA });
    const ja = renderToStaticMarkup(
      h(I18nProvider, null, h('h1', null, h(FormattedMessage, { id: 'p.title', defaultMessage: 'Investigation' })), h(FormattedNumber, { value: 0.25, style: 'percent' }))
    );
    expect(ja).toBe('<h1>調査</h1>25%');
  });

  it('throws without an I18nProvider above, as react-intl does', () => {
    const { react, h, renderToStaticMarkup } = freshI18n();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => renderToStaticMarkup(h(react.FormattedMessage, { id: 'p.title', defaultMessage: 'Investigation' }))).toThrow('Could not find required `intl` object');
    } finally {
      spy.mockRestore();
    }
  });
});
