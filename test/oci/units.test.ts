import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { parseChallenge, RegistryClient } from '../../src/deploy/targets/oci/registry-client.js';
import {
  dockerConfigCredentials,
  registryCredentials,
} from '../../src/deploy/targets/oci/credentials.js';
import { parseReference, pinned } from '../../src/deploy/targets/oci/reference.js';
import { wasmArtifact } from '../../src/deploy/targets/oci/wasm-artifact.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { componentWorld } from '../../src/wasm/component-world.js';
import { component, report } from '../report/reports.js';
import { optimizedExampleComponent } from './example-component.js';

const work = mkdtempSync(path.join(tmpdir(), 'spinwash-oci-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parseReference', () => {
  it.each([
    ['ghcr.io/o/app:v1', { registry: 'ghcr.io', repository: 'o/app', tag: 'v1' }],
    [
      '127.0.0.1:5000/demo/app:v1',
      { registry: '127.0.0.1:5000', repository: 'demo/app', tag: 'v1' },
    ],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest' }],
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['o/app:1.2_rc-3', { registry: 'docker.io', repository: 'o/app', tag: '1.2_rc-3' }],
    [
      `ghcr.io/o/app@sha256:${'a'.repeat(64)}`,
      { registry: 'ghcr.io', repository: 'o/app', digest: `sha256:${'a'.repeat(64)}` },
    ],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each(['', 'ghcr.io/O/App:v1', 'ghcr.io/o/app:', 'ghcr.io/o/app@sha256:12', 'a b'])(
    'rejects %j naming the input and what is accepted',
    (text) => {
      expect(() => parseReference(text)).toThrow(
        new RegExp(
          `^Input \`oci-reference\` has the value "${text.replace(/[.$]/g, '\\$&')}"; accepted: \`registry/repository:tag\``,
        ),
      );
    },
  );

  it('pins a reference by digest, tag kept', () => {
    expect(pinned(parseReference('ghcr.io/o/app:v1'), 'sha256:ab')).toBe(
      'ghcr.io/o/app:v1@sha256:ab',
    );
  });
});

describe('RegistryClient transport', () => {
  const client = (reference: string, insecure = false): RegistryClient =>
    new RegistryClient({ reference: parseReference(reference), insecure, timeoutMs: 1000 });
  it('speaks HTTPS to remote registries, plain HTTP to this machine or with oci-insecure', () => {
    expect(client('ghcr.io/o/app:v1').baseUrl).toBe('https://ghcr.io/');
    expect(client('nginx').baseUrl).toBe('https://registry-1.docker.io/');
    expect(client('registry.lan:5000/o/app:v1', true).baseUrl).toBe('http://registry.lan:5000/');
    expect(client('127.0.0.1:5000/o/app:v1').baseUrl).toBe('http://127.0.0.1:5000/');
    expect(client('localhost:5000/o/app:v1').baseUrl).toBe('http://localhost:5000/');
  });

  it('parses WWW-Authenticate challenges, quoted or not', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/app:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://ghcr.io/token',
        service: 'ghcr.io',
        scope: 'repository:o/app:pull',
      },
    });
    expect(parseChallenge('Basic realm=registry')).toEqual({
      scheme: 'basic',
      params: { realm: 'registry' },
    });
  });
});

describe('registry logins', () => {
  const config = (name: string, auths: unknown): NodeJS.ProcessEnv => {
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'config.json'),
      typeof auths === 'string' ? auths : JSON.stringify({ auths }),
    );
    return { DOCKER_CONFIG: dir };
  };

  it('reads `auth` (base64 user:password) and username/password entries of the Docker config', async () => {
    const env = config('a', {
      'ghcr.io': { auth: Buffer.from('me:p:with:colons').toString('base64') },
      'https://index.docker.io/v1/': { username: 'hub', password: 'hub-pw' },
    });
    const file = path.join(env.DOCKER_CONFIG!, 'config.json');
    await expect(dockerConfigCredentials('ghcr.io', env)).resolves.toEqual({
      username: 'me',
      password: 'p:with:colons',
      source: file,
    });
    await expect(dockerConfigCredentials('docker.io', env)).resolves.toMatchObject({
      username: 'hub',
    });
    await expect(dockerConfigCredentials('quay.io', env)).resolves.toBeUndefined();
    await expect(
      dockerConfigCredentials('ghcr.io', { DOCKER_CONFIG: path.join(work, 'none') }),
    ).resolves.toBeUndefined();
  });

  it('names the file of a broken Docker config', async () => {
    const env = config('broken', '{ not json');
    await expect(dockerConfigCredentials('ghcr.io', env)).rejects.toThrow(
      `the Docker config ${path.join(env.DOCKER_CONFIG!, 'config.json')} is not valid JSON`,
    );
  });

  it('inputs win over the Docker config; a user name without a password is an error', async () => {
    const env = config('b', { 'ghcr.io': { auth: Buffer.from('me:pw').toString('base64') } });
    await expect(registryCredentials('ghcr.io', 'ci', 'secret', env)).resolves.toEqual({
      username: 'ci',
      password: 'secret',
      source: 'inputs',
    });
    await expect(registryCredentials('ghcr.io', undefined, undefined, env)).resolves.toMatchObject({
      username: 'me',
    });
    await expect(registryCredentials('ghcr.io', 'ci', undefined, env)).rejects.toThrow(
      'Input `oci-username` is set but `oci-password` is empty; give the password for ghcr.io',
    );
  });
});

describe('deploy: oci inputs', () => {
  const project = mkdtempSync(path.join(work, 'project-'));
  it('reads oci-reference, oci-username, oci-insecure; the password only from env, as a secret', () => {
    const config = buildConfig(
      { project, deploy: 'oci', 'oci-reference': 'ghcr.io/o/app:v1', 'oci-username': 'ci' },
      project,
      { SPINWASH_OCI_PASSWORD: 'from-env' },
    );
    // the plan carries the target itself; its name is the `deploy` value chosen
    expect({ ...config.deploy, target: config.deploy.target?.name }).toMatchObject({
      target: 'oci',
      options: { reference: 'ghcr.io/o/app:v1', username: 'ci', insecure: false },
      secrets: { SPINWASH_OCI_PASSWORD: 'from-env' },
    });
  });
  it('an empty or malformed reference is one line naming the input', () => {
    expect(() => buildConfig({ project, deploy: 'oci' }, project, {})).toThrow(
      /^Input `oci-reference` is empty; give where to push/,
    );
    expect(() =>
      buildConfig({ project, deploy: 'oci', 'oci-reference': 'ghcr.io/O:v1' }, project, {}),
    ).toThrow(/^Input `oci-reference` has the value "ghcr.io\/O:v1"; accepted:/);
    expect(() =>
      buildConfig(
        { project, deploy: 'oci', 'oci-reference': 'a/b', 'oci-insecure': 'yes' },
        project,
        {},
      ),
    ).toThrow('Input `oci-insecure` has the value "yes"; accepted: `true` or `false`');
    expect(() =>
      buildConfig(
        { project, deploy: 'oci', 'oci-reference': `a/b@sha256:${'0'.repeat(64)}` },
        project,
        {},
      ),
    ).toThrow(/accepted: a reference with a tag to push to/);
  });
});

describe('the CNCF Wasm OCI artifact of the example component', () => {
  it('lists the world wasm-tools decodes from the component, and is the same for the same bytes and time', async () => {
    const bytes = new Uint8Array(readFileSync(await optimizedExampleComponent()));
    const world = componentWorld(bytes);
    // wasm-tools (jco's build) decodes the same world: every top-level import and export line
    const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const wit = await componentWit(bytes);
    const named = (kind: string): string[] =>
      [
        ...wit.matchAll(new RegExp(`^\\s*${kind} ([a-z0-9-]+:[a-z0-9-/]+(?:@[0-9.]+)?);`, 'gm')),
      ].map((m) => m[1]!);
    expect(world.imports.length).toBeGreaterThan(0);
    expect(world.imports).toEqual(named('import'));
    expect(world.exports).toEqual(named('export'));

    const at = new Date('2026-01-02T03:04:05Z');
    const one = wasmArtifact(bytes, at);
    const two = wasmArtifact(bytes, at);
    expect(Buffer.from(one.manifest).equals(Buffer.from(two.manifest))).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(one.config.bytes))).toEqual({
      created: '2026-01-02T03:04:05.000Z',
      architecture: 'wasm',
      os: 'wasip2',
      layerDigests: [one.layer.digest],
      component: { exports: world.exports, imports: world.imports },
    });
  });
});

describe('pushApp', () => {
  it('pushes one component as an artifact; a project of several is one clear line', async () => {
    const { pushApp } = await import('../../src/deploy/targets/oci/push.js');
    const { MemoryLogger } = await import('../../src/log.js');
    const error = (await pushApp({
      project: { kind: 'cargo', dir: work, appName: 'ws' },
      components: [
        { name: 'api', wasmPath: path.join(work, 'api.wasm') },
        { name: 'web', wasmPath: path.join(work, 'web.wasm') },
      ],
      healthPath: '/',
      timeoutSeconds: 5,
      options: { reference: '127.0.0.1:9/o/app:v1', insecure: false },
      secrets: {},
      logger: new MemoryLogger(),
    }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      'deploy: oci pushes one component as a Wasm OCI artifact; this cargo project has 2 (api, web)',
    );
  });
});

describe('a registry that does not answer', () => {
  it('is given the rest of deploy-timeout, then one line naming it and the request', async () => {
    const http = await import('node:http');
    const { pushApp } = await import('../../src/deploy/targets/oci/push.js');
    const { MemoryLogger } = await import('../../src/log.js');
    const silent = http.createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as import('node:net').AddressInfo;
    const wasm = path.join(work, 'silent.wasm');
    writeFileSync(wasm, Buffer.from('\0asm\x01\0\0\0', 'latin1'));
    try {
      const started = performance.now();
      const error = (await pushApp({
        project: { kind: 'cargo', dir: work, appName: 'app' },
        components: [{ name: 'app', wasmPath: wasm }],
        healthPath: '/',
        timeoutSeconds: 0.5,
        options: { reference: `127.0.0.1:${port}/o/app:v1`, insecure: false },
        secrets: { SPINWASH_OCI_PASSWORD: 'x' },
        logger: new MemoryLogger(),
      }).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(
        new RegExp(
          `^registry 127\\.0\\.0\\.1:${port} did not answer \\(HEAD blob sha256:[a-f0-9]{64}\\) within 0\\.\\d s \\(the rest of deploy-timeout\\)$`,
        ),
      );
      expect(performance.now() - started).toBeLessThan(30_000); // the silent registry would hold it for good
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('the markdown of a push', () => {
  it('shows the pinned reference, the bytes and the push time under the deploy table', () => {
    const image = `ghcr.io/o/app:v1@sha256:${'c'.repeat(64)}`;
    const markdown = renderMarkdown(
      report([component('app', 1000)], {
        deploy: {
          target: 'oci',
          url: `https://ghcr.io/v2/o/app/manifests/sha256:${'c'.repeat(64)}`,
          status: 201,
          readySeconds: 1.5,
          firstResponseSeconds: 0.2,
          digest: `sha256:${'c'.repeat(64)}`,
          image,
          pushedBytes: 1234,
          pushSeconds: 1.5,
        },
      }),
    );
    expect(markdown).toContain(`Pushed \`${image}\` · 1.21 KiB (1,234 B) in 1.50 s`);
  });
});
