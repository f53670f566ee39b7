import { CaseActivity } from '../../../common/case_types';
import { CaseTask, CloseFieldDefinition, CloseFieldValues } from '../../../common/case_template_types';
import { ValidationError } from '../../lib/validation';
import { deriveCaseTimes } from '../case_times';
import { CaseAttributes } from '../types';
import { parseCloseField } from './template_model';

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
type WorkflowFields = Pick<
  CaseAttributes,
  'templateId' | 'templateName' | 'tasks' | 'closeFields' | 'closeFieldValues' | 'acknowledgedAt' | 'timeToAcknowledgeMs' | 'timeToCloseMs'
>;

/**
 * The template, task, close-field and time fields of a stored case. Cases saved before they
 * existed have none (no tasks, no close fields, times derived from the activity log); damaged
 * items are left out and noted, like the rest of repair.ts.
 */
export function repairWorkflowFields(
  a: Rec,
  base: Pick<CaseAttributes, 'createdAt' | 'status' | 'closedAt' | 'assignees'>,
  activity: readonly CaseActivity[],
  note: (problem: string) => void
): WorkflowFields {
  const tasks: CaseTask[] = [];
  if (Array.isArray(a.tasks)) {
    a.tasks.forEach((t, i) => {
      if (!isRecord(t) || typeof t.title !== 'string' || typeof t.done !== 'boolean') return note('an unreadable task was left out');
      tasks.push({
        id: typeof t.id === 'string' ? t.id : `task-${i}`,
        title: t.title,
        ...(typeof t.assignee === 'string' && t.assignee ? { assignee: t.assignee } : {}),
        done: t.done,
        ...(t.done && typeof t.doneAt === 'string' ? { doneAt: t.doneAt } : {}),
        ...(t.done && typeof t.doneBy === 'string' ? { doneBy: t.doneBy } : {}),
      });
    });
  }
  const closeFields: CloseFieldDefinition[] = [];
  if (Array.isArray(a.closeFields)) {
    a.closeFields.forEach((f, i) => {
      try {
        const field = parseCloseField(f, `closeFields[${i}]`);
        if (!closeFields.some((c) => c.key === field.key)) closeFields.push(field);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        note('an unreadable required close field was left out');
      }
    });
  }
  const closeFieldValues: CloseFieldValues = {};
  if (isRecord(a.closeFieldValues)) {
    for (const [k, v] of Object.entries(a.closeFieldValues)) if (typeof v === 'string' || typeof v === 'boolean') closeFieldValues[k] = v;
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  const times =
    typeof a.acknowledgedAt === 'string' || a.timeToCloseMs !== undefined || a.acknowledgedAt === null
      ? { acknowledgedAt: typeof a.acknowledgedAt === 'string' ? a.acknowledgedAt : null, timeToAcknowledgeMs: num(a.timeToAcknowledgeMs), timeToCloseMs: num(a.timeToCloseMs) }
      : deriveCaseTimes(base, activity);
  return {
    templateId: typeof a.templateId === 'string' ? a.templateId : null,
    templateName: typeof a.templateName === 'string' ? a.templateName : null,
    tasks,
    closeFields,
    closeFieldValues,
    ...times,
  };
}

/** The list's time fields (summary read: no activity log, so none for cases never written since). */
export function repairSummaryTimes(a: Rec): Pick<CaseAttributes, 'acknowledgedAt' | 'timeToAcknowledgeMs' | 'timeToCloseMs'> {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  return { acknowledgedAt: typeof a.acknowledgedAt === 'string' ? a.acknowledgedAt : null, timeToAcknowledgeMs: num(a.timeToAcknowledgeMs), timeToCloseMs: num(a.timeToCloseMs) };
}
