import { UserError, type Audience } from './errors.js';

/**
 * Names that become parts of paths spinwash writes (files on the data branch, artifact
 * names, folders): one strict pattern each, checked where the name comes in and again where
 * it is used, so `../x`, a slash or a control character never reaches a path.
 */

/**
 * An app's key in a monorepo (`reports/<sha>/<app>.json`, `spinwash-app-<app>`): lowercase
 * letters, digits, `.`, `_`, `-`, starting with a letter or digit, at most 64 characters.
 * Lowercase only: a data branch checked out on a case-insensitive disk keeps them apart.
 */
export const APP_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const APP_NAME_ACCEPTED =
  'lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters';

/** The app name when it fits APP_NAME_PATTERN; else a UserError naming `source` and the value. */
export function checkAppName(value: string, source: string | ((a: Audience) => string)): string {
  if (APP_NAME_PATTERN.test(value)) return value;
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  const named = typeof source === 'string' ? () => source : source;
  throw new UserError((a) => `${named(a)} has the value ${shown}; accepted: ${APP_NAME_ACCEPTED}`);
}

/** `My App!` → `my-app`: a folder's name made into an app name (empty when nothing is left). */
export function toAppName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64)
    .replace(/[.-]+$/, '');
}
