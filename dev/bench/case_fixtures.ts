import type { Client } from '@opensearch-project/opensearch';
import { CASE_SEVERITIES, CASE_STATUSES, CaseActivity, CaseComment } from '../../common/case_types';
import { CASE_ITEM_SAVED_OBJECT_TYPE, CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { newCaseAttributes } from '../../server/cases/client/create';
import { attachmentItemId, caseReferenceOf, sortKeyOf } from '../../server/cases/service';
import { StoredAttachment } from '../../server/cases/types';

/**
 * Cases and items written straight into the saved-objects index with `_bulk`, in exactly the
 * saved-object shape the plugin writes (`<type>:<id>` ids, attributes under the type, references),
 * for the scale tests and `npm run bench:cases`. Deterministic: case i has number firstNumber + i (1 + i by default).
 */
export const FIXTURE_TAGS = ['phishing', 'ransomware', 'iam', 's3', 'ssh', 'dns', 'exfiltration', 'insider', 'malware', 'recon'];
export const FIXTURE_ASSIGNEES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
const WORDS = ['root', 'login', 'bucket', 'public', 'key', 'exfiltration', 'brute', 'force', 'tor', 'crypto', 'miner', 'lateral', 'movement', 'beacon', 'dns', 'tunnel'];

export function fixtureCase(i: number, firstNumber = 1): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const title = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} case ${i}`;
  const a = newCaseAttributes(
    {
      title,
      description: `Investigation ${i}: ${WORDS[(i * 3) % WORDS.length]} activity seen on host-${i % 500}.`,
      severity: CASE_SEVERITIES[i % CASE_SEVERITIES.length],
      tags: [FIXTURE_TAGS[i % FIXTURE_TAGS.length], FIXTURE_TAGS[(i * 3 + 1) % FIXTURE_TAGS.length]],
      assignees: [FIXTURE_ASSIGNEES[i % FIXTURE_ASSIGNEES.length]],
    },
    { by: 'loader', at },
    firstNumber + i
  );
  const status = CASE_STATUSES[i % CASE_STATUSES.length];
  return { ...a, status, statusRank: CASE_STATUSES.indexOf(status), ...(status === 'closed' ? { closeReason: 'false_positive', closedAt: at, closedBy: 'loader' } : {}) };
}

async function bulk(client: Client, index: string, lines: unknown[]): Promise<void> {
  const { body } = await client.bulk({ index, body: lines, refresh: false } as any);
  if ((body as { errors?: boolean }).errors) throw new Error(`bulk load into ${index} had errors`);
}

/**
 * `count` cases (ids `fixture-<i>`, numbers from `firstNumber`) into the saved-objects index, `batch`
 * per `_bulk`, then one refresh.
 */
export async function loadFixtureCases(client: Client, index: string, count: number, batch = 5000, firstNumber = 1): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += batch) {
    const lines: unknown[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      lines.push({ index: { _id: `${CASE_SAVED_OBJECT_TYPE}:fixture-${i}` } }, { type: CASE_SAVED_OBJECT_TYPE, [CASE_SAVED_OBJECT_TYPE]: fixtureCase(i, firstNumber), references: [], updated_at: now });
    }
    await bulk(client, index, lines);
  }
  await client.indices.refresh({ index });
}

/**
 * `comments` comments and `attachments` attachments (of `refs`, one each) of case `caseId`, with
 * their activity entries, as the plugin would have written them one append at a time.
 */
export async function loadFixtureItems(
  client: Client,
  index: string,
  caseId: string,
  { comments, refs }: { comments: number; refs: Array<{ index: string; id: string }> }
): Promise<void> {
  const lines: unknown[] = [];
  const now = new Date().toISOString();
  const put = (id: string, kind: string, at: string, data: unknown, tie: string) =>
    lines.push(
      { index: { _id: `${CASE_ITEM_SAVED_OBJECT_TYPE}:${id}` } },
      { type: CASE_ITEM_SAVED_OBJECT_TYPE, [CASE_ITEM_SAVED_OBJECT_TYPE]: { kind, sortKey: sortKeyOf(at, tie), at, by: 'loader', data }, references: [caseReferenceOf(caseId)], updated_at: now }
    );
  const base = Date.UTC(2026, 5, 1);
  for (let i = 0; i < comments; i++) {
    const at = new Date(base + i * 1000).toISOString();
    const comment: CaseComment = { id: `m${i}`, text: `Comment ${i}: checked host-${i % 50}.`, createdAt: at, createdBy: 'loader' };
    put(`${caseId}.c.m${i}`, 'comment', at, comment, `m${i}`);
    const entry: CaseActivity = { at, by: 'loader', action: 'comment_added', commentId: `m${i}` };
    put(`${caseId}.e.m${i}`, 'activity', at, entry, `m${i}`);
  }
  refs.forEach((ref, i) => {
    const at = new Date(base + i * 1000 + 500).toISOString();
    const id = attachmentItemId(caseId, ref);
    const attachment: StoredAttachment = {
      id,
      type: 'event',
      ref,
      snapshot: { source: null, title: `Event ${i}`, fields: { message: `event ${i}` } },
      addedAt: at,
      addedBy: 'loader',
    };
    put(id, 'attachment', at, attachment, id);
    const entry: CaseActivity = { at, by: 'loader', action: 'attachment_added', attachmentId: id, attachmentType: 'event', ref, title: `Event ${i}` };
    put(`${caseId}.e.${id.slice(caseId.length + 1)}`, 'activity', at, entry, id);
  });
  for (let i = 0; i < lines.length; i += 4000) await bulk(client, index, lines.slice(i, i + 4000));
  await client.indices.refresh({ index });
}
