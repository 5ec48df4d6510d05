import type { Clock } from '../clock';
import type { Collection, Store, StoredItem } from '../storage/store';
import type { SendRateLimiter } from './rateLimiter';

/**
 * Which instance sends to a conversation right now, and what was sent there recently. Only the
 * holder of a conversation's turn delivers there, so the per-conversation rate limits hold for
 * the whole deployment, not per instance; the send history travels with the turn to the next
 * holder. A turn is a lease: if its holder dies, another instance takes over when it expires.
 */
export interface SendingTurn {
  owner: string;
  /** Lease expiry, ISO 8601 UTC (domain clock, like the reminder leases). */
  until: string;
  /** Epoch milliseconds of recent sends (real time: rate limits are about real seconds). */
  sends: number[];
  pausedUntil?: number;
}

export class SendingTurns {
  private readonly turns: Collection<SendingTurn>;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly limiter: SendRateLimiter,
    private readonly realNow: () => number,
  ) {
    this.turns = store.collection<SendingTurn>('reminderSenders');
  }

  /** Takes the conversation's turn, or undefined while another live instance holds it. */
  async take(conversationId: string): Promise<StoredItem<SendingTurn> | undefined> {
    const current = await this.turns.get(conversationId);
    const now = this.clock.now();
    if (current && current.value.owner && current.value.owner !== this.owner && current.value.until > now.toISOString()) return undefined;
    const value: SendingTurn = {
      owner: this.owner,
      until: new Date(now.getTime() + this.leaseMs).toISOString(),
      sends: current?.value.sends ?? [],
      pausedUntil: current?.value.pausedUntil,
    };
    const outcome = current ? await this.turns.replace(conversationId, value, current.version) : await this.turns.create(conversationId, value);
    if (outcome.status !== 'ok') return undefined;
    if (current) this.limiter.import(conversationId, current.value);
    return outcome.item;
  }

  /** Extends the lease when half of it is used; undefined when the turn was lost meanwhile. */
  async keep(conversationId: string, turn: StoredItem<SendingTurn>): Promise<StoredItem<SendingTurn> | undefined> {
    const now = this.clock.now().getTime();
    if (new Date(turn.value.until).getTime() - now > this.leaseMs / 2) return turn;
    const outcome = await this.turns.replace(conversationId, { ...turn.value, until: new Date(now + this.leaseMs).toISOString() }, turn.version);
    return outcome.status === 'ok' ? outcome.item : undefined;
  }

  /** Hands the turn back with the send history, so the next holder keeps pacing. */
  async release(conversationId: string, turn: StoredItem<SendingTurn>): Promise<void> {
    const { sends, pausedUntil } = this.limiter.export(conversationId, this.realNow());
    this.limiter.forget(conversationId);
    if (sends.length === 0 && pausedUntil === undefined) {
      await this.turns.delete(conversationId, turn.version);
      return;
    }
    await this.turns.replace(conversationId, { owner: '', until: this.clock.now().toISOString(), sends, pausedUntil }, turn.version);
  }
}
