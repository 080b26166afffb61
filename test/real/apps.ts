import { readFileSync } from 'node:fs';
import { coreModules, parseWasm } from '../../src/wasm/parse.js';

/**
 * The real apps under test/fixtures/real: laid out as `spin new` and `wash new` lay them out
 * today (their Cargo.lock pins every crate), built from crates.io in the tests.
 */
export interface RealApp {
  /** Folder under test/fixtures. */
  readonly fixture: string;
  /** Crate folders whose `target` links to the shared target folder. */
  readonly crates: readonly string[];
  readonly kind: 'spin' | 'wash';
  /** What `GET /` answers. */
  readonly body: string;
  /** The Rust target its build names. */
  readonly target: 'wasm32-wasip1' | 'wasm32-wasip2';
}

export const SPIN_HTTP_RUST: RealApp = {
  fixture: 'real/spin-http-rust',
  crates: ['.'],
  kind: 'spin',
  body: 'Hello, Fermyon',
  target: 'wasm32-wasip1',
};

export const SPIN_TWO_ROUTES: RealApp = {
  fixture: 'real/spin-two-routes',
  crates: ['hello', 'goodbye'],
  kind: 'spin',
  body: 'Hello, Fermyon',
  target: 'wasm32-wasip1',
};

export const WASH_HELLO_WORLD_RUST: RealApp = {
  fixture: 'real/wash-hello-world-rust',
  crates: ['.'],
  kind: 'wash',
  body: 'Hello from Rust!\n',
  target: 'wasm32-wasip2',
};

export const WASH_WSTD: RealApp = {
  fixture: 'real/wash-wstd',
  crates: ['.'],
  kind: 'wash',
  body: 'Hello from wasmCloud!\n',
  target: 'wasm32-wasip2',
};

export const REAL_APPS = [SPIN_HTTP_RUST, SPIN_TWO_ROUTES, WASH_HELLO_WORLD_RUST, WASH_WSTD];

/** The `component-type:*` custom sections of a binary, in every core module, in order. */
export function componentTypeSections(file: string): string[] {
  const binary = parseWasm(new Uint8Array(readFileSync(file)));
  const parts =
    binary.kind === 'module' ? [binary] : [binary, ...coreModules(binary).map((m) => m.module)];
  return parts.flatMap((part) =>
    part.sections
      .map((section) => section.customName)
      .filter((name): name is string => name?.startsWith('component-type') ?? false),
  );
}
