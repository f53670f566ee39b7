import { LIMITS } from '../../common/constants';
import { SourceId, TimelineEvent } from '../../common/types';
import { clipText } from '../lib/bounds';
import { FlatDoc, first } from '../../common/flatten';
import { ParsedGroup } from './response_parser';

interface Described {
  timestamp: string;
  action: string;
  summary: string;
  outcome?: string;
  /** Consecutive events with the same key are merged into one entry. */
  mergeKey: string;
  /** sshd: a failed login, and the user name it tried. */
  failed?: boolean;
  failedUser?: string;
}

/** Events with the same key less than this apart are one timeline entry ("×12 until …"). */
const MERGE_GAP_MS = 30 * 60 * 1000;

export function describeEvent(source: SourceId, doc: FlatDoc, timestamp: string): Described {
  switch (source) {
    case 'guardduty': {
      const type = first(doc, 'type', 'rule.id') ?? 'GuardDuty finding';
      const title = first(doc, 'title') ?? type;
      return {
        timestamp: first(doc, 'service.eventFirstSeen') ?? timestamp,
        action: type,
        summary: title.trim(),
        mergeKey: `guardduty|${first(doc, '@id', 'id')}`,
      };
    }
    case 'cloudtrail': {
      const action = first(doc, 'event.action', 'eventName') ?? 'API call';
      const bucket = first(doc, 'requestParameters.bucketName');
      const key = first(doc, 'requestParameters.key');
      const target = bucket ? ` ${bucket}${key ? `/${key}` : ''}` : first(doc, 'requestParameters.userName') ? ` ${first(doc, 'requestParameters.userName')}` : '';
      const who = first(doc, 'user.id', 'userIdentity.sessionContext.sessionIssuer.userName', 'user.name');
      const from = first(doc, 'source.ip', 'source.address');
      const grant = first(doc, 'requestParameters.x-amz-grant-read');
      const error = first(doc, 'error.code');
      const outcome = first(doc, 'event.outcome');
      return {
        timestamp,
        action,
        summary:
          `${action}${target}` +
          (grant?.includes('AllUsers') ? ' (read granted to everyone)' : '') +
          (who ? ` by ${who}` : '') +
          (from ? ` from ${from}` : '') +
          (error ? ` — ${error}` : ''),
        outcome,
        mergeKey: `cloudtrail|${action}|${target}|${who}|${from}|${outcome}`,
      };
    }
    case 'linux_secure': {
      const action = first(doc, 'event.action') ?? first(doc, 'process.name') ?? 'log line';
      const outcome = first(doc, 'event.outcome');
      const ip = first(doc, 'source.ip');
      const user = first(doc, 'user.name');
      const host = first(doc, 'cloud.instance.id', 'host.hostname');
      const failed = outcome === 'failure';
      return {
        timestamp,
        action: `sshd ${action}`,
        summary: first(doc, 'syslog_message') ?? `${action}${user ? ` ${user}` : ''}${ip ? ` from ${ip}` : ''}`,
        outcome,
        // A brute force is hundreds of failures with connection noise in between: one entry per
        // address and host; the logins that succeed stay apart, one entry per user.
        mergeKey: outcome === 'success' ? `linux|success|${user}|${ip}|${host}` : `linux|attempts|${ip}|${host}`,
        ...(failed && user ? { failedUser: user } : {}),
        failed,
      };
    }
    case 'securityhub': {
      const module = first(doc, 'event.module') ?? 'securityhub';
      const label = module === 'inspector' ? 'Inspector finding' : module === 'macie' ? 'Macie finding' : 'Security Hub finding';
      return {
        timestamp,
        action: label,
        summary: first(doc, 'Title', 'rule.name') ?? label,
        mergeKey: `securityhub|${first(doc, '@id')}`,
      };
    }
  }
}

interface Entry extends TimelineEvent {
  mergeKey: string;
  failures: number;
  users: Map<string, number>;
}

/**
 * Merges the evidence into one ascending timeline; each document appears once. Repeats of the same
 * event (the same call on the same object by the same key, the failures of one brute force) become
 * one entry with a count and the time of the last one, even when other events fall in between.
 */
export function buildTimeline(groups: ParsedGroup[]): TimelineEvent[] {
  const seen = new Set<string>();
  const items: Array<{ d: Described; source: SourceId; ref: TimelineEvent['ref']; evidence: string; partial: boolean }> = [];
  for (const g of groups) {
    const partial = g.total > g.hits.length;
    for (const h of g.hits) {
      const refKey = `${h.ref.index}\u0000${h.ref.id}`;
      if (seen.has(refKey)) continue;
      seen.add(refKey);
      const d = describeEvent(g.source, h.doc, h.timestamp);
      if (!d.timestamp || Number.isNaN(Date.parse(d.timestamp))) continue;
      items.push({ d, source: g.source, ref: h.ref, evidence: g.id, partial });
    }
  }
  items.sort((a, b) => Date.parse(a.d.timestamp) - Date.parse(b.d.timestamp) || a.source.localeCompare(b.source));

  const entries: Entry[] = [];
  const open = new Map<string, Entry>();
  for (const { d, source, ref, evidence, partial } of items) {
    const t = Date.parse(d.timestamp);
    const run = open.get(d.mergeKey);
    if (run && t - Date.parse(run.lastTimestamp ?? run.timestamp) <= MERGE_GAP_MS) {
      run.count = (run.count ?? 1) + 1;
      run.lastTimestamp = d.timestamp;
      if (d.failed) run.failures++;
      if (d.failedUser) run.users.set(d.failedUser, (run.users.get(d.failedUser) ?? 0) + 1);
      if (partial) run.partial = true;
      continue;
    }
    const entry: Entry = {
      timestamp: d.timestamp,
      source,
      action: d.action,
      summary: d.summary,
      ...(d.outcome ? { outcome: d.outcome } : {}),
      ref,
      evidence,
      ...(partial ? { partial } : {}),
      mergeKey: d.mergeKey,
      failures: d.failed ? 1 : 0,
      users: new Map(d.failedUser ? [[d.failedUser, 1]] : []),
    };
    entries.push(entry);
    open.set(d.mergeKey, entry);
  }

  return entries.slice(0, LIMITS.timelineEntries).map((entry) => {
    const e = summarizeRun(entry);
    return { ...e, action: clipText(e.action, LIMITS.summaryChars), summary: clipText(e.summary, LIMITS.summaryChars) };
  });
}

/** An entry as the timeline shows it; a run of failed SSH logins says how many and as whom. */
function summarizeRun({ mergeKey, failures, users, ...e }: Entry): TimelineEvent {
  if (!mergeKey.startsWith('linux|attempts|') || failures === 0 || (e.count ?? 1) === 1) return e;
  const top = [...users.entries()].sort((x, y) => y[1] - x[1]);
  const names = top.slice(0, 3).map(([u, n]) => `${u} ×${n}`).join(', ') + (top.length > 3 ? ', …' : '');
  const from = /from (\S+)/.exec(e.summary)?.[1];
  return {
    ...e,
    action: 'sshd failed logins',
    outcome: 'failure',
    count: failures,
    summary: `${failures} failed logins${names ? ` as ${names}` : ''}${from ? ` from ${from}` : ''}`,
  };
}
