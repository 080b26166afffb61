/**
 * A run in the middle of a preview deploy (test/hostile/signals.test.ts sends it a signal): it
 * holds the project's lock and has written the preview's manifest copy. Prints `ready`.
 */
import { previewManifest } from '../../src/deploy/preview.js';
import { installSignalHandlers } from '../../src/process.js';
import { lockProject } from '../../src/stages/project-lock.js';

installSignalHandlers();
const [project, manifest] = process.argv.slice(2);
await lockProject(project!);
const copy = await previewManifest(manifest!, 'app-pr-7');
process.stdout.write(`${copy.file}\nready\n`);
setInterval(() => {}, 1000); // deploying
