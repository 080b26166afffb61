import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BROTLI_QUALITY, GZIP_LEVEL, type Sizes } from '../report/model.js';

/**
 * What a binary costs on disk and on the wire: raw bytes, gzip -9 and brotli q9, the two
 * encodings registries and CDNs serve.
 */
export function measureSizes(bytes: Uint8Array): Sizes {
  return {
    bytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).byteLength,
    brotliBytes: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }).byteLength,
  };
}
