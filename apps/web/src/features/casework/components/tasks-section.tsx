import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createTaskBodySchema, type CaseTask, type CaseTaskList } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateJst } from '../../../lib/format';
import { fieldMessage, langOf, problemMessage, type Lang } from '../../../lib/form-errors';
import { caseworkKeys, createTask, setTaskStatus, useCaseTasks } from '../api/casework';
import { useContractForm } from '../../../lib/use-contract-form';

interface TaskValues {
  title: string;
  checklistKey: string;
  assigneeUserId: string;
  dueMode: 'days' | 'date';
  businessDays: string;
  dueOn: string;
}

/** How far a deadline is, in business days, in words (never colour alone). */
export function DueState({ task }: { task: CaseTask }) {
  const { t } = useTranslation('casework');
  if (task.status === 'done') return <span>{t('tasks.done')}</span>;
  if (task.overdue)
    return (
      <span className="font-bold text-error">
        <span aria-hidden="true">⚠ </span>
        {t('tasks.overdueBy', { count: Math.max(1, -task.businessDaysLeft) })}
      </span>
    );
  if (task.businessDaysLeft === 0) return <span className="font-bold">{t('tasks.dueToday')}</span>;
  return <span>{t('tasks.daysLeft', { count: task.businessDaysLeft })}</span>;
}

function TaskForm({ caseId, list, lang }: { caseId: string; list: CaseTaskList; lang: Lang }) {
  const { t } = useTranslation('casework');
  const queryClient = useQueryClient();
  const { form, submit, result } = useContractForm<TaskValues, typeof createTaskBodySchema>({
    schema: createTaskBodySchema,
    defaults: { title: '', checklistKey: '', assigneeUserId: '', dueMode: 'days', businessDays: '5', dueOn: '' },
    fields: ['title', 'checklistKey', 'assigneeUserId', 'businessDays', 'dueOn'] as const,
    toBody: (v: TaskValues) => ({
      title: v.title,
      ...(v.checklistKey ? { checklistKey: v.checklistKey } : {}),
      ...(v.assigneeUserId ? { assigneeUserId: v.assigneeUserId } : {}),
      ...(v.dueMode === 'days'
        ? { businessDays: v.businessDays.trim() === '' ? Number.NaN : Number(v.businessDays.normalize('NFKC')) }
        : { dueOn: v.dueOn || undefined }),
    }),
    send: async (body) => {
      const task = await createTask(caseId, body);
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.tasks(caseId) }, { cancelRefetch: false });
      return t('tasks.saved', { due: formatDateJst(task.dueOn, lang) });
    },
  });
  const mode = useWatch({ control: form.control, name: 'dueMode' });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="grid grid-cols-1 gap-3" aria-label={t('tasks.submit')}>
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      {list.checklist.length > 0 ? (
        <div>
          <p className="font-bold">{t('tasks.checklist')}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {list.checklist.map((c) => (
              <li key={c.key}>
                {c.taskExists ? (
                  <span className="inline-flex min-h-11 items-center rounded-8 bg-key-light px-3 text-sm">
                    <span aria-hidden="true">✓ </span>
                    {c.label[lang]}（{t('tasks.checklistDone')}）
                  </span>
                ) : (
                  <Button
                    variant="secondary"
                    className="!min-h-11 !px-3 text-sm"
                    onClick={() => {
                      form.setValue('title', c.label[lang]);
                      form.setValue('checklistKey', c.key);
                      form.setValue('dueMode', 'days');
                      form.setValue('businessDays', String(c.businessDays));
                      form.setFocus('title');
                    }}
                  >
                    {c.label[lang]}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[2fr_1fr]">
        <TextField label={t('tasks.title')} required registration={form.register('title')} error={fieldMessage(e.title?.message, lang)} />
        <SelectField
          label={t('tasks.assignee')}
          registration={form.register('assigneeUserId')}
          error={fieldMessage(e.assigneeUserId?.message, lang)}
        >
          <option value="">{t('tasks.noAssignee')}</option>
          {list.assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <SelectField label={t('tasks.dueMode')} registration={form.register('dueMode')}>
          <option value="days">{t('tasks.dueModeDays')}</option>
          <option value="date">{t('tasks.dueModeDate')}</option>
        </SelectField>
        {mode === 'days' ? (
          <TextField
            label={t('tasks.businessDays')}
            inputMode="numeric"
            required
            registration={form.register('businessDays')}
            error={fieldMessage(e.businessDays?.message, lang)}
          />
        ) : (
          <TextField
            label={t('tasks.dueOn')}
            type="date"
            required
            registration={form.register('dueOn')}
            error={fieldMessage(e.dueOn?.message, lang)}
          />
        )}
      </div>
      <div>
        <Button type="submit" busy={form.formState.isSubmitting}>
          {t('tasks.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Tasks of a case: table (due, state, assignee), complete / reopen, and the add form with the stage checklist. */
export function TasksSection({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('casework');
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const tasks = useCaseTasks(caseId, true);
  if (tasks.isPending) return <Loading />;
  if (tasks.isError) return <ErrorNotice message={problemMessage(tasks.error, lang)} onRetry={() => void tasks.refetch()} />;
  const list = tasks.data;
  const toggle = (task: CaseTask) =>
    void setTaskStatus(caseId, task.id, task.status === 'open' ? 'done' : 'open').then(() =>
      queryClient.invalidateQueries({ queryKey: caseworkKeys.tasks(caseId) }, { cancelRefetch: false }),
    );
  return (
    <div className="grid grid-cols-1 gap-4">
      <p className="text-sm text-ink-sub">
        {t('tasks.lead')} {t('tasks.today', { date: formatDateJst(list.today, lang) })}
      </p>
      {list.items.length === 0 ? (
        <p className="text-ink-sub">{t('tasks.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-sm">
            <caption className="sr-only">{t('tasks.heading')}</caption>
            <thead>
              <tr className="border-b-2 border-line text-left">
                <th scope="col" className="py-1 pr-2">
                  {t('tasks.title')}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t('tasks.assignee')}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t('tasks.due')}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t('tasks.status')}
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">{t('tasks.complete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((task) => (
                <tr key={task.id} className={`border-b border-line-light ${task.status === 'done' ? 'text-ink-sub' : ''}`}>
                  <td className="py-1 pr-2">{task.status === 'done' ? <s>{task.title}</s> : task.title}</td>
                  <td className="py-1 pr-2">{task.assigneeName ?? t('tasks.noAssignee')}</td>
                  <td className="py-1 pr-2 tabular-nums whitespace-nowrap">{formatDateJst(task.dueOn, lang)}</td>
                  <td className="py-1 pr-2">
                    <DueState task={task} />
                  </td>
                  <td className="py-1 text-right">
                    {list.abilities.write ? (
                      <Button
                        variant="text"
                        onClick={toggle.bind(null, task)}
                        aria-label={t(task.status === 'open' ? 'tasks.completeLabel' : 'tasks.reopenLabel', { title: task.title })}
                      >
                        {t(task.status === 'open' ? 'tasks.complete' : 'tasks.reopen')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.abilities.write ? (
        <div className="rounded-8 border border-line-light p-4">
          <TaskForm caseId={caseId} list={list} lang={lang} />
        </div>
      ) : null}
    </div>
  );
}
