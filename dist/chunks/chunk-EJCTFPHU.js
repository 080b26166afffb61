import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/report/model.ts
var SCHEMA_VERSION = 1;
var DEPLOY_NOISE_FRACTION = 0.2;
var GZIP_LEVEL = 9;
var BROTLI_QUALITY = 9;
function countedOnce(components) {
  return components.filter((c) => c.sameFileAs === void 0);
}

export {
  SCHEMA_VERSION,
  DEPLOY_NOISE_FRACTION,
  GZIP_LEVEL,
  BROTLI_QUALITY,
  countedOnce
};
//# sourceMappingURL=chunk-EJCTFPHU.js.map
