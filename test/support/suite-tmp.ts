import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAlive } from '../../src/process.js';

const PREFIX = 'spinwash-suite-';

/**
 * Points TMPDIR, for this process and the test workers it starts, at a folder of the suite's
 * own, removed when the suite ends: every test's scratch folders (mkdtemp in `os.tmpdir()`), the
 * fakes' and stand-ins' files and what spinwash itself puts in TMPDIR land there, so a suite
 * leaves nothing in /tmp, whatever a test forgot. The folder names its suite's pid; one whose
 * suite died (killed, no teardown) is removed by the next suite. Returns the removal.
 */
export function holdSuiteTmp(): () => void {
  const parent = tmpdir();
  for (const name of readdirSync(parent)) {
    const pid = Number(/^spinwash-suite-(\d+)-/.exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !isAlive(pid))
      rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const dir = mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    process.off('exit', remove);
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', remove);
  return remove;
}
