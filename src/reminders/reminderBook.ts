import type { Collection, Store, StoredItem } from '../storage/store';
import { isActive, Reminder, REMINDER_COLLECTION, reminderIndex } from './reminder';

/** Finished reminders the list still shows (most recent first), so a sent or done one does not vanish at once. */
const FINISHED_SHOWN = 5;

export type ChangeOutcome = { status: 'ok' | 'unchanged'; reminder: Reminder } | { status: 'notFound' };

/** The reminders collection: per-conversation lists, the due index, and conflict-safe changes. */
export class ReminderBook {
  readonly collection: Collection<Reminder>;

  constructor(store: Store) {
    this.collection = store.collection<Reminder>(REMINDER_COLLECTION, reminderIndex);
  }

  /** Create-only: a second call with the same id keeps the first reminder. */
  async add(reminder: Reminder): Promise<Reminder> {
    const outcome = await this.collection.create(reminder.id, reminder);
    if (outcome.status === 'ok') return reminder;
    if (outcome.status === 'conflict' && outcome.current) return outcome.current.value;
    throw new Error(`Could not store reminder ${reminder.id}`);
  }

  async get(id: string): Promise<StoredItem<Reminder> | undefined> {
    return this.collection.get(id);
  }

  /**
   * What the list shows, in the order its numbers refer to: upcoming and undelivered reminders by
   * due time, then the few most recently finished ones.
   */
  async listed(conversationId: string): Promise<Reminder[]> {
    const all = (await this.collection.listByPartition(conversationId)).map((item) => item.value);
    const open = all.filter((r) => isActive(r) || r.state === 'failed').sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
    const finished = all
      .filter((r) => !isActive(r) && r.state !== 'failed')
      .sort((a, b) => (b.sentAt ?? b.closedBy?.at ?? b.dueAt).localeCompare(a.sentAt ?? a.closedBy?.at ?? a.dueAt))
      .slice(0, FINISHED_SHOWN);
    return [...open, ...finished];
  }

  /**
   * Applies `change` to the stored reminder with optimistic concurrency, re-reading and retrying
   * when someone else (a person, another instance's scheduler) wrote in between. `change`
   * returns undefined to leave the reminder as it is.
   */
  async change(id: string, change: (current: Reminder) => Reminder | undefined): Promise<ChangeOutcome> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.collection.get(id);
      if (!current) return { status: 'notFound' };
      const next = change(current.value);
      if (!next) return { status: 'unchanged', reminder: current.value };
      const outcome = await this.collection.replace(id, next, current.version);
      if (outcome.status === 'ok') return { status: 'ok', reminder: next };
      if (outcome.status === 'notFound') return { status: 'notFound' };
    }
    throw new Error(`Reminder ${id} keeps changing under us`);
  }
}

/** Arms a reminder again for a new delivery at `dueAt` (snooze, extend, retry a failed one). */
export function rearm(reminder: Reminder, dueAt: Date): Reminder {
  return {
    ...reminder,
    state: 'pending',
    dueAt: dueAt.toISOString(),
    round: reminder.round + 1,
    attempts: 0,
    throttles: 0,
    retryAt: undefined,
    lease: undefined,
    inDoubt: undefined,
    activityId: undefined,
    lateMs: undefined,
    failure: undefined,
    closedBy: undefined,
  };
}
