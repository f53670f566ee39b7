/**
 * `npm run bench:corpus [-- --noise 20000 --runs 5]`: every GuardDuty finding type of the corpus
 * (test/fixtures/guardduty_corpus, current SIEM mapping) investigated through the dev host, next to
 * the workshop scenario with noise, and latency and round trips reported per finding family in
 * docs/benchmarks.md (section between `<!-- corpus-bench -->` markers).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { execFileSync } from 'child_process';
import { API_PATHS } from '../../common/constants';
import { Investigation } from '../../common/types';
import { startDevHost } from '../host/dev_host';
import { applyIndexTemplates } from '../index_templates';
import { createClient, loadDocuments, sourceDemoDocs } from '../load';
import { buildCorpus, corpusDocs } from '../../test/fixtures/guardduty_corpus/generate';
import { generateScenario } from '../../test/fixtures/scenario/generate';
import { prefixedSourcesConfig } from '../../test/integration/helpers';
import { playbookFor } from '../../server/playbooks';
import { fmt, summarize } from './stats';

const ROOT = path.resolve(__dirname, '../..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const noise = arg('noise', 20000);
  const runs = arg('runs', 5);
  const url =
    process.env.OPENSEARCH_URL ??
    execFileSync('bash', [path.join(ROOT, 'dev/opensearch/opensearch.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  const client = createClient(url);
  const prefix = `bench-corpus-${noise}-`;
  const corpus = buildCorpus();
  const exists = await client.indices.exists({ index: `${prefix}log-aws-guardduty-*`, allow_no_indices: false } as any).then((r) => r.body === true).catch(() => false);
  if (!exists) {
    console.log(`loading the scenario with ${noise} noise documents and ${corpus.length} corpus findings under ${prefix}…`);
    await applyIndexTemplates(client, { prefix });
    await loadDocuments(client, generateScenario({ indexPrefix: prefix, noise }).docs, { refresh: true });
    await loadDocuments(client, corpusDocs(corpus, 'current', prefix), { refresh: true });
    // The S3 access log, Windows and Linux OS documents of the corpus incidents (RDP, S3, SSH) and a
    // tenth of the noise in those sources; the corpus findings they repeat are the same documents (same ids).
    await loadDocuments(client, sourceDemoDocs(prefix, '2021-04-27', Math.floor(noise / 10)), { refresh: true });
  }
  const docs = corpusDocs(corpus, 'current', prefix);
  const host = await startDevHost({ port: 0, opensearchUrl: url, pluginDir: ROOT, config: prefixedSourcesConfig(prefix), quiet: true });
  const byFamily = new Map<string, { times: number[]; roundTrips: Set<number>; playbooks: Set<string>; types: number; failures: number }>();
  try {
    for (const [i, f] of corpus.entries()) {
      const entry = byFamily.get(f.family) ?? { times: [], roundTrips: new Set<number>(), playbooks: new Set<string>(), types: 0, failures: 0 };
      byFamily.set(f.family, entry);
      entry.types++;
      entry.playbooks.add(playbookFor(f.type).id);
      for (let r = 0; r < runs; r++) {
        const started = performance.now();
        const res = await fetch(host.url + API_PATHS.investigate, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'osd-xsrf': 'bench' },
          body: JSON.stringify({ finding: { index: docs[i]._index, id: docs[i]._id } }),
        });
        const body = (await res.json()) as Investigation;
        if (res.status !== 200) {
          entry.failures++;
          continue;
        }
        if (r > 0) entry.times.push(performance.now() - started); // the first run of each finding warms its caches
        entry.roundTrips.add(body.took.roundTrips);
      }
    }
  } finally {
    await host.close();
  }
  const rows = [...byFamily.entries()].map(([family, e]) => {
    const s = summarize(e.times);
    return `| ${family} | ${e.types} | ${[...e.playbooks].join(', ')} | ${s.runs} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${[...e.roundTrips].sort().join(', ')} | ${e.failures} |`;
  });
  const all = summarize([...byFamily.values()].flatMap((e) => e.times));
  const section = `<!-- corpus-bench -->
## Every finding type, per family

Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:corpus\` on this project's machine (${os.cpus().length} cores, Node ${process.version}): the ${corpus.length} finding types of \`test/fixtures/guardduty_corpus\` (current SIEM mapping) loaded beside the workshop scenario with ${noise.toLocaleString('en')} noise documents (and the S3 access log, Windows and Linux OS documents of the corpus incidents, with ${Math.floor(noise / 10).toLocaleString('en')} noise documents of those sources), each investigated ${runs} times through the dev host over HTTP (the first run of each finding not counted).

| family | types | playbook(s) | runs | p50 | p95 | round trips | non-200 |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
| **all** | ${corpus.length} | | ${all.runs} | ${fmt(all.p50)} | ${fmt(all.p95)} | | |

Reproduce: \`npm run bench:corpus\` (\`-- --noise N --runs R\`; \`OPENSEARCH_URL\` to use another cluster). The data set is loaded once under \`bench-corpus-<N>-\` and reused.
<!-- /corpus-bench -->`;
  const file = path.join(ROOT, 'docs/benchmarks.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = /<!-- corpus-bench -->[\s\S]*<!-- \/corpus-bench -->/;
  fs.writeFileSync(file, re.test(existing) ? existing.replace(re, section) : `${existing.trimEnd()}\n\n${section}\n`);
  console.log(section);
  await client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
