import { i18n } from '@osd/i18n';
import React, { useCallback, useState } from 'react';
import {
  EuiButtonEmpty,
  EuiCheckbox,
  EuiDescriptionList,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiNotificationBadge,
  EuiPanel,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import { Case, CloseReason } from '../../common/case_types';
import { CASE_TEMPLATE_LIMITS, CaseTask, CaseTimes, CloseFieldValues, UpdateCaseTaskRequest } from '../../common/case_template_types';
import { formatTime } from '../shared/format';
import { SectionTitle } from '../shared/section_title';
import { useAppServices } from '../services/app_services';
import { errorMessage, errorStatus } from '../services/http_error';
import { CaseEditor } from './use_case_editor';

/** Changes to a case's tasks and its close with required fields; each answers the whole case. */
export function useCaseWorkflow(editor: CaseEditor) {
  const { api, core } = useAppServices();
  const id = editor.case?.id;
  const run = useCallback(
    async (title: string, call: () => Promise<Case>) => {
      try {
        editor.apply(await call());
        return true;
      } catch (e) {
        const status = errorStatus(e);
        core.notifications.toasts.addDanger({
          title,
          text: status === 409 ? i18n.translate('siemInvestigations.cases.tasks.conflict', { defaultMessage: 'Someone else changed the case meanwhile: it was reloaded, check it and try again.' }) : errorMessage(e),
        });
        if (status === 409) void editor.reload();
        return false;
      }
    },
    [core, editor]
  );
  return {
    setTask: (taskId: string, change: UpdateCaseTaskRequest) => id && run(i18n.translate('siemInvestigations.cases.tasks.changeError', { defaultMessage: 'Could not change the task' }), () => api.updateCaseTask(id, taskId, change)),
    addTask: (title: string) => (id ? run(i18n.translate('siemInvestigations.cases.tasks.addError', { defaultMessage: 'Could not add the task' }), () => api.addCaseTask(id, { title })) : Promise.resolve(false)),
    closeWithFields: (reason: CloseReason, values: CloseFieldValues) =>
      editor.case && run(i18n.translate('siemInvestigations.cases.tasks.closeError', { defaultMessage: 'Could not close the case' }), () => api.updateCase(editor.case!.id, { version: editor.case!.version, status: 'closed', closeReason: reason, closeFieldValues: values })),
  };
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Time to acknowledge and to close, for the case's details. */
export function CaseTimesList({ times }: { times: CaseTimes }) {
  return (
    <EuiDescriptionList
      compressed
      type="column"
      data-test-subj="caseTimes"
      listItems={[
        {
          title: i18n.translate('siemInvestigations.cases.times.toAcknowledge', { defaultMessage: 'Time to acknowledge' }),
          description:
            times.timeToAcknowledgeMs !== undefined
              ? `${formatDuration(times.timeToAcknowledgeMs)} (${formatTime(times.acknowledgedAt)})`
              : i18n.translate('siemInvestigations.cases.times.notAcknowledged', { defaultMessage: 'not acknowledged yet' }),
        },
        {
          title: i18n.translate('siemInvestigations.cases.times.toClose', { defaultMessage: 'Time to close' }),
          description: times.timeToCloseMs !== undefined ? formatDuration(times.timeToCloseMs) : i18n.translate('siemInvestigations.cases.times.open', { defaultMessage: 'open' }),
        },
      ]}
    />
  );
}

function TaskRow({ task, canSave, onChange }: { task: CaseTask; canSave: boolean; onChange(change: UpdateCaseTaskRequest): void }) {
  return (
    <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} data-test-subj="caseTask">
      <EuiFlexItem>
        <EuiCheckbox
          id={`task-${task.id}`}
          label={<span style={{ textDecoration: task.done ? 'line-through' : undefined, overflowWrap: 'anywhere' }}>{task.title}</span>}
          checked={task.done}
          disabled={!canSave}
          onChange={(e) => onChange({ done: e.target.checked })}
          data-test-subj="caseTaskCheckbox"
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiText size="xs" color="subdued" data-test-subj="caseTaskMeta">
          {[task.assignee ? `@${task.assignee}` : '', task.done && task.doneBy
              ? i18n.translate('siemInvestigations.cases.tasks.doneBy', { defaultMessage: 'done by {user}, {time}', values: { user: task.doneBy, time: formatTime(task.doneAt) } })
              : ''].filter(Boolean).join(' · ')}
        </EuiText>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

/** The case's task checklist: tick tasks off (the server records who and when), add one. */
export function CaseTasksPanel({ editor }: { editor: CaseEditor }) {
  const c = editor.case!;
  const workflow = useCaseWorkflow(editor);
  const [title, setTitle] = useState('');
  const done = c.tasks.filter((t) => t.done).length;
  const full = c.tasks.length >= CASE_TEMPLATE_LIMITS.tasks;
  return (
    <EuiPanel paddingSize="l" data-test-subj="caseTasks">
      <SectionTitle>
        {i18n.translate('siemInvestigations.cases.tasks.title', { defaultMessage: 'Tasks' })}{' '}
        <EuiNotificationBadge color="subdued">
          {done}/{c.tasks.length}
        </EuiNotificationBadge>
      </SectionTitle>
      <EuiSpacer size="s" />
      {c.tasks.length === 0 && (
        <EuiText size="s" color="subdued">
          <p>{i18n.translate('siemInvestigations.cases.tasks.none', { defaultMessage: 'No tasks. Cases made from a template start with its checklist.' })}</p>
        </EuiText>
      )}
      {c.tasks.map((t) => (
        <TaskRow key={t.id} task={t} canSave={editor.canSave} onChange={(change) => void workflow.setTask(t.id, change)} />
      ))}
      {editor.canSave && !full && (
        <>
          <EuiSpacer size="s" />
          <EuiForm
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (title.trim()) void workflow.addTask(title.trim()).then((ok) => ok && setTitle(''));
            }}
          >
            <EuiFlexGroup gutterSize="s" responsive={false}>
              <EuiFlexItem>
                <EuiFieldText
                  compressed
                  placeholder={i18n.translate('siemInvestigations.cases.tasks.newPlaceholder', { defaultMessage: 'Add a task' })}
                  aria-label={i18n.translate('siemInvestigations.cases.tasks.newLabel', { defaultMessage: 'New task' })}
                  value={title}
                  maxLength={CASE_TEMPLATE_LIMITS.taskTitleLength}
                  onChange={(e) => setTitle(e.target.value)}
                  data-test-subj="caseNewTask"
                />
              </EuiFlexItem>
              <EuiFlexItem grow={false}>
                <EuiButtonEmpty size="s" type="submit" iconType="plusInCircle" isDisabled={!title.trim()} data-test-subj="caseAddTask">
                  {i18n.translate('siemInvestigations.cases.tasks.add', { defaultMessage: 'Add' })}
                </EuiButtonEmpty>
              </EuiFlexItem>
            </EuiFlexGroup>
          </EuiForm>
        </>
      )}
      {full && (
        <EuiText size="xs" color="subdued">
          <p>
            {i18n.translate('siemInvestigations.cases.tasks.full', { defaultMessage: 'The case has {limit} tasks, the most it can hold.', values: { limit: CASE_TEMPLATE_LIMITS.tasks } })}
          </p>
        </EuiText>
      )}
      <EuiSpacer size="m" />
      <CaseTimesList times={c.times} />
    </EuiPanel>
  );
}
