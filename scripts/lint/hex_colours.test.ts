import path from 'path';
// eslint ships no types of its own here.
const { ESLint } = require('eslint');

const ROOT = path.resolve(__dirname, '../..');

/** The repository's ESLint config (.eslintrc.js) on a snippet as if it were the given file. */
async function problems(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m: any) => m.ruleId === 'no-restricted-syntax').map((m: any) => m.message);
}

describe('no hex colours in the browser code (.eslintrc.js)', () => {
  jest.setTimeout(60_000);

  it('fails on a hex colour in a string, a JSX attribute or a template literal of public/**', async () => {
    const code = [
      "export const a = '#E7664C';",
      'export const b = <circle fill="#fff" />;',
      'export const c = `1px solid #D3DAE6`;',
      "export const d = { color: '#69707d80' };",
    ].join('\n');
    expect(await problems(code, 'public/investigation/example.tsx')).toHaveLength(4);
  });

  it('leaves routes, anchors and ids alone, and tests and other folders', async () => {
    expect(await problems("export const r = ['#/cases', '#evidence-x', 'a#b', '#abcdefg'];", 'public/routes_example.ts')).toEqual([]);
    expect(await problems("export const a = '#E7664C';", 'public/shared/palette.test.ts')).toEqual([]);
    expect(await problems("export const a = '#E7664C';", 'dev/host/example.ts')).toEqual([]);
  });
});
