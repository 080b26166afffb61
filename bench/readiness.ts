/**
 * The readiness clock's accuracy, which tests only bound from below (a loaded machine makes
 * everything later, and a test's time window is a flake): a real HTTP server on 127.0.0.1
 * serves the old version (Spin's info digest `old`) and switches to the new one exactly
 * SWITCH_MS after the clock's start, as the fake platforms of test/deploy/platforms.test.ts
 * do; the measured ready time minus the switch is the clock's error. Goal: within 50 ms.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { snapshotBeforeDeploy, waitUntilReady } from '../src/deploy/readiness.js';

const SWITCH_MS = 1500;
export const READINESS_GOAL_MS = 50;

/** One deploy's clock: how many ms after the switch it saw the new version. */
async function oneError(): Promise<number> {
  let digest = 'sha256:old';
  const server = http.createServer((req, res) => {
    if (req.url === '/.well-known/spin/info') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ name: 'app', oci_image_digest: digest }));
    }
    res.writeHead(200).end(digest);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const before = await snapshotBeforeDeploy(base);
    const startedAt = performance.now();
    setTimeout(() => (digest = 'sha256:new'), SWITCH_MS - (performance.now() - startedAt));
    const ready = await waitUntilReady({
      label: 'bench',
      baseUrl: () => base,
      healthPath: '/',
      before,
      startedAt,
      timeoutSeconds: 30,
    });
    return ready.readySeconds * 1000 - SWITCH_MS;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** `runs` deploys' clock errors (ms after the switch), in the order measured. */
export async function readinessErrors(runs: number): Promise<number[]> {
  const errors: number[] = [];
  for (let i = 0; i < runs; i++) errors.push(await oneError());
  return errors;
}
