import path from 'node:path';
import type { CommandIO } from './io.js';
import { reportCliError } from './cli-errors.js';
import { errorMessage, UsageError, UserError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { parseChoice } from '../input-parsers.js';
import { parseRustTarget } from '../config/tools-config.js';
import { detectProject, PROJECT_KINDS, type ProjectKindInput } from '../projects/detect.js';
import type { ComponentSpec, Project } from '../projects/project.js';
import { rustTargetOf } from '../projects/targets.js';

const USAGE =
  'usage: spinwash inspect [--project DIR] [--project-kind auto|cargo|spin|wash] [--target TRIPLE] [--json FILE]';

const HELP = `${USAGE}

Shows what spinwash finds in a project, without building it: its kind, each component's wasm
file, the command that builds it and the folder it runs in, the Rust target, and the deploy
manifests found beside it (wadm.yaml).

  --project DIR        the project folder (default: .)
  --project-kind KIND  auto (default), cargo, spin or wash, as \`run --project-kind\` (\`--kind\` also works)
  --target TRIPLE      a Cargo project's Rust target (default: .cargo/config.toml [build] target, else wasm32-wasip1)
  --json FILE          also write the result as JSON
  -h, --help           this help
`;

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
    /** The tool that runs buildCommand, when spinwash does not run it itself (`wash build …`). */
    builtBy?: string;
  }[];
  /** Deploy manifests found with the project: `wadm` (wasmCloud applications); Kubernetes later. */
  deployManifests: { kind: string; path: string; name?: string }[];
}

interface InspectArgs {
  project: string;
  kind: ProjectKindInput;
  target?: string;
  json?: string;
  help?: boolean;
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
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value; ${USAGE}`);
      return v;
    };
    if (flag === '--help' || flag === '-h') result.help = true;
    else if (flag === '--project') result.project = value();
    else if (flag === '--json') result.json = value();
    else if (flag === '--target') result.target = parseRustTarget('--target', value());
    // `run` calls it --project-kind; --kind, its first name here, stays an alias
    else if (flag === '--project-kind' || flag === '--kind')
      result.kind = parseChoice(flag, value(), PROJECT_KINDS);
    else throw new UsageError(`Unknown argument "${arg}"; ${USAGE}`);
  }
  return result;
}

function relative(dir: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  if (!path.isAbsolute(file)) return file; // a URL (remote Spin source)
  return path.relative(dir, file).split(path.sep).join('/') || '.';
}

function targetOf(component: ComponentSpec): { target?: string } {
  const target = rustTargetOf(component);
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
      ...(c.builtBy !== undefined ? { builtBy: c.builtBy } : {}),
    })),
    deployManifests: (project.deployManifests ?? []).map((m) => ({
      kind: m.kind,
      path: relative(project.dir, m.path) ?? m.path,
      ...(m.name !== undefined ? { name: m.name } : {}),
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
    if (c.builtBy !== undefined) lines.push(`    run by:   ${c.builtBy}`);
    if (c.workdir !== undefined) lines.push(`    workdir:  ${c.workdir}`);
    if (c.target !== undefined) lines.push(`    target:   ${c.target}`);
  }
  lines.push(
    result.deployManifests.length === 0
      ? 'deploy manifests: none'
      : `deploy manifests (${result.deployManifests.length}):`,
  );
  for (const m of result.deployManifests)
    lines.push(`  ${m.kind}: ${m.path}${m.name !== undefined ? ` (application ${m.name})` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** `spinwash inspect`: what spinwash found in a project, without building it. 0 ok, 1 bad project, 2 bad usage. */
export async function runInspectCommand(args: string[], io: CommandIO): Promise<number> {
  try {
    const parsed = parseArgs(args);
    if (parsed.help) {
      io.stdout(HELP);
      return 0;
    }
    const project = await detectProject(parsed.project, parsed.kind, {
      ...(parsed.target !== undefined ? { rustTarget: parsed.target } : {}),
    });
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
    return reportCliError(error, io, 'inspect');
  }
}
