import { UsageError, type UserError } from './errors.js';

/**
 * Strict input parsers. Each error names the input, the value given and what is accepted,
 * so a typo in a workflow is one read away from fixed. A bad value is bad usage (the CLI
 * exits 2), and the input is named in the words of whoever prints it (`--deploy` in the CLI).
 */

const TRUE = ['true', 'True', 'TRUE'] as const;
const FALSE = ['false', 'False', 'FALSE'] as const;

export function invalidInput(
  input: string,
  value: string,
  accepted: string,
  /** A closed set's member the value is a near miss of. */
  suggestion?: string,
): UserError {
  const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
  return new UsageError(
    (audience) =>
      `${audience.subject(input)} has the value "${value}"; accepted: ${accepted}${hint}`,
  );
}

/**
 * Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`: the optimal
 * string alignment distance, enough to tell a typo from another word.
 */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The member of a closed set that `value` is a near miss of (`locl` → `local`, `Spin` →
 * `spin`): the one closest by edits, within a third of its length (at least one edit), and
 * only when no other member is as close. Undefined for a value like none of them.
 */
export function nearMiss(value: string, choices: readonly string[]): string | undefined {
  const typed = value.toLowerCase();
  const scored = choices
    .map((choice) => ({ choice, distance: editDistance(typed, choice.toLowerCase()) }))
    .filter(({ choice, distance }) => distance <= Math.max(1, Math.floor(choice.length / 3)))
    .sort((x, y) => x.distance - y.distance);
  const [best, next] = scored;
  return best && (!next || next.distance > best.distance) ? best.choice : undefined;
}

export function parseBoolean(input: string, value: string): boolean {
  if ((TRUE as readonly string[]).includes(value)) return true;
  if ((FALSE as readonly string[]).includes(value)) return false;
  throw invalidInput(input, value, '`true` or `false`', nearMiss(value, ['true', 'false']));
}

export function parseChoice<const T extends readonly string[]>(
  input: string,
  value: string,
  choices: T,
): T[number] {
  if ((choices as readonly string[]).includes(value)) return value;
  throw invalidInput(
    input,
    value,
    choices.map((c) => `\`${c}\``).join(', '),
    value === '' ? undefined : nearMiss(value, choices),
  );
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
