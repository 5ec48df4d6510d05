import { X509Certificate } from 'node:crypto';
import { connect, DetailedPeerCertificate, rootCertificates } from 'node:tls';

/** Where to shake hands: an address already checked, and the name to send as SNI. */
export interface TlsTarget {
  address: string;
  port: number;
  servername: string;
  timeoutMs: number;
}

export interface TlsHandshake {
  /** `TLSv1.3`, `TLSv1.2`, … */
  protocol: string;
  /** The chain leads to a trusted root (name match not included: see `nameMatches`). */
  chainTrusted: boolean;
  /** OpenSSL's reason when the chain is not trusted (e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`). */
  chainError?: string;
  certificate: X509Certificate;
}

export type TlsFailureCode = 'timeout' | 'refused' | 'unreachable' | 'reset' | 'handshake';

export class TlsFailure extends Error {
  constructor(
    readonly code: TlsFailureCode,
    readonly detail: string,
  ) {
    super(`TLS ${code} (${detail})`);
    this.name = 'TlsFailure';
  }
}

/** One TLS handshake; rejects with TlsFailure only. */
export type TlsProbe = (target: TlsTarget) => Promise<TlsHandshake>;

function failureOf(error: unknown): TlsFailure {
  const code = (error as { code?: string }).code ?? 'UNKNOWN';
  if (code === 'ECONNREFUSED') return new TlsFailure('refused', code);
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(code)) return new TlsFailure('unreachable', code);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new TlsFailure('reset', code);
  return new TlsFailure('handshake', code);
}

const CLOSE_GRACE_MS = 1000;

/** Node marks a name mismatch as an authorization error too; the name is judged on its own. */
const NAME_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_TLS_CERT_ALTNAME_FORMAT']);

/**
 * A handshake with node:tls and nothing more: the socket is closed as soon as the server's
 * certificate is in, so no HTTP request (and no redirect) ever happens. The chain is judged
 * against Node's public roots plus `extraCa`, without refusing an untrusted one, because the
 * point is to show what the server presents.
 */
export function nodeTlsProbe(options: { extraCa?: readonly string[] } = {}): TlsProbe {
  const ca = options.extraCa?.length ? [...rootCertificates, ...options.extraCa] : undefined;
  return (target) =>
    new Promise<TlsHandshake>((resolve, reject) => {
      const socket = connect({
        host: target.address,
        port: target.port,
        servername: target.servername,
        rejectUnauthorized: false,
        ca,
        // An inspection, not a session: old protocols and weak keys are accepted so the card can
        // name them ("TLS 1.0", "RSA 1024") instead of failing with a bare handshake error.
        minVersion: 'TLSv1',
        ciphers: 'DEFAULT:@SECLEVEL=0',
      });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TlsFailure('timeout', `${target.timeoutMs} ms`));
      }, target.timeoutMs);
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        try {
          const peer = socket.getPeerCertificate(true) as DetailedPeerCertificate;
          if (!peer?.raw) throw new TlsFailure('handshake', 'no certificate');
          const reason = socket.authorizationError ? String(socket.authorizationError) : undefined;
          const chainError = reason && !NAME_ERRORS.has(reason) ? reason : undefined;
          resolve({ protocol: socket.getProtocol() ?? 'unknown', chainTrusted: !chainError, chainError, certificate: new X509Certificate(peer.raw) });
        } catch (error) {
          reject(error instanceof TlsFailure ? error : failureOf(error));
        } finally {
          // A polite close (our Finished and close_notify go out) keeps the server's logs clean;
          // a server that never closes its side is cut off shortly after.
          socket.end();
          setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
        }
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(failureOf(error));
      });
    });
}
