import { Agent, request } from 'node:http';

export interface RawResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON when it is JSON; undefined otherwise. Its type is the caller's claim, unchecked. */
  json: T;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalisation, so `%00`, `%` or `..` reach the server as written. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The client's own address (any 127.x.y.z on Linux), to stand for many clients behind per-address limits. */
  localAddress?: string;
}

// A connection per request: with keep-alive, a socket the server closed while idle gets reused and resets.
const agent = new Agent({ keepAlive: false });

/**
 * One HTTP request byte-for-byte as a hostile client would send it (any Host, Content-Encoding,
 * charset or path), which fetch() would refuse or normalise.
 */
export function rawRequest<T = unknown>(baseUrl: string, req: RawRequest): Promise<RawResponse<T>> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(req.headers ?? {}) };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    const outgoing = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent, localAddress: req.localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          if (String(res.headers['content-type'] ?? '').includes('json')) {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: json as T });
        });
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}
