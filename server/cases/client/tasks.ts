import { Case, CASE_LIMITS, CaseActivity } from '../../../common/case_types';
import { AddCaseTaskRequest, CASE_TEMPLATE_LIMITS, CaseTask, UpdateCaseTaskRequest } from '../../../common/case_template_types';
import { clipText } from '../../lib/bounds';
import { badRequest, notFound } from '../../lib/errors';
import { Actor, CaseAttributes } from '../types';
import { recordChanges } from './activity';
import { changeWithRetry } from './change';
import { view } from './view';
import { CasesClientArgs } from './types';

/**
 * Tasks live in the case document (at most CASE_TEMPLATE_LIMITS.tasks): a task change is a
 * read → modify → write with the version just read, retried on a conflict (change.ts), so two
 * analysts ticking tasks at once both keep their change. A request says the state wanted
 * (`done: true`), not "toggle", so a retry re-applies the same intent to the fresh case.
 */
type Changed = { attributes: CaseAttributes; entries: CaseActivity[] };

const short = (s: string) => clipText(s, CASE_LIMITS.activityValueLength);

export function appendTask(current: CaseAttributes, task: { id: string } & AddCaseTaskRequest, actor: Actor): Changed {
  if (current.tasks.length >= CASE_TEMPLATE_LIMITS.tasks) {
    throw badRequest(`The case already has ${current.tasks.length} tasks (limit ${CASE_TEMPLATE_LIMITS.tasks}); the task was not added`);
  }
  const added: CaseTask = { id: task.id, title: task.title, ...(task.assignee ? { assignee: task.assignee } : {}), done: false };
  return recordChanges(current, { tasks: [...current.tasks, added] }, [{ action: 'task_added', taskId: task.id, title: short(task.title) }], actor);
}

/** The case with the task set as asked, or `null` if it already is. */
export function changeTask(current: CaseAttributes, taskId: string, request: UpdateCaseTaskRequest, actor: Actor): Changed | null {
  const task = current.tasks.find((t) => t.id === taskId);
  if (!task) throw notFound(`The case has no task ${taskId}`);
  const next: CaseTask = { ...task };
  const change: { done?: boolean; assignee?: string | null } = {};
  if (request.done !== undefined && request.done !== task.done) {
    next.done = request.done;
    if (request.done) Object.assign(next, { doneAt: actor.at, doneBy: actor.by });
    else {
      delete next.doneAt;
      delete next.doneBy;
    }
    change.done = request.done;
  }
  if (request.assignee !== undefined && (request.assignee ?? undefined) !== task.assignee) {
    if (request.assignee) next.assignee = request.assignee;
    else delete next.assignee;
    change.assignee = request.assignee ? short(request.assignee) : null;
  }
  if (Object.keys(change).length === 0) return null;
  return recordChanges(
    current,
    { tasks: current.tasks.map((t) => (t.id === taskId ? next : t)) },
    [{ action: 'task_changed', taskId, title: short(task.title), ...change }],
    actor
  );
}

export async function addTask(args: CasesClientArgs, id: string, request: AddCaseTaskRequest): Promise<Case> {
  const task = { id: args.newId(), ...request };
  return view(args, await changeWithRetry(args, id, (current, actor) => appendTask(current, task, actor)), { recounted: true });
}

export async function updateTask(args: CasesClientArgs, id: string, taskId: string, request: UpdateCaseTaskRequest): Promise<Case> {
  return view(args, await changeWithRetry(args, id, (current, actor) => changeTask(current, taskId, request, actor)), { recounted: true });
}
