import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import restify from 'restify';
import { Env, readInt, readOptional } from './env';
import type { Logger } from './log';

export interface ServerSettings {
  port: number;
  host: string;
  /** Teams activities are a few KB; a cap keeps a hostile body from eating memory. */
  maxBodyBytes: number;
  shutdownGraceMs: number;
  /** How long /readyz reuses its last storage answer (success), so probes cannot load storage. */
  readyCacheMs: number;
}

/** Anonymous mode only answers this machine unless HOST says otherwise: nobody else can reach an unauthenticated bot. */
export const LOOPBACK = '127.0.0.1';
/** With an app id every request is authenticated, so the bot listens on every interface (App Service, containers). */
export const EVERY_INTERFACE = '0.0.0.0';

export function readServerSettings(env: Env, { authenticated }: { authenticated: boolean }): ServerSettings {
  return {
    port: readInt(env, 'PORT', 3978, 0, 65535),
    host: readOptional(env, 'HOST') ?? (authenticated ? EVERY_INTERFACE : LOOPBACK),
    maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
    shutdownGraceMs: readInt(env, 'SHUTDOWN_GRACE_MS', 5000, 0, 60000),
    readyCacheMs: readInt(env, 'READY_CACHE_MS', 5000, 0, 60000),
  };
}

/** What the server hands the bot: a parsed JSON object and the Authorization header, nothing else of HTTP. */
export interface MessageEndpoint {
  receive(body: Record<string, unknown>, authorization: string): Promise<{ status: number; body?: unknown }>;
}

export interface Readiness {
  /** Resolves when storage answers; rejects otherwise. */
  check(): Promise<void>;
}

export interface ServerOptions {
  maxBodyBytes: number;
  readyCacheMs: number;
  log: Logger;
}

export interface RunningServer {
  /** A URL this machine reaches the bot at (loopback when it listens on every interface). */
  url: string;
  port: number;
  /** The address it listens on, as given: 127.0.0.1 (this machine only), 0.0.0.0 (every interface), … */
  host: string;
  /** Stops accepting, waits for turns in flight (up to `graceMs`), then resolves. */
  close(graceMs: number): Promise<void>;
  readonly inFlight: number;
}

/**
 * A refusal before the bot sees anything: the reason goes to the log, the status to the caller.
 * `bytesRead` is what the server took off the socket for this request.
 */
interface Refusal {
  status: 400 | 413 | 415;
  reason: string;
  bytesRead: number;
}

/** Deep enough for any activity (card data included); a 256 KB `[[[[…` would otherwise recurse in every reader after JSON.parse. */
const MAX_JSON_DEPTH = 64;
/** A client that trickles its body cannot hold a connection (and its buffer) longer than this. */
const BODY_TIMEOUT_MS = 30_000;

/**
 * The only body /api/messages accepts: `application/json` in UTF-8, not compressed, at most
 * `limit` bytes as read from the socket. Everything is checked on the headers first, so a form,
 * multipart upload or gzip body is refused before a byte of it is read (no inflation, no temp
 * files); a body without a length is counted as it arrives and abandoned at the first chunk past
 * the limit. Resolves with the parsed object, or the refusal.
 */
export async function readActivityBody(req: IncomingMessage, limit: number): Promise<{ body: Record<string, unknown> } | Refusal> {
  const type = mediaType(req.headers['content-type']);
  if (type.name !== 'application/json') return { status: 415, reason: 'content type is not application/json', bytesRead: 0 };
  if (type.charset !== undefined && type.charset !== 'utf-8' && type.charset !== 'utf8') return { status: 415, reason: 'charset is not UTF-8', bytesRead: 0 };
  const encodings = (req.headers['content-encoding'] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (encodings.some((e) => e !== 'identity')) return { status: 415, reason: 'content encoding is not identity', bytesRead: 0 };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { status: 413, reason: 'declared length over the limit', bytesRead: 0 };

  const read = await readAtMost(req, limit);
  if ('status' in read) return read;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return { status: 400, reason: 'body is not UTF-8', bytesRead: read.bytes.length };
  }
  if (nestingExceeds(text, MAX_JSON_DEPTH)) return { status: 400, reason: 'JSON nested too deeply', bytesRead: read.bytes.length };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 400, reason: 'body is not JSON', bytesRead: read.bytes.length };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 400, reason: 'body is not a JSON object', bytesRead: read.bytes.length };
  return { body: parsed as Record<string, unknown> };
}

function mediaType(header: string | undefined): { name: string; charset?: string } {
  const [name, ...parameters] = (header ?? '').split(';');
  const charset = parameters
    .map((p) => p.trim().toLowerCase().split('='))
    .find(([key]) => key.trim() === 'charset')?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, '$1');
  return { name: name.trim().toLowerCase(), charset };
}

/** The request's bytes, unless more than `limit` arrive: then reading stops and the chunks read so far are dropped. */
function readAtMost(req: IncomingMessage, limit: number): Promise<{ bytes: Buffer } | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    const finish = (result: { bytes: Buffer } | Refusal) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      if ('status' in result) {
        chunks.length = 0;
        req.pause();
      }
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      bytesRead += chunk.length;
      if (bytesRead > limit) finish({ status: 413, reason: 'body over the limit', bytesRead });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ bytes: Buffer.concat(chunks, bytesRead) });
    const onError = () => finish({ status: 400, reason: 'body not received', bytesRead });
    const timer = setTimeout(() => finish({ status: 400, reason: 'body not received in time', bytesRead }), BODY_TIMEOUT_MS);
    req.on('data', onData).once('end', onEnd).once('error', onError).once('aborted', onError);
  });
}

/**
 * After a refusal up to `cap` more bytes of the body are read and thrown away (nothing is kept),
 * for at most LINGER_MS, so a client that sent a little too much reads the answer instead of a
 * reset connection (closing a socket with unread data makes the kernel send a reset, which can
 * swallow the answer). A body longer than that is not read at all: the connection is cut once
 * the answer is out, and such a client may see the reset instead.
 */
const LINGER_MS = 2_000;

function discardRest(req: IncomingMessage, res: ServerResponse, cap: number, alreadyRead: number): void {
  if (req.complete) return;
  const socket = req.socket;
  const declared = Number(req.headers['content-length']);
  const cut = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  if (Number.isFinite(declared) && declared - alreadyRead > cap) {
    res.setHeader('Connection', 'close');
    res.once('finish', cut);
    return;
  }
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > cap) cut();
  });
  req.once('end', () => clearTimeout(timer));
  req.resume();
}

/** True when brackets outside strings nest deeper than `max`; one pass, no recursion. */
function nestingExceeds(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

/**
 * restify: POST /api/messages for Bot Framework activities, GET /healthz (the process answers)
 * and GET /readyz (storage answers). restify's body parser is not used: it inflates gzip past
 * its size limit, writes multipart uploads to the temp folder and turns HTML forms into
 * activities, all before authentication. `readActivityBody` above takes its place.
 */
export function createServer(endpoint: MessageEndpoint, readiness: Readiness, options: ServerOptions) {
  const server = restify.createServer({ name: 'cmg-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  const idle: (() => void)[] = [];
  const ready = cachedReadiness(readiness, options.readyCacheMs);

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (draining) {
      res.header('Connection', 'close');
      res.send(503, { error: 'shutting down' });
      return;
    }
    inFlight++;
    try {
      const read = await readActivityBody(req, options.maxBodyBytes);
      if ('status' in read) {
        options.log.warn({ status: read.status, reason: read.reason, bytesRead: read.bytesRead, limit: options.maxBodyBytes }, 'request refused');
        if (read.status === 415) res.header('Accept-Encoding', 'identity');
        discardRest(req, res, options.maxBodyBytes, read.bytesRead);
        res.send(read.status, { error: refusalText[read.status] });
        return;
      }
      const answer = await endpoint.receive(read.body, req.headers.authorization ?? '');
      if (answer.body === undefined) res.send(answer.status);
      else res.send(answer.status, answer.body);
    } catch (error) {
      options.log.error({ err: error }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'Internal error.' });
    } finally {
      inFlight--;
      if (inFlight === 0) idle.splice(0).forEach((resolve) => resolve());
    }
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    if (draining) {
      res.send(503, { status: 'shutting down' });
      return;
    }
    if (await ready()) res.send(200, { status: 'ready' });
    else res.send(503, { status: 'storage unavailable' });
  });

  return {
    server,
    async listen(port: number, host: string): Promise<RunningServer> {
      const http = server.server as HttpServer;
      http.requestTimeout = BODY_TIMEOUT_MS;
      await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
      const address = server.address() as AddressInfo;
      const reachAt = host === EVERY_INTERFACE || host === '::' ? LOOPBACK : host.includes(':') ? `[${host}]` : host;
      return {
        url: `http://${reachAt}:${address.port}`,
        port: address.port,
        host,
        get inFlight() {
          return inFlight;
        },
        async close(graceMs: number) {
          draining = true;
          const closed = new Promise<void>((resolve) => http.close(() => resolve()));
          http.closeIdleConnections();
          if (inFlight > 0) {
            await Promise.race([new Promise<void>((resolve) => idle.push(resolve)), delay(graceMs, undefined, { ref: false })]);
          }
          http.closeAllConnections();
          await Promise.race([closed, delay(1000, undefined, { ref: false })]);
        },
      };
    },
  };
}

const refusalText: Record<Refusal['status'], string> = {
  400: 'The body must be one JSON activity object in UTF-8.',
  413: 'The body is larger than this bot accepts.',
  415: 'Only uncompressed application/json in UTF-8 is accepted.',
};

/**
 * Storage pings shared by every probe for `ttlMs` after a success, and for at most a second after
 * a failure (so recovery shows at once), so a flood of /readyz calls costs one query per period
 * and an outage shows within `ttlMs`. Concurrent probes share the ping in flight.
 */
function cachedReadiness(readiness: Readiness, ttlMs: number): () => Promise<boolean> {
  let last: { ok: boolean; until: number } | undefined;
  let pending: Promise<boolean> | undefined;
  return async () => {
    const now = Date.now();
    if (last && now < last.until) return last.ok;
    pending ??= readiness.check().then(
      () => true,
      () => false,
    ).then((ok) => {
      last = { ok, until: Date.now() + (ok ? ttlMs : Math.min(ttlMs, 1000)) };
      pending = undefined;
      return ok;
    });
    return pending;
  };
}
