import { createInterface } from 'node:readline';
import { lockProject } from '../../src/stages/project-lock.js';

/**
 * A run contending for a project's lock, in a process of its own (test/hostile/lock.test.ts):
 * `take DIR` tries the lock and answers `won` or `lost: <message>`; `release` lets it go.
 */
let release: (() => Promise<void>) | undefined;
const say = (line: string) => process.stdout.write(`${line}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const [verb, dir] = line.split(' ');
  if (verb === 'take') {
    try {
      release = await lockProject(dir!);
      say('won');
    } catch (error) {
      say(`lost: ${(error as Error).message}`);
    }
  } else if (verb === 'release') {
    await release?.();
    release = undefined;
    say('released');
  }
}
