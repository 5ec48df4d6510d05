import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import restify from 'restify';
import { Env, readInt, readString } from './env';
import type { Logger } from './log';

export interface ServerSettings {
  port: number;
  host: string;
  /** Teams activities are small; a cap keeps a hostile body from eating memory. */
  maxBodyBytes: number;
  shutdownGraceMs: number;
}

export function readServerSettings(env: Env): ServerSettings {
  return {
    port: readInt(env, 'PORT', 3978, 0, 65535),
    host: readString(env, 'HOST', '0.0.0.0'),
    maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
    shutdownGraceMs: readInt(env, 'SHUTDOWN_GRACE_MS', 5000, 0, 60000),
  };
}

/** The one thing the server needs from the bot: process a POSTed activity. */
export interface MessageEndpoint {
  process(request: restify.Request, response: restify.Response): Promise<void>;
}

export interface Readiness {
  /** Resolves when storage answers; rejects otherwise. */
  check(): Promise<void>;
}

export interface ServerOptions {
  maxBodyBytes: number;
  log: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, waits for turns in flight (up to `graceMs`), then resolves. */
  close(graceMs: number): Promise<void>;
  readonly inFlight: number;
}

/**
 * restify: POST /api/messages for Bot Framework activities, GET /healthz (the process answers)
 * and GET /readyz (storage answers). Malformed or oversized bodies are refused by the body
 * parser with 400/413 before the bot sees them.
 */
export function createServer(endpoint: MessageEndpoint, readiness: Readiness, options: ServerOptions) {
  const server = restify.createServer({ name: 'cmg-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  const idle: (() => void)[] = [];

  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (draining) {
      res.header('Connection', 'close');
      res.send(503, { error: 'shutting down' });
      return;
    }
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.send(400, { error: 'The body must be a JSON activity object.' });
      return;
    }
    inFlight++;
    try {
      await endpoint.process(req, res);
    } catch (error) {
      // The adapter rejects structurally invalid activities by throwing; that is the caller's fault.
      options.log.warn({ err: error }, 'rejected activity');
      if (!res.headersSent) res.send(400, { error: 'Invalid activity.' });
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
    try {
      await readiness.check();
      res.send(200, { status: 'ready' });
    } catch {
      res.send(503, { status: 'storage unavailable' });
    }
  });

  return {
    server,
    async listen(port: number, host: string): Promise<RunningServer> {
      await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
      const address = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      return {
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        get inFlight() {
          return inFlight;
        },
        async close(graceMs: number) {
          draining = true;
          const http = server.server as HttpServer;
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
