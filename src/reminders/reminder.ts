import type { Lang } from '../i18n/language';
import type { CollectionIndex } from '../storage/store';
import { conversationScope } from '../turn';

/**
 * A reminder's life: `pending` until due; `sending` once one instance has claimed it with a
 * lease and recorded its intent to post (one conditional write); then `sent`. People can end it
 * (`done`, `cancelled`) or re-arm it (snooze, extend). `failed` is shown in the list with its reason.
 */
export type ReminderState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'done';

/** Why a delivery failed for good, so the list can say what to do about it. */
export type FailureReason = 'removed' | 'notFound' | 'gaveUp';

/** The cutover a waiting-period reminder is about. */
export interface CutoverFacts {
  planId: string;
  cmgName: string;
  oldServiceName: string;
  newServiceName: string;
}

/** The certificate an expiry reminder is about (from a certificate or endpoint check). */
export interface ExpiryFacts {
  /** The certificate's common name (or the checked service name when it has none). */
  name: string;
  /** SHA-256 fingerprint, so the same certificate is never scheduled twice in a conversation. */
  fingerprint256: string;
  /** The certificate's notAfter (ISO 8601 UTC). */
  validTo: string;
  /** 30 or 7: how long before expiry this reminder arrives. */
  daysBefore: number;
}

export interface Reminder {
  id: string;
  /**
   * The short id people see and type ("BXKQ"): stable for the reminder's whole life, unique in its
   * conversation, never a number, so it cannot be mistaken for a position in a list. Reminders
   * stored before codes existed get one derived from their id (see reminderCode.ts).
   */
  code?: string;
  /** Where it is delivered: the conversation it was set in (in a channel, that thread). */
  conversationId: string;
  /**
   * A cutover's waiting period (scheduled automatically), a certificate's expiry (from a check), a
   * person's own request, or a waiting plan's nudge or escalation (the cutover capability writes
   * their card when they fall due; people never list or change them).
   */
  kind: 'waitingPeriod' | 'request' | 'expiry' | 'approvalNudge' | 'approvalEscalation';
  cutover?: CutoverFacts;
  /** The plan a nudge or escalation is about. */
  followUp?: { planId: string };
  expiry?: ExpiryFacts;
  /** What the person asked to be reminded of (their words; shown as plain text). */
  note?: string;
  lang: Lang;
  /** IANA zone in which times are shown; UTC when unknown. */
  timezone?: string;
  requestedBy?: { name?: string; aadObjectId?: string };
  createdAt: string;
  /** When it should arrive (ISO 8601 UTC). */
  dueAt: string;
  state: ReminderState;
  /**
   * Increases every time the reminder is (re-)armed. With the id it forms the delivery key, so a
   * snoozed reminder is a new delivery while a retried one is the same delivery.
   */
  round: number;
  /** Failed attempts of this round (throttling is counted apart). */
  attempts: number;
  throttles: number;
  /** Earliest time of the next attempt after a failure. */
  retryAt?: string;
  lease?: { owner: string; until: string };
  /** Set when an instance found this reminder `sending` under an expired lease. */
  inDoubt?: boolean;
  activityId?: string;
  sentAt?: string;
  /** How late the last delivery was, in milliseconds (the bot was down at the due time). */
  lateMs?: number;
  failure?: { reason: FailureReason; status?: number; detail: string; at: string };
  closedBy?: { name?: string; at: string };
}

export const REMINDER_COLLECTION = 'reminders';

/** Key of the one waiting-period reminder of a cutover plan, so scheduling twice is harmless. */
export const waitingPeriodKey = (planId: string): string => `plan-${planId}`;

/** Key of a plan's nudge (repeated, one round per interval) or its one escalation. */
export const followUpKey = (planId: string, kind: 'nudge' | 'escalation'): string => `${kind}-${planId}`;

/** Nudges and escalations are the cutover's own follow-ups, not reminders people set or see in their list. */
export const isFollowUp = (reminder: Pick<Reminder, 'kind'>): boolean => reminder.kind === 'approvalNudge' || reminder.kind === 'approvalEscalation';

export const deliveryKeyOf = (reminder: Pick<Reminder, 'id' | 'round'>): string => `${reminder.id}#${reminder.round}`;

/** Still going to arrive (or arriving right now). */
export const isActive = (reminder: Reminder): boolean => reminder.state === 'pending' || reminder.state === 'sending';

const DAY_MS = 24 * 60 * 60_000;

/** When a reminder ended: delivered, closed by someone, or given up. */
export function finishedAt(reminder: Reminder): string {
  return reminder.closedBy?.at ?? reminder.sentAt ?? reminder.failure?.at ?? reminder.dueAt;
}

/**
 * The store indexes a reminder by the next moment someone must look at it: its due time (or
 * retry time) while pending, its lease expiry while being sent, and, once finished, the moment
 * its retention ends and the scheduler deletes it (none with a retention of 0). Finished
 * reminders thus stay out of the due query until they are to go, and a conversation's
 * partition only holds what the list can still show.
 */
export function reminderIndex(retentionDays: number): CollectionIndex<Reminder> {
  return {
    // A channel's threads share one list (see conversationScope): the partition is the scope.
    partitionOf: (reminder) => conversationScope(reminder.conversationId),
    dueOf: (reminder) => {
      switch (reminder.state) {
        case 'pending':
          return reminder.retryAt && reminder.retryAt > reminder.dueAt ? reminder.retryAt : reminder.dueAt;
        case 'sending':
          return reminder.lease?.until ?? reminder.dueAt;
        default:
          return retentionDays > 0 ? new Date(Date.parse(finishedAt(reminder)) + retentionDays * DAY_MS).toISOString() : undefined;
      }
    },
  };
}
