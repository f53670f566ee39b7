/**
 * Every page of the app (incidents, findings, investigation, cases, case, add) in chromium, light and dark (`theme:darkMode`, as OSD serves it): axe-core
 * finds no serious or critical violation; the keyboard alone opens a finding, an evidence
 * document and adds it to a case; and the entity graph of a busy investigation (30 related
 * findings, 50+ nodes) is drawn without overlapping labels, the same way twice.
 */
import fs from 'fs';
import path from 'path';
import { Client } from '@opensearch-project/opensearch';
import { Page } from 'playwright-core';
import { API_PATHS } from '../../common/constants';
import { Case } from '../../common/case_types';
import { DocRef, Investigation } from '../../common/types';
import { addToCasePath, casePath, investigatePath } from '../../public/routes';
import { RELATED_TYPES, relatedFindingCopies } from '../fixtures/related_findings';
import { ATTACKER_EIP } from '../fixtures/scenario/constants';
import { OPENSEARCH_URL, REPO_ROOT } from '../integration/helpers';
import { E2eEnv, screenshot, startE2eEnv, watchPage } from './helpers';

jest.setTimeout(400_000);

const AXE_SOURCE = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * axe-core in the page (evaluated through the DevTools protocol: the page's CSP allows no inline
 * script), WCAG 2.0/2.1 A and AA rules; the serious and critical violations, described.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  const report = path.join(REPO_ROOT, 'test-results/axe');
  fs.mkdirSync(report, { recursive: true });
  fs.writeFileSync(path.join(report, `${new URL(page.url()).port}-${Date.now()}.json`), JSON.stringify({ url: page.url(), violations }, null, 1));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
}

let env: E2eEnv;
let darkUrl: string;
let caseId: string;
const pages: Array<{ name: string; hash: () => string; ready: string }> = [];

beforeAll(async () => {
  env = await startE2eEnv('a11y');
  darkUrl = (await env.withUiSettings({ 'theme:darkMode': true })).appUrl;
  const created = await env.api<Case>('POST', API_PATHS.cases, { title: 'Exfiltration with the instance credentials', description: 'Checked **CloudTrail** first.' });
  expect(created.status).toBe(200);
  caseId = created.body.id;
  expect((await env.api('POST', API_PATHS.caseAttachments(caseId), { type: 'finding', ref: env.facts.iamFinding })).status).toBe(200);
  pages.push(
    { name: 'incidents', hash: () => '/', ready: '[data-test-subj="incidentCard"]' },
    { name: 'findings', hash: () => '/findings', ready: '[data-test-subj="findingLink"]' },
    { name: 'investigation', hash: () => investigatePath(env.facts.iamFinding), ready: '[data-test-subj="graphNode"]' },
    { name: 'cases', hash: () => '/cases', ready: '[data-test-subj="casesTable"] tbody tr' },
    { name: 'case', hash: () => casePath(caseId), ready: '[data-test-subj="caseTitle"]' },
    { name: 'add', hash: () => addToCasePath(env.facts.firstGetObject), ready: '[data-test-subj="casePicker"]' }
  );
});

afterAll(async () => {
  await env?.close();
});

async function open(appUrl: string, hash: string, ready: string): Promise<{ page: Page; problems: ReturnType<typeof watchPage> }> {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems = watchPage(page);
  // A shared machine under load: the 9 MB shared deps take a while to parse.
  await page.goto(`${appUrl}#${hash}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForSelector(ready, { timeout: 120_000 });
  await page.waitForTimeout(400);
  return { page, problems };
}

describe('themes', () => {
  it('serves the dark OUI theme when theme:darkMode is true, and the plugin draws with the dark theme variables', async () => {
    const light = await open(env.appUrl, investigatePath(env.facts.iamFinding), '[data-test-subj="graphNode"]');
    const dark = await open(darkUrl, investigatePath(env.facts.iamFinding), '[data-test-subj="graphNode"]');
    const look = (p: Page) =>
      p.evaluate(() => ({
        tag: (window as any).__osdThemeTag__,
        stylesheet: document.querySelector('link[rel="stylesheet"]')!.getAttribute('href'),
        body: getComputedStyle(document.querySelector('[data-test-subj="evidencePanel"]')!).backgroundColor,
        graph: getComputedStyle(document.querySelector('[data-test-subj="entityGraphDrawing"]')!).backgroundColor,
        label: document.querySelector('[data-test-subj="graphNodeLabel"]')!.getAttribute('fill'),
      }));
    const l = await look(light.page);
    const d = await look(dark.page);
    expect(l.tag).toBe('v7light');
    expect(d.tag).toBe('v7dark');
    expect(d.stylesheet).toContain('osd-ui-shared-deps.v7.dark.css');
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(luminance(l.body)).toBeGreaterThan(200);
    expect(luminance(d.body)).toBeLessThan(60);
    expect(luminance(d.graph)).toBeLessThan(60);
    // The graph's text colour is the theme's text colour: light on dark.
    expect(d.label).not.toBe(l.label);
    for (const { page, problems } of [light, dark]) {
      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    }
  });
});

describe('axe-core: no serious or critical violation', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const name of ['incidents', 'findings', 'investigation', 'cases', 'case', 'add']) {
      it(`${name} (${theme})`, async () => {
        const p = pages.find((x) => x.name === name)!;
        const { page, problems } = await open(theme === 'dark' ? darkUrl : env.appUrl, p.hash(), p.ready);
        if (theme === 'dark' && ['incidents', 'findings', 'investigation', 'case'].includes(name)) await screenshot(page, `${name}_dark`, `${name}_dark`);
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems.errors).toEqual([]);
        await page.close();
      });
    }
  }
});

/** Presses Tab until the focused element matches `selector` (keyboard only: no click, no focus()). */
async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`${selector} not reached with ${max} presses of Tab`);
}

describe('keyboard only', () => {
  it('opens a finding, opens an evidence document and adds it to a new case', async () => {
    const { page, problems } = await open(env.appUrl, '/findings', '[data-test-subj="findingLink"]');
    await tabTo(page, '[data-test-subj="findingLink"]');
    await Promise.all([page.waitForSelector('[data-test-subj="investigationView"] [data-test-subj="graphNode"]'), page.keyboard.press('Enter')]);

    // The graph: one tab stop, arrow keys move, Enter focuses an entity and the evidence follows.
    await tabTo(page, '[data-test-subj="graphNode"]');
    const first = await page.evaluate(() => document.activeElement!.getAttribute('data-node-id'));
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement!.getAttribute('data-node-id'));
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-test-subj="focusCallout"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-test-subj="focusCallout"]', { state: 'detached' });

    // The timeline's entries are reachable: its first action opens the document flyout.
    await tabTo(page, '[data-test-subj="timelineAction"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-test-subj="documentFlyout"] [data-test-subj="documentFields"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-test-subj="documentFlyout"]', { state: 'detached' });

    // An evidence document: its "View document" action, then "Add to case".
    await tabTo(page, '[data-test-subj="evidenceTable"] [data-test-subj="viewDocument"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-test-subj="documentFlyout"] [data-test-subj="documentFields"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-test-subj="documentFlyout"]', { state: 'detached' });
    const docId = await page.evaluate(() => document.activeElement!.closest('tr')?.getAttribute('data-doc-id'));
    expect(docId).toBeTruthy();
    await tabTo(page, '[data-test-subj="evidenceTable"] [data-test-subj="addEvidenceToCase"]');
    const attachedId = await page.evaluate(() => document.activeElement!.closest('tr')?.getAttribute('data-doc-id'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-test-subj="addToCaseModal"] [data-test-subj="casePicker"]');
    await tabTo(page, '[data-test-subj="casePickerTitle"]', 30);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Keyboard-only case');
    await tabTo(page, '[data-test-subj="casePickerSubmit"]', 30);
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`${API_PATHS.cases}/`) && r.url().endsWith('/attachments') && r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    expect(created.status()).toBe(200);
    const saved: Case = await created.json();
    expect(saved.title).toBe('Keyboard-only case');
    expect(saved.attachments.map((a) => a.ref.id)).toEqual([attachedId]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});

describe('the entity graph of a busy investigation', () => {
  it('collapses 30 related findings by type, draws 50+ nodes with no overlapping label, the same way twice, in both themes', async () => {
    const client = new Client({ node: OPENSEARCH_URL });
    const root: DocRef = env.facts.outboundFinding;
    const base = await client.get({ index: root.index, id: root.id });
    const copies = relatedFindingCopies({ _id: base.body._id, _source: base.body._source as Record<string, any> }, ATTACKER_EIP);
    await client.bulk({ refresh: true, body: copies.flatMap((c) => [{ index: { _index: root.index, _id: c._id } }, c._source]) } as any);
    await client.close();

    const drawings: Array<Array<[string, string]>> = [];
    for (const url of [env.appUrl, env.appUrl, darkUrl]) {
      const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(API_PATHS.investigate) && r.request().method() === 'POST', { timeout: 120_000 }),
        page.goto(`${url}#${investigatePath(root)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 }),
      ]);
      const investigation: Investigation = await answer.json();
      await page.waitForSelector('[data-test-subj="graphNode"]');
      const related = investigation.graph.nodes.filter((n) => n.type === 'finding' && n.id !== investigation.graph.nodes[0].id);
      expect(related.length).toBeGreaterThanOrEqual(30);
      const nodes = page.locator('[data-test-subj="graphNode"]');
      expect(await nodes.count()).toBeGreaterThanOrEqual(50);
      // One node per related type, with its count.
      for (const [type] of RELATED_TYPES) {
        const group = page.locator(`[data-test-subj="graphNode"][data-node-id="finding-group:${type}"]`);
        await expect(group.getAttribute('data-members')).resolves.toBe(String(related.filter((n) => n.label === type).length));
      }
      // No edge label until an entity is hovered.
      expect(await page.locator('[data-test-subj="graphEdgeLabel"]').count()).toBe(0);
      // Labels and circles as drawn by chromium: no label crosses another label or a node.
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('[data-test-subj="graphNode"]')].map((g) => {
          const label = g.querySelector('[data-test-subj="graphNodeLabel"]')!.getBoundingClientRect();
          const circle = g.querySelector('circle:not([fill="none"])')!.getBoundingClientRect();
          const box = (r: DOMRect) => ({ x: r.x, y: r.y, w: r.width, h: r.height });
          return { id: g.getAttribute('data-node-id')!, label: box(label), circle: box(circle), transform: g.getAttribute('transform')! };
        })
      );
      const hit = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      const overlaps: string[] = [];
      for (const a of boxes) for (const b of boxes) if (a !== b && (hit(a.label, b.circle) || (a.id < b.id && hit(a.label, b.label)))) overlaps.push(`${a.id} × ${b.id}`);
      expect(overlaps).toEqual([]);
      // Readable: a label is drawn at 9 px or more.
      const fontPx = await page.evaluate(() => {
        const t = document.querySelector('[data-test-subj="graphNodeLabel"]') as SVGTextElement;
        const svg = t.ownerSVGElement!;
        return (11 * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
      });
      expect(fontPx).toBeGreaterThanOrEqual(9);
      drawings.push(boxes.map((b) => [b.id, b.transform]));

      // Hovering a group shows its relations' labels.
      await page.locator('[data-test-subj="graphNode"][data-node-id="finding-group:UnauthorizedAccess:EC2/SSHBruteForce"]').hover();
      expect(await page.locator('[data-test-subj="graphEdgeLabel"]').count()).toBeGreaterThan(0);
      await page.mouse.move(0, 0);
      const graph = page.locator('[data-test-subj="entityGraph"]');
      await graph.scrollIntoViewIfNeeded();
      if (drawings.length !== 2) await graph.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshots', url === darkUrl ? 'graph_50_nodes_dark.png' : 'graph_50_nodes.png') });
      await page.close();
    }
    // Deterministic: the same investigation is drawn the same way each time (and in each theme).
    expect(drawings[1]).toEqual(drawings[0]);
    expect(drawings[2]).toEqual(drawings[0]);
  });
});
