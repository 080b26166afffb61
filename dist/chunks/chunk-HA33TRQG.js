import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UsageError,
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/commands/cli-errors.ts
function isArgumentError(error) {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
function reportCliError(error, io, command) {
  const usage = error instanceof UsageError || isArgumentError(error);
  if (!usage && !(error instanceof UserError)) throw error;
  const hint = usage ? ` (see \`spinwash ${command ? `${command} ` : ""}--help\`)` : "";
  io.stderr(`spinwash: error: ${errorMessage(error)}${hint}
`);
  return usage ? 2 : 1;
}

export {
  reportCliError
};
//# sourceMappingURL=chunk-HA33TRQG.js.map
