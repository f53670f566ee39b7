import { FindingSummary } from '../../common/types';

/** One row of an incident card's member table: the member findings of one GuardDuty finding type. */
export interface MemberTypeRow {
  type: string;
  /** The findings of this type, in the incident's order (most severe first). */
  findings: FindingSummary[];
  /** The finding the row shows: the first of its type in the incident's order. */
  first: FindingSummary;
  /** The highest severity of the row's findings. */
  severity: number;
  severityLabel: FindingSummary['severityLabel'];
  /** The newest last activity of the row's findings. */
  lastSeen: string;
  /** GuardDuty's counts of the row's findings, summed. */
  count: number;
}

/**
 * An incident's members, one row per finding type in the order each type first appears: 17
 * findings of one type on one instance read as one line with "17 findings", not as 17 lines.
 */
export function memberTypeRows(members: readonly FindingSummary[]): MemberTypeRow[] {
  const rows = new Map<string, MemberTypeRow>();
  for (const f of members) {
    const seen = f.lastSeen ?? f.timestamp;
    const row = rows.get(f.type);
    if (!row) {
      rows.set(f.type, { type: f.type, findings: [f], first: f, severity: f.severity, severityLabel: f.severityLabel, lastSeen: seen, count: f.count });
      continue;
    }
    row.findings.push(f);
    if (f.severity > row.severity) {
      row.severity = f.severity;
      row.severityLabel = f.severityLabel;
    }
    // ISO 8601 instants in UTC compare as strings; a missing or odd value never wins over a date.
    if (Date.parse(seen) > Date.parse(row.lastSeen) || Number.isNaN(Date.parse(row.lastSeen))) row.lastSeen = seen;
    row.count += Number.isFinite(f.count) ? f.count : 0;
  }
  return [...rows.values()];
}
