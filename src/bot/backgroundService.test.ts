import { silentLog } from '../log';
import type { Outbox } from '../ports';
import { text } from '../turn';
import { BackgroundService } from './backgroundService';

/** Records what each card was replaced with, in order. */
function recordingOutbox(): Outbox & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    send: async () => 'id',
    update: async (_conversation, _activity, reply) => {
      shown.push(reply.kind === 'text' ? reply.text : reply.kind);
    },
  };
}

const card = { conversationId: 'c', activityId: 'a' };

describe('BackgroundService.update', () => {
  it('replaces the card again when the stored state changed while it was being replaced (another instance)', async () => {
    const outbox = recordingOutbox();
    const background = new BackgroundService(outbox, silentLog);
    // The state as read: version 1 first, then (another instance wrote) version 2, which stays.
    const reads = ['1', '2', '2'];
    let read = 0;
    await background.update('plan', async () => {
      const version = reads[Math.min(read++, reads.length - 1)];
      return { card, reply: text(`state ${version}`), version };
    });
    expect(outbox.shown).toEqual(['state 1', 'state 2']);
    expect(read).toBe(3);
  });

  it('replaces once when the state did not change, and once without a version', async () => {
    const outbox = recordingOutbox();
    const background = new BackgroundService(outbox, silentLog);
    await background.update('plan', async () => ({ card, reply: text('same'), version: '7' }));
    await background.update('other', async () => ({ card, reply: text('unversioned') }));
    expect(outbox.shown).toEqual(['same', 'unversioned']);
  });

  it('gives up after three replacements when the state keeps changing', async () => {
    const outbox = recordingOutbox();
    const background = new BackgroundService(outbox, silentLog);
    let read = 0;
    await background.update('plan', async () => ({ card, reply: text(`state ${++read}`), version: String(read) }));
    expect(outbox.shown).toEqual(['state 1', 'state 2', 'state 3']);
    expect(read).toBe(3);
  });

  it('stops when the card is gone on the second read', async () => {
    const outbox = recordingOutbox();
    const background = new BackgroundService(outbox, silentLog);
    let read = 0;
    await background.update('plan', async () => (read++ === 0 ? { card, reply: text('first'), version: '1' } : undefined));
    expect(outbox.shown).toEqual(['first']);
  });
});
