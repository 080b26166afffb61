import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  constructor(message, file, line) {
    super(message);
    this.file = file;
    this.line = line;
  }
  file;
  line;
  name = "UserError";
};
function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
var UsageError = class extends UserError {
  name = "UsageError";
};

export {
  UserError,
  errorMessage,
  UsageError
};
//# sourceMappingURL=chunk-OQSE6Z6X.js.map
