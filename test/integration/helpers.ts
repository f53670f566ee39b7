import path from 'path';
import { Client } from '@opensearch-project/opensearch';
import { startDevHost, RunningDevHost, DevHostOptions } from '../../dev/host/dev_host';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { generateScenario, ScenarioOptions } from '../fixtures/scenario/generate';
import { SOURCE_IDS } from '../../common/types';
import { DEFAULT_SOURCES } from '../../common/sources';

export const OPENSEARCH_URL = process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200';
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** A prefix per test file keeps suites apart in the one shared OpenSearch. */
export function uniquePrefix(name: string): string {
  return `it-${name}-${process.pid}-${Date.now().toString(36)}-`.toLowerCase();
}

/** Plugin config pointing every source at the prefixed indices. */
export function prefixedSourcesConfig(prefix: string): Record<string, unknown> {
  const sources: Record<string, { indexPattern: string }> = {};
  for (const id of SOURCE_IDS) sources[id] = { indexPattern: `${prefix}${DEFAULT_SOURCES[id].indexPattern}` };
  return { sources };
}

export interface TestHost extends RunningDevHost {
  prefix: string;
  /** Calls the plugin's HTTP API as the browser's core.http would (JSON, osd-xsrf). */
  api<T = any>(method: string, apiPath: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  cleanup(): Promise<void>;
}

export async function loadScenario(client: Client, prefix: string, opts: ScenarioOptions = {}) {
  await applyIndexTemplates(client, { prefix });
  const scenario = generateScenario({ ...opts, indexPrefix: prefix });
  await loadDocuments(client, scenario.docs, { refresh: true });
  return scenario;
}

export async function startTestHost(
  name: string,
  opts: Partial<Omit<DevHostOptions, 'port' | 'pluginDir'>> & { config?: Record<string, unknown>; configFor?: (prefix: string) => Record<string, unknown> } = {}
): Promise<TestHost> {
  const prefix = uniquePrefix(name);
  const { configFor, ...hostOpts } = opts;
  const host = await startDevHost({
    port: 0,
    opensearchUrl: OPENSEARCH_URL,
    pluginDir: REPO_ROOT,
    quiet: true,
    ...hostOpts,
    config: { ...prefixedSourcesConfig(prefix), ...(opts.config ?? {}), ...(configFor?.(prefix) ?? {}) },
  });
  const api: TestHost['api'] = async (method, apiPath, body, headers = {}) => {
    const res = await fetch(host.url + apiPath, {
      method,
      headers: { 'osd-xsrf': 'true', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  };
  const cleanup = async () => {
    await host.opensearch.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
    await host.opensearch.transport.request({ method: 'DELETE', path: `/_index_template/${prefix}*` }).catch(() => undefined);
    await host.opensearch.transport.request({ method: 'DELETE', path: `/_component_template/${prefix}*` }).catch(() => undefined);
    await host.close();
  };
  return { ...host, prefix, api, cleanup };
}
