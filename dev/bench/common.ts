/** Helpers shared by the dev/bench scripts: the node to measure, counting a set, interleaved runs. */
import path from 'path';
import { performance } from 'perf_hooks';
import { execFileSync } from 'child_process';
import { Client } from '@opensearch-project/opensearch';
import { loadDocuments } from '../load';

export const ROOT = path.resolve(__dirname, '../..');

/** `--name N` on the command line, else BENCH_NAME in the environment, else the fallback. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
}

/** OPENSEARCH_URL, else this worktree's launcher node (started if needed). */
export async function ensureOpenSearch(): Promise<string> {
  if (process.env.OPENSEARCH_URL) return process.env.OPENSEARCH_URL;
  const out = execFileSync('bash', [path.join(ROOT, 'dev/opensearch/opensearch.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop()!;
}

/** Documents under `<prefix>log-*`, after a refresh (0 when there are none). */
export async function countDocs(client: Client, prefix: string): Promise<number> {
  await client.indices.refresh({ index: `${prefix}log-*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
  return client
    .count({ index: `${prefix}log-*`, ignore_unavailable: true, allow_no_indices: true } as any)
    .then((r) => r.body.count as number)
    .catch(() => 0);
}

/**
 * Runs the contenders in turn, one run of each per round, so that drift (segment merges, caches,
 * other load on the machine) hits all of them alike instead of whichever happens to run last.
 */
export async function interleaved(runs: number, contenders: Record<string, () => Promise<unknown>>, warmups = 3): Promise<Record<string, number[]>> {
  const names = Object.keys(contenders);
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < warmups; i++) for (const n of names) await contenders[n](); // warm-up: caches, JIT, connections
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(i + k) % names.length];
      const t = performance.now();
      await contenders[n]();
      out[n].push(performance.now() - t);
    }
  }
  return out;
}

/**
 * Streams documents `from` → `total` into OpenSearch (5,000 per bulk, refreshed at the end),
 * printing progress every 10 s: rate, elapsed time and what is left. `what` names them in the
 * progress lines ("noise documents"). Used by the benches' resumable loads.
 */
export async function loadWithProgress(client: Client, docs: Parameters<typeof loadDocuments>[1], { from, total, t0, what }: { from: number; total: number; t0: number; what: string }): Promise<void> {
  let last = 0;
  await loadDocuments(client, docs, {
    refresh: true,
    chunkSize: 5000,
    onProgress: (loaded) => {
      const now = performance.now();
      if (now - last < 10_000 && from + loaded < total) return;
      last = now;
      const s = (now - t0) / 1000;
      const rate = loaded / Math.max(s, 0.001);
      const eta = (total - from - loaded) / Math.max(rate, 1);
      console.log(`  ${(from + loaded).toLocaleString('en')} / ${total.toLocaleString('en')} ${what}, ${Math.round(rate)} docs/s, ${s.toFixed(0)} s, ~${Math.round(eta / 60)} min left`);
    },
  });
}
