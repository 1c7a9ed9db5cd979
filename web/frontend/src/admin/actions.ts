// Declared record actions (GET /api/modules): offered, confirmed, asked for and called the same way for every module.
import { reactive } from 'vue';
import { request, type ActionMeta } from './meta';
import { confirm, reveal, toast, toastError, fieldErrors } from './ui';

/** Whether the action applies to the record now (e.g. release only a bound terminal, a transition only in its states). */
export function offered(action: ActionMeta, record: Record<string, unknown>): boolean {
  const w = action.when;
  if (!w) return true;
  const v = record[w.field];
  if (w.present && (v === null || v === undefined || v === '')) return false;
  if (w.in && !w.in.includes(String(v))) return false;
  return true;
}

const urlOf = (action: ActionMeta, record: { id: number }) => action.path.replace(/\{id\}/g, encodeURIComponent(String(record.id)));

/** The action dialog's state: open while an action with inputs is being filled in. */
export const actionDialog = reactive({
  open: false,
  action: null as ActionMeta | null,
  record: {} as Record<string, unknown> & { id: number },
  subject: '',
  submit: async (_values: Record<string, unknown>): Promise<Record<string, string> | null> => null,
});

async function send(action: ActionMeta, record: { id: number }, body: Record<string, unknown>, subject: string): Promise<unknown> {
  const answer = await request<unknown>(action.method, urlOf(action, record), action.method === 'DELETE' ? undefined : body);
  toast(`${action.label}成功`);
  if (action.reveal) reveal(action.reveal, answer, subject);
  return answer;
}

/** Runs an action on a record; resolves true when it ran. `subject` names the record in dialogs. */
export function runAction(action: ActionMeta, record: Record<string, unknown> & { id: number }, subject: string): Promise<boolean> {
  if (!action.input.length) {
    return (async () => {
      if (!(await confirm(action.confirm ?? `确定${action.label}吗？`, { title: action.label, okText: action.label, danger: action.danger ?? false }))) return false;
      try {
        await send(action, record, {}, subject);
        return true;
      } catch (err) {
        toastError(err, `${action.label}失败`);
        return false;
      }
    })();
  }
  return new Promise((resolve) => {
    Object.assign(actionDialog, {
      open: true,
      action,
      record,
      subject,
      submit: async (values: Record<string, unknown>) => {
        if (action.confirm && !(await confirm(action.confirm, { title: action.label, okText: action.label, danger: action.danger ?? false }))) return {};
        try {
          const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
          await send(action, record, body, subject);
          actionDialog.open = false;
          resolve(true);
          return null;
        } catch (err) {
          const fields = fieldErrors(err);
          if (!fields) toastError(err, `${action.label}失败`);
          return fields ?? { '': err instanceof Error ? err.message : String(err) };
        }
      },
    });
  });
}
