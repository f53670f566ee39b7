import { CASE_ANONYMOUS_USER } from '../../common/case_types';
import { OpenSearchReader } from '../lib/opensearch_reader';

const AUTHINFO_PATH = '/_plugins/_security/authinfo';

/**
 * The author of a change: the security plugin's idea of the current user, asked as that user.
 * Without the security plugin OpenSearch has no such endpoint ("no handler found", 400) and nobody
 * is authenticated, so every change is made by `anonymous`. Any other failure (401, 403, OpenSearch
 * down) is not guessed around: the change is refused.
 */
export async function resolveCurrentUser(reader: OpenSearchReader): Promise<string> {
  try {
    const body = await reader.request('GET', AUTHINFO_PATH);
    const name = (body as { user_name?: unknown } | undefined)?.user_name;
    return typeof name === 'string' && name !== '' ? name : CASE_ANONYMOUS_USER;
  } catch (e) {
    if (isSecurityPluginAbsent(e)) return CASE_ANONYMOUS_USER;
    throw e;
  }
}

export function isSecurityPluginAbsent(e: unknown): boolean {
  const err = e as { statusCode?: number; body?: unknown; meta?: { statusCode?: number; body?: unknown } } | undefined;
  const status = err?.meta?.statusCode ?? err?.statusCode;
  if (status === 404) return true;
  if (status !== 400 && status !== 405) return false;
  return /no handler found/i.test(JSON.stringify(err?.meta?.body ?? err?.body ?? ''));
}
