/**
 * Merging two cases in a real browser: from the case page, "Merge into another case…", pick the
 * case to keep, confirm; the page moves to the merged case with a callout, and the merged case's
 * number opens the merged case too.
 */
import { Page } from 'playwright-core';
import { Case } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { E2eEnv, startE2eEnv, watchPage } from './helpers';

jest.setTimeout(180_000);

let env: E2eEnv;
let page: Page;
let problems: ReturnType<typeof watchPage>;

beforeAll(async () => {
  env = await startE2eEnv('case-merge');
  page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  problems = watchPage(page);
});

afterAll(async () => {
  await env?.close();
});

it('merges a case into another from the case page; the merged case number opens the case kept, and finds it in the cases list', async () => {
  const create = async (title: string, comment: string) => {
    const c = (await env.api<Case>('POST', API_PATHS.cases, { title })).body;
    await env.api('POST', API_PATHS.caseComments(c.id), { text: comment });
    return c;
  };
  const kept = await create('Kept: IAM key used from a threat-list IP', 'first look');
  const merged = await create('Night shift: same key', 'seen at 02:10');

  await page.goto(`${env.appUrl}#/cases/${merged.id}`);
  await page.click('[data-test-subj="mergeCaseButton"]');
  await page.fill('[data-test-subj="mergeCaseSearch"]', kept.reference!);
  await page.locator('[data-test-subj="mergeCaseOption"]', { hasText: kept.title }).click();
  await expect(page.textContent('[data-test-subj="mergeCaseConfirmText"]')).resolves.toContain(`${merged.reference} "${merged.title}" will be merged into ${kept.reference} "${kept.title}"`);
  await page.click('[data-test-subj="mergeCaseSubmit"]');

  await page.waitForSelector(`[data-test-subj="caseView"][data-case-id="${kept.id}"]`);
  expect(page.url()).toContain(`#/cases/${kept.id}`);
  await expect(page.textContent('[data-test-subj="mergedCaseCallout"]')).resolves.toContain(`${merged.reference} was merged into ${kept.reference}`);
  await expect(page.textContent('[data-test-subj="caseView"]')).resolves.toContain('seen at 02:10');

  // The old number (a share link, a ticket) opens the case kept, saying why.
  await page.goto(`${env.appUrl}#/cases/${merged.reference}`);
  await page.waitForSelector(`[data-test-subj="caseView"][data-case-id="${kept.id}"]`);
  await page.waitForFunction((id) => window.location.hash === `#/cases/${id}`, kept.id);
  await expect(page.textContent('[data-test-subj="mergedCaseCallout"]')).resolves.toContain(`${merged.reference} was merged into ${kept.reference}`);

  // Typing the old number in the cases list finds the case kept, saying so.
  await page.goto(`${env.appUrl}#/cases`);
  await page.fill('[data-test-subj="casesSearch"]', merged.reference!);
  await page.press('[data-test-subj="casesSearch"]', 'Enter');
  await page.waitForSelector('[data-test-subj="casesMergedSearch"]');
  await expect(page.textContent('[data-test-subj="casesMergedSearch"]')).resolves.toContain(`${merged.reference} was merged into ${kept.reference}`);
  await expect(page.locator('[data-test-subj="caseLink"]').allTextContents()).resolves.toEqual([kept.title]);
  await expect(page.textContent('[data-test-subj="caseMergedNote"]')).resolves.toContain(`${merged.reference} was merged into ${kept.reference}`);
  await page.click('[data-test-subj="casesMergedSearchOpen"]');
  await page.waitForSelector(`[data-test-subj="caseView"][data-case-id="${kept.id}"]`);
  expect({ errors: problems.errors, consoleErrors: problems.consoleErrors, dialogs: problems.dialogs }).toEqual({ errors: [], consoleErrors: [], dialogs: [] });
});
