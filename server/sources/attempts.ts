import type { TimelineEvent } from '../../common/types';
import type { TimelineRun } from './types';

/** What a source says about one run of failed attempts: the run's own action and sentence. */
export interface AttemptsPhrasing {
  /** The timeline action of the run, e.g. "sshd failed logins". */
  action: string;
  /** The sentence: how many failures, the top user names (`root ×12, admin ×3, …`) and the address. */
  sentence(v: { failures: number; names: string; from: string | undefined }): string;
  /** Where the address comes from when not from the run's key (e.g. sshd's own line). */
  from?(run: TimelineEvent): string | undefined;
}

/**
 * A merged run of failed logons (a brute force) as one timeline entry: the failures, the three
 * most tried user names with their counts, and the address, read from the run's merge key
 * (`<prefix><ip>|<host>`) and never parsed from a translated summary. Runs of other keys, runs
 * without failures and single events are returned as they are.
 */
export function summarizeAttempts(run: TimelineRun, prefix: string, phrasing: AttemptsPhrasing): TimelineEvent {
  const { mergeKey, failures, users, ...e } = run;
  if (!mergeKey.startsWith(prefix) || failures === 0 || (e.count ?? 1) === 1) return e;
  const top = [...users.entries()].sort((x, y) => y[1] - x[1]);
  const names = top.slice(0, 3).map(([u, n]) => `${u} ×${n}`).join(', ') + (top.length > 3 ? ', …' : '');
  const keyed = mergeKey.slice(prefix.length).split('|')[0] || undefined;
  const from = phrasing.from?.(e) ?? keyed;
  return {
    ...e,
    action: phrasing.action,
    outcome: 'failure',
    count: failures,
    summary: phrasing.sentence({ failures, names, from: from && from !== 'undefined' ? from : undefined }),
  };
}
