import { Writable } from 'node:stream';
import { createLogger } from './log';

class Lines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  raw = '';
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.raw += chunk.toString('utf8');
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
    callback();
  }
}

const SECRET = 'pw~"quoted"\\slash-Secret42';

describe('the JSON log with secrets configured', () => {
  it('keeps an error\'s type, message and stack while the secret is redacted from all three', () => {
    const out = new Lines();
    const log = createLogger('info', [SECRET], out);
    class StorageFailure extends Error {
      override name = 'StorageFailure';
    }
    function connectToStorage(): never {
      throw new StorageFailure(`login failed for key ${SECRET}`);
    }
    try {
      connectToStorage();
    } catch (error) {
      log.error({ err: error }, `turn failed with ${SECRET}`);
    }
    const [line] = out.lines;
    const err = line.err as { type: string; message: string; stack: string };
    expect(err.type).toBe('StorageFailure');
    expect(err.message).toBe('login failed for key [redacted]');
    expect(err.stack).toContain('connectToStorage');
    expect(err.stack).toContain('[redacted]');
    expect(line.msg).toBe('turn failed with [redacted]');
    expect(out.raw).not.toContain(SECRET);
    expect(out.raw).not.toContain(JSON.stringify(SECRET).slice(1, -1));
    expect(out.raw).not.toContain('Secret42');
  });

  it('redacts secret-bearing fields by name, in child loggers too', () => {
    const out = new Lines();
    const log = createLogger('info', [SECRET], out).child({ correlationId: 'c-1' });
    log.info({ request: { authorization: 'Bearer abc.def.ghi', headers: { authorization: 'Bearer x' } }, nested: { note: `has ${SECRET}` } }, 'request');
    expect(out.lines[0]).toMatchObject({ correlationId: 'c-1', request: { authorization: '[redacted]', headers: { authorization: '[redacted]' } }, nested: { note: 'has [redacted]' } });
  });

  it('logs errors whole when no secret is configured', () => {
    const out = new Lines();
    createLogger('info', [], out).warn({ err: new TypeError('bad input') }, 'refused');
    expect(out.lines[0].err).toMatchObject({ type: 'TypeError', message: 'bad input' });
  });
});
