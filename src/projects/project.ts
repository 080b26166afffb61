import type { Logger } from '../log.js';

/** One wasm binary a project builds (a Spin component, a wasmCloud component, a Cargo crate). */
export interface ComponentSpec {
  /** The component id (Spin), component name (wash) or crate name (Cargo). */
  readonly name: string;
  /** Absolute path of the .wasm the build writes; the optimize stage rewrites this file. */
  readonly wasmPath: string;
  /** The file that declares it (spin.toml, Cargo.toml …), for error annotations. */
  readonly manifest: string;
  /** False for a component fetched from elsewhere (`source = { url, digest }`): listed, not built. */
  readonly built: boolean;
  /** How it is built, for `inspect` (a shell-free description, e.g. `cargo build --release …`). */
  readonly buildCommand?: string;
  /** Folder the build runs in. */
  readonly workdir?: string;
  /** The Rust target its build compiles for, when Rust builds it (setup checks rustc has it). */
  readonly rustTarget?: string;
  /**
   * The tool that runs `buildCommand` and what it does after, when spinwash does not run the
   * command itself (`wash build`, which then signs the file).
   */
  readonly builtBy?: string;
  /**
   * With `builtBy`: the file cargo writes before that tool moves it away (wash 0.x runs a plain
   * `cargo build --release` and moves target/<T>/release/<lib>.wasm into build/), so the size
   * ladder can run cargo with its other profiles and find their files beside it.
   */
  readonly cargoOutput?: string;
}

export type ProjectKind = 'cargo' | 'spin' | 'wash';

/** Project kinds the `project-kind` input accepts; `auto` looks at the folder's files. */
export const PROJECT_KINDS = ['auto', 'cargo', 'spin', 'wash'] as const;
export type ProjectKindInput = (typeof PROJECT_KINDS)[number];
/**
 * A deploy manifest found beside the project: `wadm` (a wasmCloud application, read by
 * `wash app deploy`); Kubernetes manifests join as another kind.
 */
export interface DeployManifest {
  readonly kind: 'wadm';
  /** Absolute path of the file. */
  readonly path: string;
  /** The application's name in it. */
  readonly name?: string;
}

export interface BuildEnvironment {
  /** Extra environment for the build (the CARGO_PROFILE_RELEASE_* tweaks). */
  readonly env: Readonly<Record<string, string>>;
  readonly logger: Logger;
}

/** A project kind found in a folder: what it builds and how to build it. */
export interface Project {
  readonly kind: ProjectKind;
  /** Absolute path of the project folder. */
  readonly dir: string;
  readonly components: readonly ComponentSpec[];
  /** The deploy manifests found with the project (none: nothing but spinwash's own deploy). */
  readonly deployManifests?: readonly DeployManifest[];
  /** Builds every component; throws a UserError with the last compiler error on failure. */
  build(environment: BuildEnvironment): Promise<void>;
  /**
   * The platform CLI `build` runs, when it runs one: setup makes sure it is on PATH, or, when
   * it is not and spinwash can run the same steps itself (`withoutCli`: a Spin app's plain
   * build commands), builds with that instead and says so.
   */
  readonly buildTool?: {
    readonly cli: 'spin' | 'wash';
    /** Why the CLI is needed, when it is (`a wasmCloud project is built with wash build`). */
    readonly why: string;
    readonly withoutCli?: (environment: BuildEnvironment) => Promise<void>;
  };
}
