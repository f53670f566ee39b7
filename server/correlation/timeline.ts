import { LIMITS } from '../../common/constants';
import { SourceId, TimelineEvent } from '../../common/types';
import { clipText } from '../lib/bounds';
import { SERVER_SOURCES, TimelineDescription, TimelineRun } from '../sources';
import { ParsedGroup } from './response_parser';

/** Events with the same key less than this apart are one timeline entry ("×12 until …"). */
const MERGE_GAP_MS = 30 * 60 * 1000;

/**
 * Merges the evidence into one ascending timeline; each document appears once. Repeats of the same
 * event (the same call on the same object by the same key, the failures of one brute force) become
 * one entry with a count and the time of the last one, even when other events fall in between.
 */
export function buildTimeline(groups: ParsedGroup[]): TimelineEvent[] {
  const seen = new Set<string>();
  const items: Array<{ d: TimelineDescription; source: SourceId; ref: TimelineEvent['ref']; evidence: string; partial: boolean }> = [];
  const spansOf = new Map(groups.map((g) => [g.id, g.spans]));
  // A group that stopped collecting early built its spans from part of its documents.
  const partialSpans = new Set(groups.filter((g) => g.breakdownIsPartial).map((g) => g.id));
  for (const g of groups) {
    const partial = g.total > g.hits.length;
    for (const h of g.hits) {
      const refKey = `${h.ref.index}\u0000${h.ref.id}`;
      if (seen.has(refKey)) continue;
      seen.add(refKey);
      const d = SERVER_SOURCES[g.source].describe(h.doc, h.timestamp);
      if (!d.timestamp || Number.isNaN(Date.parse(d.timestamp))) continue;
      items.push({ d, source: g.source, ref: h.ref, evidence: g.id, partial });
    }
  }
  items.sort((a, b) => Date.parse(a.d.timestamp) - Date.parse(b.d.timestamp) || a.source.localeCompare(b.source));

  const entries: TimelineRun[] = [];
  const open = new Map<string, TimelineRun>();
  for (const { d, source, ref, evidence, partial } of items) {
    const t = Date.parse(d.timestamp);
    const run = open.get(d.mergeKey);
    if (run && t - Date.parse(run.lastTimestamp ?? run.timestamp) <= MERGE_GAP_MS) {
      run.count = (run.count ?? 1) + 1;
      run.lastTimestamp = d.timestamp;
      if (d.failed) run.failures++;
      if (d.failedUser) run.users.set(d.failedUser, (run.users.get(d.failedUser) ?? 0) + 1);
      if (d.spanKey && run.spanKey === undefined) run.spanKey = d.spanKey;
      if (partial) run.partial = true;
      continue;
    }
    const entry: TimelineRun = {
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
      ...(d.spanKey ? { spanKey: d.spanKey } : {}),
    };
    entries.push(entry);
    open.set(d.mergeKey, entry);
  }
  const told = applySpans(entries, spansOf, partialSpans);

  return told.slice(0, LIMITS.timelineEntries).map((run) => {
    const summarize = SERVER_SOURCES[run.source].summarizeRun;
    const { mergeKey: _key, failures: _failures, users: _users, ...plain } = run;
    const e = summarize ? summarize(run) : plain;
    return { ...e, action: clipText(e.action, LIMITS.summaryChars), summary: clipText(e.summary, LIMITS.summaryChars) };
  });
}

/**
 * A run whose evidence group read only part of a long activity (the first 50 of 3,000 failed
 * logins) is told from the group's span over all documents: first and last time, count and top
 * values. Later runs of the same span lie inside it and go. The span stays `partial` when its group
 * stopped collecting early (`partialSpans`): it then covers the documents collected, not all.
 */
function applySpans(runs: TimelineRun[], spansOf: Map<string, ParsedGroup['spans']>, partialSpans: Set<string>): TimelineRun[] {
  const done = new Set<string>();
  const out: TimelineRun[] = [];
  for (const run of runs) {
    const span = run.spanKey !== undefined ? spansOf.get(run.evidence)?.[run.spanKey] : undefined;
    if (!span) {
      out.push(run);
      continue;
    }
    const key = `${run.evidence}\u0000${run.spanKey}`;
    if (done.has(key)) continue;
    done.add(key);
    const { partial: _partial, ...whole } = run;
    out.push({ ...whole, ...(partialSpans.has(run.evidence) ? { partial: true } : {}), timestamp: span.first, lastTimestamp: span.last, count: Math.max(span.count, 1), failures: span.count, users: new Map(span.detail) });
  }
  return out.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}
