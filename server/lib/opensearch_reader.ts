import { createBrotliDecompress, createGunzip, createInflate } from 'zlib';
import type { Readable } from 'stream';
import { DocRef, UnreadShards } from '../../common/types';
import { LIMITS } from '../../common/constants';
import { remoteClusterOf } from '../../common/sources';
import { HttpError } from './errors';
import { RequestBudget } from './request_budget';
import { UnreadRecord } from './unread_shards';

/**
 * The one place the plugin reads OpenSearch as the current user.
 *
 * - **One budget per request.** OSD gives a request 30 s (`opensearch.requestTimeout`); every call
 *   of one route shares that budget, each with the time that is left and `maxRetries: 0` (the
 *   client would otherwise retry a timed-out call three times, 120 s for a hung cluster). When the
 *   budget is spent the route answers 504.
 * - **Log data is parsed here, not by the client.** The opensearch-js client refuses any answer
 *   holding a `__proto__` key ("Object contains forbidden prototype property"), so an attacker who
 *   shapes a log key could make evidence unreadable. The answer is taken as a stream (`asStream`)
 *   and parsed with `JSON.parse`, which keeps such keys as plain own data properties.
 * - **Upstream failures are named.** 502 for a bad answer (5xx, not JSON, cut off, too large),
 *   503 when OpenSearch cannot be reached, 504 when it does not answer in time.
 * - **What was not read is noted.** A search answered with `_shards.failed > 0` or `timed_out` is
 *   partial (HTTP 200, the other shards' hits). Every search and multi-search item parsed here is
 *   noted (unread_shards.ts); `unread()` tells the request's route, which says so on its answer. A
 *   reader is made per request, so the record is the request's.
 */

/** The transport of OSD's scoped client (`asCurrentUser`), as far as this module uses it. */
export interface TransportClient {
  transport: {
    request(
      params: { method: string; path: string; body?: unknown; bulkBody?: unknown; querystring?: Record<string, unknown> },
      options?: { requestTimeout?: number; maxRetries?: number; asStream?: boolean }
    ): Promise<{ body: unknown; statusCode?: number | null; headers?: Record<string, string | string[] | undefined> | null }>;
  };
}

/** An OpenSearch answer with an HTTP error status, with its parsed body when it had one. */
export class OpenSearchResponseError extends Error {
  constructor(public readonly statusCode: number, public readonly body: unknown, reason: string) {
    super(reason);
    this.name = 'OpenSearchResponseError';
  }
}

export interface SearchHitSource {
  _index: string;
  _id: string;
  _source?: Record<string, unknown>;
}

export interface ReaderOptions {
  /** The time all OpenSearch calls of this request may take together. */
  budget: RequestBudget;
  /** Largest answer read, in bytes; a larger one is a 502. */
  maxResponseBytes?: number;
}

/** Largest OpenSearch answer a request reads: hits are bounded in number, this bounds their size. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface OpenSearchReader {
  /** The request's time budget, shared with its saved objects calls. */
  budget: RequestBudget;
  /** A document by concrete index and id, or `null` when it (or its index) does not exist. */
  getDocument(ref: DocRef): Promise<{ index: string; id: string; source: Record<string, unknown> } | null>;
  search<T = Record<string, unknown>>(index: string, body: Record<string, unknown>, querystring?: Record<string, unknown>): Promise<T>;
  msearch<T = Record<string, unknown>>(items: Array<Record<string, unknown>>): Promise<T[]>;
  mget<T = Record<string, unknown>>(docs: Array<{ _index: string; _id: string; _source?: string[] | false }>, querystring?: Record<string, unknown>): Promise<T[]>;
  /** Any other read (e.g. the security plugin's `authinfo`); errors as `OpenSearchResponseError`. */
  request<T = unknown>(method: string, path: string): Promise<T>;
  /** Shards the searches of this request so far could not read (failed or timed out), or `undefined`. */
  unread(): UnreadShards | undefined;
}

export function createOpenSearchReader(client: TransportClient, opts: ReaderOptions): OpenSearchReader {
  const { budget } = opts;
  const maxBytes = opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const record = new UnreadRecord();

  const call = async <T>(params: Parameters<TransportClient['transport']['request']>[0]): Promise<T> => {
    const remaining = budget.remainingMs();
    if (remaining <= 0) throw budget.exceeded();
    let res: Awaited<ReturnType<TransportClient['transport']['request']>>;
    try {
      res = await client.transport.request(params, { asStream: true, requestTimeout: remaining, maxRetries: 0 });
    } catch (e) {
      throw transportError(e, budget);
    }
    const status = res.statusCode ?? 200;
    const text = await readBody(res.body, headerOf(res.headers, 'content-encoding'), Math.max(1, budget.remainingMs()), maxBytes, budget);
    const parsed = parseJson(text);
    if (status >= 400) throw new OpenSearchResponseError(status, parsed ?? text, reasonOf(parsed) ?? (text.slice(0, 200) || `HTTP ${status}`));
    if (parsed === undefined) throw new HttpError(502, `OpenSearch answered with something that is not JSON (HTTP ${status})`);
    return parsed as T;
  };

  return {
    budget,
    async getDocument(ref) {
      if (remoteClusterOf(ref.index)) {
        // `GET <index>/_doc/<id>` does not cross clusters; a search by id does.
        const body = await call<SearchByIdResponse>({ method: 'POST', path: `/${indexPath(ref.index)}/_search`, body: byIdSearch(ref.id) });
        const hit = body.hits?.hits?.find((h) => h._id === ref.id);
        if (body._clusters?.skipped) throw new HttpError(503, `The remote cluster ${remoteClusterOf(ref.index)} did not answer (cross-cluster search); try again when it is back`);
        // Not found on the shards that answered is not "not found".
        const unread = record.note(body);
        if (!hit && unread) throw new HttpError(502, `OpenSearch could not read every shard of ${ref.index} (${unread.reason || 'timed out'}); the document may exist`);
        if (!hit?._source || typeof hit._source !== 'object') return null;
        return { index: hit._index ?? ref.index, id: ref.id, source: hit._source };
      }
      try {
        const body = await call<{ _index?: string; _id?: string; found?: boolean; _source?: Record<string, unknown> }>({
          method: 'GET',
          path: `/${encodeURIComponent(ref.index)}/_doc/${encodeURIComponent(ref.id)}`,
        });
        if (!body.found || !body._source || typeof body._source !== 'object') return null;
        // The concrete index, not an alias that may point elsewhere after a rollover.
        return { index: body._index ?? ref.index, id: body._id ?? ref.id, source: body._source };
      } catch (e) {
        if (e instanceof OpenSearchResponseError && e.statusCode === 404) return null;
        throw e;
      }
    },
    async search<T>(index: string, body: Record<string, unknown>, querystring?: Record<string, unknown>) {
      const answer = await call<T>({ method: 'POST', path: `/${encodeURIComponent(index).replace(/%2C/gi, ',')}/_search`, body, querystring });
      record.note(answer);
      return answer;
    },
    async msearch<T>(items: Array<Record<string, unknown>>) {
      const body = await call<{ responses?: T[] }>({ method: 'POST', path: '/_msearch', bulkBody: items });
      if (!Array.isArray(body.responses)) throw new HttpError(502, 'OpenSearch answered the multi-search without its responses');
      for (const item of body.responses) record.note(item);
      return body.responses;
    },
    async mget<T>(docs: Array<{ _index: string; _id: string; _source?: string[] | false }>, querystring?: Record<string, unknown>) {
      // `_mget` does not cross clusters: documents of a remote cluster (`other:index`) are asked in
      // one `_msearch` by id, and answered in the multi-get's shape, in the request's order.
      const local = docs.filter((d) => !remoteClusterOf(d._index));
      const remote = docs.filter((d) => remoteClusterOf(d._index));
      const localDocs = local.length ? await call<{ docs?: T[] }>({ method: 'POST', path: '/_mget', body: { docs: local }, querystring }).then((b) => b.docs) : [];
      if (!Array.isArray(localDocs)) throw new HttpError(502, 'OpenSearch answered the multi-get without its documents');
      let remoteDocs: unknown[] = [];
      if (remote.length) {
        const items = remote.flatMap((d) => [{ index: d._index, ignore_unavailable: false }, { ...byIdSearch(d._id), _source: d._source ?? true }]);
        const body = await call<{ responses?: SearchByIdResponse[] }>({ method: 'POST', path: '/_msearch', bulkBody: items });
        if (!Array.isArray(body.responses)) throw new HttpError(502, 'OpenSearch answered the multi-search without its responses');
        for (const item of body.responses) record.note(item);
        remoteDocs = remote.map((d, i) => asMgetDoc(d, body.responses![i]));
      }
      let l = 0;
      let r = 0;
      return docs.map((d) => (remoteClusterOf(d._index) ? remoteDocs[r++] : localDocs[l++])) as T[];
    },
    request: (method, path) => call({ method, path }),
    unread: () => record.value(),
  };
}

interface SearchByIdResponse {
  error?: { type?: string; reason?: string } | string;
  timed_out?: boolean;
  _shards?: { failed?: number };
  _clusters?: { skipped?: number };
  hits?: { hits?: Array<{ _index?: string; _id: string; _source?: Record<string, unknown> }> };
}

function byIdSearch(id: string): Record<string, unknown> {
  return { query: { ids: { values: [id] } }, size: 1, track_total_hits: false, timeout: LIMITS.searchTimeout };
}

/** An index name in a path: encoded, but with the `:` of a remote cluster kept. */
function indexPath(index: string): string {
  return encodeURIComponent(index).replace(/%3A/gi, ':');
}

/** A search by id answered as `_mget` answers a document: found, not found, or the error. */
export function asMgetDoc(d: { _index: string; _id: string }, item: SearchByIdResponse | undefined): Record<string, unknown> {
  if (!item) return { _index: d._index, _id: d._id, error: { type: 'no_answer', reason: 'no answer for this document' } };
  if (item.error) return { _index: d._index, _id: d._id, error: typeof item.error === 'string' ? { type: 'error', reason: item.error } : item.error };
  // A remote that is down (skip_unavailable) answers with no hits: unknown, not "not found".
  if (item._clusters?.skipped) return { _index: d._index, _id: d._id, error: { type: 'cluster_unavailable', reason: `remote cluster ${remoteClusterOf(d._index)} did not answer` } };
  const hit = item.hits?.hits?.find((h) => h._id === d._id);
  // Not found on the shards that answered: unknown, not "not found".
  if (!hit && ((item._shards?.failed ?? 0) > 0 || item.timed_out)) return { _index: d._index, _id: d._id, error: { type: 'shards_unread', reason: `some shards of ${d._index} could not be read` } };
  return hit ? { _index: d._index, _id: d._id, found: true, _source: hit._source ?? {} } : { _index: d._index, _id: d._id, found: false };
}

function headerOf(headers: Record<string, string | string[] | undefined> | null | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return Array.isArray(v) ? v[0] : v;
}

function isReadable(body: unknown): body is Readable {
  return !!body && typeof (body as Readable).on === 'function' && typeof (body as Readable).pipe === 'function';
}

/** The answer as text, within the time left and the size bound; a broken stream is a 502. */
function readBody(body: unknown, encoding: string | undefined, timeoutMs: number, maxBytes: number, budget: RequestBudget): Promise<string> {
  if (!isReadable(body)) return Promise.resolve(typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body));
  const raw = body;
  const decoder = encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  const stream: Readable = decoder ? raw.pipe(decoder) : raw;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err?: HttpError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        raw.destroy();
        decoder?.destroy();
        reject(err);
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    };
    const timer = setTimeout(() => finish(budget.exceeded()), timeoutMs);
    stream.on('data', (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > maxBytes) finish(new HttpError(502, `OpenSearch's answer is larger than ${Math.round(maxBytes / 1048576)} MB (limit); narrow the request`));
      else chunks.push(b);
    });
    stream.on('end', () => finish());
    stream.on('error', (e: Error) => finish(new HttpError(502, `OpenSearch's answer broke off: ${e.message}`)));
    raw.on('aborted', () => finish(new HttpError(502, 'OpenSearch closed the connection before the answer was complete')));
    raw.on('error', (e: Error) => finish(new HttpError(502, `OpenSearch's answer broke off: ${e.message}`)));
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reasonOf(body: unknown): string | undefined {
  const err = (body as { error?: unknown } | undefined)?.error;
  if (typeof err === 'string') return err;
  const e = err as { reason?: string; type?: string; root_cause?: Array<{ reason?: string }> } | undefined;
  return e?.root_cause?.[0]?.reason ?? e?.reason ?? e?.type;
}

/** Errors the client raises before an answer arrives. */
function transportError(e: unknown, budget: RequestBudget): unknown {
  const name = (e as { name?: string } | undefined)?.name;
  const message = (e as { message?: string } | undefined)?.message ?? String(e);
  if (name === 'TimeoutError') return budget.exceeded();
  if (name === 'ConnectionError' || name === 'NoLivingConnectionsError') return new HttpError(503, `OpenSearch is not reachable: ${message}`);
  if (name === 'RequestAbortedError') return new HttpError(503, `The request to OpenSearch was aborted: ${message}`);
  if (name === 'DeserializationError') return new HttpError(502, `OpenSearch answered with something that is not JSON: ${message}`);
  return e;
}
