import type { Collection, Store, StoredItem } from '../storage/store';
import { isActive, isFollowUp, Reminder, REMINDER_COLLECTION, reminderIndex } from './reminder';

/** Finished reminders the list still shows (most recent first), so a sent or done one does not vanish at once. */
const FINISHED_SHOWN = 5;

export type ChangeOutcome = { status: 'ok' | 'unchanged'; reminder: Reminder } | { status: 'notFound' };

/** The reminders collection: per-conversation lists, the due index, and conflict-safe changes. */
export class ReminderBook {
  readonly collection: Collection<Reminder>;

  constructor(store: Store, retentionDays: number) {
    this.collection = store.collection<Reminder>(REMINDER_COLLECTION, reminderIndex(retentionDays));
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
   * Every reminder the conversation's scope still has (finished ones until their retention ends):
   * in a channel, those set in any of its threads. Reminders stored before scopes existed sit in
   * their thread's own partition until their next write; the thread asked from still finds them.
   * A plan's nudges are not people's reminders and are left out.
   */
  async all(conversation: { id: string; scopeId: string }): Promise<Reminder[]> {
    const partitions = conversation.id === conversation.scopeId ? [conversation.scopeId] : [conversation.scopeId, conversation.id];
    const items = (await Promise.all(partitions.map((partition) => this.collection.listByPartition(partition)))).flat();
    return [...new Map(items.map((item) => [item.key, item.value])).values()].filter((reminder) => !isFollowUp(reminder));
  }

  /**
   * What the list shows, in its order: upcoming and undelivered reminders by due time, then the
   * few most recently finished ones.
   */
  async listed(conversation: { id: string; scopeId: string }): Promise<Reminder[]> {
    const all = await this.all(conversation);
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
    const outcome = await this.collection.change(id, change);
    switch (outcome.status) {
      case 'ok':
      case 'unchanged':
        return { status: outcome.status, reminder: outcome.item.value };
      case 'notFound':
        return outcome;
      case 'tooManyConflicts':
        throw new Error(`Reminder ${id} keeps changing under us`);
    }
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
