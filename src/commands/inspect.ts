import path from 'node:path';
import type { CommandIO } from './io.js';
import { errorMessage, UserError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { parseChoice } from '../config/parse.js';
import { detectProject, PROJECT_KINDS, type ProjectKindInput } from '../projects/detect.js';
import type { ComponentSpec, Project } from '../projects/project.js';
import { rustTargetsOf } from '../projects/targets.js';

const USAGE = 'usage: spinwash inspect [--project DIR] [--kind auto|cargo|spin|wash] [--json FILE]';

/** What `inspect --json` writes: paths relative to the project folder, remote sources as URLs. */
export interface InspectResult {
  kind: string;
  dir: string;
  components: {
    name: string;
    built: boolean;
    wasm: string;
    manifest: string;
    buildCommand?: string;
    workdir?: string;
    /** The wasm target its build names (wasm32-wasip1: Spin v3 template; wasm32-wasip2: v4, wash). */
    target?: string;
  }[];
}

interface InspectArgs {
  project: string;
  kind: ProjectKindInput;
  json?: string;
}

function parseArgs(args: readonly string[]): InspectArgs {
  const result: InspectArgs = { project: '.', kind: 'auto' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? (arg.split('=', 2) as [string, string])
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UserError(`${flag} needs a value; ${USAGE}`);
      return v;
    };
    if (flag === '--project') result.project = value();
    else if (flag === '--json') result.json = value();
    else if (flag === '--kind') result.kind = parseChoice('--kind', value(), PROJECT_KINDS);
    else throw new UserError(`Unknown argument "${arg}"; ${USAGE}`);
  }
  return result;
}

function relative(dir: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  if (!path.isAbsolute(file)) return file; // a URL (remote Spin source)
  return path.relative(dir, file).split(path.sep).join('/') || '.';
}

function targetOf(component: ComponentSpec): { target?: string } {
  const [target] = rustTargetsOf({ components: [component] });
  return target ? { target } : {};
}

export function describeProject(project: Project): InspectResult {
  return {
    kind: project.kind,
    dir: project.dir,
    components: project.components.map((c) => ({
      name: c.name,
      built: c.built,
      wasm: relative(project.dir, c.wasmPath) ?? c.wasmPath,
      manifest: relative(project.dir, c.manifest) ?? c.manifest,
      ...(c.buildCommand !== undefined ? { buildCommand: c.buildCommand } : {}),
      ...(c.workdir !== undefined ? { workdir: relative(project.dir, c.workdir) } : {}),
      ...targetOf(c),
    })),
  };
}

export function renderInspect(result: InspectResult): string {
  const lines = [
    `kind: ${result.kind}`,
    `project: ${result.dir}`,
    `components (${result.components.length}):`,
  ];
  for (const c of result.components) {
    lines.push(`  ${c.name}${c.built ? '' : ' (remote source: listed, not built)'}`);
    lines.push(`    wasm:     ${c.wasm}`);
    lines.push(`    manifest: ${c.manifest}`);
    if (c.buildCommand !== undefined) lines.push(`    build:    ${c.buildCommand}`);
    if (c.workdir !== undefined) lines.push(`    workdir:  ${c.workdir}`);
    if (c.target !== undefined) lines.push(`    target:   ${c.target}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `spinwash inspect`: what spinwash found in a project, without building it. 0 ok, 1 bad project, 2 bad usage. */
export async function runInspectCommand(args: string[], io: CommandIO): Promise<number> {
  let parsed: InspectArgs;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    io.stderr(`${errorMessage(error)}\n`);
    return 2;
  }
  try {
    const project = await detectProject(parsed.project, parsed.kind);
    const result = describeProject(project);
    io.stdout(renderInspect(result));
    if (parsed.json !== undefined)
      await writeFileAtomic(
        path.resolve(io.cwd ?? process.cwd(), parsed.json),
        `${JSON.stringify(result, null, 2)}\n`,
      ).catch((error: unknown) => {
        throw new UserError(`Cannot write ${parsed.json}: ${errorMessage(error)}`);
      });
    return 0;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.stderr(`error: ${error.message}\n`);
    return 1;
  }
}
