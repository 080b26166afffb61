import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-T6ADKWSP.js";

// src/config/parse.ts
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
function parsePositiveInt(input, value) {
  if (!/^[1-9][0-9]*$/.test(value)) throw invalidInput(input, value, "a whole number of 1 or more");
  return Number(value);
}
function parsePositiveNumber(input, value) {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) {
    throw invalidInput(input, value, "a number greater than 0");
  }
  return n;
}
function parseList(value) {
  return value.split(/[,\n]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

export {
  invalidInput,
  parseBoolean,
  parseChoice,
  parsePositiveInt,
  parsePositiveNumber,
  parseList
};
