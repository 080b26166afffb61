import type { Logger } from '../log.js';
import type { ProjectKind } from '../projects/project.js';
import type { DeployReport } from '../report/model.js';
import type { HttpRoute } from './routing/routes.js';

/**
 * The deploy-target family. Each target is a folder, src/deploy/targets/<name>/, whose
 * <name>.ts exports a `DeployTarget`, registered by one entry in src/deploy/registry.ts. A
 * target declares what it is (local or remote, its aliases, whether it previews, the tools it
 * needs) beside its inputs; the config's choices and rules, action.yml, the CLI's help, the
 * README's table of targets, setup and previews are derived from these declarations, and the
 * run plan carries the chosen target itself to every stage.
 */

/** A component ready to deploy: the optimized file on disk. */
export interface DeployableComponent {
  readonly name: string;
  readonly wasmPath: string;
}

/** What a target knows of the project it deploys. */
export interface DeployProject {
  readonly kind: ProjectKind;
  /** Absolute path of the project folder. */
  readonly dir: string;
  /** The app's name: Spin's `[application] name`, wadm's application, else the first component. */
  readonly appName: string;
  /** The platform manifest (spin.toml, wadm.yaml …), when the project has one. */
  readonly manifest?: string;
  /**
   * A Spin app's `[[trigger.http]]` routes, in manifest order (private endpoints left out):
   * the embedded runtime routes requests to the components by them.
   */
  readonly routes?: readonly HttpRoute[];
}

/** A pull request's own copy of the app (`preview: true`). */
export interface Preview {
  readonly number: number;
  /** `<app>-pr-<N>`: the name the preview is deployed (and later deleted) under. */
  readonly name: string;
}

/** An input a target reads, declared beside it. */
export interface TargetInput {
  readonly default: string;
  readonly description: string;
  /** A token or password: masked in the action, passed to children by env only, never logged. */
  readonly secret?: boolean;
  /** The CLI reads the value from this environment variable (secrets never go in argv). */
  readonly env?: string;
  /** The target cannot deploy without it: an empty value is refused before anything is built. */
  readonly required?: boolean;
}

export type TargetInputs = Readonly<Record<string, TargetInput>>;

/** Reads one input (trimmed, default applied; for a secret, the input or else its env variable). */
export type InputReader = (name: string) => string;

/** The deploy settings every target shares (inputs `health-path`, `health-expect`, `deploy-timeout`). */
export interface DeploySettings {
  readonly healthPath: string;
  /** Text the health answer's body must contain to count as the new version. */
  readonly healthExpect?: string;
  readonly timeoutSeconds: number;
}

export interface DeployRequest<Options = unknown> extends DeploySettings {
  readonly project: DeployProject;
  readonly components: readonly DeployableComponent[];
  /** The target's own inputs, as its `parseOptions` returned them. */
  readonly options: Options;
  /**
   * Environment for the target's child processes: the secret inputs under the names the
   * platform CLI reads (`SPIN_AUTH_TOKEN` …). Never argv, never a log line.
   */
  readonly secrets: Readonly<Record<string, string>>;
  /** Set on a pull request with `preview: true`. */
  readonly preview?: Preview;
  readonly logger: Logger;
}

/** A running deployment: what it measured, and how to take it down. */
export interface Deployment {
  readonly report: DeployReport;
  /**
   * Stops what the deploy started on this machine, leaving no process behind (a remote
   * deployment stays up: its stop only releases local resources). Safe to call twice.
   */
  stop(): Promise<void>;
}

/**
 * Another way to choose a target: `deploy: <deploy>` with `runtime: <runtime>` (`deploy: local`
 * with `runtime: spin` is `spin-up`). The `runtime` input accepts the runtimes of these.
 */
export interface TargetAlias {
  readonly deploy: string;
  readonly runtime: string;
  /** The runtime, for the `runtime` input's description (`` `spin` (`spin up`) ``). */
  readonly summary: string;
}

/** One place an app can be deployed to (the embedded runtime, spin up, Fermyon Cloud …). */
export interface DeployTarget<Options = unknown> {
  /** The `deploy` input's value that selects it. */
  readonly name: string;
  /** One line for the `deploy` input's description. */
  readonly summary: string;
  /** Inputs only this target reads. */
  readonly inputs: TargetInputs;
  /** Serves the app on this machine, for the step only: nothing stays up to preview or keep. */
  readonly local: boolean;
  /** Other `deploy` / `runtime` pairs that choose it. */
  readonly aliases?: readonly TargetAlias[];
  /** Deploys a pull request's own copy (`preview: true`) and deletes it when the PR closes (`undeploy`). */
  readonly previews: boolean;
  /** The `target` its deploy reports carry (`spin-up` reports `spin`). */
  readonly reportName: string;
  /**
   * The project kinds it deploys (absent: every kind). Another kind is refused before anything
   * is built (src/stages/preflight.ts), the kind told by the project's files alone.
   */
  readonly projectKinds?: readonly ProjectKind[];
  /** The platform CLI the target runs: setup checks it is on PATH before anything is built. */
  readonly cli?: 'spin' | 'wash' | 'wasmtime';
  /** Spin plugins setup installs before the build (`cloud`, `aka` …). */
  readonly spinPlugins?: readonly string[];
  /** Checks this target's inputs once, when the config is built; throws a UserError naming the bad one. */
  parseOptions(read: InputReader): Options;
  /**
   * Refuses, before anything is built, what the deploy would otherwise fail on only after the
   * build and the push (its own files, the names it deploys under). The request has no components yet.
   */
  check?(request: DeployRequest<Options>): Promise<void>;
  deploy(request: DeployRequest<Options>): Promise<Deployment>;
  /** Deletes what `deploy` created remotely (a preview on `closed`); resolves once it is gone. */
  undeploy?(request: DeployRequest<Options>): Promise<void>;
}

/** A target that reads no inputs of its own. */
export const noOptions = (): undefined => undefined;

/** The inputs the target requires that this run leaves empty (a secret: neither input nor env). */
export function missingRequired(
  target: DeployTarget,
  secrets: Readonly<Record<string, string>>,
): string[] {
  return Object.entries(target.inputs)
    .filter(([name, spec]) => spec.required && spec.secret && !secrets[spec.env ?? name])
    .map(([name]) => name);
}
