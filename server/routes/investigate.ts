import { API_PATHS, LIMITS } from '../../common/constants';
import { DocRef, InvestigateRequest } from '../../common/types';
import { INCIDENT_LIMITS } from '../../common/incident_types';
import { investigate } from '../correlation/investigate';
import { parseDuration } from '../correlation/window';
import { respondError } from '../lib/respond';
import { failedShardsOnly, withUnread } from '../lib/unread_shards';
import { requireSourceIndex } from '../lib/source_index';
import { docRef, fail, noQuery, object, optionalString, validator } from '../lib/validation';
import { RouteDeps } from './types';

export const validateInvestigateBody = validator<InvestigateRequest>((data) => {
  if (data === null || data === undefined) fail('a JSON body with "finding": {"index", "id"} is required');
  const b = object(data, ['finding', 'window', 'members'], 'body');
  if (b.finding === undefined) fail('finding is required');
  const finding = docRef(b.finding, 'finding');
  let members: DocRef[] | undefined;
  if (b.members !== undefined) {
    if (!Array.isArray(b.members)) fail('members must be an array of {"index", "id"}');
    const list = b.members as unknown[];
    if (list.length > INCIDENT_LIMITS.maxMembers) fail(`members has ${list.length} findings, more than ${INCIDENT_LIMITS.maxMembers} (limit)`);
    members = list.map((m, i) => docRef(m, `members[${i}]`));
  }
  const withMembers = members ? { members } : {};
  if (b.window === undefined) return { finding, ...withMembers };
  const w = object(b.window, ['before', 'after'], 'window');
  const before = optionalString(w.before, 'window.before', { max: 10 });
  const after = optionalString(w.after, 'window.after', { max: 10 });
  // Checked here too so that a bad window is a validation error, not a failed investigation.
  let total = 0;
  for (const [name, v, fallback] of [
    ['window.before', before, LIMITS.defaultWindowBefore],
    ['window.after', after, LIMITS.defaultWindowAfter],
  ] as const) {
    try {
      total += parseDuration(v ?? fallback, name);
    } catch (e) {
      fail((e as Error).message);
    }
  }
  if (total > LIMITS.maxWindowMs) fail(`window.before + window.after may span at most ${LIMITS.maxWindowMs / 86_400_000} days`);
  return { finding, window: { ...(before ? { before } : {}), ...(after ? { after } : {}) }, ...withMembers };
});

export function registerInvestigateRoute({ router, getSources, logger, readerOf, getMaxDocsPerShard }: RouteDeps): void {
  router.post({ path: API_PATHS.investigate, validate: { query: noQuery, body: validateInvestigateBody } }, async (context, request, response) => {
    try {
      const sources = getSources();
      requireSourceIndex(request.body.finding.index, sources, 'guardduty');
      for (const m of request.body.members ?? []) requireSourceIndex(m.index, sources, 'guardduty');
      const reader = readerOf(context);
      const result = await investigate(reader, { finding: request.body.finding, window: request.body.window, members: request.body.members, sources, maxDocsPerShard: getMaxDocsPerShard?.() });
      // Shards any of its searches could not read; each affected evidence group says which are its own.
      // Its timeouts are said by the groups (their `error`) and the counts ("at least").
      return response.ok({ body: withUnread(result, failedShardsOnly(reader.unread())) });
    } catch (e) {
      return respondError(response, e, logger);
    }
  });
}
