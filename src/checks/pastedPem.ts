import { X509Certificate } from 'node:crypto';

/**
 * Certificates pasted into a Teams message. Teams may deliver the text as HTML (`<p>`, `<br>`,
 * `&#43;` for "+"), and the bot squeezes whitespace, so the PEM armour is found again in
 * whatever is left and only Base-64 characters are kept between its lines.
 */

/**
 * The armour line of any PEM private key: PKCS#8, PKCS#1 (RSA), SEC1 (EC), DSA, encrypted or
 * OpenSSH. The command table matches messages with it before any other command, so a key
 * pasted anywhere (also without a command) never reaches the knowledge base or its curation log.
 */
export const PRIVATE_KEY_MARKER = /-{5}\s*BEGIN\s+(?:[A-Z0-9]+\s+)*PRIVATE\s+KEY\s*-{5}/i;

/** Does this text hold a private key? Checked before anything else reads the message. */
export function containsPrivateKey(text: string): boolean {
  return PRIVATE_KEY_MARKER.test(text) || PRIVATE_KEY_MARKER.test(plainOf(text));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The message as plain text: tags become spaces, the entities Teams uses become characters. */
export function plainOf(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()] ?? whole;
      const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    });
}

export type PastedCertificates =
  | { kind: 'none' }
  | { kind: 'unreadable' }
  | { kind: 'certificates'; certificates: X509Certificate[]; ignored: number };

const CERTIFICATE_BLOCK = /-{5}\s*BEGIN\s+CERTIFICATE\s*-{5}([\s\S]*?)-{5}\s*END\s+CERTIFICATE\s*-{5}/gi;

/** A paste may carry the whole chain; a few certificates are read, more are counted, not parsed. */
const MAX_CERTIFICATES = 5;

/** Parses every PEM certificate in the text with node:crypto; a damaged block makes the paste unreadable. */
export function pastedCertificates(text: string): PastedCertificates {
  const blocks = [...plainOf(text).matchAll(CERTIFICATE_BLOCK)].map((match) => match[1].replace(/\s+/g, ''));
  if (blocks.length === 0) return { kind: 'none' };
  const certificates: X509Certificate[] = [];
  for (const body of blocks.slice(0, MAX_CERTIFICATES)) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return { kind: 'unreadable' };
    try {
      certificates.push(new X509Certificate(Buffer.from(body, 'base64')));
    } catch {
      return { kind: 'unreadable' };
    }
  }
  return { kind: 'certificates', certificates: serverCertificateFirst(certificates), ignored: blocks.length - certificates.length };
}

/**
 * A pasted chain in any order, with its server certificate first: the one that issued none of
 * the others, preferably not a CA. Chains arrive root first as often as leaf first (`openssl
 * pkcs12` writes the bags in the PFX's order, CA bundles start at the root), and the CMG takes
 * its name from the server certificate alone.
 */
function serverCertificateFirst(certificates: X509Certificate[]): X509Certificate[] {
  const issuesAnother = (issuer: X509Certificate) => certificates.some((other) => other !== issuer && other.fingerprint256 !== issuer.fingerprint256 && other.checkIssued(issuer));
  const ends = certificates.filter((certificate) => !issuesAnother(certificate));
  const server = ends.find((certificate) => !certificate.ca) ?? ends[0] ?? certificates[0];
  return [server, ...certificates.filter((certificate) => certificate !== server)];
}

/** The words before the first PEM armour line (a region, in `check certificate West Europe -----BEGIN…`). */
export function textBeforePem(text: string): string {
  const plain = plainOf(text);
  const start = plain.search(/-{5}\s*BEGIN\s/i);
  return (start < 0 ? plain : plain.slice(0, start)).replace(/\s+/g, ' ').trim();
}
