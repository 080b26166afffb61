import { UserError } from '../errors.js';
import type { DeployTarget, TargetInput } from './target.js';
import { akamaiTarget } from './targets/akamai.js';
import { fermyonCloudTarget } from './targets/fermyon-cloud.js';
import { kubernetesTarget } from './targets/kubernetes.js';
import { localTarget } from './targets/local.js';
import { ociTarget } from './targets/oci.js';
import { spinUpTarget } from './targets/spin-up.js';
import { washTarget } from './targets/wash.js';
import { wasmtimeTarget } from './targets/wasmtime.js';

/**
 * Every deploy target, one line each. A new target is one file in ./targets/ exporting a
 * `DeployTarget` (its name, inputs, plugins, deploy and undeploy) plus one line here; the
 * config, action.yml, the CLI's help and setup read this table. Target files stay light at
 * the top: what they need of a heavy package (a Kubernetes client, jco) they import inside
 * `deploy`, so a run that does not deploy there never loads it.
 */
export const DEPLOY_TARGETS: readonly DeployTarget<unknown>[] = [
  localTarget,
  spinUpTarget,
  washTarget,
  wasmtimeTarget,
  fermyonCloudTarget,
  akamaiTarget,
  ociTarget,
  kubernetesTarget,
];

/** The `deploy` input's accepted values: every target's name, and `none`. */
export const DEPLOY_CHOICES = [...DEPLOY_TARGETS.map((target) => target.name), 'none'] as const;

/** The target of a `deploy` value (`none`: no target). */
export function deployTargetNamed(name: string): DeployTarget<unknown> | undefined {
  if (name === 'none') return undefined;
  const target = DEPLOY_TARGETS.find((t) => t.name === name);
  if (!target)
    throw new UserError(
      `Input \`deploy\` has the value "${name}"; accepted: ${DEPLOY_CHOICES.map((c) => `\`${c}\``).join(', ')}`,
    );
  return target;
}

/** Every target's own inputs, by name (a name two targets share is declared once, alike). */
export function targetInputs(): Record<string, TargetInput & { targets: string[] }> {
  const inputs: Record<string, TargetInput & { targets: string[] }> = {};
  for (const target of DEPLOY_TARGETS) {
    for (const [name, spec] of Object.entries(target.inputs)) {
      const known = inputs[name];
      if (known) known.targets.push(target.name);
      else inputs[name] = { ...spec, targets: [target.name] };
    }
  }
  return inputs;
}
