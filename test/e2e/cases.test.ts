/**
 * Issue 4 in a real browser: investigate the demo IAM finding → add it to a new case → add the
 * PutBucketAcl and the first config.py GetObject events → comment → set severity and status →
 * copy the link → open it in a new browser context: the same case with everything in it.
 */
import fs from 'fs';
import { BrowserContext, Page } from 'playwright-core';
import { Case } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { DocRef, Investigation } from '../../common/types';
import { investigatePath } from '../../public/routes';
import { E2eEnv, pickExistingCase, screenshot, settledText, startE2eEnv, watchPage } from './helpers';

jest.setTimeout(180_000);

const CASE_TITLE = 'Stolen IAM credentials: config.py read from a threat-list IP';
const XSS = '<img src=x onerror=alert(1)>';
const COMMENT = `Key **revoked** at 11:02. The attacker's user agent was \`${XSS}\`, and raw: ${XSS}`;
const VIEWPORT = { width: 1440, height: 900 };
const DESCRIPTION = [
  'GuardDuty saw the instance role key **used from a threat-list IP**. What the evidence shows:',
  '',
  '- the instance granted `AllUsers` read on the data bucket (`PutBucketAcl`)',
  '- the key read `config.py` from outside AWS',
  '- SSH brute force on the instance succeeded as `alice` beforehand',
].join('\n');

let env: E2eEnv;
let context: BrowserContext;
let page: Page;
let problems: ReturnType<typeof watchPage>;
let investigation: Investigation;
let caseId: string;
let shareUrl: string;

const isPost = (path: string) => (r: { url(): string; request(): { method(): string } }) => new URL(r.url()).pathname === path && r.request().method() === 'POST';

beforeAll(async () => {
  env = await startE2eEnv('cases');
  context = await env.browser.newContext({ viewport: VIEWPORT });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.host.url });
  page = await context.newPage();
  problems = watchPage(page);
});

afterAll(async () => {
  await env?.close();
});

/** Adds an evidence row of the investigation to the case made in the first test. */
async function addEvidenceToCase(ref: DocRef) {
  const group = investigation.evidence.find((g) => g.hits.some((h) => h.ref.id === ref.id));
  expect(group).toBeDefined();
  await page.click(`[data-test-subj="evidenceTab-${group!.source}"]`);
  const panel = page.locator(`[data-test-subj="evidenceGroup"][data-evidence-group="${group!.id}"]`);
  await panel.scrollIntoViewIfNeeded();
  const pageIndex = Math.floor(group!.hits.findIndex((h) => h.ref.id === ref.id) / 10);
  if (pageIndex > 0) await panel.locator(`[data-test-subj="pagination-button-${pageIndex}"]`).click();
  await panel.locator(`tr[data-doc-id="${ref.id}"] [data-test-subj="addEvidenceToCase"]`).click();
  const modal = page.locator('[data-test-subj="addToCaseModal"]');
  await modal.locator('[data-test-subj="casePickerExisting"]').click();
  await modal.locator('[data-test-subj="casePickerSearch"]').fill('config.py');
  await pickExistingCase(modal, CASE_TITLE);
  const [answer] = await Promise.all([page.waitForResponse(isPost(API_PATHS.caseAttachments(caseId))), modal.locator('[data-test-subj="casePickerSubmit"]').click()]);
  expect(answer.status()).toBe(200);
  expect(JSON.parse(answer.request().postData()!)).toEqual({ type: 'event', ref });
  await modal.waitFor({ state: 'detached' });
}

describe('Cases in the browser', () => {
  it('adds the investigated IAM finding to a new case titled after it', async () => {
    const ref = env.facts.iamFinding;
    const [answer] = await Promise.all([page.waitForResponse(isPost(API_PATHS.investigate)), page.goto(`${env.appUrl}#${investigatePath(ref)}`)]);
    investigation = await answer.json();
    await page.waitForSelector('[data-test-subj="investigationView"]');

    await page.click('[data-test-subj="addFindingToCase"]');
    const modal = page.locator('[data-test-subj="addToCaseModal"]');
    await expect(modal.locator('[data-test-subj="casePickerTitle"]').inputValue()).resolves.toBe(investigation.finding.title);
    await modal.locator('[data-test-subj="casePickerTitle"]').fill(CASE_TITLE);
    await modal.locator('[data-test-subj="casePickerSeverity"]').selectOption('medium');
    const [created, attached] = await Promise.all([
      page.waitForResponse(isPost(API_PATHS.cases)),
      page.waitForResponse((r) => /\/cases\/[^/]+\/attachments$/.test(new URL(r.url()).pathname)),
      modal.locator('[data-test-subj="casePickerSubmit"]').click(),
    ]);
    caseId = ((await created.json()) as Case).id;
    expect(JSON.parse(attached.request().postData()!)).toEqual({ type: 'finding', ref });
    await expect(page.locator('[data-test-subj="addedToCaseLink"]').last().getAttribute('href')).resolves.toBe(`/app/siem-investigations#/cases/${caseId}`);
  });

  it('adds the PutBucketAcl and the config.py GetObject events from the evidence', async () => {
    await addEvidenceToCase(env.facts.putBucketAcl);
    await addEvidenceToCase(env.facts.firstGetObject);
  });

  it('opens the case from the confirmation and shows the three attachments with their snapshots', async () => {
    await page.locator('[data-test-subj="addedToCaseLink"]').last().click();
    await page.waitForSelector(`[data-test-subj="caseView"][data-case-id="${caseId}"]`);
    const rows = page.locator('[data-test-subj="caseAttachments"] tr[data-doc-id]');
    await expect(rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-doc-id'), e.getAttribute('data-attachment-type')]))).resolves.toEqual(
      expect.arrayContaining([
        [env.facts.iamFinding.id, 'finding'],
        [env.facts.putBucketAcl.id, 'event'],
        [env.facts.firstGetObject.id, 'event'],
      ])
    );
    await expect(rows.count()).resolves.toBe(3);
    await page.locator(`tr[data-doc-id="${env.facts.firstGetObject.id}"] [data-test-subj="attachmentToggle"]`).click();
    await expect(page.locator('[data-test-subj="attachmentFields"]').textContent()).resolves.toContain('config.py');
  });

  it('keeps a Markdown description', async () => {
    await page.click('[data-test-subj="editCaseDescription"]');
    await page.fill('[data-test-subj="caseDescriptionInput"]', DESCRIPTION);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === API_PATHS.case(caseId) && r.request().method() === 'PATCH'),
      page.click('[data-test-subj="saveCaseDescription"]'),
    ]);
    expect(answer.status()).toBe(200);
    // The saved description replaces the editor once React has applied the answer.
    await page.locator('[data-test-subj="caseDescription"] li').nth(2).waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-test-subj="caseDescription"] li').count()).resolves.toBe(3);
  });

  it('takes a Markdown comment, rendered safely', async () => {
    await page.fill('[data-test-subj="commentInput"]', COMMENT);
    const [answer] = await Promise.all([page.waitForResponse(isPost(API_PATHS.caseComments(caseId))), page.click('[data-test-subj="addComment"]')]);
    expect(answer.status()).toBe(200);
    const comment = page.locator('[data-test-subj="caseComment"]');
    await expect(comment.locator('strong').textContent()).resolves.toBe('revoked');
    await expect(comment.textContent()).resolves.toContain(`raw: ${XSS}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('sets severity and status; closing asks for a reason', async () => {
    const patch = () => page.waitForResponse((r) => new URL(r.url()).pathname === API_PATHS.case(caseId) && r.request().method() === 'PATCH');
    const [severity] = await Promise.all([patch(), page.selectOption('[data-test-subj="caseSeveritySelect"]', 'high')]);
    expect(severity.status()).toBe(200);
    const [progress] = await Promise.all([patch(), page.selectOption('[data-test-subj="caseStatusSelect"]', 'in-progress')]);
    expect(progress.status()).toBe(200);
    await page.selectOption('[data-test-subj="caseStatusSelect"]', 'closed');
    const modal = page.locator('[data-test-subj="closeCaseModal"]');
    await expect(modal.locator('[data-test-subj="confirmCloseCase"]').isDisabled()).resolves.toBe(true);
    await modal.locator('label', { hasText: 'True positive' }).click();
    const [closed] = await Promise.all([patch(), modal.locator('[data-test-subj="confirmCloseCase"]').click()]);
    expect(JSON.parse(closed.request().postData()!)).toMatchObject({ status: 'closed', closeReason: 'true_positive' });
    await expect(page.textContent('[data-test-subj="caseCloseReason"]')).resolves.toBe('True positive');
  });

  it('copies an absolute link to the case', async () => {
    const button = page.locator('[data-test-subj="copyCaseLink"]');
    await page.waitForSelector('[data-test-subj="copyCaseLink"][data-share-url]');
    await button.click();
    await page.waitForSelector('[data-test-subj="caseLinkCopiedToast"]');
    shareUrl = await page.evaluate(() => navigator.clipboard.readText());
    // No security plugin here, so no tenant: the link is the app URL of the case.
    expect(shareUrl).toBe(`${env.host.url}/app/siem-investigations#/cases/${caseId}`);
    await expect(button.getAttribute('data-share-url')).resolves.toBe(shareUrl);
  });

  it('opens the link in a new browser context: the same case with everything in it', async () => {
    const other = await env.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const reader = await other.newPage();
    const readerProblems = watchPage(reader);
    await reader.goto(shareUrl);
    await reader.waitForSelector(`[data-test-subj="caseView"][data-case-id="${caseId}"]`);
    await expect(reader.textContent('[data-test-subj="caseTitle"]')).resolves.toBe(CASE_TITLE);
    await expect(reader.getAttribute('[data-test-subj="caseHeader"] [data-test-subj="caseStatusBadge"]', 'data-status')).resolves.toBe('closed');
    await expect(reader.textContent('[data-test-subj="caseHeader"] [data-test-subj="severityBadge"]')).resolves.toBe('High');
    const docIds = await reader.locator('[data-test-subj="caseAttachments"] tr[data-doc-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id')));
    expect(docIds.sort()).toEqual([env.facts.iamFinding.id, env.facts.putBucketAcl.id, env.facts.firstGetObject.id].sort());
    await expect(reader.locator('[data-test-subj="caseComment"]').textContent()).resolves.toContain(`raw: ${XSS}`);
    const actions = await reader.locator('[data-test-subj="caseActivityEntry"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions.slice().reverse()).toEqual([
      'created',
      'attachment_added',
      'attachment_added',
      'attachment_added',
      'description_changed',
      'comment_added',
      'severity_changed',
      'status_changed',
      'status_changed',
    ]);
    await expect(reader.locator('[data-test-subj="caseDescription"] li').count()).resolves.toBe(3);
    await reader.waitForTimeout(300);
    await screenshot(reader, 'case', 'case');

    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.click('[data-test-subj="exportCase"]').then(() => reader.click('[data-test-subj="exportCaseMarkdown"]')),
    ]);
    expect(download.suggestedFilename()).toBe(`case-${caseId}.md`);
    const report = fs.readFileSync((await download.path())!, 'utf8');
    // The report escapes Markdown syntax in the title (docs/cases.md, "Export").
    expect(report.replace(/\\/g, '')).toContain(CASE_TITLE);
    expect(report).toContain(env.facts.firstGetObject.id);

    expect(readerProblems).toEqual({ dialogs: [], errors: [], consoleErrors: [] });

    await reader.goto(`${env.appUrl}#/cases/no-such-case`);
    await expect(reader.textContent('[data-test-subj="caseNotFound"]')).resolves.toContain('Case not found or you have no access');
    await other.close();
  });

  it('lists the case, and finds it by its tag-free title search and status', async () => {
    await page.goto(`${env.appUrl}#/cases?status=closed&search=config.py`);
    await expect(page.textContent('[data-test-subj="caseLink"]')).resolves.toBe(CASE_TITLE);
    await page.goto(`${env.appUrl}#/cases?status=open`);
    await page.waitForSelector('[data-test-subj="casesNoMatch"]');
    expect(problems).toEqual({ dialogs: [], errors: [], consoleErrors: [] });
  });

  it('opens a case damaged by an import: what is readable shows, the repairs are named, nothing breaks', async () => {
    const created = await env.api<Case>('POST', API_PATHS.cases, { title: 'Imported from another Dashboards' });
    const id = created.body.id;
    // A case in the previous release's shape (comments, attachments and activity inline), as a Saved
    // Objects import or a hand edit can leave it: null items, unknown values, missing dates.
    const { body: raw } = await env.host.opensearch.get({ index: env.savedObjectsIndex, id: `siem-investigation-case:${id}` });
    const attrs = raw._source['siem-investigation-case'];
    const at = '2026-01-02T03:04:05.000Z';
    attrs.comments = [null, { id: 'kept', text: 'kept **comment**', createdAt: at, createdBy: 'alice' }, { id: 'no-text', createdBy: 'x' }];
    attrs.attachments = [null, { id: 'no-ref', type: 'event' }];
    attrs.activity = [{ at, by: 'alice', action: 'created' }, null, { action: 'exploded' }, { at: null, by: null, action: 'tags_changed' }];
    attrs.status = 'pending';
    attrs.createdAt = null;
    attrs.tags = ['ok', 42];
    await env.host.opensearch.index({ index: env.savedObjectsIndex, id: `siem-investigation-case:${id}`, body: raw._source, refresh: true });

    const damaged = watchPage(page);
    await page.goto(`${env.appUrl}#/cases/${id}`);
    const callout = page.locator('[data-test-subj="caseRepairedCallout"]');
    await callout.waitFor();
    await expect(callout.textContent()).resolves.toContain('a comment without text was left out (2×)');
    await expect(page.locator('[data-test-subj="caseComment"]').count()).resolves.toBe(1);
    await expect(page.textContent('[data-test-subj="caseComment"]')).resolves.toContain('kept comment');
    await expect(page.textContent('[data-test-subj="caseTitle"]')).resolves.toBe('Imported from another Dashboards');
    const md = await fetch(`${env.host.url}${API_PATHS.caseExport(id)}?format=markdown`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain('kept **comment**');
    // The next change stores the repaired case.
    const comment = await env.api<Case>('POST', API_PATHS.caseComments(id), { text: 'after the repair' });
    expect(comment.status).toBe(200);
    expect(comment.body.repaired).toBeUndefined();
    expect(comment.body.comments.map((c) => c.text).sort()).toEqual(['after the repair', 'kept **comment**']);
    expect(damaged).toEqual({ dialogs: [], errors: [], consoleErrors: [] });
  });

  it('a template made in the app gives a case made from the finding its tasks and required close fields', async () => {
    const flow = watchPage(page);
    const findingType = investigation.finding.type;
    const pattern = `${findingType.split('/')[0]}/*`;
    await page.goto(`${env.appUrl}#/case_templates`);
    await page.click('[data-test-subj="newCaseTemplate"]');
    const form = page.locator('[data-test-subj="caseTemplateForm"]');
    await form.locator('[data-test-subj="templateName"]').fill('Compromised IAM credentials');
    await form.locator('[data-test-subj="templateTitle"]').fill('Compromised IAM credentials');
    const types = form.locator('[data-test-subj="templateFindingTypes"] input');
    await types.fill(pattern);
    await types.press('Enter');
    await form.locator('[data-test-subj="templateAddTask"]').click();
    await form.locator('[data-test-subj="templateTaskTitle"]').fill('Disable the access key');
    await form.locator('[data-test-subj="templateAddField"]').click();
    await form.locator('[data-test-subj="templateFieldLabel"]').fill('Credentials rotated?');
    const [saved] = await Promise.all([page.waitForResponse(isPost(API_PATHS.caseTemplates)), form.locator('[data-test-subj="templateSave"]').click()]);
    expect(saved.status()).toBe(200);
    expect(JSON.parse(saved.request().postData()!)).toMatchObject({ findingTypes: [pattern], tasks: [{ title: 'Disable the access key' }], closeFields: [{ label: 'Credentials rotated?', type: 'boolean' }] });
    await page.locator('[data-test-subj="caseTemplatesTable"]', { hasText: 'Compromised IAM credentials' }).waitFor();

    // Adding the finding to a new case: the template matching its type is preselected.
    await page.goto(`${env.appUrl}#${investigatePath(env.facts.iamFinding)}`);
    await page.waitForSelector('[data-test-subj="investigationView"]');
    await page.click('[data-test-subj="addFindingToCase"]');
    const modal = page.locator('[data-test-subj="addToCaseModal"]');
    const templateId = ((await saved.json()) as { id: string }).id;
    await page.waitForFunction((id) => (document.querySelector('[data-test-subj="casePickerTemplate"]') as HTMLSelectElement | null)?.value === id, templateId);
    const [created] = await Promise.all([
      page.waitForResponse(isPost(API_PATHS.cases)),
      page.waitForResponse((r) => /\/cases\/[^/]+\/attachments$/.test(new URL(r.url()).pathname)),
      modal.locator('[data-test-subj="casePickerSubmit"]').click(),
    ]);
    const made = (await created.json()) as Case;
    expect(made.template?.id).toBe(templateId);
    expect(made.tasks.map((t) => t.title)).toEqual(['Disable the access key']);

    // The case: tick the task, then closing asks for the required field.
    await page.goto(`${env.appUrl}#/cases/${made.id}`);
    await page.waitForSelector(`[data-test-subj="caseView"][data-case-id="${made.id}"]`);
    const [ticked] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === API_PATHS.caseTask(made.id, made.tasks[0].id)),
      page.locator('[data-test-subj="caseTask"] label').click(),
    ]);
    expect(ticked.status()).toBe(200);
    expect(await settledText(page.locator('[data-test-subj="caseTaskMeta"]'), 'done by anonymous')).toContain('done by anonymous');
    await page.selectOption('[data-test-subj="caseStatusSelect"]', 'closed');
    const close = page.locator('[data-test-subj="closeCaseModal"]');
    await close.locator('label', { hasText: 'True positive' }).click();
    await expect(close.locator('[data-test-subj="confirmCloseCase"]').isDisabled()).resolves.toBe(true);
    await close.locator('[data-test-subj="closeField-field1-yes"]').click();
    const [closed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === API_PATHS.case(made.id) && r.request().method() === 'PATCH'),
      close.locator('[data-test-subj="confirmCloseCase"]').click(),
    ]);
    expect(closed.status()).toBe(200);
    expect(JSON.parse(closed.request().postData()!)).toMatchObject({ status: 'closed', closeReason: 'true_positive', closeFieldValues: { field1: true } });
    expect(await settledText(page.locator('[data-test-subj="caseTimes"]'), /Time to close\d/)).toMatch(/Time to close\d/);
    expect(flow).toEqual({ dialogs: [], errors: [], consoleErrors: [] });
  });
});
