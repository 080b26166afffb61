import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit` (`npm run test:unit`): pure logic, parsers, local HTTP stand-ins; no Rust
 * toolchain needed, nothing built, no served component; under 30 s. `e2e`: real cargo builds,
 * real runtimes, real registries. `npm test` runs both. A new test file is e2e unless it
 * matches UNIT (test/architecture.test.ts checks every entry names a file that exists).
 */
export const UNIT = [
  'test/architecture.test.ts',
  'test/config/**/*.test.ts',
  'test/cli/cli.test.ts',
  'test/github/**/*.test.ts',
  'test/setup/**/*.test.ts',
  'test/report/{budget,compare,config-inputs,format,json,markdown}.test.ts',
  'test/wasm/{demangle,fsutil,malformed}.test.ts',
  'test/projects/{bad-input,inspect}.test.ts',
  'test/deploy/{assets,new-target,readiness,registry,routes,wasi-interfaces}.test.ts',
  'test/bench/{alert,bench-cli,charts,cold-verdict,history,stats}.test.ts',
  'test/k8s/inputs.test.ts',
  'test/oci/units.test.ts',
  'test/monorepo/{gitignore,discover,changed,merge,merge-action,job-results}.test.ts',
  'test/release.test.ts',
  'test/hostile/{child-env,history,inputs,k8s-early,lock,outputs,setup-timeout}.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Rust builds share one CARGO_TARGET_DIR and two cores: run files one after another.
    // `npm run test:unit` runs two files at a time in two reused workers instead (nothing in
    // the unit tier builds; most of its time is spent waiting on local servers, timeouts and
    // retries, and a fresh worker per file cost more CPU than the tests themselves).
    fileParallelism: false,
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'e2e', include: ['test/**/*.test.ts'], exclude: UNIT } },
    ],
  },
});
