import type { DeployTargetName } from '../config/config.js';
import type { DeployTarget } from './target.js';

/**
 * The deploy target for a name; loaded on demand, so a run that does not deploy never loads
 * a runtime. `none` has no target.
 */
export async function deployTargetFor(name: DeployTargetName): Promise<DeployTarget | undefined> {
  switch (name) {
    case 'none':
      return undefined;
    case 'local':
      return (await import('./local/index.js')).localTarget;
  }
}
