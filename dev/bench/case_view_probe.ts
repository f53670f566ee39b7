import type { CDPSession, Page, Request } from 'playwright-core';
import { API_BASE } from '../../common/constants';

/**
 * What one opening of a case view costs in the browser: the wall time to "interactive", the
 * requests made on the way (with their own times) and the main thread's work (Chrome's
 * `Performance.getMetrics`: script, layout, style, all tasks). Used by `npm run bench:cases` and
 * by the e2e test that pins the requests the case view makes before its first page shows.
 *
 * "Interactive" is: the first page of comments and of attachments is in the DOM (as many as the
 * case has, up to a page) and, after that, the main thread has painted a frame and run a task
 * posted behind it — so a click would be handled now, not after more rendering.
 */
export interface ViewProbe {
  /** From the navigation (hash change, or page load for a cold open) to interactive, in ms. */
  ms: number;
  /** The requests started before interactive, in start order. */
  requests: ProbedRequest[];
  /** Main-thread time spent while opening, in ms. */
  mainThread: { script: number; layout: number; style: number; tasks: number };
}

export interface ProbedRequest {
  method: string;
  /** Path and query, with the API base shortened to `…` and the case id to `{id}`. */
  what: string;
  resourceType: string;
  /** Request start to response end, in ms (-1 when it had not ended at interactive). */
  ms: number;
}

const METRICS = { script: 'ScriptDuration', layout: 'LayoutDuration', style: 'RecalcStyleDuration', tasks: 'TaskDuration' } as const;

async function mainThreadSeconds(cdp: CDPSession): Promise<Record<keyof typeof METRICS, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const by = new Map(metrics.map((m) => [m.name, m.value]));
  return Object.fromEntries(Object.entries(METRICS).map(([k, name]) => [k, by.get(name) ?? 0])) as Record<keyof typeof METRICS, number>;
}

/** Resolves, in the page, at the first moment the first page of each kind is shown and the page responds; returns `performance.now()` then. */
function interactiveScript(expected: { comments: number; attachments: number }) {
  return `new Promise((resolve) => {
    const shown = () =>
      document.querySelectorAll('[data-test-subj="caseView"] [data-test-subj="caseComment"]').length >= ${expected.comments} &&
      document.querySelectorAll('[data-test-subj="caseView"] [data-test-subj="caseAttachments"] tr[data-doc-id]').length >= ${expected.attachments};
    const check = () => {
      if (!shown()) return requestAnimationFrame(check);
      // Painted; a task queued behind the frame runs when the main thread is free for input.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    };
    check();
  })`;
}

export async function probeCaseView(
  page: Page,
  cdp: CDPSession,
  { url, caseId, cold, expected }: { url: string; caseId: string; cold: boolean; expected: { comments: number; attachments: number } }
): Promise<ViewProbe> {
  const started: Array<{ request: Request; at: number }> = [];
  const onRequest = (request: Request) => started.push({ request, at: Date.now() });
  await cdp.send('Performance.enable');
  let ms: number;
  if (cold) {
    await page.goto('about:blank');
    page.on('request', onRequest);
    const before = await mainThreadSeconds(cdp);
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    // performance.now() counts from the navigation's start.
    ms = (await page.evaluate(interactiveScript(expected))) as number;
    return finish(before, ms);
  }
  page.on('request', onRequest);
  const before = await mainThreadSeconds(cdp);
  ms = (await page.evaluate(`(async () => {
    const t0 = performance.now();
    location.hash = ${JSON.stringify(new URL(url).hash)};
    return (await ${interactiveScript(expected)}) - t0;
  })()`)) as number;
  return finish(before, ms);

  async function finish(before: Record<keyof typeof METRICS, number>, wall: number): Promise<ViewProbe> {
    page.off('request', onRequest);
    const after = await mainThreadSeconds(cdp);
    const mainThread = Object.fromEntries(Object.keys(METRICS).map((k) => [k, (after[k as keyof typeof METRICS] - before[k as keyof typeof METRICS]) * 1000])) as ViewProbe['mainThread'];
    const requests = await Promise.all(
      started.map(async ({ request }) => {
        const u = new URL(request.url());
        const what = (u.pathname + u.search).replace(API_BASE, '…').split(encodeURIComponent(caseId)).join('{id}');
        // Times are from the request's start; one not ended yet has a responseEnd of -1.
        const t = request.timing();
        return { method: request.method(), what, resourceType: request.resourceType(), ms: t.responseEnd >= 0 ? t.responseEnd : -1 };
      })
    );
    return { ms: wall, requests, mainThread };
  }
}
