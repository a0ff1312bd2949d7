import { Form } from '@remix-run/react';
import { Table } from '~/components/govuk/Table';
import { Tag } from '~/components/govuk/Tag';
import { formatDate } from '~/lib/uk';

export type OpenTask = { id: string; title: string; dueOn: string; ownerName: string | null };

/** Open tasks, soonest first, each with a "Mark as done" button that works without JavaScript. */
export function TaskList({ tasks, today, canComplete }: { tasks: readonly OpenTask[]; today: string; canComplete: boolean }) {
  if (tasks.length === 0) return <p className="mb-4">There are no open tasks.</p>;
  return (
    <Table
      caption="Open tasks, soonest first"
      captionIsVisuallyHidden
      firstCellIsHeader
      columns={[{ header: 'Task' }, { header: 'Due' }, { header: 'Owner' }, ...(canComplete ? [{ header: 'Action' }] : [])]}
      rows={tasks.map((task) => ({
        id: task.id,
        cells: [
          task.title,
          <span key="due">
            {formatDate(task.dueOn)} {task.dueOn < today ? <Tag colour="red">Overdue</Tag> : null}
          </span>,
          task.ownerName ?? 'Nobody yet',
          ...(canComplete
            ? [
                <Form key="done" method="post">
                  <input type="hidden" name="intent" value="completeTask" />
                  <input type="hidden" name="taskId" value={task.id} />
                  <button type="submit" className="text-brand underline">
                    Mark as done<span className="sr-only">: {task.title}</span>
                  </button>
                </Form>,
              ]
            : []),
        ],
      }))}
    />
  );
}
