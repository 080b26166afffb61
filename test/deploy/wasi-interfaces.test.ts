import { describe, expect, it } from 'vitest';
import {
  SHIM_INTERFACES,
  shimExportName,
  unsupportedImports,
} from '../../src/deploy/targets/local/embedded/wasi-interfaces.js';

describe('the interfaces the embedded runtime provides', () => {
  it('match what the installed preview2-shim exports, no more and no fewer', async () => {
    const shim = (await import('@bytecodealliance/preview2-shim')) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const provided = Object.fromEntries(
      Object.entries(shim).map(([pkg, exports]) => [
        pkg,
        Object.entries(exports)
          .filter(
            ([name, value]) =>
              !name.startsWith('_') &&
              typeof value === 'object' &&
              value !== null &&
              !(value instanceof Set),
          )
          .map(([name]) => name)
          .sort(),
      ]),
    );
    const listed = Object.fromEntries(
      Object.entries(SHIM_INTERFACES).map(([pkg, names]) => [
        pkg,
        names.map(shimExportName).sort(),
      ]),
    );
    expect(listed).toEqual(provided);
  });

  it.each([
    [['wasi:http/types', 'wasi:io/streams@0.2.12', 'wasi:cli/terminal-input@0.2.0'], []],
    [['fermyon:spin/key-value@2.0.0', 'wasi:io/poll'], ['fermyon:spin/key-value@2.0.0']],
    [
      ['wasi:keyvalue/store@0.2.0-draft', 'wasi:http/outgoing-handler'],
      ['wasi:keyvalue/store@0.2.0-draft'],
    ],
    [['wasi:http/incoming-handler'], ['wasi:http/incoming-handler']],
  ])('unsupportedImports(%j) is %j', (imports, expected) => {
    expect(unsupportedImports(imports)).toEqual(expected);
  });
});
