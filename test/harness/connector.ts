import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the channel. */
export interface ConnectorCall {
  method: 'POST' | 'PUT' | 'DELETE';
  conversationId: string;
  /** The activity id in the path: replyToId for replies, the updated/deleted id otherwise. */
  activityId?: string;
  activity?: Record<string, unknown>;
  /** Id the connector assigned (POST) or kept (PUT). */
  assignedId?: string;
  authorization?: string;
  at: number;
}

/** Lets a test make the connector refuse some calls (429 bursts, 403 removed bot, …). */
export type ConnectorFault = (call: ConnectorCall) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;

/**
 * A local Bot Framework connector: the HTTP service a bot posts its replies to (the activity's
 * `serviceUrl`). It records every send, update and delete so tests can assert what a Teams
 * user would have seen. Loopback only.
 */
export class LocalConnector {
  readonly calls: ConnectorCall[] = [];
  fault: ConnectorFault | undefined;
  /**
   * Network delay a test gives a send (method, conversation): the call is stamped and answered
   * only after it, as a slow or busy path to the channel would.
   */
  latency: ((method: string, conversationId: string) => number) | undefined;
  /**
   * Members the channel knows, for GET /v3/conversations/{id}/members/{userId} (TeamsInfo.getMember).
   * A member is found by Teams id or Entra object id, in any conversation; others get 404.
   */
  roster: { id: string; aadObjectId: string; name: string }[] = [];
  /** How many member look-ups the bot made. */
  memberLookups = 0;
  /** Lets a test make a member look-up fail with a status other than "not a member" (e.g. 500). */
  memberFault: ((userId: string) => number | undefined) | undefined;
  private server: Server | undefined;
  private nextId = 1;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Messages (POST) the bot sent, optionally only to one conversation. */
  sent(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'POST' && (!conversationId || c.conversationId === conversationId))
      .map((c) => c.activity!);
  }

  /** Updates (PUT) the bot made. */
  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && (!conversationId || c.conversationId === conversationId));
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Resolves once `predicate` holds (checked after each call), or rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`connector: condition not met within ${timeoutMs} ms (${this.calls.length} calls recorded)`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ predicate, resolve: done });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(req.url ?? '');
    if (member && req.method === 'GET') {
      this.memberLookups++;
      const userId = decodeURIComponent(member[2]).toLowerCase();
      const failure = this.memberFault?.(userId);
      if (failure) {
        res.writeHead(failure, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ServiceError', message: `refused with ${failure}` } }));
        return;
      }
      const found = this.roster.find((m) => m.id.toLowerCase() === userId || m.aadObjectId.toLowerCase() === userId);
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found ? { id: found.id, name: found.name, aadObjectId: found.aadObjectId } : { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } }));
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!match || !['POST', 'PUT', 'DELETE'].includes(req.method ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NotFound', message: 'unknown route' } }));
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const delayMs = this.latency?.(req.method ?? '', conversationId) ?? 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const call: ConnectorCall = {
      method: req.method as ConnectorCall['method'],
      conversationId,
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      activity: body ? (JSON.parse(body) as Record<string, unknown>) : undefined,
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    const refusal = this.fault?.(call);
    if (refusal) {
      res.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
      res.end(JSON.stringify(refusal.body ?? { error: { code: 'Refused', message: `refused with ${refusal.status}` } }));
      return;
    }
    call.assignedId = call.method === 'PUT' ? call.activityId : `activity-${this.nextId++}`;
    this.calls.push(call);
    res.writeHead(call.method === 'DELETE' ? 200 : 201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: call.assignedId }));
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate()) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve();
      }
    }
  }
}
