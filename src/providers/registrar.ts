import { setTimeout as delay } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { ArmGateway } from './armGateway';
import { ArmProblem, classifyArmError } from '../arm';
import type { ProviderChecker } from './providerChecker';
import { CmgProvider, isRegistered, ProviderCheckResult } from './providerCheckResult';
import type { RegistrationCollections, Person, RegistrationLock, RegistrationRecord } from './registrationRecords';

export interface PollSchedule {
  firstMs: number;
  maxMs: number;
  capMs: number;
}

/** What the card shows while and after a registration runs. */
export interface RegistrationProgress {
  lock: RegistrationLock;
  phase: 'running' | 'registered' | 'timedOut' | 'failed';
  result?: ProviderCheckResult;
  problem?: ArmProblem;
}

/** More than this many registrations left behind at once would be unusual; the rest wait for the next sweep. */
const ORPHANS_PER_SWEEP = 50;

export type StartOutcome = { started: true; lock: RegistrationLock } | { started: false; running: RegistrationLock };

/**
 * Registers missing providers and follows them until Registered. One registration per
 * subscription at a time, enforced by a create-only lock in the store, so a double click, a
 * Teams retry of the same invoke or two administrators at once start one registration and one
 * poller — also across several bot instances sharing a store.
 */
export class ProviderRegistrar {
  private readonly stopping = new AbortController();

  constructor(
    private readonly arm: ArmGateway,
    private readonly checker: ProviderChecker,
    private readonly records: RegistrationCollections,
    private readonly clock: Clock,
    private readonly schedule: PollSchedule,
    /** Headroom on top of the poll cap before a lock counts as abandoned. */
    private readonly leaseMarginMs: number,
  ) {}

  /** The registration running for a subscription, if any (an expired lease does not count). */
  async running(subscriptionId: string): Promise<RegistrationLock | undefined> {
    const lock = await this.records.locks.get(subscriptionId);
    return lock && !this.expired(lock.value) ? lock.value : undefined;
  }

  /** Claims the subscription for a new registration; a claim already held wins. */
  async claim(subscriptionId: string, cardId: string, by: Person, namespaces: CmgProvider[], conversationId: string): Promise<StartOutcome> {
    const now = this.clock.now();
    const lock: RegistrationLock = {
      registrationId: `${now.toISOString()}-${randomUUID()}`,
      cardId,
      startedBy: by,
      startedAt: now.toISOString(),
      namespaces,
      leaseUntil: new Date(now.getTime() + this.schedule.capMs + this.leaseMarginMs).toISOString(),
    };
    let outcome = await this.records.locks.create(subscriptionId, lock);
    if (outcome.status === 'conflict' && outcome.current && this.expired(outcome.current.value)) {
      // The holder never finished (a restart mid-registration): take over, but only once.
      const abandoned = outcome.current;
      outcome = await this.records.locks.replace(subscriptionId, lock, abandoned.version);
      if (outcome.status === 'ok') await this.finishRecord(subscriptionId, abandoned.value.registrationId, 'interrupted');
    }
    if (outcome.status !== 'ok') {
      const current = outcome.status === 'conflict' ? outcome.current : undefined;
      return { started: false, running: current?.value ?? lock };
    }
    const record: RegistrationRecord = {
      registrationId: lock.registrationId,
      subscriptionId,
      namespaces,
      requestedBy: by,
      conversationId,
      startedAt: lock.startedAt,
      outcome: 'running',
    };
    await this.records.history.create(lock.registrationId, record);
    return { started: true, lock };
  }

  /**
   * Registers, then polls about every `firstMs` with back-off up to `maxMs` until all are
   * Registered or `capMs` of waiting has passed. Reports each visible change.
   */
  async run(subscriptionId: string, lock: RegistrationLock, report: (progress: RegistrationProgress) => Promise<void>): Promise<void> {
    try {
      await Promise.all(lock.namespaces.map((namespace) => this.arm.register(subscriptionId, namespace)));
    } catch (error) {
      const problem = classifyArmError(error, 'register');
      await this.finish(subscriptionId, lock, { lock, phase: 'failed', problem }, report);
      return;
    }
    await this.follow(subscriptionId, lock, report, 0);
  }

  /**
   * Registrations no poller follows: handed over by a bot that stopped, or whose lease ran out
   * because the bot that started them crashed.
   */
  async orphaned(): Promise<{ subscriptionId: string; lock: RegistrationLock; version: string }[]> {
    const due = await this.records.locks.listDue(this.clock.now().toISOString(), ORPHANS_PER_SWEEP);
    return due.map((item) => ({ subscriptionId: item.key, lock: item.value, version: item.version }));
  }

  /**
   * Claims an orphaned registration for this bot; undefined if another instance (or a click
   * after the lease ran out) got there first.
   */
  async takeOver(orphan: { subscriptionId: string; lock: RegistrationLock; version: string }): Promise<RegistrationLock | undefined> {
    const { pausedAt: _handedOver, ...rest } = orphan.lock;
    // A lease that ran out is extended for the last look, so a click meanwhile does not start a second poller.
    const leaseUntil = new Date(Math.max(Date.parse(rest.leaseUntil), this.clock.now().getTime() + this.leaseMarginMs)).toISOString();
    const lock: RegistrationLock = { ...rest, leaseUntil };
    const taken = await this.records.locks.replace(orphan.subscriptionId, lock, orphan.version);
    return taken.status === 'ok' ? lock : undefined;
  }

  /**
   * Follows a taken-over registration again. Azure carries on registering whether or not
   * anyone polls, so only the polling resumes (no second register call), within what is left
   * of the original polling window.
   */
  async resume(subscriptionId: string, lock: RegistrationLock, report: (progress: RegistrationProgress) => Promise<void>): Promise<void> {
    await this.follow(subscriptionId, lock, report, Math.max(0, this.clock.now().getTime() - Date.parse(lock.startedAt)));
  }

  private async follow(subscriptionId: string, lock: RegistrationLock, report: (progress: RegistrationProgress) => Promise<void>, alreadyWaited: number): Promise<void> {
    const signal = this.stopping.signal;
    if (signal.aborted) {
      await this.handOver(subscriptionId, lock);
      return;
    }
    let last = await this.checker.check(subscriptionId, { fresh: true });
    let lastKey = last.ok ? stateKey(last.result) : '';
    if (last.ok && this.allDone(last.result, lock)) {
      await this.finish(subscriptionId, lock, { lock, phase: 'registered', result: last.result }, report);
      return;
    }
    await report({ lock, phase: 'running', result: last.ok ? last.result : undefined });
    let waited = alreadyWaited;
    let delay = this.schedule.firstMs;
    /** What kept the last poll from reading the providers (a throttle, an outage), if it did. */
    let passing: ArmProblem | undefined;
    while (waited < this.schedule.capMs) {
      const step = Math.min(delay, this.schedule.capMs - waited);
      await sleep(step, signal);
      if (signal.aborted) {
        // Shutting down: hand the polling to another instance's next sweep, or the next start-up.
        await this.handOver(subscriptionId, lock);
        return;
      }
      waited += step;
      delay = Math.min(Math.round(delay * 1.5), this.schedule.maxMs);
      const outcome = await this.checker.check(subscriptionId, { fresh: true });
      // The window counts only the sleeps, the lease real time: slow answers must not let it lapse
      // while this poller is alive (someone could then start a second registration).
      if (!(await this.renew(subscriptionId, lock, this.schedule.capMs - waited))) return;
      if (!outcome.ok) {
        // Throttling and outages pass; a lost permission or subscription does not.
        if (outcome.problem.kind === 'throttled' || outcome.problem.kind === 'unavailable') {
          passing = outcome.problem;
          // Azure said how long to wait: no poll before then, and none at all past the window.
          const waitMs = (outcome.problem.detail.retryAfterSeconds ?? 0) * 1000;
          if (waitMs >= this.schedule.capMs - waited) break;
          delay = Math.max(delay, waitMs);
          continue;
        }
        await this.finish(subscriptionId, lock, { lock, phase: 'failed', problem: outcome.problem, result: last.ok ? last.result : undefined }, report);
        return;
      }
      last = outcome;
      passing = undefined;
      if (this.allDone(outcome.result, lock)) {
        await this.finish(subscriptionId, lock, { lock, phase: 'registered', result: outcome.result }, report);
        return;
      }
      const key = stateKey(outcome.result);
      if (key !== lastKey) {
        lastKey = key;
        await report({ lock, phase: 'running', result: outcome.result });
      }
    }
    await this.finish(subscriptionId, lock, { lock, phase: 'timedOut', result: last.ok ? last.result : undefined, ...(passing ? { problem: passing } : {}) }, report);
  }

  /** Stops pollers at shutdown; each hands its registration over (another instance's sweep or the next start-up takes it). */
  stop(): void {
    this.stopping.abort();
  }

  /**
   * Extends the lock's lease to cover what is left of the window, if the lock is still this
   * registration's; false when it is not (another instance took it over: that one follows it now).
   */
  private async renew(subscriptionId: string, lock: RegistrationLock, leftMs: number): Promise<boolean> {
    const held = await this.records.locks.get(subscriptionId);
    if (held?.value.registrationId !== lock.registrationId) return false;
    const leaseUntil = new Date(this.clock.now().getTime() + Math.max(0, leftMs) + this.leaseMarginMs).toISOString();
    if (leaseUntil <= held.value.leaseUntil) return true;
    const renewed = await this.records.locks.replace(subscriptionId, { ...held.value, leaseUntil }, held.version);
    return renewed.status === 'ok';
  }

  /** Marks the lock as no longer followed, if it is still this registration's. */
  private async handOver(subscriptionId: string, lock: RegistrationLock): Promise<void> {
    const held = await this.records.locks.get(subscriptionId);
    if (held?.value.registrationId !== lock.registrationId) return;
    await this.records.locks.replace(subscriptionId, { ...held.value, pausedAt: this.clock.now().toISOString() }, held.version);
  }

  private allDone(result: ProviderCheckResult, lock: RegistrationLock): boolean {
    return lock.namespaces.every((namespace) => result.providers.some((p) => p.namespace === namespace && isRegistered(p.state)));
  }

  private expired(lock: RegistrationLock): boolean {
    return Date.parse(lock.leaseUntil) <= this.clock.now().getTime();
  }

  private async finish(subscriptionId: string, lock: RegistrationLock, progress: RegistrationProgress, report: (progress: RegistrationProgress) => Promise<void>): Promise<void> {
    await this.finishRecord(subscriptionId, lock.registrationId, progress.phase, progress.problem, progress.result);
    const held = await this.records.locks.get(subscriptionId);
    if (held?.value.registrationId === lock.registrationId) await this.records.locks.delete(subscriptionId, held.version);
    await report(progress);
  }

  private async finishRecord(
    _subscriptionId: string,
    registrationId: string,
    outcome: RegistrationRecord['outcome'],
    problem?: ArmProblem,
    result?: ProviderCheckResult,
  ): Promise<void> {
    const stored = await this.records.history.get(registrationId);
    if (!stored) return;
    await this.records.history.upsert(registrationId, {
      ...stored.value,
      outcome,
      finishedAt: this.clock.now().toISOString(),
      ...(problem ? { problem: problem.kind } : {}),
      ...(result ? { finalStates: result.providers } : {}),
    });
  }
}

function stateKey(result: ProviderCheckResult): string {
  return result.providers.map((p) => `${p.namespace}=${p.state}`).join(';');
}

/** Waits `ms`, or less when `signal` aborts (shutdown); never rejects. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch(() => undefined);
}
