import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const fakeCli = path.resolve(import.meta.dirname, '..', 'fake-cli');

export interface ReleaseSpec {
  readonly tag: string;
  readonly prerelease?: boolean;
  /** Asset names to list; default: every platform's asset of the tool. */
  readonly assets?: readonly string[];
  /** wasmtime: list the assets without GitHub's `digest` (an asset uploaded before June 2025). */
  readonly noDigest?: boolean;
}

export interface ReleaseServer {
  /** Serves the GitHub layout: /repos/<o>/<r>/releases and /<o>/<r>/releases/download/<tag>/<asset>. */
  readonly url: string;
  /** Paths requested, in order (to count downloads). */
  readonly requests: string[];
  /** Paths of the requests that carried an `authorization` header, with its value. */
  readonly authorized: string[];
  /** The next `times` requests whose path contains `part` answer `status`. */
  failNext(part: string, status: number, times?: number): void;
  /** The next `times` requests whose path contains `part` get no answer at all (a stalled server). */
  hangNext(part: string, times?: number): void;
  /** Serve checksum files whose sums do not match the archives. */
  corruptChecksums: boolean;
  close(): Promise<void>;
}

const SPIN_PLATFORMS = ['linux-amd64', 'linux-aarch64', 'macos-amd64', 'macos-aarch64'];
const WASH_TRIPLES = [
  'x86_64-unknown-linux-musl',
  'aarch64-unknown-linux-musl',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
];

/** spin-<tag>.tar.gz as spin ships it: the executable (the fake), crt.pem, spin.sig, README, LICENSE. */
function spinArchive(work: string, tag: string): Buffer {
  const dir = path.join(work, `spin-${tag}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(fakeCli, 'spin'), path.join(dir, 'spin'));
  execFileSync('chmod', ['+x', path.join(dir, 'spin')]);
  writeFileSync(path.join(dir, 'VERSION'), tag.replace(/^v/, ''));
  for (const name of ['crt.pem', 'spin.sig', 'README.md', 'LICENSE'])
    writeFileSync(path.join(dir, name), `${name} of the fake spin ${tag}\n`);
  const archive = path.join(work, `spin-${tag}.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', dir, '.']);
  return readFileSync(archive);
}

/** The raw wash binary: the fake, told its version. */
function washBinary(tag: string): Buffer {
  const version = tag.replace(/^wash-(cli-)?v|^v/, '');
  const script = readFileSync(path.join(fakeCli, 'wash'), 'utf8');
  return Buffer.from(script.replace("|| '0.39.0'", `|| '${version}'`));
}

const WASMTIME_PLATFORMS = ['x86_64-linux', 'aarch64-linux', 'x86_64-macos', 'aarch64-macos'];

/**
 * wasmtime-<tag>-<platform>.tar.xz as wasmtime ships it: the folder of that name holding
 * `wasmtime`, LICENSE and README.md. The executable is a script that says its version and
 * hands everything else to the real wasmtime the tests use (WASMTIME_FOR_FAKE), if any.
 */
function wasmtimeArchive(work: string, tag: string, platform: string): Buffer {
  const name = `wasmtime-${tag}-${platform}`;
  const dir = path.join(work, 'wasmtime', name);
  mkdirSync(dir, { recursive: true });
  const version = tag.replace(/^v/, '');
  writeFileSync(
    path.join(dir, 'wasmtime'),
    `#!/bin/sh\nif [ "$1" = "--version" ] || [ "$1" = "-V" ]; then echo "wasmtime ${version} (fake ${tag})"; exit 0; fi\n` +
      `[ -n "$WASMTIME_FOR_FAKE" ] || { echo "fake wasmtime ${tag}: WASMTIME_FOR_FAKE is not set" >&2; exit 2; }\n` +
      `exec "$WASMTIME_FOR_FAKE" "$@"\n`,
    { mode: 0o755 },
  );
  for (const file of ['LICENSE', 'README.md'])
    writeFileSync(path.join(dir, file), `${file} of the fake wasmtime ${tag}\n`);
  const archive = path.join(work, `${name}.tar.xz`);
  execFileSync('tar', ['-cJf', archive, '-C', path.dirname(dir), name]);
  return readFileSync(archive);
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A stand-in for GitHub's releases of spin and wash on 127.0.0.1, for the installer tests. */
export async function startReleaseServer(options: {
  spin: ReleaseSpec[];
  wash: ReleaseSpec[];
  wasmtime?: ReleaseSpec[];
}): Promise<ReleaseServer> {
  const work = mkdtempSync(path.join(tmpdir(), 'spinwash-releases-'));
  const files = new Map<string, Buffer>();
  const releases = new Map<string, object>();
  const spinReleases = options.spin.map((spec) => {
    const archive = spinArchive(work, spec.tag);
    const names = spec.assets ?? SPIN_PLATFORMS.map((p) => `spin-${spec.tag}-${p}.tar.gz`);
    const base = `/spinframework/spin/releases/download/${spec.tag}`;
    for (const name of names) files.set(`${base}/${name}`, archive);
    const checksums = names.map((name) => `${sha256(archive)}  ${name}`).join('\n');
    files.set(`${base}/checksums-${spec.tag}.txt`, Buffer.from(`${checksums}\n`));
    return {
      tag_name: spec.tag,
      prerelease: spec.prerelease ?? false,
      draft: false,
      assets: [...names, `checksums-${spec.tag}.txt`].map((name) => ({ name })),
    };
  });
  const washReleases = options.wash.map((spec) => {
    const names = spec.assets ?? WASH_TRIPLES.map((t) => `wash-${t}`);
    for (const name of names)
      files.set(`/wasmCloud/wasmCloud/releases/download/${spec.tag}/${name}`, washBinary(spec.tag));
    return {
      tag_name: spec.tag,
      prerelease: spec.prerelease ?? false,
      draft: false,
      assets: names.map((name) => ({ name })),
    };
  });
  const wasmtimeReleases = (options.wasmtime ?? []).map((spec) => {
    const names = spec.assets ?? WASMTIME_PLATFORMS.map((p) => `wasmtime-${spec.tag}-${p}.tar.xz`);
    const assets = names.map((name) => {
      const platform = /^wasmtime-[^-]+-(.+)\.tar\.xz$/.exec(name)?.[1] ?? 'x86_64-linux';
      const archive = wasmtimeArchive(work, spec.tag, platform);
      files.set(`/bytecodealliance/wasmtime/releases/download/${spec.tag}/${name}`, archive);
      return { name, digest: spec.noDigest ? null : `sha256:${sha256(archive)}` };
    });
    const release = {
      tag_name: spec.tag,
      prerelease: spec.prerelease ?? false,
      draft: false,
      assets,
    };
    releases.set(`/repos/bytecodealliance/wasmtime/releases/tags/${spec.tag}`, release);
    return release;
  });
  releases.set('/repos/bytecodealliance/wasmtime/releases', wasmtimeReleases);
  releases.set('/repos/spinframework/spin/releases', spinReleases);
  releases.set('/repos/wasmCloud/wasmCloud/releases', washReleases);

  const failures: { part: string; status: number; times: number }[] = [];
  const hangs: { part: string; times: number }[] = [];
  const requests: string[] = [];
  const authorized: string[] = [];
  const state = { corruptChecksums: false };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const route = decodeURIComponent(url.pathname);
    requests.push(route);
    if (request.headers.authorization) authorized.push(`${route} ${request.headers.authorization}`);
    const hang = hangs.find((h) => h.times > 0 && route.includes(h.part));
    if (hang) {
      hang.times--;
      return; // closeAllConnections() ends it when the server closes
    }
    const failure = failures.find((f) => f.times > 0 && route.includes(f.part));
    if (failure) {
      failure.times--;
      response
        .writeHead(failure.status, { 'content-type': 'text/plain' })
        .end(`injected ${failure.status}\n`);
      return;
    }
    const list = releases.get(route);
    if (list) {
      let json = JSON.stringify(list);
      if (state.corruptChecksums)
        json = json.replace(
          /"sha256:[0-9a-f]/g,
          (m) => `${m.slice(0, -1)}${m.endsWith('0') ? '1' : '0'}`,
        );
      response.writeHead(200, { 'content-type': 'application/json' }).end(json);
      return;
    }
    let body = files.get(route);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n');
      return;
    }
    if (state.corruptChecksums && /checksums-[^/]+\.txt$/.test(route))
      body = Buffer.from(
        body.toString('utf8').replace(/^[0-9a-f]/gm, (c) => (c === '0' ? '1' : '0')),
      );
    response
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    authorized,
    failNext: (part, status, times = 1) => void failures.push({ part, status, times }),
    hangNext: (part, times = 1) => void hangs.push({ part, times }),
    get corruptChecksums() {
      return state.corruptChecksums;
    },
    set corruptChecksums(value: boolean) {
      state.corruptChecksums = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        rmSync(work, { recursive: true, force: true });
      }),
  };
}
