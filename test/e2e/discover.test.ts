/**
 * Issue 5 in a real browser, against the dev host's Discover stand-in (`/app/dev-discover`), which
 * renders what the plugin registered with Discover's and Explore's setup contracts: the doc view
 * tab "Investigations", the doc view link "Add to case", and the `#/add` page behind that link.
 */
import { Page } from 'playwright-core';
import { Case, CasesFindResponse } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { DocRef } from '../../common/types';
import { E2eEnv, pickExistingCase, screenshot, startE2eEnv, watchPage } from './helpers';

jest.setTimeout(180_000);

let env: E2eEnv;
let page: Page;
let problems: ReturnType<typeof watchPage>;
let existing: Case;

beforeAll(async () => {
  env = await startE2eEnv('discover');
  const created = await env.api<Case>('POST', API_PATHS.cases, { title: 'Exfiltration from the data bucket', severity: 'high' });
  expect(created.status).toBe(200);
  existing = created.body;
  page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  problems = watchPage(page);
});

afterAll(async () => {
  await env?.close();
});

const row = (ref: DocRef) => page.locator(`[data-test-subj="devDiscoverHit"][data-doc-id="${ref.id}"]`);

async function expand(ref: DocRef) {
  await row(ref).locator('[data-test-subj="docTableExpandToggleColumn"]').click();
  await row(ref).locator('[data-test-subj="docViewer"]').waitFor();
}

const tabNames = (ref: DocRef) => row(ref).locator('[role="tab"]').allTextContents();

describe('Add to case from Discover', () => {
  it('lists documents of the four sources and of an unrelated index', async () => {
    const { facts, unrelated } = env;
    const refs = [facts.iamFinding, facts.firstGetObject, facts.aliceLogin, facts.inspectorSsh[0], unrelated];
    const q = refs.map((r) => `_id:"${r.id}"`).join(' OR ');
    await page.goto(`${env.host.url}/app/dev-discover?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('[data-test-subj="devDiscoverHit"]');
    const shown = await page.locator('[data-test-subj="devDiscoverHit"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id')));
    expect(shown.sort()).toEqual(refs.map((r) => r.id).sort());
  });

  it('gives a document of an unrelated index no Investigations tab and no link', async () => {
    await expand(env.unrelated);
    await expect(tabNames(env.unrelated)).resolves.toEqual(['Table', 'JSON']);
    await expect(row(env.unrelated).locator('[data-test-subj^="docTableRowAction"]').count()).resolves.toBe(0);
  });

  it('offers Investigate for the GuardDuty finding', async () => {
    const ref = env.facts.iamFinding;
    await expand(ref);
    await expect(tabNames(ref)).resolves.toEqual(['Table', 'JSON', 'Investigations']);
    await row(ref).locator('[data-test-subj="docViewerTab-Investigations"]').click();
    const href = await row(ref).locator('[data-test-subj="docViewInvestigate"]').getAttribute('href');
    expect(href).toBe(`/app/siem-investigations#/investigate/${encodeURIComponent(ref.index)}/${encodeURIComponent(ref.id)}`);
    await expect(row(ref).locator('[data-test-subj="docViewAddToCase"]').isVisible()).resolves.toBe(true);
  });

  it('adds the config.py GetObject event to an existing case from its doc view', async () => {
    const ref = env.facts.firstGetObject;
    await expand(ref);
    const link = row(ref).locator('[data-test-subj^="docTableRowAction"]');
    // OUI adds "(opens in a new tab or window)" for screen readers to a `target="_blank"` link.
    await expect(link.textContent()).resolves.toMatch(/^Add to case/);
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    expect(await link.getAttribute('href')).toBe(`/app/siem-investigations#/add?${new URLSearchParams({ index: ref.index, id: ref.id })}`);

    await row(ref).locator('[data-test-subj="docViewerTab-Investigations"]').click();
    await expect(row(ref).locator('[data-test-subj="docViewInvestigate"]').count()).resolves.toBe(0);
    await row(ref).locator('[data-test-subj="docViewAddToCase"]').click();
    await row(ref).locator('[data-test-subj="casePickerExisting"]').click();
    await pickExistingCase(row(ref), existing.title);
    await row(ref).scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await screenshot(page, 'discover_doc_view_picker');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === API_PATHS.caseAttachments(existing.id) && r.request().method() === 'POST'),
      row(ref).locator('[data-test-subj="casePickerSubmit"]').click(),
    ]);
    expect(answer.status()).toBe(200);
    expect(JSON.parse(answer.request().postData()!)).toEqual({ type: 'event', ref });
    await expect(row(ref).locator('[data-test-subj="docViewAdded"]').textContent()).resolves.toContain(`Added to case "${existing.title}"`);
    await page.waitForSelector('[data-test-subj="addedToCaseToast"]');
    await page.waitForTimeout(300);
    await screenshot(page, 'discover_doc_view', 'discover_doc_view');

    await row(ref).locator('[data-test-subj="docViewOpenCase"]').click();
    await page.waitForSelector(`[data-test-subj="caseView"][data-case-id="${existing.id}"]`);
    await expect(page.locator('[data-test-subj="caseAttachments"] tr[data-doc-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id')))).resolves.toEqual([ref.id]);
  });

  it('opens the "Add to case" link target with the document summary', async () => {
    const ref = env.facts.aliceLogin;
    await page.goto(`${env.appUrl}#/add?${new URLSearchParams({ index: ref.index, id: ref.id })}`);
    await expect(page.textContent('[data-test-subj="documentSource"]')).resolves.toBe('Linux secure');
    await expect(page.textContent('[data-test-subj="documentKeyFields"]')).resolves.toContain('alice');
    await expect(page.locator('[data-test-subj="casePicker"]').isVisible()).resolves.toBe(true);
  });

  it('says "Document not found" for an unknown id and attaches nothing', async () => {
    expect(problems).toEqual({ dialogs: [], errors: [], consoleErrors: [] });
    const before = await env.api<CasesFindResponse>('GET', API_PATHS.cases);
    await page.goto(`${env.appUrl}#/add?${new URLSearchParams({ index: env.facts.firstGetObject.index, id: 'no-such-document' })}`);
    await expect(page.textContent('[data-test-subj="addToCaseNotFound"]')).resolves.toContain('Document not found');
    await expect(page.locator('[data-test-subj="casePicker"]').count()).resolves.toBe(0);
    const after = await env.api<CasesFindResponse>('GET', API_PATHS.cases);
    expect(after.body.total).toBe(before.body.total);
    const c = await env.api<Case>('GET', API_PATHS.case(existing.id));
    expect(c.body.attachments).toHaveLength(1);
    // The only failure: the 404 of the document lookup itself.
    expect(problems.errors).toEqual([]);
    expect(problems.consoleErrors).toEqual([expect.stringContaining(API_PATHS.document)]);
  });
});
