import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * POSTs exactly the headers and bytes given (no content-type or length added), for bodies a
 * browser form, a multipart upload or a compression bomb would send. With `stream`, the body is
 * written in 64 KB chunks without a length until the server answers or `stream` bytes are sent.
 */
export function rawPost(url: string, headers: Record<string, string>, body: Buffer | { stream: number }): Promise<RawResponse & { bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), bytesSent }));
      res.on('error', reject);
    });
    // The server may close while the body is still going out; the answer it sent first is what counts.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (Buffer.isBuffer(body)) {
      bytesSent = body.length;
      req.end(body);
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && bytesSent < body.stream) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/**
 * A gzip "bomb": a JSON activity whose text is `inflatedBytes` of spaces, compressed (about
 * 1:1000). Fed to gzip a megabyte at a time, so making one does not cost what inflating it would.
 */
export async function gzipBomb(inflatedBytes: number): Promise<Buffer> {
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  async function* activity() {
    yield Buffer.from('{"type":"message","text":"');
    for (let left = inflatedBytes; left > 0; left -= spaces.length) yield left >= spaces.length ? spaces : spaces.subarray(0, left);
    yield Buffer.from('"}');
  }
  const out: Buffer[] = [];
  await pipeline(Readable.from(activity()), zlib.createGzip({ level: 9 }), async (compressed: AsyncIterable<Buffer>) => {
    for await (const chunk of compressed) out.push(chunk);
  });
  return Buffer.concat(out);
}
