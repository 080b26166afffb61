import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { onInterrupt } from '../process.js';
import { pullRequestOf, record, type GitHubContext } from '../github/context.js';
import type { Preview } from './target.js';

/**
 * Pull request previews (`preview: true`): each PR deploys its own app, `<app>-pr-<N>`, and
 * the `closed` event deletes it. The user's spin.toml is never edited: the preview deploys
 * from a copy beside it (so its relative paths still resolve) that is removed afterwards,
 * also when the deploy fails or the run is interrupted.
 */

/** The name a pull request's preview is deployed (and deleted) under. */
export function previewOf(appName: string, number: number): Preview {
  return { number, name: `${appName}-pr-${number}` };
}

/** The pull request a preview belongs to, as this run's event tells it. */
export interface PreviewEvent {
  readonly number: number;
  /** The `closed` event: delete the preview instead of deploying it. */
  readonly closed: boolean;
  /** A fork's PR: the workflow gets no secrets, so there is nothing to deploy (or delete) with. */
  readonly fromFork: boolean;
}

/** The pull request of this run's event, or undefined off a pull request. */
export function previewEvent(context: GitHubContext): PreviewEvent | undefined {
  const pr = pullRequestOf(context);
  if (!pr) return undefined;
  return {
    number: pr.number,
    closed: record(context.payload)?.action === 'closed',
    fromFork: pr.fromFork,
  };
}

/** The summary's notice for a fork's pull request (no preview, never a failure). */
export function forkNotice(number: number): string {
  return `No preview for #${number}: it comes from a fork (or Dependabot), and GitHub gives such a pull request no secrets to deploy with.`;
}

/** A temporary copy of a Spin manifest under another app name. */
export interface ManifestCopy {
  readonly file: string;
  /** Removes the copy; safe to call twice. */
  remove(): Promise<void>;
}

/** `text` with `[application] name` set to `name` (only that line changes). */
export function renameSpinApp(text: string, name: string, file: string): string {
  const lines = text.split('\n');
  let inApplication = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = /^\s*\[([^\]]*)\]\s*(#.*)?$/.exec(line);
    if (header) {
      inApplication = header[1]!.trim() === 'application';
      continue;
    }
    if (inApplication && /^\s*name\s*=/.test(line)) {
      lines[i] = line.replace(/^(\s*name\s*=\s*).*$/, `$1${JSON.stringify(name)}`);
      return lines.join('\n');
    }
  }
  throw new UserError(
    `${file} has no \`[application] name\`; a preview needs it to deploy under \`${name}\``,
    file,
  );
}

/**
 * Writes a copy of `manifest` beside it, renamed to the preview's app. The copy goes away on
 * `remove()`, and when the process exits or is interrupted before that.
 */
export async function previewManifest(manifest: string, name: string): Promise<ManifestCopy> {
  const text = renameSpinApp(await readFile(manifest, 'utf8'), name, manifest);
  const file = path.join(
    path.dirname(manifest),
    `.spinwash-preview-${randomBytes(4).toString('hex')}.${path.basename(manifest)}`,
  );
  const removeNow = (): void => rmSync(file, { force: true });
  // removed on a signal by spinwash's own handler, with the rest (src/process.ts): a handler of
  // its own that re-raised the signal made it a second one, which exits before the lock is released
  const forget = onInterrupt(removeNow);
  const release = (): void => {
    process.off('exit', removeNow);
    forget();
  };
  process.on('exit', removeNow);
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    release();
    throw error;
  }
  let removed: Promise<void> | undefined;
  return {
    file,
    remove: () =>
      (removed ??= (async () => {
        release();
        await rm(file, { force: true });
      })()),
  };
}
