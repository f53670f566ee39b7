import { Client } from '@opensearch-project/opensearch';
import { Browser, Page } from 'playwright-core';
import { Case } from '../../common/case_types';
import { API_PATHS, APP_ID } from '../../common/constants';
import { createAppServer } from '../../dev/host/app_page';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { investigatePath } from '../../public/routes';
import { launchBrowser } from '../e2e/helpers';
import { generateScenario, SiemDoc } from '../fixtures/scenario/generate';
import { ACCOUNT_Y, adminClient, deletePrefixed, password, SecuredHost, startSecuredHost } from './helpers';

jest.setTimeout(240_000);

/** The app in Debian's chromium on the secured cluster, logged in with HTTP basic as each test user. */
describe('the app in chromium on a secured cluster', () => {
  let admin: Client;
  let host: SecuredHost;
  let browser: Browser;
  let finding: { index: string; id: string };
  const Y_SUFFIX = '-acct-y';

  const pageAs = async (user: string): Promise<Page> => {
    const context = await browser.newContext({ httpCredentials: { username: user, password: password(user) }, viewport: { width: 1400, height: 1000 } });
    return context.newPage();
  };
  const appUrl = () => `${host.url}/app/${APP_ID}`;

  beforeAll(async () => {
    admin = adminClient();
    host = await startSecuredHost('ui', {}, undefined, (h) => createAppServer(h));
    await applyIndexTemplates(admin, { prefix: host.prefix });
    const { docs, facts } = generateScenario({ noise: 200, indexPrefix: host.prefix });
    const twins: SiemDoc[] = docs
      .filter((d) => !d._index.includes('guardduty'))
      .map((d) => {
        const source = JSON.parse(JSON.stringify(d._source));
        source.cloud.account.id = ACCOUNT_Y;
        // Another account's event is another event: its own SIEM id too (evidence is deduplicated by `@id`).
        if (source['@id']) source['@id'] += Y_SUFFIX;
        return { _index: d._index, _id: d._id + Y_SUFFIX, _source: source };
      });
    await loadDocuments(admin, [...docs, ...twins], { refresh: true });
    finding = facts.iamFinding;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await deletePrefixed(admin, host.prefix);
    await host?.cleanup();
    await admin?.close();
  });

  const openInvestigation = async (user: string) => {
    const page = await pageAs(user);
    await page.goto(`${appUrl()}#${investigatePath(finding)}`);
    await page.waitForSelector('[data-test-subj="investigationView"]', { timeout: 120_000 });
    await page.waitForSelector('[data-test-subj="evidenceGroup"]');
    return page;
  };

  /** Waits until the page has nothing left to load and its DOM stopped changing (the evidence renders after the first group shows). */
  const settled = async (page: Page) => {
    await page.waitForLoadState('networkidle');
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const size = (await page.content()).length;
      if (size === last) return;
      last = size;
      await page.waitForTimeout(500);
    }
  };

  it("analyst A's investigation shows no document of the other account (admin's does)", async () => {
    const asAdmin = await openInvestigation('admin');
    await asAdmin.waitForFunction((s) => document.body.innerHTML.includes(s), Y_SUFFIX, { timeout: 60_000 });
    await asAdmin.context().close();
    const asA = await openInvestigation('analyst_a');
    await settled(asA);
    const html = await asA.content();
    expect(html).not.toContain(Y_SUFFIX);
    expect(html).not.toContain(ACCOUNT_Y);
    await asA.context().close();
  });

  it("the viewer's case page is read-only; an analyst's is not", async () => {
    const r = await host.as<Case>('analyst_a', 'POST', API_PATHS.cases, { title: 'Shared with the viewer' }, { tenant: '' });
    expect(r.status).toBe(200);
    const open = async (user: string) => {
      const page = await pageAs(user);
      await page.goto(`${appUrl()}#/cases/${r.body.id}`);
      await page.waitForSelector('[data-test-subj="caseView"]');
      return page;
    };
    const viewer = await open('viewer');
    await expect(viewer.locator('[data-test-subj="caseView"]').textContent()).resolves.toContain('Shared with the viewer');
    expect(await viewer.locator('[data-test-subj="commentInput"]').count()).toBe(0);
    await viewer.context().close();
    const analyst = await open('analyst_b');
    await analyst.waitForSelector('[data-test-subj="commentInput"]');
    await analyst.context().close();
  });

  it("a share link carries the tenant: A's private case opens from it for A, and not for B", async () => {
    const r = await host.as<Case>('analyst_a', 'POST', API_PATHS.cases, { title: 'Private link' }, { tenant: '__user__' });
    expect(r.status).toBe(200);
    const a = await pageAs('analyst_a');
    await a.goto(`${appUrl()}?security_tenant=private#/cases/${r.body.id}`);
    await a.waitForSelector('[data-test-subj="copyCaseLink"][data-share-url]');
    const shareUrl = (await a.locator('[data-test-subj="copyCaseLink"]').getAttribute('data-share-url'))!;
    expect(shareUrl).toBe(`${appUrl()}?security_tenant=private#/cases/${r.body.id}`);
    await a.context().close();

    const again = await pageAs('analyst_a');
    await again.goto(shareUrl);
    await expect(again.locator('[data-test-subj="caseView"]').textContent()).resolves.toContain('Private link');
    await again.context().close();

    const b = await pageAs('analyst_b');
    await b.goto(shareUrl);
    await expect(b.textContent('[data-test-subj="caseNotFound"]')).resolves.toContain('Case not found or you have no access');
    expect(await b.content()).not.toContain('Private link');
    await b.context().close();
  });
});
