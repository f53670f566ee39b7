import { i18n } from '@osd/i18n';
import { CASE_SEVERITIES, CaseActivity, CaseAttachmentType, CaseSeverity, CaseStatus, CLOSE_REASON_LABELS, CloseReason } from '../../common/case_types';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  get open() {
    return i18n.translate('siemInvestigations.case.status.open', { defaultMessage: 'Open' });
  },
  get 'in-progress'() {
    return i18n.translate('siemInvestigations.case.status.inProgress', { defaultMessage: 'In progress' });
  },
  get closed() {
    return i18n.translate('siemInvestigations.case.status.closed', { defaultMessage: 'Closed' });
  },
};

/** Elastic Cases' colours: open is active (blue), in progress needs attention, closed is done. */
export const STATUS_COLORS: Record<CaseStatus, string> = { open: 'primary', 'in-progress': 'warning', closed: 'default' };

export const SEVERITY_LABELS: Record<CaseSeverity, string> = {
  get low() {
    return i18n.translate('siemInvestigations.case.severity.low', { defaultMessage: 'Low' });
  },
  get medium() {
    return i18n.translate('siemInvestigations.case.severity.medium', { defaultMessage: 'Medium' });
  },
  get high() {
    return i18n.translate('siemInvestigations.case.severity.high', { defaultMessage: 'High' });
  },
  get critical() {
    return i18n.translate('siemInvestigations.case.severity.critical', { defaultMessage: 'Critical' });
  },
};

/** The severities as `EuiSelect` options, least severe first. */
export const SEVERITY_OPTIONS = CASE_SEVERITIES.map((s) => ({
  value: s,
  get text() {
    return SEVERITY_LABELS[s];
  },
}));

export const ATTACHMENT_TYPE_LABELS: Record<CaseAttachmentType, string> = {
  get finding() {
    return i18n.translate('siemInvestigations.case.attachmentType.finding', { defaultMessage: 'Finding' });
  },
  get event() {
    return i18n.translate('siemInvestigations.case.attachmentType.event', { defaultMessage: 'Event' });
  },
};

function closeReason(reason: CloseReason | undefined): string {
  return reason ? CLOSE_REASON_LABELS[reason] ?? reason : '';
}

function names(change: 'added' | 'removed', noun: 'tag' | 'assignee', list: string[]): string | null {
  if (!list.length) return null;
  const values = { count: list.length, names: list.join(', ') };
  if (noun === 'tag') return change === 'added' ? i18n.translate('siemInvestigations.case.activity.addedTags', { defaultMessage: 'added {count, plural, one {tag} other {tags}} {names}', values: { ...values } }) : i18n.translate('siemInvestigations.case.activity.removedTags', { defaultMessage: 'removed {count, plural, one {tag} other {tags}} {names}', values: { ...values } });
  return change === 'added' ? i18n.translate('siemInvestigations.case.activity.addedAssignees', { defaultMessage: 'added {count, plural, one {assignee} other {assignees}} {names}', values: { ...values } }) : i18n.translate('siemInvestigations.case.activity.removedAssignees', { defaultMessage: 'removed {count, plural, one {assignee} other {assignees}} {names}', values: { ...values } });
}

/** One line of the activity log, in words ("changed status from Open to Closed (True positive)"). */
export function describeActivity(a: CaseActivity): string {
  switch (a.action) {
    case 'created':
      return i18n.translate('siemInvestigations.case.activity.created', { defaultMessage: 'created the case' });
    case 'title_changed':
      return i18n.translate('siemInvestigations.case.activity.renamed', { defaultMessage: 'renamed the case from "{from}" to "{to}"', values: { from: a.from, to: a.to } });
    case 'description_changed':
      return i18n.translate('siemInvestigations.case.activity.descriptionEdited', { defaultMessage: 'edited the description' });
    case 'status_changed': {
      const values = { from: STATUS_LABELS[a.from] ?? a.from, to: STATUS_LABELS[a.to] ?? a.to };
      return a.closeReason
        ? i18n.translate('siemInvestigations.case.activity.statusChangedWithReason', { defaultMessage: 'changed status from {from} to {to} ({reason})', values: { ...values, reason: closeReason(a.closeReason) } })
        : i18n.translate('siemInvestigations.case.activity.statusChanged', { defaultMessage: 'changed status from {from} to {to}', values: { ...values } });
    }
    case 'close_reason_changed':
      return i18n.translate('siemInvestigations.case.activity.closeReasonChanged', { defaultMessage: 'changed the close reason from {from} to {to}', values: { from: closeReason(a.from), to: closeReason(a.to) } });
    case 'severity_changed':
      return i18n.translate('siemInvestigations.case.activity.severityChanged', { defaultMessage: 'changed severity from {from} to {to}', values: { from: SEVERITY_LABELS[a.from] ?? a.from, to: SEVERITY_LABELS[a.to] ?? a.to } });
    case 'tags_changed':
    case 'assignees_changed': {
      const noun = a.action === 'tags_changed' ? 'tag' : 'assignee';
      const text =
        [names('added', noun, a.added), names('removed', noun, a.removed)].filter(Boolean).join('; ') ||
        (noun === 'tag' ? i18n.translate('siemInvestigations.case.activity.tagsChanged', { defaultMessage: 'changed tags' }) : i18n.translate('siemInvestigations.case.activity.assigneesChanged', { defaultMessage: 'changed assignees' }));
      return a.more ? i18n.translate('siemInvestigations.case.activity.andMore', { defaultMessage: '{text} (and {more, number} more)', values: { text, more: a.more } }) : text;
    }
    case 'attachment_added':
      return a.attachmentType === 'finding'
        ? i18n.translate('siemInvestigations.case.activity.attachedFinding', { defaultMessage: 'attached finding "{title}"', values: { title: a.title } })
        : i18n.translate('siemInvestigations.case.activity.attachedEvent', { defaultMessage: 'attached event "{title}"', values: { title: a.title } });
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
    case 'case_merged':
      return i18n.translate('siemInvestigations.case.activity.caseMerged', {
        defaultMessage: 'merged {case} "{title}" into this case ({attachments, number} attachments, {duplicates, number} already attached, {comments, number} comments)',
        values: { case: a.reference ?? a.caseId, title: a.title, attachments: a.attachments, duplicates: a.duplicates, comments: a.comments },
      });
    case 'merged_into':
      return i18n.translate('siemInvestigations.case.activity.mergedInto', { defaultMessage: 'merged this case into {case} "{title}"', values: { case: a.reference ?? a.caseId, title: a.title } });
    default:
      // A newer server may log actions this browser code does not know yet.
      return String((a as { action: unknown }).action).replace(/_/g, ' ');
  }
}
