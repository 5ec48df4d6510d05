import { ManualClock } from '../../../src/clock';
import { ConfigError, loadConfig } from '../../../src/config';
import { CurationLog, formatCurationReport, Knowledge } from '../../../src/knowledge';
import { createLogger } from '../../../src/log';
import type { TurnInfo } from '../../../src/turn';
import { SqliteStore } from '../../../src/storage/sqliteStore';

describe('curation log', () => {
  let store: SqliteStore;
  let log: CurationLog;
  beforeEach(() => {
    store = new SqliteStore(':memory:');
    log = new CurationLog(store, new ManualClock('2026-03-02T10:00:00Z'));
  });
  afterEach(() => store.close());

  it('counts the same unanswered question across wording noise and concurrent askers', async () => {
    await Promise.all([
      log.recordUnanswered('How do I set up a print server?', 'en', 'outOfScope', 'conv-1'),
      log.recordUnanswered('how do i set up a  print server?', 'en', 'outOfScope', 'conv-2'),
      log.recordUnanswered('how do i set up a print server?', 'en', 'outOfScope', 'conv-1'),
    ]);
    await log.recordUnanswered('welke kleur heeft de cmg?', 'nl', 'unsure', 'conv-3');
    const report = await log.report();
    expect(report.unanswered[0]).toMatchObject({ question: 'How do I set up a print server?', count: 3 });
    expect(report.unanswered[1]).toMatchObject({ question: 'welke kleur heeft de cmg?', count: 1, lang: 'nl' });
  });

  it('lists answers by negative feedback, most 👎 first', async () => {
    await log.recordFeedback('rp-vmss', 'up', 'en', 'c1', 'u1');
    await log.recordFeedback('mon-logs', 'down', 'en', 'c1', 'u1');
    // The same person again: still one vote.
    expect(await log.recordFeedback('mon-logs', 'down', 'en', 'c1', 'u1')).toBe('same');
    await log.recordFeedback('mon-logs', 'down', 'nl', 'c2', 'u2');
    expect(await log.recordFeedback('cert-renew', 'up', 'en', 'c3', 'u3')).toBe('recorded');
    // A changed mind changes the vote instead of adding one.
    expect(await log.recordFeedback('cert-renew', 'down', 'en', 'c3', 'u3')).toBe('changed');
    const report = await log.report();
    expect(report.negative).toEqual([
      { entryId: 'mon-logs', down: 2, up: 0 },
      { entryId: 'cert-renew', down: 1, up: 0 },
    ]);
    expect(formatCurationReport(report)).toContain('2×👎');
  });

  it('reads KB_RECORD_UNANSWERED, and names the variable when it is wrong', () => {
    expect(loadConfig({}).knowledge.recordUnanswered).toBe(true);
    expect(loadConfig({ KB_RECORD_UNANSWERED: 'false' }).knowledge.recordUnanswered).toBe(false);
    expect(() => loadConfig({ KB_RECORD_UNANSWERED: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ KB_RECORD_UNANSWERED: 'maybe' })).toThrow(/KB_RECORD_UNANSWERED/);
  });
});

describe('unanswered questions waiting to be written', () => {
  it('keeps at most 1,000 waiting, logs once that more were left out, and writes every one it kept', async () => {
    const store = new SqliteStore(':memory:');
    // Background work that cannot start until released, so the questions pile up.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const background = {
      run: async (_label: string, work: () => Promise<unknown>) => {
        await gate;
        await work();
      },
    };
    const knowledge = new Knowledge(store, new ManualClock('2026-03-02T10:00:00Z'), { recordUnanswered: true }, { background });
    const lines: string[] = [];
    const turn = {
      lang: 'en',
      user: { id: 'u' },
      conversation: { id: 'c1', scopeId: 'c1', type: 'channel' },
      correlationId: 'x',
      log: createLogger('info', [], { write: (line: string) => void lines.push(line) }),
    } as TurnInfo;
    for (let i = 0; i < 1_010; i++) expect((await knowledge.ask(turn, 'how do I set up a print server cluster?')).kind).toBe('decline');
    expect(lines.filter((line) => line.includes('more are not recorded'))).toHaveLength(1);
    release();
    const report = await knowledge.report();
    expect(report.unanswered).toEqual([expect.objectContaining({ question: 'how do I set up a print server cluster?', count: 1_000 })]);
    await store.close();
  });
});
