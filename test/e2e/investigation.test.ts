/**
 * The analyst's path through the app in a real browser: findings → the IAM finding → its
 * investigation (story, timeline, evidence, graph) → Discover; and proof that a log value carrying
 * HTML/script stays text.
 */
import { Page } from 'playwright-core';
import { API_PATHS } from '../../common/constants';
import { parseDiscoverState } from '../../common/discover_url';
import { DEFAULT_SOURCES } from '../../common/sources';
import { Investigation } from '../../common/types';
import { E2eEnv, screenshot, startE2eEnv, watchPage } from './helpers';

jest.setTimeout(120_000);

const IAM_TYPE = 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom';
const XSS = '<img src=x onerror=alert(1)>';

let env: E2eEnv;
let page: Page;
let problems: ReturnType<typeof watchPage>;
let investigation: Investigation;

beforeAll(async () => {
  env = await startE2eEnv('investigation');
  page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  problems = watchPage(page);
});

afterAll(async () => {
  await env?.close();
});

describe('Investigations in the browser', () => {
  it('lists the GuardDuty findings of the last 7 days and finds the IAM finding', async () => {
    // Incidents are the landing tab (issue 14); the findings list is the tab beside it.
    const response = await page.goto(`${env.appUrl}#/findings`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('[data-test-subj="findingLink"]');
    await expect(page.textContent('[data-test-subj="breadcrumbs"]')).resolves.toContain('Findings');
    await page.waitForTimeout(300);
    await screenshot(page, 'findings', 'findings');

    await page.fill('[data-test-subj="findingsSearch"]', 'MaliciousIPCaller');
    await page.press('[data-test-subj="findingsSearch"]', 'Enter');
    await page.waitForSelector(`text=${IAM_TYPE}`);
    expect(page.url()).toContain('query=MaliciousIPCaller');
  });

  it('opens the investigation of the IAM finding', async () => {
    const { index, id } = env.facts.iamFinding;
    const row = page.locator('[data-test-subj="findingsTable"] tr', { hasText: IAM_TYPE });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(API_PATHS.investigate) && r.request().method() === 'POST'),
      row.locator('[data-test-subj="findingLink"]').click(),
    ]);
    expect(answer.status()).toBe(200);
    investigation = await answer.json();
    expect(JSON.parse(answer.request().postData() ?? '{}').finding).toEqual({ index, id });
    await page.waitForSelector('[data-test-subj="investigationView"]');
    await expect(page.textContent('[data-test-subj="findingType"]')).resolves.toBe(IAM_TYPE);
    const chips = await page.locator('[data-test-subj="entityChip"]').allTextContents();
    expect(chips).toEqual(expect.arrayContaining(['alice', 'config.py', env.facts.entities.accessKeyId]));
    await page.waitForTimeout(500);
    await screenshot(page, 'investigation', 'investigation');
  });

  it('shows the SSH login as alice, the ACL change and the theft of config.py in time order', async () => {
    const events = await page.locator('[data-test-subj="timelineEvent"]').evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('data-doc-id'), time: el.getAttribute('data-timestamp'), text: el.textContent ?? '' }))
    );
    const position = (docId: string) => events.findIndex((e) => e.id === docId);
    const alice = position(env.facts.aliceLogin.id);
    const acl = position(env.facts.putBucketAcl.id);
    const theft = position(env.facts.firstGetObject.id);
    expect([alice, acl, theft].every((p) => p >= 0)).toBe(true);
    expect(events[alice].text).toContain('alice');
    expect(events[acl].text).toContain('PutBucketAcl');
    expect(events[theft].text).toContain('config.py');

    const expected = (
      [
        ['alice', env.facts.timestamps.aliceFirstLogin],
        ['acl', env.facts.timestamps.putBucketAcl],
        ['theft', env.facts.timestamps.firstGetObject],
      ] as const
    )
      .slice()
      .sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]))
      .map(([name]) => name);
    const shown = (
      [
        ['alice', alice],
        ['acl', acl],
        ['theft', theft],
      ] as const
    )
      .slice()
      .sort((a, b) => a[1] - b[1])
      .map(([name]) => name);
    expect(shown).toEqual(expected);
    const times = events.map((e) => Date.parse(e.time!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('follows a story sentence to its evidence and opens the same query in Discover', async () => {
    const link = page.locator('[data-test-subj="storyEvidenceLink"][data-evidence-group="cloudtrail.object_access"]').first();
    await link.click();
    const panel = page.locator('[data-test-subj="evidenceGroup"][data-evidence-group="cloudtrail.object_access"]');
    await panel.waitFor();
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(page.getAttribute('[data-test-subj="evidenceTab-cloudtrail"]', 'aria-selected')).resolves.toBe('true');
    await expect(panel.textContent()).resolves.toContain('config.py');

    const href = (await panel.locator('[data-test-subj="openInDiscover"]').getAttribute('href'))!;
    expect(href.startsWith('/app/data-explorer/discover#?_a=')).toBe(true);
    const state = parseDiscoverState(href) as any;
    const group = investigation.evidence.find((g) => g.id === 'cloudtrail.object_access')!;
    expect(state._a.metadata).toEqual({ indexPattern: DEFAULT_SOURCES.cloudtrail.indexPatternId, view: 'discover' });
    expect(state._q.query).toEqual({ language: 'kuery', query: '' });
    expect(state._q.filters[0].query).toEqual(group.query);
    expect(state._q.filters[0].meta.alias).toBe('Which S3 objects were read with the credentials?');
    expect(JSON.stringify(state._q.filters[0].query)).toContain(env.facts.entities.accessKeyId);
    expect(Date.parse(state._g.time.from)).toBeLessThanOrEqual(Date.parse(env.facts.timestamps.firstGetObject));
    expect(Date.parse(state._g.time.to)).toBeGreaterThanOrEqual(Date.parse(env.facts.timestamps.lastGetObject));

    const [discover] = await Promise.all([page.context().waitForEvent('page'), panel.locator('[data-test-subj="openInDiscover"]').click()]);
    await discover.waitForLoadState();
    expect(new URL(discover.url()).pathname).toBe('/app/data-explorer/discover');
    expect(parseDiscoverState(discover.url())).toEqual(state);
    await discover.close();
  });

  it('shows a user agent carrying HTML as text and runs nothing', async () => {
    const xss = env.facts.xssEvent;
    const group = investigation.evidence.find((g) => g.source === 'cloudtrail' && g.hits.some((h) => h.ref.id === xss.id));
    expect(group).toBeDefined();
    const rowIndex = group!.hits.findIndex((h) => h.ref.id === xss.id);
    await page.click('[data-test-subj="evidenceTab-cloudtrail"]');
    const panel = page.locator(`[data-test-subj="evidenceGroup"][data-evidence-group="${group!.id}"]`);
    await panel.scrollIntoViewIfNeeded();
    const pageIndex = Math.floor(rowIndex / 10);
    if (pageIndex > 0) await panel.locator(`[data-test-subj="pagination-button-${pageIndex}"]`).click();
    const row = panel.locator(`tr[data-doc-id="${xss.id}"]`);
    await expect(row.locator('[data-test-subj="evidenceCell-user_agent.original"]').textContent()).resolves.toBe(XSS);

    await row.locator('[data-test-subj="viewDocument"]').click();
    const flyout = page.locator('[data-test-subj="documentFlyout"]');
    await flyout.locator('[data-test-subj="documentFields"]').waitFor();
    await expect(flyout.textContent()).resolves.toContain(XSS);
    await page.keyboard.press('Escape');

    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it('focuses an entity in the graph and narrows the evidence to it', async () => {
    const alice = page.locator('[data-test-subj="graphNode"][data-node-id="user:alice"]');
    await alice.scrollIntoViewIfNeeded();
    await alice.click();
    await expect(alice.getAttribute('data-focused')).resolves.toBe('true');
    await expect(page.textContent('[data-test-subj="focusCallout"]')).resolves.toContain('alice');
    const lit = await page.locator('[data-test-subj="graphNode"]:not([data-dimmed])').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
    const expected = new Set(['user:alice']);
    for (const e of investigation.graph.edges) {
      if (e.from === 'user:alice') expected.add(e.to);
      if (e.to === 'user:alice') expected.add(e.from);
    }
    expect(new Set(lit)).toEqual(expected);
    await page.click('text=Show everything again');
  });

  it('re-runs with a narrower window', async () => {
    await page.selectOption('[data-test-subj="windowBefore"]', '1h');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(API_PATHS.investigate)),
      page.click('[data-test-subj="windowApply"]'),
    ]);
    expect(JSON.parse(answer.request().postData() ?? '{}').window).toEqual({ before: '1h', after: '6h' });
    expect(page.url()).toContain('before=1h');
    const narrowed: Investigation = await answer.json();
    expect(Date.parse(narrowed.window.from)).toBeGreaterThan(Date.parse(investigation.window.from));
    // Nothing failed along the way: no uncaught error, no CSP violation, no failed request.
    expect(problems.errors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
