import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Sizes } from '../report/model.js';

/**
 * What a binary costs on disk and on the wire: raw bytes, gzip -9 and brotli q11, the two
 * encodings registries and CDNs serve.
 */
export function measureSizes(bytes: Uint8Array): Sizes {
  return {
    bytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }).byteLength,
  };
}
