import { ManualClock } from '../../src/clock';
import type { Reminder } from '../../src/reminders/reminder';
import { LogCapture } from '../harness/app';
import { scaleOut } from './scaleOutHelpers';
import { TeamsClient } from '../harness/teams';
import { maxInWindow, reminderCards, turnOf } from './reminderHelpers';

/**
 * Three instances of the bot behind a (pretend) load balancer, one Azure Table store (Azurite),
 * one channel. Each instance runs its own scheduler; every reminder must arrive exactly once.
 */
describe('reminders across three instances sharing Azure Table Storage', () => {
  const cluster = scaleOut();
  const logs = new LogCapture();
  const clock = new ManualClock('2026-01-05T09:00:00Z');

  it('delivers 500 due reminders in 50 conversations exactly once, within the per-conversation limits', async () => {
    const { connector } = cluster;
    const settings = { REMINDER_POLL_INTERVAL_MS: '100', REMINDER_BATCH_SIZE: '60', REMINDER_LEASE_MS: '600000', REMINDER_RETRY_BASE_MS: '1000', LOG_LEVEL: 'info' };
    const apps = await cluster.start(3, settings, { clock, logDestination: logs });

    // 50 conversations, each first seen by a different instance, so the references are shared.
    const clients = Array.from({ length: 50 }, (_, i) => new TeamsClient({ botUrl: apps[i % 3].url, serviceUrl: connector.url, scope: i % 2 ? 'groupChat' : 'personal' }));
    await Promise.all(clients.map((client) => client.say('help')));
    // Ten reminders per conversation, set on whichever instance the balancer picked.
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < 10; i++) await apps[(c + i) % 3].capabilities.reminders.request(turnOf(client), `in 10 minutes note ${c}-${i}`);
      }),
    );
    expect(reminderCards(connector)).toHaveLength(0);

    clock.advance(10 * 60_000);
    // Time keeps passing (a second per half second), so a delivery that failed on a busy machine
    // comes round again after its backoff; leases (10 minutes here) cannot expire meanwhile.
    const ticking = setInterval(() => clock.advance(1000), 500);
    await connector.waitFor(() => reminderCards(connector).length >= 500, 60_000).finally(() => clearInterval(ticking)).catch(async (error: Error) => {
      // Say what is stuck, so a failure here can be diagnosed from the report alone.
      const all = await Promise.all(clients.map((client) => apps[0].store.collection<Reminder>('reminders').listByPartition(client.conversationId)));
      const undelivered = all.flat().filter((item) => item.value.state !== 'sent').map((item) => item.value);
      const problems = logs.lines.filter((line) => /"level":[56]0|will be retried/.test(line)).slice(0, 5);
      throw new Error(`${error.message}\nundelivered: ${JSON.stringify(undelivered)}\nerrors: ${problems.join('\n')}`);
    });
    // Give a duplicate the chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const delivered = reminderCards(connector);
    const keys = delivered.map((d) => `${d.reminderId}#${d.round}`);
    expect(keys).toHaveLength(500);
    expect(new Set(keys).size).toBe(500);
    for (const client of clients) {
      const notes = delivered.filter((d) => d.conversationId === client.conversationId).map((d) => /note (\d+-\d+)/.exec(d.text)?.[1]);
      expect(notes).toHaveLength(10);
      const times = delivered.filter((d) => d.conversationId === client.conversationId).map((d) => d.at);
      expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
      expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
    }
    const stored = await Promise.all(clients.map((client) => apps[0].store.collection<Reminder>('reminders').listByPartition(client.conversationId)));
    expect(stored.flat().filter((item) => item.value.state === 'sent')).toHaveLength(500);

    // Every instance took part: the work was shared, not merely survived by one.
    const senders = new Set(logs.entries().filter((e) => e.msg === 'reminder sent').map((e) => e.instance));
    expect(senders.size).toBe(3);
  }, 90_000);
});
