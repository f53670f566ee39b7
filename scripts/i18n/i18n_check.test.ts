/**
 * The plugin's i18n holds together (issue 16):
 *  - no hard-coded user-facing English in the browser code (the string lint of strings.ts);
 *  - every id the code uses (browser, server, common) has exactly one English default and a
 *    ja-JP entry, and translations/ja-JP.json has no entry the code does not use;
 *  - each Japanese message is valid ICU and uses the same values as its English default;
 *  - .i18nrc.json names the file, as OSD finds plugin translations.
 */
import fs from 'fs';
import path from 'path';
import { IntlMessageFormat } from 'intl-messageformat';
import { hardCodedStrings, ID_PREFIX, messageIds, MessageUse, sourceFiles } from './strings';

const ROOT = path.resolve(__dirname, '../..');
const ja: { messages: Record<string, string> } = JSON.parse(fs.readFileSync(path.join(ROOT, 'translations/ja-JP.json'), 'utf8'));

interface IcuParts {
  /** Every argument name, nested ones included. */
  args: string[];
  /** Names only used to choose a plural or select branch (English may need them where Japanese does not). */
  selectors: string[];
  /** The literal text, outside of arguments and option keys. */
  text: string;
}

/** The parts of an ICU message, from intl-messageformat's own parser. */
function icuParts(message: string): IcuParts {
  const args = new Set<string>();
  const shown = new Set<string>();
  const selectors = new Set<string>();
  const text: string[] = [];
  const walk = (nodes: any[], pluralArg?: string) => {
    for (const n of nodes) {
      if (n.type === 0) text.push(n.value);
      else if (n.type === 7) {
        if (pluralArg) shown.add(pluralArg);
      } else if (typeof n.value === 'string') {
        args.add(n.value);
        if (n.options) {
          selectors.add(n.value);
          for (const o of Object.values(n.options) as any[]) walk(o.value, n.type === 6 ? n.value : undefined);
        } else shown.add(n.value);
      }
      if (n.children) walk(n.children, pluralArg);
    }
  };
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst() as any[]);
  return { args: [...args].sort(), selectors: [...selectors].filter((a) => !shown.has(a)).sort(), text: text.join(' ') };
}

describe('the string lint', () => {
  it('finds no hard-coded user-facing string in the browser code', () => {
    const found = sourceFiles(ROOT, ['public']).flatMap((f) => hardCodedStrings(f));
    expect(found.map((f) => `${path.relative(ROOT, f.file)}:${f.line} [${f.where}] ${f.text}`)).toEqual([]);
  });

  it('catches JSX text, user-facing props and object keys, and leaves ids, names of products and translated text alone', () => {
    const src = `
      import { i18n } from '@osd/i18n';
      export const C = () => (
        <EuiPanel data-test-subj="panel" className="x">
          <h2>Evidence window</h2>
          <EuiButton aria-label="Close the case" iconType="cross">{'Save changes'}</EuiButton>
          <EuiFieldText placeholder={\`Add \${noun}\`} name="closeReason" />
          <EuiEmptyPrompt title={<h2>{i18n.translate('siemInvestigations.x.y', { defaultMessage: 'Fine' })}</h2>} />
          <EuiText>GuardDuty · UTC</EuiText>
          <p>{error ?? 'Could not load'}</p>
        </EuiPanel>
      );
      const columns = [{ field: 'count', name: 'Count' }, { field: 'id', name: 'id' }];
      const toast = () => notify({ title: 'Case saved' });
    `;
    const found = hardCodedStrings('fixture.tsx', src).map((f) => `${f.where} ${f.text}`);
    expect(found).toEqual(['JSX text Evidence window', 'aria-label= Close the case', 'JSX child Save changes', 'placeholder= Add', 'JSX child Could not load', 'name: Count', 'title: Case saved']);
  });
});

describe('message ids and translations/ja-JP.json', () => {
  const uses: MessageUse[] = sourceFiles(ROOT, ['public', 'server', 'common']).flatMap((f) => messageIds(f));
  const ids = [...new Set(uses.map((u) => u.id))].sort();

  it('uses ids under siemInvestigations., each with one English default', () => {
    expect(ids.length).toBeGreaterThan(400);
    expect(ids.filter((id) => !id.startsWith(ID_PREFIX))).toEqual([]);
    const defaults = new Map<string, Set<string>>();
    for (const u of uses) defaults.set(u.id, (defaults.get(u.id) ?? new Set()).add(u.defaultMessage));
    expect([...defaults].filter(([, d]) => d.size > 1).map(([id]) => id)).toEqual([]);
  });

  it('has a Japanese message for every id the code uses, and none it does not use', () => {
    const translated = Object.keys(ja.messages);
    expect(ids.filter((id) => !(id in ja.messages))).toEqual([]);
    expect(translated.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('has valid ICU in Japanese, with the values of the English default, and no English left', () => {
    const english = new Map(uses.map((u) => [u.id, u.defaultMessage]));
    const problems: string[] = [];
    for (const [id, message] of Object.entries(ja.messages)) {
      let parts: IcuParts;
      try {
        parts = icuParts(message);
      } catch (e) {
        problems.push(`${id}: ${(e as Error).message}`);
        continue;
      }
      const en = icuParts(english.get(id)!);
      const unknown = parts.args.filter((a) => !en.args.includes(a));
      const dropped = en.args.filter((a) => !parts.args.includes(a) && !en.selectors.includes(a));
      if (unknown.length || dropped.length) problems.push(`${id}: values ${parts.args.join()} instead of ${en.args.join()}`);
      // Product, service and API names stay in English, and so do quoted log texts ("Invalid user"); a sentence does not.
      const words = parts.text.replace(/「[^」]*」|"[^"]*"/g, '').match(/[A-Za-z]{4,}(?:\s+[a-z]{3,})+/g) ?? [];
      if (words.length) problems.push(`${id}: English left: ${words.join(' | ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('is the file .i18nrc.json names, as OSD finds a plugin’s translations', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(ROOT, '.i18nrc.json'), 'utf8'));
    expect(rc.prefix).toBe('siemInvestigations');
    expect(rc.translations).toEqual(['translations/ja-JP.json']);
  });
});
