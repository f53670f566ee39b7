/**
 * The landing tab in a real browser: the workshop incident is listed as one card, and investigating
 * it runs one investigation over all its member findings.
 */
import { Page } from 'playwright-core';
import { API_PATHS } from '../../common/constants';
import { Investigation } from '../../common/types';
import * as S from '../fixtures/scenario/constants';
import { E2eEnv, screenshot, startE2eEnv, watchPage } from './helpers';

jest.setTimeout(180_000);

let env: E2eEnv;
let page: Page;
let problems: ReturnType<typeof watchPage>;

beforeAll(async () => {
  env = await startE2eEnv('incidents');
  page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  problems = watchPage(page);
});

afterAll(async () => {
  await env?.close();
});

describe('Incidents in the browser', () => {
  it('lands on the Incidents tab and lists the workshop incident as one card', async () => {
    // The first load may build the bundle (E2E_FROM_SOURCE) on a busy machine.
    await page.goto(env.appUrl, { timeout: 120_000 });
    const card = page.locator('[data-test-subj="incidentCard"]', { hasText: S.ACCESS_KEY_ID });
    await card.waitFor({ timeout: 60_000 });
    await expect(page.textContent('[data-test-subj="breadcrumbs"]')).resolves.toContain('Incidents');
    const members = await card.locator('[data-test-subj="incidentMemberLink"]').allTextContents();
    expect(members.sort()).toEqual(Object.values(S.FINDING_TYPES).sort());
    await expect(card.locator('[data-test-subj="incidentExplanation"]').textContent()).resolves.toContain(`access key ${S.ACCESS_KEY_ID}`);
    await page.waitForTimeout(300);
    await screenshot(page, 'incidents', 'incidents');
  });

  it('investigates the workshop incident: one investigation over all its findings', async () => {
    const card = page.locator('[data-test-subj="incidentCard"]', { hasText: S.ACCESS_KEY_ID });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(API_PATHS.investigate) && r.request().method() === 'POST'),
      card.locator('[data-test-subj="investigateIncident"]').click(),
    ]);
    expect(answer.status()).toBe(200);
    const sent = JSON.parse(answer.request().postData() ?? '{}');
    expect(sent.members).toHaveLength(3);
    const investigation: Investigation = await answer.json();
    expect(investigation.took.roundTrips).toBeLessThanOrEqual(2);
    await page.waitForSelector('[data-test-subj="investigationView"]');
    await expect(page.textContent('[data-test-subj="incidentMembersCallout"]')).resolves.toContain('An incident of 4 findings');
    expect(problems.errors).toEqual([]);
  });

  it('switches to the Findings tab', async () => {
    await page.goto(env.appUrl);
    await page.locator('[data-test-subj="findingsTab"]').click();
    await page.waitForSelector('[data-test-subj="findingLink"]');
    expect(page.url()).toContain('#/findings');
  });
});
