import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeWithTargets } from '../../scripts/generated-docs.js';
import { allInputs } from '../../src/config/inputs.js';
import { DEPLOY_TARGETS, runtimeChoices, targetAliases } from '../../src/deploy/registry.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the deploy targets, as they declare themselves', () => {
  it('each owns its folder, src/deploy/targets/<name>/<name>.ts', () => {
    for (const target of DEPLOY_TARGETS)
      expect(
        existsSync(path.join(root, 'src/deploy/targets', target.name, `${target.name}.ts`)),
      ).toBe(true);
    expect(new Set(DEPLOY_TARGETS.map((t) => t.name)).size).toBe(DEPLOY_TARGETS.length);
  });

  it('a target that previews can delete; one that serves on this machine previews nothing', () => {
    for (const target of DEPLOY_TARGETS) {
      if (target.previews) expect(target.undeploy, target.name).toBeTypeOf('function');
      if (target.local) expect(target.previews, target.name).toBe(false);
    }
  });

  it('no two targets claim one `deploy` / `runtime` pair; `runtime` accepts what they declare', () => {
    const pairs = targetAliases().map((a) => `${a.deploy}+${a.runtime}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(runtimeChoices()).toEqual(expect.arrayContaining(['embedded', 'spin', 'wash']));
    expect(runtimeChoices()).toContain(allInputs().runtime!.default);
    for (const alias of targetAliases())
      expect(allInputs().runtime!.description).toContain(alias.summary);
  });

  it("README.md's table of targets is what `npm run action-yml` writes from them", async () => {
    const readme = path.join(root, 'README.md');
    const text = readFileSync(readme, 'utf8');
    expect(text, 'README.md is stale: run `npm run action-yml`').toBe(
      await readmeWithTargets(text, readme),
    );
    for (const target of DEPLOY_TARGETS) expect(text).toContain(`| \`deploy: ${target.name}\``);
  });
});
