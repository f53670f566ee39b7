import { LIMITS } from '../../common/constants';
import { SourceId, TimelineEvent } from '../../common/types';
import { FlatDoc, first } from './flatten';
import { ParsedGroup } from './response_parser';

interface Described {
  timestamp: string;
  action: string;
  summary: string;
  outcome?: string;
  /** Consecutive events with the same key are merged into one entry. */
  mergeKey: string;
  /** For merged sshd runs: the user name, counted per run. */
  user?: string;
}

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
      return {
        timestamp,
        action: `sshd ${action}`,
        summary: first(doc, 'syslog_message') ?? `${action}${user ? ` ${user}` : ''}${ip ? ` from ${ip}` : ''}`,
        outcome,
        // A brute force is hundreds of lines: one entry per run of failures from one address.
        mergeKey: outcome === 'failure' ? `linux|failure|${ip}|${host}` : `linux|${action}|${outcome}|${user}|${ip}|${host}`,
        user,
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

/** Merges the evidence into one ascending timeline; each document appears once. */
export function buildTimeline(groups: ParsedGroup[]): TimelineEvent[] {
  const seen = new Set<string>();
  const items: Array<TimelineEvent & { mergeKey: string; users: Map<string, number> }> = [];
  for (const g of groups) {
    for (const h of g.hits) {
      const refKey = `${h.ref.index}\u0000${h.ref.id}`;
      if (seen.has(refKey)) continue;
      seen.add(refKey);
      const d = describeEvent(g.source, h.doc, h.timestamp);
      if (!d.timestamp) continue;
      items.push({
        timestamp: d.timestamp,
        source: g.source,
        action: d.action,
        summary: d.summary,
        ...(d.outcome ? { outcome: d.outcome } : {}),
        ref: h.ref,
        evidence: g.id,
        mergeKey: d.mergeKey,
        users: new Map(d.user ? [[d.user, 1]] : []),
      });
    }
  }
  items.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || a.source.localeCompare(b.source));

  const merged: typeof items = [];
  for (const it of items) {
    const last = merged[merged.length - 1];
    if (last && last.mergeKey === it.mergeKey) {
      last.count = (last.count ?? 1) + 1;
      last.lastTimestamp = it.timestamp;
      for (const [u, n] of it.users) last.users.set(u, (last.users.get(u) ?? 0) + n);
      continue;
    }
    merged.push(it);
  }
  return merged.slice(0, LIMITS.timelineEntries).map(({ mergeKey, users, ...e }) => {
    if ((e.count ?? 1) > 1 && users.size > 1) {
      const top = [...users.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
      return { ...e, summary: `${e.count} ${e.action.replace('sshd ', '').toLowerCase()} attempts as ${top.map(([u, n]) => `${u} ×${n}`).join(', ')}${users.size > 3 ? ', …' : ''}${suffixFrom(e.summary)}` };
    }
    return e;
  });
}

function suffixFrom(summary: string): string {
  const m = / from (\S+)/.exec(summary);
  return m ? ` from ${m[1]}` : '';
}

