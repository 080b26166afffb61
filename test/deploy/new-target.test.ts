import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TABLE_END, TABLE_START } from '../../scripts/generated-docs.js';

/**
 * The promise "a new deploy target is one folder with one file, plus its entry in the
 * registry", kept: in a copy of the repository a throwaway target is added that way, and
 * action.yml, the README's table (both by `npm run action-yml`), the CLI's help and the run
 * plan know it, with no other edit.
 */
const root = path.resolve(import.meta.dirname, '../..');
let copy: string;

const TARGET = `import type { DeployTarget } from '../../target.js';

export const throwawayTarget: DeployTarget<{ region: string }> = {
  name: 'throwaway',
  summary: '\`throwaway\` is a target a test adds to a copy of spinwash',
  inputs: {
    'throwaway-region': { default: 'nowhere', description: 'Where \`deploy: throwaway\` goes.' },
    'throwaway-token': {
      default: '',
      secret: true,
      env: 'THROWAWAY_TOKEN',
      description: 'The throwaway platform token.',
    },
  },
  local: false,
  aliases: [{ deploy: 'local', runtime: 'throwaway-rt', summary: '\`throwaway-rt\` (a test\\'s)' }],
  previews: false,
  reportName: 'throwaway',
  parseOptions: (read) => ({ region: read('throwaway-region') }),
  deploy: () => Promise.reject(new Error('a throwaway target deploys nothing')),
};
`;

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'spinwash-new-target-'));
  for (const part of [
    'src',
    'scripts',
    'README.md',
    'action.yml',
    'package.json',
    'tsconfig.json',
    '.prettierrc.json',
  ])
    cpSync(path.join(root, part), path.join(copy, part), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  // the one folder with its one file …
  mkdirSync(path.join(copy, 'src/deploy/targets/throwaway'));
  writeFileSync(path.join(copy, 'src/deploy/targets/throwaway/throwaway.ts'), TARGET);
  // … and the registry entry: its import and its line in DEPLOY_TARGETS
  const registry = path.join(copy, 'src/deploy/registry.ts');
  const text = readFileSync(registry, 'utf8');
  const entry = text
    .replace(
      "import { washTarget } from './targets/wash/wash.js';\n",
      "import { washTarget } from './targets/wash/wash.js';\nimport { throwawayTarget } from './targets/throwaway/throwaway.js';\n",
    )
    .replace('  kubernetesTarget,\n', '  kubernetesTarget,\n  throwawayTarget,\n');
  expect(entry.split('\n').length - text.split('\n').length).toBe(2);
  writeFileSync(registry, entry);
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** A module of the copy, loaded from its own sources (so it sees the copy's registry). */
const fromCopy = <T>(file: string): Promise<T> =>
  import(pathToFileURL(path.join(copy, file)).href) as Promise<T>;

describe('a throwaway deploy target added as one folder, one file and its registry entry', () => {
  it('appears in action.yml and the README table after `npm run action-yml`, nothing else edited', async () => {
    // `npm run action-yml` is `tsx scripts/action-yml.ts`: the copy's script, run in this process
    await fromCopy('scripts/action-yml.ts');
    const action = parse(readFileSync(path.join(copy, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string; default: string }>;
    };
    expect(action.inputs.deploy!.description).toContain('`throwaway` is a target a test adds');
    expect(action.inputs['throwaway-region']).toEqual({
      description: 'Where `deploy: throwaway` goes. (deploy: throwaway)',
      required: false,
      default: 'nowhere',
    });
    expect(action.inputs.runtime!.description).toContain("`throwaway-rt` (a test's)");
    const readme = readFileSync(path.join(copy, 'README.md'), 'utf8');
    expect(readme).toMatch(
      /^\| `deploy: throwaway`, `deploy: local` \+ `runtime: throwaway-rt` +\| `throwaway` is a target a test adds to a copy of spinwash +\| stays up +\| no +\| — +\| `throwaway-region`, `throwaway-token` \(secret; CLI: env `THROWAWAY_TOKEN`\) +\| `throwaway` +\|$/m,
    );
    // outside its table the README is as it was
    const original = readFileSync(path.join(root, 'README.md'), 'utf8');
    const outside = (text: string) => [
      text.slice(0, text.indexOf(TABLE_START)),
      text.slice(text.indexOf(TABLE_END)),
    ];
    expect(outside(readme)).toEqual(outside(original));
  });

  it('appears in the CLI help (its flag, summary, secret by env) and the run plan chooses it', async () => {
    const { cliMain } =
      await fromCopy<typeof import('../../src/commands/main.js')>('src/commands/main.ts');
    const { buildConfig } =
      await fromCopy<typeof import('../../src/config/config.js')>('src/config/config.ts');
    let help = '';
    await cliMain(['run', '--help'], { stdout: (text) => (help += text), stderr: () => undefined });
    const name = (raw: Record<string, string>) =>
      buildConfig({ project: copy, ...raw }, copy, {}).deploy.target?.name;
    const chosen = [
      name({ deploy: 'throwaway' }),
      name({ deploy: 'local', runtime: 'throwaway-rt' }),
      name({}),
    ];
    expect(help).toContain('--throwaway-region VALUE');
    expect(help).toContain('`throwaway` is a target a test adds to a copy of spinwash');
    expect(help).toMatch(/THROWAWAY_TOKEN +The throwaway platform token/);
    expect(help).not.toContain('--throwaway-token');
    expect(chosen).toEqual(['throwaway', 'throwaway', 'local']);
  });
});
