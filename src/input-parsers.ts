import { UserError } from './errors.js';

/**
 * Strict input parsers. Each error names the input, the value given and what is accepted,
 * so a typo in a workflow is one read away from fixed.
 */

const TRUE = ['true', 'True', 'TRUE'] as const;
const FALSE = ['false', 'False', 'FALSE'] as const;

export function invalidInput(input: string, value: string, accepted: string): UserError {
  return new UserError(`Input \`${input}\` has the value "${value}"; accepted: ${accepted}`);
}

export function parseBoolean(input: string, value: string): boolean {
  if ((TRUE as readonly string[]).includes(value)) return true;
  if ((FALSE as readonly string[]).includes(value)) return false;
  throw invalidInput(input, value, '`true` or `false`');
}

export function parseChoice<const T extends readonly string[]>(
  input: string,
  value: string,
  choices: T,
): T[number] {
  if ((choices as readonly string[]).includes(value)) return value;
  throw invalidInput(input, value, choices.map((c) => `\`${c}\``).join(', '));
}

export function parsePositiveInt(input: string, value: string, max?: number): number {
  const accepted =
    max === undefined ? 'a whole number of 1 or more' : `a whole number from 1 to ${max}`;
  if (!/^[1-9][0-9]*$/.test(value)) throw invalidInput(input, value, accepted);
  const n = Number(value);
  if (max !== undefined && n > max) throw invalidInput(input, value, accepted);
  return n;
}

export function parsePositiveNumber(input: string, value: string, max?: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (max !== undefined && n > max)) {
    throw invalidInput(
      input,
      value,
      max === undefined ? 'a number greater than 0' : `a number greater than 0 and at most ${max}`,
    );
  }
  return n;
}

/** A comma- or newline-separated list; blanks dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
