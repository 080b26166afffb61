import type { Logger } from '../log.js';
import type { DeployReport } from '../report/model.js';

/** A component ready to deploy: the optimized file on disk. */
export interface DeployableComponent {
  readonly name: string;
  readonly wasmPath: string;
}

export interface DeployRequest {
  readonly components: readonly DeployableComponent[];
  /** Project folder (where spin.toml / wadm.yaml live for CLI-driven targets). */
  readonly projectDir: string;
  readonly healthPath: string;
  readonly timeoutSeconds: number;
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

/** One place an app can be deployed to (local embedded runtime, spin up, Fermyon Cloud …). */
export interface DeployTarget {
  readonly name: string;
  deploy(request: DeployRequest): Promise<Deployment>;
}
