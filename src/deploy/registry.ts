import { withholdFromChildren } from '../child-env.js';
import { UserError } from '../errors.js';
import type { DeployTarget, TargetAlias, TargetInput } from './target.js';
import { akamaiTarget } from './targets/akamai/akamai.js';
import { fermyonCloudTarget } from './targets/fermyon-cloud/fermyon-cloud.js';
import { kubernetesTarget } from './targets/kubernetes/kubernetes.js';
import { localTarget } from './targets/local/local.js';
import { ociTarget } from './targets/oci/oci.js';
import { spinUpTarget } from './targets/spin-up/spin-up.js';
import { washTarget } from './targets/wash/wash.js';
import { wasmtimeTarget } from './targets/wasmtime/wasmtime.js';

/**
 * Every deploy target, one entry each. A new target is a folder in ./targets/ whose one file
 * exports a `DeployTarget` (its name, inputs, abilities, deploy and undeploy) plus its entry
 * here; the config, action.yml, the README's table, the CLI's help, setup and previews read
 * this table. Target files stay light at the top: what they need of a heavy package (a
 * Kubernetes client, jco) they import inside `deploy`, so a run that does not deploy there
 * never loads it.
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

// the variables the targets read their secrets from reach only the child handed one (src/child-env.ts)
withholdFromChildren(
  DEPLOY_TARGETS.flatMap((target) =>
    Object.values(target.inputs).flatMap((input) => (input.secret && input.env ? [input.env] : [])),
  ),
);

/** The `deploy` input's accepted values: every target's name, and `none`. */
export const DEPLOY_CHOICES = [...DEPLOY_TARGETS.map((target) => target.name), 'none'] as const;

/** Every alias a target declares, with the target it chooses. */
export function targetAliases(): (TargetAlias & { target: DeployTarget<unknown> })[] {
  return DEPLOY_TARGETS.flatMap((target) =>
    (target.aliases ?? []).map((alias) => ({ ...alias, target })),
  );
}

/** The `runtime` input's accepted values, as the targets' aliases declare them. */
export function runtimeChoices(): string[] {
  return [...new Set(targetAliases().map((alias) => alias.runtime))];
}

/**
 * The target a `deploy` value chooses with this `runtime` (an alias, else the target of that
 * name); undefined for `none`. Only the run plan's builder calls it: after it, the target
 * travels as itself.
 */
export function chooseDeployTarget(
  deploy: string,
  runtime: string,
): DeployTarget<unknown> | undefined {
  if (deploy === 'none') return undefined;
  const alias = targetAliases().find((a) => a.deploy === deploy && a.runtime === runtime);
  const target = alias?.target ?? DEPLOY_TARGETS.find((t) => t.name === deploy);
  if (!target)
    throw new UserError(
      `Input \`deploy\` has the value "${deploy}"; accepted: ${DEPLOY_CHOICES.map((c) => `\`${c}\``).join(', ')}`,
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
