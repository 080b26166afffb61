import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  constructor(message, file) {
    super(message);
    this.file = file;
  }
  file;
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

export {
  UserError,
  errorMessage
};
