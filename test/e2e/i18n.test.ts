/**
 * OSD's `i18n.locale: ja-JP` in the dev host: the whole app in Japanese. On the findings list, an
 * investigation (headings, buttons, attack story, questions), the cases list, a case and the
 * "add to case" page, no English is left in headings, buttons, story or questions — only the
 * names of products and APIs (GuardDuty, CloudTrail, PutBucketAcl…) and the log data itself
 * (finding titles GuardDuty wrote in English, quoted values). Dates and numbers follow the locale.
 */
import { Page } from 'playwright-core';
import { API_PATHS } from '../../common/constants';
import { DEFAULT_SOURCES } from '../../common/sources';
import { Investigation } from '../../common/types';
import { casePath, investigatePath } from '../../public/routes';
import { E2eEnv, screenshot, startE2eEnv, watchPage } from './helpers';

jest.setTimeout(180_000);

let env: E2eEnv;
let page: Page;
let problems: ReturnType<typeof watchPage>;
let investigation: Investigation;

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
/** Two English words in a row, the second lower-case: a phrase, not a product name ("Security Hub"). */
const ENGLISH_PHRASE = /\b[A-Za-z]{2,}\s+[a-z]{3,}\b/;
/** What stays English in Japanese text: products, services, APIs, units. */
const NAMES = /GuardDuty|CloudTrail|Security Hub|VPC Flow Logs|Route 53 Resolver|Linux|secure|Inspector|Macie|Discover|Markdown|JSON|UTC|OpenSearch Dashboards|OpenSearch|Investigations/g;

/** The log data a text quotes (finding titles, values in quotes) is not the app's language. */
function withoutData(text: string, data: string[]): string {
  let t = text;
  for (const d of data) if (d) t = t.split(d).join(' ');
  return t.replace(/「[^」]*」|"[^"]*"|“[^”]*”/g, ' ').replace(NAMES, ' ');
}

/** A text is English when, apart from names and data, it holds a phrase, or words and no Japanese. */
function isEnglish(text: string, data: string[]): boolean {
  const t = withoutData(text, data);
  if (ENGLISH_PHRASE.test(t.replace(/[^\x00-\x7f]+/g, '  '))) return true;
  if (JAPANESE.test(t)) return false;
  // A single token (an API name, a user, an id) is data; a label of several words is not.
  return t.trim().split(/\s+/).filter((w) => /[A-Za-z]{3,}/.test(w)).length > 1;
}

/** Visible headings, buttons and tabs still in English. */
async function englishLeft(data: string[]): Promise<string[]> {
  // OUI's own strings (pagination, the date picker's quick menu) are OSD core's to translate
  // (core.i18n.Context maps them in OSD); the dev host has no OSD core translations.
  const texts: string[] = await page.$$eval('h1, h2, h3, h4, button, a.euiButton, [role="tab"]', (els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('.euiSuperDatePicker, .euiTablePagination, .euiPagination, [data-test-subj^="superDatePicker"], [data-test-subj="tablePaginationPopoverButton"]'))
      .map((e) => (e as HTMLElement).innerText.trim())
  );
  return texts.filter((t) => isEnglish(t, data));
}

beforeAll(async () => {
  env = await startE2eEnv('i18n', { locale: 'ja-JP' });
  page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
  problems = watchPage(page);
});

afterAll(async () => {
  await env?.close();
});

describe('the app with i18n.locale ja-JP', () => {
  it('serves the Japanese translation and names the locale in the page', async () => {
    const res = await fetch(`${env.host.url}/translations/ja-JP.json`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.messages['siemInvestigations.investigation.investigationPage.attackStory']).toBe('攻撃ストーリー');
    expect((await fetch(`${env.host.url}/translations/en.json`)).status).toBe(404);
    await page.goto(env.appUrl);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('ja-JP');
  });

  it('shows the findings list in Japanese, counts in the locale', async () => {
    await page.goto(`${env.appUrl}#/findings`);
    await page.waitForSelector('[data-test-subj="findingLink"]');
    await expect(page.textContent('h1')).resolves.toBe('GuardDuty の検出結果');
    await expect(page.textContent('[data-test-subj="findingsCount"]')).resolves.toMatch(/^[\d,]+ 件の検出結果（重複は最新の更新にまとめています）$/);
    const titles = await page.$$eval('[data-test-subj="findingLink"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(await englishLeft(titles)).toEqual([]);
    await screenshot(page, 'ja-findings');
  });

  it('tells the investigation in Japanese: headings, buttons, attack story and questions', async () => {
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === API_PATHS.investigate && r.request().method() === 'POST'),
      page.goto(`${env.appUrl}#${investigatePath(env.facts.iamFinding)}`),
    ]);
    expect(answer.status()).toBe(200);
    investigation = await answer.json();
    // Server-built texts come in the server's locale (OSD's model): story and questions.
    expect(investigation.story.length).toBeGreaterThan(4);
    for (const s of investigation.story) expect({ s: s.text, japanese: JAPANESE.test(s.text) }).toEqual({ s: s.text, japanese: true });
    for (const c of investigation.checks ?? []) expect({ q: c.question, japanese: JAPANESE.test(c.question) && JAPANESE.test(c.title) }).toEqual({ q: c.question, japanese: true });
    const story = investigation.story.map((s) => s.text).join('\n');
    expect(story).toContain('ブルートフォースは成功しました');
    expect(story).toMatch(/PutBucketAcl（全員（AllUsers）に読み取りを許可）|の PutBucketAcl（全員（AllUsers）に読み取りを許可）/);

    await page.waitForSelector('[data-test-subj="storySentence"]');
    // GuardDuty's title and type, and sshd's own words on the timeline (`sshd Accepted`), are log data.
    // Source labels are AWS's and the OS's names for the logs ("S3 server access logs").
    const sourceLabels = Object.values(DEFAULT_SOURCES).map((d) => d.label);
    const findingTitles = [investigation.finding.title, investigation.finding.type, 'sshd Accepted', 'sshd Failed', ...sourceLabels];
    const sentences = await page.$$eval('[data-test-subj="storySentence"]', (els) => els.map((e) => (e as HTMLElement).innerText));
    expect(sentences.length).toBe(investigation.story.length);
    for (const s of sentences) expect({ s, english: isEnglish(s, findingTitles) }).toEqual({ s, english: false });
    expect(await englishLeft(findingTitles)).toEqual([]);
    await expect(page.textContent('body')).resolves.toContain('攻撃ストーリー');
    await screenshot(page, 'ja-investigation');
  });

  it('shows the cases list, a case and the add page in Japanese', async () => {
    const created = await env.api('POST', API_PATHS.cases, { title: 'Stolen key', description: '', severity: 'high', tags: [], assignees: [] });
    expect(created.status).toBe(200);
    await page.goto(`${env.appUrl}#/cases`);
    await page.waitForSelector('[data-test-subj="casesTable"], table');
    await expect(page.textContent('h1')).resolves.toBe('ケース');
    expect(await englishLeft(['Stolen key'])).toEqual([]);

    await page.goto(`${env.appUrl}#${casePath(created.body.id)}`);
    await page.waitForSelector('[data-test-subj="caseDetails"]');
    await expect(page.textContent('[data-test-subj="caseDetails"]')).resolves.toContain('ステータス');
    expect(await englishLeft(['Stolen key'])).toEqual([]);
    await screenshot(page, 'ja-case');

    const ref = investigation.evidence.find((g) => g.source === 'cloudtrail')!.hits[0].ref;
    await page.goto(`${env.appUrl}#/add?index=${encodeURIComponent(ref.index)}&id=${encodeURIComponent(ref.id)}`);
    await page.waitForSelector('[data-test-subj="casePickerSubmit"]');
    await expect(page.textContent('h1')).resolves.toBe('ケースに追加');
    expect(await englishLeft(['Stolen key'])).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
