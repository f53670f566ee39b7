import { CASE_SEVERITIES, CaseActivity, CaseAttachmentType, CaseSeverity, CaseStatus, CLOSE_REASON_LABELS, CloseReason } from '../../common/case_types';

export const STATUS_LABELS: Record<CaseStatus, string> = { open: 'Open', 'in-progress': 'In progress', closed: 'Closed' };

/** Elastic Cases' colours: open is active (blue), in progress needs attention, closed is done. */
export const STATUS_COLORS: Record<CaseStatus, string> = { open: 'primary', 'in-progress': 'warning', closed: 'default' };

export const SEVERITY_LABELS: Record<CaseSeverity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** The severities as `EuiSelect` options, least severe first. */
export const SEVERITY_OPTIONS = CASE_SEVERITIES.map((s) => ({ value: s, text: SEVERITY_LABELS[s] }));

export const ATTACHMENT_TYPE_LABELS: Record<CaseAttachmentType, string> = { finding: 'Finding', event: 'Event' };

function closeReason(reason: CloseReason | undefined): string {
  return reason ? CLOSE_REASON_LABELS[reason] ?? reason : '';
}

function names(verb: string, noun: string, list: string[]): string | null {
  return list.length ? `${verb} ${noun}${list.length === 1 ? '' : 's'} ${list.join(', ')}` : null;
}

/** One line of the activity log, in words ("changed status from Open to Closed (True positive)"). */
export function describeActivity(a: CaseActivity): string {
  switch (a.action) {
    case 'created':
      return 'created the case';
    case 'title_changed':
      return `renamed the case from "${a.from}" to "${a.to}"`;
    case 'description_changed':
      return 'edited the description';
    case 'status_changed':
      return `changed status from ${STATUS_LABELS[a.from] ?? a.from} to ${STATUS_LABELS[a.to] ?? a.to}${a.closeReason ? ` (${closeReason(a.closeReason)})` : ''}`;
    case 'close_reason_changed':
      return `changed the close reason from ${closeReason(a.from)} to ${closeReason(a.to)}`;
    case 'severity_changed':
      return `changed severity from ${SEVERITY_LABELS[a.from] ?? a.from} to ${SEVERITY_LABELS[a.to] ?? a.to}`;
    case 'tags_changed':
    case 'assignees_changed': {
      const noun = a.action === 'tags_changed' ? 'tag' : 'assignee';
      const text = [names('added', noun, a.added), names('removed', noun, a.removed)].filter(Boolean).join('; ') || `changed ${noun}s`;
      return a.more ? `${text} (and ${a.more} more)` : text;
    }
    case 'attachment_added':
      return `attached ${a.attachmentType === 'finding' ? 'finding' : 'event'} "${a.title}"`;
    case 'comment_added':
      return 'commented';
    case 'task_added':
      return `added task "${a.title}"`;
    case 'task_changed':
      return `${a.done === true ? 'completed' : a.done === false ? 'reopened' : 'changed'} task "${a.title}"${
        a.assignee !== undefined ? (a.assignee ? ` (assigned to ${a.assignee})` : ' (unassigned)') : ''
      }`;
    case 'close_fields_changed':
      return `filled in close fields ${a.fields.join(', ')}`;
    case 'migrated':
      return `moved the case to separate items (${a.comments} comments, ${a.attachments} attachments, ${a.activity} activity entries)`;
    default:
      // A newer server may log actions this browser code does not know yet.
      return String((a as { action: unknown }).action).replace(/_/g, ' ');
  }
}
