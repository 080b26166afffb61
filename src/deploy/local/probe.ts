import http from 'node:http';

export interface ProbeResult {
  readonly status: number;
  readonly body: string;
  /** Seconds from sending the request to the end of the response. */
  readonly seconds: number;
}

/**
 * One GET with a fresh connection (no keep-alive agent: a pooled socket would keep the CLI's
 * event loop alive after the server is gone). Rejects on connection errors and on timeout.
 */
export function probe(url: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body,
          seconds: (performance.now() - started) / 1000,
        }),
      );
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}
