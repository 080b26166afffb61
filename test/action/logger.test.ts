import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionLogger } from '../../src/action/logger.js';

/** What @actions/core wrote to the job log (its commands go to stdout). */
function captureLog(): { lines: () => string[] } {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  return { lines: () => text.split('\n').filter((l) => l !== '') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Actions log', () => {
  it('folds each stage into one group; a group inside a stage is a heading (Actions groups do not nest)', async () => {
    const log = captureLog();
    const built = await actionLogger.stage!('[2/5] build…', () =>
      actionLogger.group('cargo build --release', async () => {
        actionLogger.output('   Compiling demo\n');
        return 'built';
      }),
    );
    await actionLogger.stage!('[3/5] optimize…', async () => actionLogger.info('stripped'));
    actionLogger.info('[3/5] optimize done in 0.10 s');
    expect(built).toBe('built');
    expect(log.lines()).toEqual([
      '::group::[2/5] build…',
      '── cargo build --release',
      '   Compiling demo',
      '::endgroup::',
      '::group::[3/5] optimize…',
      'stripped',
      '::endgroup::',
      '[3/5] optimize done in 0.10 s',
    ]);
  });

  it('a group outside any stage is still a group, and a failing stage closes its group', async () => {
    const log = captureLog();
    await actionLogger.group('wash build', async () => actionLogger.info('ok'));
    await expect(
      actionLogger.stage!('[1/5] setup…', () => Promise.reject(new Error('no spin'))),
    ).rejects.toThrow('no spin');
    await actionLogger.group('after', async () => undefined);
    expect(log.lines()).toEqual([
      '::group::wash build',
      'ok',
      '::endgroup::',
      '::group::[1/5] setup…',
      '::endgroup::',
      '::group::after',
      '::endgroup::',
    ]);
  });
});
