import { createSocket, RemoteInfo, Socket } from 'node:dgram';
import * as packet from 'dns-packet';

/** One name's records in the local zone. */
export interface ZoneEntry {
  cname?: string;
  a?: string[];
  aaaa?: string[];
  /** Answer only after this long (a slow or overloaded server). */
  delayMs?: number;
  /** Answer SERVFAIL (a broken upstream). */
  servfail?: boolean;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

/**
 * A DNS server on a free loopback UDP port, answering like a recursive resolver from a small
 * zone: CNAME questions get the record itself, A/AAAA questions get the chain chased inside the
 * zone, names without the asked type get an empty NOERROR answer, unknown names NXDOMAIN.
 * Names are matched without case, as DNS does, and answered in the zone's spelling.
 */
export class LocalDns {
  private socket?: Socket;
  private readonly zone = new Map<string, ZoneEntry>();
  private readonly spelled = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Every question asked, as `TYPE name`. */
  readonly questions: string[] = [];
  port = 0;

  set(name: string, entry: ZoneEntry): this {
    this.zone.set(name.toLowerCase(), entry);
    this.spelled.set(name.toLowerCase(), name);
    return this;
  }

  /** For DNS_SERVERS. */
  get server(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const socket = createSocket('udp4');
    this.socket = socket;
    socket.on('message', (message, remote) => this.answer(message, remote));
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    this.port = socket.address().port;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await new Promise<void>((resolve) => (this.socket ? this.socket.close(() => resolve()) : resolve()));
  }

  private answer(message: Buffer, remote: RemoteInfo): void {
    let query: packet.DecodedPacket;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    this.questions.push(`${question.type} ${question.name}`);
    const entry = this.zone.get(question.name.toLowerCase());
    const { rcode, answers } = this.resolve(question.name, question.type);
    const reply = packet.encode({
      type: 'response',
      id: query.id,
      flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (entry?.servfail ? RCODE.SERVFAIL : rcode),
      questions: [question],
      answers: entry?.servfail ? [] : answers,
    });
    const send = () => this.socket?.send(reply, remote.port, remote.address);
    if (entry?.delayMs) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        send();
      }, entry.delayMs);
      this.timers.add(timer);
    } else send();
  }

  private resolve(name: string, type: string): { rcode: number; answers: packet.Answer[] } {
    const answers: packet.Answer[] = [];
    let current = name;
    for (let hop = 0; hop < 10; hop++) {
      const entry = this.zone.get(current.toLowerCase());
      if (!entry) return { rcode: RCODE.NXDOMAIN, answers };
      const owner = hop === 0 ? name : (this.spelled.get(current.toLowerCase()) ?? current);
      if (entry.cname) {
        answers.push({ type: 'CNAME', name: owner, ttl: 300, data: entry.cname });
        if (type === 'CNAME') return { rcode: RCODE.NOERROR, answers };
        current = entry.cname;
        continue;
      }
      if (type === 'A') for (const address of entry.a ?? []) answers.push({ type: 'A', name: owner, ttl: 300, data: address });
      if (type === 'AAAA') for (const address of entry.aaaa ?? []) answers.push({ type: 'AAAA', name: owner, ttl: 300, data: address });
      return { rcode: RCODE.NOERROR, answers };
    }
    return { rcode: RCODE.SERVFAIL, answers: [] };
  }
}
