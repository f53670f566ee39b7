import { FlatDoc, first } from '../flatten';
import { SourceAdapter } from './types';

/** SIEM < v2.7.0 wrote no `rule.id` for GuardDuty (SIEM_SCHEMA.md TL;DR 3). */
export function isLegacyGuardDutyMapping(doc: FlatDoc): boolean {
  return first(doc, 'rule.id') === undefined;
}

/** `rule.name` held the type and `rule.description` the title before v2.7.0; from v2.7.0 `rule.id` holds the type and `rule.name` the title. */
export function guardDutyType(doc: FlatDoc): string {
  return first(doc, 'type', 'rule.id') ?? (isLegacyGuardDutyMapping(doc) ? first(doc, 'rule.name') : undefined) ?? 'unknown';
}

export function guardDutyTitle(doc: FlatDoc): string {
  const raw = first(doc, 'title');
  if (raw) return raw.trim();
  return (isLegacyGuardDutyMapping(doc) ? first(doc, 'rule.description') : first(doc, 'rule.name'))?.trim() ?? guardDutyType(doc);
}

export const guardduty: SourceAdapter = {
  definition: {
    id: 'guardduty',
    label: 'GuardDuty',
    indexPattern: 'log-aws-guardduty-*',
    timeField: '@timestamp',
    indexPatternId: '8be467d0-7fc8-11ea-9ba8-7fa25bc74a6f',
    columns: ['@timestamp', 'type', 'title', 'severity', 'source.ip', 'user.id', 'user.name', 'cloud.instance.id', 'service.count'],
  },
  attachmentType: 'finding',
  title: guardDutyTitle,
};
