import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

// src/input-parsers.ts
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function invalidInput(input, value, accepted) {
  return new UserError(`Input \`${input}\` has the value "${value}"; accepted: ${accepted}`);
}
function parseBoolean(input, value) {
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw invalidInput(input, value, "`true` or `false`");
}
function parseChoice(input, value, choices) {
  if (choices.includes(value)) return value;
  throw invalidInput(input, value, choices.map((c) => `\`${c}\``).join(", "));
}
function parsePositiveInt(input, value, max) {
  const accepted = max === void 0 ? "a whole number of 1 or more" : `a whole number from 1 to ${max}`;
  if (!/^[1-9][0-9]*$/.test(value)) throw invalidInput(input, value, accepted);
  const n = Number(value);
  if (max !== void 0 && n > max) throw invalidInput(input, value, accepted);
  return n;
}
function parsePositiveNumber(input, value, max) {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || max !== void 0 && n > max) {
    throw invalidInput(
      input,
      value,
      max === void 0 ? "a number greater than 0" : `a number greater than 0 and at most ${max}`
    );
  }
  return n;
}
function parseList(value) {
  return value.split(/[,\n]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

// src/projects/project.ts
var PROJECT_KINDS = ["auto", "cargo", "spin", "wash"];

export {
  invalidInput,
  parseBoolean,
  parseChoice,
  parsePositiveInt,
  parsePositiveNumber,
  parseList,
  PROJECT_KINDS
};
//# sourceMappingURL=chunk-7DXSX7HT.js.map
