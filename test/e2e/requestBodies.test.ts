import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { startTestBot, TestBot } from '../harness/app';
import { CountingStore } from '../harness/countingStore';
import { LocalOpenIdServer } from '../harness/openIdServer';
import { gzipBomb, rawPost } from '../harness/rawHttp';

const LIMIT = 256 * 1024;

/** The log line the server writes for each refused body. */
function refusals(bot: TestBot): { status: number; reason: string; bytesRead: number }[] {
  return bot.logs.entries().filter((line) => line.msg === 'request refused') as never;
}

describe('what /api/messages reads (anonymous local mode)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });
  beforeEach(() => {
    bot.logs.lines.length = 0;
    bot.connector.clear();
  });

  const url = () => `${bot.app.url}/api/messages`;
  const help = () => bot.client().base('message');

  it('answers a JSON activity in UTF-8, with or without a charset', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset="UTF-8"']) {
      const activity = { ...help(), text: 'help' };
      const result = await rawPost(url(), { 'content-type': type }, Buffer.from(JSON.stringify(activity)));
      expect(result.status).toBe(200);
    }
    expect(bot.connector.sent()).toHaveLength(3);
  });

  it('refuses an HTML form with 415 and acts on nothing in it (no form can drive the bot from a web page)', async () => {
    const activity = help();
    const form = new URLSearchParams({ type: 'message', text: 'help', channelId: 'msteams', serviceUrl: String(activity.serviceUrl), 'conversation[id]': 'a:1', 'from[id]': '29:x', 'recipient[id]': '28:b' });
    const result = await rawPost(url(), { 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from(form.toString()));
    expect(result.status).toBe(415);
    expect(bot.connector.calls).toHaveLength(0);
    expect(refusals(bot)).toEqual([expect.objectContaining({ status: 415, reason: 'content type is not application/json', bytesRead: 0 })]);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['no content type', undefined],
    ['JSON in Latin-1', 'application/json; charset=iso-8859-1'],
    ['a JSON look-alike type', 'application/json-patch+json'],
  ])('refuses %s with 415', async (_case, type) => {
    const result = await rawPost(url(), type ? { 'content-type': type } : {}, Buffer.from(JSON.stringify({ ...help(), text: 'help' })));
    expect(result.status).toBe(415);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('refuses a multipart upload of any size before reading it, and writes nothing to the temp folder', async () => {
    const boundary = 'x' + randomUUID();
    const upload = (size: number) => Buffer.concat([Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.bin"\r\n\r\n`), Buffer.alloc(size, 0x41), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const headers = (body: Buffer) => ({ 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) });
    // restify's parser wrote uploads to os.tmpdir(), which reads TMPDIR at each call: point it at an empty folder.
    const temp = mkdtempSync(join(tmpdir(), 'cmg-uploads-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    const small = upload(100 * 1024);
    try {
      expect((await rawPost(url(), headers(small), small)).status).toBe(415);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      process.env.TMPDIR = previous;
      rmSync(temp, { recursive: true, force: true });
    }
    // 8 MB is not read at all: the connection is cut after the answer, so the client may see a reset instead.
    const large = upload(8 * 1024 * 1024);
    const status = await rawPost(url(), headers(large), large).then(
      (r) => r.status,
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect([415, 'ECONNRESET', 'EPIPE']).toContain(status);
    expect(refusals(bot)).toEqual([expect.objectContaining({ status: 415, bytesRead: 0 }), expect.objectContaining({ status: 415, bytesRead: 0 })]);
  });

  it('refuses a gzip body with 415 before inflating a byte of it: a 250 MB bomb costs nothing', async () => {
    // 250 MB of spaces inside a JSON string: about 243 KB compressed, under the byte limit.
    const bomb = await gzipBomb(250 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(LIMIT);
    const result = await rawPost(url(), { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }, bomb);
    expect(result.status).toBe(415);
    expect(result.headers['accept-encoding']).toBe('identity');
    expect(refusals(bot)).toEqual([expect.objectContaining({ status: 415, reason: 'content encoding is not identity', bytesRead: 0 })]);
    // A small compressed activity is refused the same way: the bot never inflates.
    const small = await rawPost(url(), { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(JSON.stringify({ ...help(), text: 'help' })));
    expect(small.status).toBe(415);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('accepts Content-Encoding: identity', async () => {
    const result = await rawPost(url(), { 'content-type': 'application/json', 'content-encoding': 'identity' }, Buffer.from(JSON.stringify({ ...help(), text: 'help' })));
    expect(result.status).toBe(200);
  });

  it('refuses a declared length over the limit without reading the body', async () => {
    const body = Buffer.alloc(LIMIT + 1, 0x20);
    const result = await rawPost(url(), { 'content-type': 'application/json', 'content-length': String(body.length) }, body);
    expect(result.status).toBe(413);
    expect(refusals(bot)).toEqual([expect.objectContaining({ status: 413, reason: 'declared length over the limit', bytesRead: 0 })]);
  });

  it('stops reading a body sent without a length at the limit (64 MB offered, about 256 KB read)', async () => {
    const result = await rawPost(url(), { 'content-type': 'application/json' }, { stream: 64 * 1024 * 1024 });
    expect(result.status).toBe(413);
    const [refused] = refusals(bot);
    expect(refused).toMatchObject({ status: 413, reason: 'body over the limit' });
    // Reading stops at the first chunk past the limit; chunks are at most 64 KB.
    expect(refused.bytesRead).toBeGreaterThan(LIMIT);
    expect(refused.bytesRead).toBeLessThanOrEqual(LIMIT + 64 * 1024);
    expect(result.bytesSent).toBeLessThan(64 * 1024 * 1024);
    expect((await fetch(`${bot.app.url}/healthz`)).status).toBe(200);
  });

  it.each([
    ['JSON nested past 64 levels', Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)), 'JSON nested too deeply'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x22, 0x7d]), 'body is not UTF-8'],
    ['not JSON', Buffer.from('{"type": "message", '), 'body is not JSON'],
    ['JSON that is not an object', Buffer.from('[1,2,3]'), 'body is not a JSON object'],
  ])('refuses %s with 400', async (_case, body, reason) => {
    const result = await rawPost(url(), { 'content-type': 'application/json' }, body);
    expect(result.status).toBe(400);
    expect(refusals(bot)).toEqual([expect.objectContaining({ status: 400, reason })]);
  });

  it('takes a UTF-8 byte-order mark in its stride', async () => {
    const result = await rawPost(url(), { 'content-type': 'application/json' }, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ ...help(), text: 'help' }))]));
    expect(result.status).toBe(200);
  });
});

describe('body checks come before authentication', () => {
  const APP_ID = '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a';
  let openId: LocalOpenIdServer;
  let bot: TestBot;
  beforeAll(async () => {
    openId = await new LocalOpenIdServer().start();
    bot = await startTestBot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret-7Hq~vX2_pL9',
      MicrosoftAppTenantId: randomUUID(),
      BotOpenIdMetadata: openId.metadataUrl,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await openId.stop();
  });

  it('refuses compressed, form and oversized bodies without fetching a signing key or checking the token', async () => {
    const url = `${bot.app.url}/api/messages`;
    const token = openId.token({ appId: APP_ID, serviceUrl: bot.connector.url });
    const auth = { authorization: `Bearer ${token}` };
    expect((await rawPost(url, { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync('{"type":"message"}'))).status).toBe(415);
    expect((await rawPost(url, { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('type=message'))).status).toBe(415);
    expect((await rawPost(url, { ...auth, 'content-type': 'application/json' }, { stream: 4 * 1024 * 1024 })).status).toBe(413);
    expect(openId.hits).toBe(0);
    expect(bot.logs.entries().filter((line) => line.msg === 'authentication failed')).toEqual([]);
  });
});

describe('/readyz', () => {
  async function withCountingBot(env: Record<string, string>, test: (bot: TestBot, store: CountingStore) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'cmg-ready-'));
    const store = new CountingStore(new SqliteStore(join(dir, 'bot.db')));
    const bot = await startTestBot(env, { store });
    try {
      await test(bot, store);
    } finally {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const probe = (bot: TestBot) => fetch(`${bot.app.url}/readyz`).then((r) => r.status);

  it('asks storage once for a burst of 300 probes', () =>
    withCountingBot({ READY_CACHE_MS: '60000' }, async (bot, store) => {
      const before = store.pings;
      const answers = await Promise.all(Array.from({ length: 300 }, () => probe(bot)));
      expect(answers.every((status) => status === 200)).toBe(true);
      expect(store.pings - before).toBe(1);
    }));

  it('asks again once the answer is older than READY_CACHE_MS, and every time with 0', async () => {
    await withCountingBot({ READY_CACHE_MS: '1000' }, async (bot, store) => {
      const before = store.pings;
      expect(await probe(bot)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await probe(bot)).toBe(200);
      expect(store.pings - before).toBe(2);
    });
    await withCountingBot({ READY_CACHE_MS: '0' }, async (bot, store) => {
      const before = store.pings;
      for (let i = 0; i < 3; i++) expect(await probe(bot)).toBe(200);
      expect(store.pings - before).toBe(3);
    });
  });

  it('shows a storage failure at once, and recovery within a second', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmg-ready-'));
    let failing = false;
    const store = new (class extends CountingStore {
      override ping() {
        return failing ? Promise.reject(new Error('storage down')) : super.ping();
      }
    })(new SqliteStore(join(dir, 'bot.db')));
    const bot = await startTestBot({ READY_CACHE_MS: '5000' }, { store });
    try {
      failing = true;
      expect((await fetch(`${bot.app.url}/readyz`)).status).toBe(503);
      failing = false;
      // The failure is reused briefly, so a flood of probes during an outage does not hammer storage either.
      expect((await fetch(`${bot.app.url}/readyz`)).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await fetch(`${bot.app.url}/readyz`)).status).toBe(200);
    } finally {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
