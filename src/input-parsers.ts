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

/**
 * The longest any input may make spinwash wait (a deploy, a setup, the GitHub calls, the pause
 * between samples): no step needs more than an hour, and a timer past 2^31 ms fires at once.
 */
export const MAX_WAIT_SECONDS = 3600;

/** A whole number from 1 to `max`: every count has a stated bound (past it, a value is a typo). */
export function parsePositiveInt(input: string, value: string, max: number): number {
  const accepted = `a whole number from 1 to ${max}`;
  if (!/^[1-9][0-9]*$/.test(value) || Number(value) > max)
    throw invalidInput(input, value, accepted);
  return Number(value);
}

/** A number above 0 and at most `max` (seconds above 2^31 ms would overflow a timer, silently). */
export function parsePositiveNumber(input: string, value: string, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max)
    throw invalidInput(input, value, `a number greater than 0 and at most ${max}`);
  return n;
}

/** A comma- or newline-separated list; blanks dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A branch name git accepts (`git check-ref-format --branch`'s rules): names of letters,
 * digits, `-`, `_`, `.` between `/`; no `..`, `@{`, control or special characters, no name
 * starting with `.` or ending with `.lock`, not starting with `-` or ending with `.`.
 */
export function parseBranchName(input: string, value: string): string {
  const names = value.split('/');
  const ok =
    /^[A-Za-z0-9._\/-]+$/.test(value) &&
    !value.startsWith('-') &&
    !value.endsWith('.') &&
    !value.includes('..') &&
    names.every((name) => name !== '' && !name.startsWith('.') && !name.endsWith('.lock'));
  if (!ok)
    throw invalidInput(
      input,
      value,
      'a branch name of its own (letters, digits, `-`, `_`, `.` and `/` between names; no `..`, no name starting with `.` or `-` or ending with `.lock`), such as `spinwash-data`, or empty to keep no store',
    );
  return value;
}
