import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Rust builds share one CARGO_TARGET_DIR and two cores: run files one after another.
    fileParallelism: false,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
