import { runtimeChoices } from '../deploy/registry.js';
import {
  invalidInput,
  MAX_WAIT_SECONDS,
  parseBoolean,
  parseChoice,
  parseList,
  parsePositiveNumber,
} from '../input-parsers.js';

import { PROJECT_KINDS, type ProjectKindInput } from '../projects/project.js';

/** The platform side of the run plan: project kind, local runtime, and which CLIs to install. */
export interface ToolsConfig {
  readonly projectKind: ProjectKindInput;
  /** A Cargo project's Rust target (`target` input); undefined: .cargo/config.toml's, else wasm32-wasip1. */
  readonly rustTarget?: string;
  /** What serves `deploy: local`: a runtime a target's alias declares (`embedded`, `spin` …). */
  readonly runtime: string;
  /** `latest`, `canary` or `vX.Y.Z`; undefined: install nothing, use spin from PATH if needed. */
  readonly spinVersion?: string;
  /** `latest` or `vX.Y.Z` (0.x or 2.x); undefined: use wash from PATH if needed. */
  readonly washVersion?: string;
  /** `latest` or `vX.Y.Z`; undefined: use wasmtime from PATH if needed. */
  readonly wasmtimeVersion?: string;
  readonly spinPlugins: readonly string[];
  /** Seconds the setup stage may take (downloads and `spin plugins` commands together). */
  readonly setupTimeoutSeconds: number;
  /** Run `rustup target add` for a missing Rust target (a download) instead of saying how. */
  readonly installRustTarget: boolean;
  /** Where releases are fetched from instead of GitHub (a mirror, GHES, tests); see src/setup/releases.ts. */
  readonly baseUrl?: string;
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

/** `latest`, `canary` (spin only) or a version, normalized to `vX.Y.Z`; '' is undefined. */
export function parseToolVersion(
  input: string,
  value: string,
  allowCanary: boolean,
): string | undefined {
  if (value === '') return undefined;
  if (value === 'latest' || (allowCanary && value === 'canary')) return value;
  if (SEMVER.test(value)) return value.startsWith('v') ? value : `v${value}`;
  throw invalidInput(
    input,
    value,
    `\`latest\`${allowCanary ? ', `canary`' : ''}, a version like \`v3.4.1\`, or empty to use the one on PATH`,
  );
}

function parseBaseUrl(value: string): string | undefined {
  if (value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw invalidInput('tools-base-url', value, 'an http(s) URL, or empty for GitHub');
}

const PLUGIN = /^[a-z0-9][a-z0-9-]*$/;

/** A Rust wasm target triple (`wasm32-wasip1`, `wasm32-wasip2`, `wasm32-unknown-unknown` …); '' is undefined. */
export function parseRustTarget(input: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (/^wasm(32|64)-[a-z0-9_]+(-[a-z0-9_.]+)*$/.test(value)) return value;
  throw invalidInput(
    input,
    value,
    'a Rust wasm target such as `wasm32-wasip1`, `wasm32-wasip2` or `wasm32-unknown-unknown`',
  );
}

/** Reads the platform inputs; `get` returns an input's trimmed value or its default. */
export function parseToolsConfig(get: (name: ToolsInputName) => string): ToolsConfig {
  const plugins = parseList(get('spin-plugins'));
  for (const plugin of plugins) {
    if (!PLUGIN.test(plugin))
      throw invalidInput(
        'spin-plugins',
        plugin,
        'plugin names such as `cloud`, `kube` (lowercase letters, digits, `-`)',
      );
  }
  return Object.freeze({
    projectKind: parseChoice('project-kind', get('project-kind'), PROJECT_KINDS),
    rustTarget: parseRustTarget('target', get('target')),
    runtime: parseChoice('runtime', get('runtime'), runtimeChoices()),
    spinVersion: parseToolVersion('spin-version', get('spin-version'), true),
    washVersion: parseToolVersion('wash-version', get('wash-version'), false),
    wasmtimeVersion: parseToolVersion('wasmtime-version', get('wasmtime-version'), false),
    spinPlugins: Object.freeze(plugins),
    setupTimeoutSeconds: parsePositiveNumber(
      'setup-timeout',
      get('setup-timeout'),
      MAX_WAIT_SECONDS,
    ),
    installRustTarget: parseBoolean('install-rust-target', get('install-rust-target')),
    baseUrl: parseBaseUrl(
      get('tools-base-url') || (process.env.SPINWASH_TOOLS_BASE_URL ?? '').trim(),
    ),
  });
}

export type ToolsInputName =
  | 'project-kind'
  | 'target'
  | 'runtime'
  | 'spin-version'
  | 'wash-version'
  | 'wasmtime-version'
  | 'spin-plugins'
  | 'install-rust-target'
  | 'tools-base-url'
  | 'setup-timeout';
