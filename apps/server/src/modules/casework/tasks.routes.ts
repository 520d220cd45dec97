import {
  caseIdParamsSchema,
  caseTaskListSchema,
  councilSlugParamsSchema,
  createTaskBodySchema,
  overdueTaskListSchema,
  taskIdParamsSchema,
  taskSchema,
  updateTaskBodySchema,
} from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { TasksService } from './tasks.service';

export interface TasksRouteDeps {
  readonly tasks: TasksService;
}

const route = routesFor<TasksRouteDeps>();

export const tasksRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/tasks',
    operationId: 'listCaseTasks',
    summary: 'Tasks of a case with the checklist of its stage and the assignable case workers (council only)',
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'Tasks, open first by due date', schema: caseTaskListSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.tasks.list(actor, params.caseId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/tasks',
    operationId: 'createCaseTask',
    summary: 'Add a task: due in N business days (weekends and national holidays skipped) or on a date',
    description: 'With an assignee, a reminder mail goes out `remindBusinessDaysBefore` business days before the due date.',
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createTaskBodySchema,
    success: { status: 201, description: 'The task', schema: taskSchema },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.tasks.create(actor, params.caseId, body),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/cases/{caseId}/tasks/{taskId}',
    operationId: 'updateCaseTask',
    summary: 'Complete or reopen a task',
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: taskIdParamsSchema,
    body: updateTaskBodySchema,
    success: { status: 200, description: 'The task', schema: taskSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params, body }, { deps, actor }) => deps.tasks.update(actor, params.caseId, params.taskId, body.status),
  }),
  route({
    method: 'GET',
    path: '/api/v1/councils/{councilId}/overdue-tasks',
    operationId: 'listOverdueTasks',
    summary: 'The council’s overdue list: open tasks past their due date, most overdue first',
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: councilSlugParamsSchema,
    success: { status: 200, description: 'Overdue tasks', schema: overdueTaskListSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.tasks.overdue(actor, params.councilId),
  }),
];
