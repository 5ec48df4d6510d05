import { retryDelayMs, throttleDelayMs } from './backoff';
import { SendRateLimiter, TEAMS_CONVERSATION_LIMITS } from './rateLimiter';

describe('SendRateLimiter with the Teams per-conversation limits', () => {
  it('allows 7 sends at once, then waits for the one-second window', () => {
    const limiter = new SendRateLimiter(TEAMS_CONVERSATION_LIMITS);
    for (let i = 0; i < 7; i++) {
      expect(limiter.waitMs('c', 0)).toBe(0);
      limiter.record('c', 0);
    }
    expect(limiter.waitMs('c', 0)).toBeGreaterThanOrEqual(1000);
    expect(limiter.waitMs('other', 0)).toBe(0);
  });

  it('holds the 8-per-2-seconds and 60-per-30-seconds windows', () => {
    const limiter = new SendRateLimiter(TEAMS_CONVERSATION_LIMITS);
    let now = 0;
    const sent: number[] = [];
    while (sent.length < 70) {
      now += limiter.waitMs('c', now);
      limiter.record('c', now);
      sent.push(now);
    }
    for (let i = 8; i < sent.length; i++) expect(sent[i] - sent[i - 8]).toBeGreaterThanOrEqual(2000);
    for (let i = 60; i < sent.length; i++) expect(sent[i] - sent[i - 60]).toBeGreaterThanOrEqual(30_000);
  });

  it('paces from when a send was answered, so a slow request cannot bring nine sends within two seconds at the channel', () => {
    const limiter = new SendRateLimiter(TEAMS_CONVERSATION_LIMITS);
    // The first send took its slot at 0 but reached the channel only at 400 and was answered at 450.
    limiter.record('c', 0);
    limiter.settle('c', 0, 450);
    let now = 450;
    for (let i = 1; i < 8; i++) {
      now += limiter.waitMs('c', now);
      limiter.record('c', now);
      limiter.settle('c', now, now + 1);
      now += 1;
    }
    // The ninth may leave only two seconds after the first was answered, not after it left.
    expect(limiter.waitMs('c', 2050)).toBeGreaterThan(0);
    expect(now + limiter.waitMs('c', now)).toBeGreaterThanOrEqual(450 + 2000);
  });

  it('keeps the history in order when an earlier send is answered after later ones left', () => {
    const limiter = new SendRateLimiter([{ limit: 2, ms: 1000 }]);
    limiter.record('*', 0);
    limiter.record('*', 10);
    limiter.settle('*', 0, 300);
    // The send that left at 10 is now the earlier of the two: the next slot follows the later one, 300.
    expect(limiter.waitMs('*', 20)).toBe(10 + 1000 + 100 - 20);
    limiter.record('*', 1110);
    expect(limiter.waitMs('*', 1110)).toBe(300 + 1000 + 100 - 1110);
  });

  it('honours a pause (Retry-After) and hands its history to another instance', () => {
    const first = new SendRateLimiter(TEAMS_CONVERSATION_LIMITS);
    for (let i = 0; i < 8; i++) first.record('c', 1000 + i);
    first.pause('c', 5000);
    const handedOver = first.export('c', 1010);
    const second = new SendRateLimiter(TEAMS_CONVERSATION_LIMITS);
    second.import('c', handedOver);
    expect(second.waitMs('c', 1010)).toBe(5000 - 1010);
    expect(second.waitMs('c', 5000)).toBe(0);
  });
});

describe('backoff', () => {
  it('doubles the retry delay per attempt, with jitter, up to the cap', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(retryDelayMs(20, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('waits at least the Retry-After the channel asked for', () => {
    expect(throttleDelayMs(3, 1, () => 0)).toBe(3000);
    expect(throttleDelayMs(3, 1, () => 1)).toBe(3250);
    expect(throttleDelayMs(undefined, 3, () => 0)).toBe(4000);
  });
});
