import type { Budgets, IncreaseLimit } from '../report/budget.js';
import {
  invalidInput,
  MAX_WAIT_SECONDS,
  parseList,
  parsePositiveNumber,
} from '../input-parsers.js';

export type { Budgets, IncreaseLimit } from '../report/budget.js';

/**
 * Size and time budgets (issue 5), parsed once from the inputs; src/report/budget.ts checks
 * them against a report.
 */

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1000 * 1000,
  mib: 1024 * 1024,
};
const SIZE_ACCEPTED =
  'a size such as `500B`, `200KB`, `200KiB`, `1.5MB` or `2MiB` (a bare number is bytes)';

/** `200KiB` → 204800. Units B, KB (1000), KiB (1024), MB, MiB; case-insensitive. */
export function parseByteSize(input: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined) throw invalidInput(input, value, SIZE_ACCEPTED);
  const bytes = Math.round(Number(match[1]) * unit);
  if (bytes <= 0) throw invalidInput(input, value, `${SIZE_ACCEPTED}, greater than 0`);
  return bytes;
}

/** `max-size`: `300KiB` (total), `api=200KiB, web=1MB` (per component), or both mixed. */
export function parseMaxSize(value: string): Pick<Budgets, 'maxTotalBytes' | 'maxComponentBytes'> {
  let maxTotalBytes: number | undefined;
  const maxComponentBytes: Record<string, number> = {};
  for (const entry of parseList(value)) {
    const eq = entry.indexOf('=');
    if (eq === -1) {
      if (maxTotalBytes !== undefined)
        throw invalidInput(
          'max-size',
          value,
          'one total limit and any number of `name=limit` entries',
        );
      maxTotalBytes = parseByteSize('max-size', entry);
      continue;
    }
    const name = entry.slice(0, eq).trim();
    if (name === '' || name in maxComponentBytes) {
      throw invalidInput(
        'max-size',
        value,
        '`name=limit` entries with distinct, non-empty component names',
      );
    }
    maxComponentBytes[name] = parseByteSize('max-size', entry.slice(eq + 1).trim());
  }
  return { maxTotalBytes, maxComponentBytes };
}

/** `max-increase`: `1%`, `0.5%`, or a size (`2KiB`). Empty means no limit. */
export function parseMaxIncrease(value: string): IncreaseLimit | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (trimmed.endsWith('%')) {
    const percent = Number(trimmed.slice(0, -1).trim());
    if (trimmed.length === 1 || !Number.isFinite(percent) || percent < 0) {
      throw invalidInput('max-increase', value, `a percentage such as \`1%\` or ${SIZE_ACCEPTED}`);
    }
    return { kind: 'percent', percent };
  }
  if (!/^\d/.test(trimmed))
    throw invalidInput('max-increase', value, `a percentage such as \`1%\` or ${SIZE_ACCEPTED}`);
  return { kind: 'bytes', bytes: parseByteSize('max-increase', trimmed) };
}

/** Builds Budgets from the raw input strings (empty strings mean "no limit"). */
export function parseBudgets(raw: {
  maxSize: string;
  maxIncrease: string;
  maxDeploySeconds: string;
  failOnBudget: boolean;
}): Budgets {
  return Object.freeze({
    ...parseMaxSize(raw.maxSize),
    maxIncrease: parseMaxIncrease(raw.maxIncrease),
    maxDeploySeconds:
      raw.maxDeploySeconds.trim() === ''
        ? undefined
        : parsePositiveNumber('max-deploy-seconds', raw.maxDeploySeconds.trim(), MAX_WAIT_SECONDS),
    failOnBudget: raw.failOnBudget,
  });
}
