import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { displayPath } from './files.js';

export { displayPath };

/** A manifest read from disk: its parsed value, and its text to find lines in. */
export interface ManifestFile {
  readonly file: string;
  readonly text: string;
  readonly data: Record<string, unknown>;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(
      `Cannot read ${displayPath(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      file,
    );
  }
}

export async function readTomlManifest(file: string): Promise<ManifestFile> {
  const text = await readText(file);
  try {
    // the parsers load on first use: the action's start-up and a run that fails on its inputs never pay for them
    const { parse: parseToml } = await import('smol-toml');
    return { file, text, data: parseToml(text) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof (await import('smol-toml')).TomlError) {
      const reason =
        error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
      throw new UserError(
        `${displayPath(file)} line ${error.line}, column ${error.column}: not valid TOML (${reason}); fix the syntax there`,
        file,
      );
    }
    throw error;
  }
}

export async function readYamlManifest(file: string): Promise<ManifestFile> {
  const text = await readText(file);
  const { parseDocument } = await import('./yaml.js');
  const document = parseDocument(text);
  const first = document.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    const reason = first.message.split('\n')[0] ?? 'invalid YAML';
    throw new UserError(
      `${displayPath(file)}${line ? ` line ${line}` : ''}: not valid YAML (${reason}); fix the syntax there`,
      file,
    );
  }
  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    // yaml refuses an alias bomb (aliases expanding past its limit) with a ReferenceError
    if (!(error instanceof ReferenceError)) throw error;
    throw new UserError(
      `${displayPath(file)}: refused (${error.message}); write the values out instead of nesting aliases`,
      file,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`${displayPath(file)}: expected a YAML mapping at the top level`, file);
  }
  return { file, text, data: data as Record<string, unknown> };
}

/** The 1-based line of the first match of `pattern`, for messages; undefined when not found. */
export function lineOf(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  return text.slice(0, match.index).split('\n').length;
}

/** `spin.toml line 7: …` or `spin.toml: …` when the line is unknown. */
export function where(manifest: ManifestFile, line: number | undefined): string {
  return `${displayPath(manifest.file)}${line ? ` line ${line}` : ''}`;
}

export function isTable(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
  );
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
