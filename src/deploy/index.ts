import type { DeployTargetName } from '../config/config.js';
import type { RuntimeName } from '../setup/tools-config.js';
import type { DeployTarget } from './target.js';

/**
 * The deploy target for a name (and, for `local`, the runtime that serves it: the embedded one,
 * `spin up`, or a wasmCloud host through `wash`). Loaded on demand, so a run that does not deploy
 * never loads a runtime. `none` has no target.
 */
export async function deployTargetFor(
  name: DeployTargetName,
  runtime: RuntimeName,
): Promise<DeployTarget | undefined> {
  switch (name) {
    case 'none':
      return undefined;
    case 'local':
      switch (runtime) {
        case 'embedded':
          return (await import('./local/index.js')).localTarget;
        case 'spin':
          return (await import('./spin-up.js')).spinUpTarget;
        case 'wash':
          return (await import('./wash.js')).washTarget;
      }
  }
}
