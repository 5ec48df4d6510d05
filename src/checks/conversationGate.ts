/**
 * Bounds how many checks run at once, per conversation and in total: each check opens DNS
 * queries and a TLS connection, and one busy channel must not use them all.
 */
export class ConversationGate {
  private readonly running = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perConversation: number,
    private readonly maxTotal: number,
  ) {}

  /** Runs `work` if there is room, else resolves to `busy` without starting it. */
  async run<T>(conversationId: string, work: () => Promise<T>): Promise<{ kind: 'done'; value: T } | { kind: 'busy' }> {
    const here = this.running.get(conversationId) ?? 0;
    if (here >= this.perConversation || this.total >= this.maxTotal) return { kind: 'busy' };
    this.running.set(conversationId, here + 1);
    this.total++;
    try {
      return { kind: 'done', value: await work() };
    } finally {
      this.total--;
      const left = (this.running.get(conversationId) ?? 1) - 1;
      if (left > 0) this.running.set(conversationId, left);
      else this.running.delete(conversationId);
    }
  }
}
