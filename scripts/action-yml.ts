// Writes action.yml from src/config/inputs.ts, the one list of inputs, and the README's table
// of deploy targets from the targets (`npm run action-yml`). test/config/config.test.ts and
// test/deploy/registry.test.ts fail when a file and its source disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { actionYml, readmeWithTargets } from './generated-docs.js';

const root = path.resolve(import.meta.dirname, '..');
writeFileSync(path.join(root, 'action.yml'), actionYml());
const readme = path.join(root, 'README.md');
writeFileSync(readme, await readmeWithTargets(readFileSync(readme, 'utf8'), readme));
