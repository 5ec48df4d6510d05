import { ArmBusyError } from './armProblem';
import { CallLimit } from './callLimit';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('CallLimit', () => {
  it('runs at most `max` at once and starts the queued ones in arrival order', async () => {
    const limit = new CallLimit(2, 10);
    const order: number[] = [];
    const gates = [gate(), gate(), gate(), gate()];
    const signal = new AbortController().signal;
    const runs = gates.map((g, i) =>
      limit.run(async () => {
        order.push(i);
        await g.opened;
      }, signal),
    );
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect(limit.running).toBe(2);
    gates[1].open();
    await runs[1];
    expect(order).toEqual([0, 1, 2]);
    gates.forEach((g) => g.open());
    await Promise.all(runs);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(limit.running).toBe(0);
  });

  it('refuses at once when the queue is full, and a queued call gives up when its signal aborts', async () => {
    const limit = new CallLimit(1, 1);
    const held = gate();
    const first = limit.run(() => held.opened, new AbortController().signal);
    const deadline = new AbortController();
    const queued = limit.run(async () => 'ran', deadline.signal);
    await expect(limit.run(async () => 'ran', new AbortController().signal)).rejects.toBeInstanceOf(ArmBusyError);
    deadline.abort();
    await expect(queued).rejects.toBeInstanceOf(ArmBusyError);
    // The abandoned place is gone: the next call gets the slot once it frees.
    held.open();
    await first;
    await expect(limit.run(async () => 'ran', new AbortController().signal)).resolves.toBe('ran');
  });

  it('frees the slot when the work fails', async () => {
    const limit = new CallLimit(1, 1);
    await expect(limit.run(() => Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow('boom');
    expect(limit.running).toBe(0);
  });
});
