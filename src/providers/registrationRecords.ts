import type { Collection, Store } from '../storage/store';
import type { CmgProvider, ProviderState } from './providerCheckResult';
import type { ArmProblemKind } from '../arm';
import { conversationScope } from '../turn';

/** A provider-check card we posted: where it is, so buttons on it can update it for everyone. */
export interface PostedCheckCard {
  conversationId: string;
  activityId: string;
  subscriptionId: string;
  /** The asker's language and time zone: background updates are written for them. */
  lang: 'en' | 'nl';
  timezone?: string;
  /** Personal chat with an administrator: the posted card itself may carry "Register missing". */
  showRegister: boolean;
  /** ISO-8601 UTC; the newest card of a conversation is its "latest provider check". */
  postedAt: string;
  /** Set while the card shows a failed check, so a reader's own view shows the same. */
  lastProblem?: ShownProblem;
  /**
   * The registration the card everyone gets last showed (running, or how it ended), so a reader's
   * own view shows the same outcome; cleared when a check result replaces the card.
   */
  lastRegistration?: ShownRegistration;
}

/** An ARM problem as a card showed it. */
export interface ShownProblem {
  kind: ArmProblemKind;
  retryAfterSeconds?: number;
  /** When Azure's wait ends (ISO-8601 UTC): a later view names the same time to try again. */
  retryAt?: string;
  permission?: string;
}

/** A registration as the card everyone gets last showed it. */
export interface ShownRegistration {
  registrationId: string;
  phase: 'running' | 'registered' | 'timedOut' | 'failed';
  startedByName: string;
  startedAt: string;
  namespaces: CmgProvider[];
  /** Why it stopped or what kept the poller from reading (a throttled Azure), if anything. */
  problem?: ShownProblem;
}

export interface Person {
  aadObjectId: string;
  name: string;
}

/** At most one registration per subscription: created only if absent, released when done. */
export interface RegistrationLock {
  registrationId: string;
  cardId: string;
  startedBy: Person;
  startedAt: string;
  namespaces: CmgProvider[];
  /** After this the lock counts as abandoned (e.g. the bot crashed mid-registration). */
  leaseUntil: string;
  /**
   * Set when a stopping bot handed the polling over: the next sweep of any instance resumes it.
   * Absent while a poller is following the registration.
   */
  pausedAt?: string;
}

export type RegistrationOutcome = 'running' | 'registered' | 'timedOut' | 'failed' | 'interrupted';

/** The audit trail: who registered what in which subscription, when, and how it ended. */
export interface RegistrationRecord {
  registrationId: string;
  subscriptionId: string;
  namespaces: CmgProvider[];
  requestedBy: Person;
  conversationId: string;
  startedAt: string;
  finishedAt?: string;
  outcome: RegistrationOutcome;
  problem?: ArmProblemKind;
  finalStates?: ProviderState[];
}

export interface RegistrationCollections {
  cards: Collection<PostedCheckCard>;
  locks: Collection<RegistrationLock>;
  history: Collection<RegistrationRecord>;
}

export function registrationCollections(store: Store): RegistrationCollections {
  return {
    // Listed per scope: a cutover planned in one thread of a channel sees a check run in another.
    cards: store.collection<PostedCheckCard>('providerCheckCards', { partitionOf: (card) => conversationScope(card.conversationId) }),
    // Due once handed over by a stopping bot, or once the lease ran out (a bot that crashed):
    // either way no poller follows it, and the next sweep (every instance, at start-up and on a timer) picks it up.
    locks: store.collection<RegistrationLock>('providerRegistrationLocks', { dueOf: (lock) => lock.pausedAt ?? lock.leaseUntil }),
    history: store.collection<RegistrationRecord>('providerRegistrations', { partitionOf: (record) => record.subscriptionId }),
  };
}
