import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunPlan } from '../config/config.js';
import { UserError } from '../errors.js';
import { execCapture } from '../exec.js';
import type { Logger } from '../log.js';
import { lastCargoError } from '../projects/cargo.js';
import { isChained, parseCargoCommand } from '../projects/cargo-command.js';
import type { ComponentSpec, Project } from '../projects/project.js';
import type { ComponentReport, StageName, StageSizes } from '../report/model.js';
import { measureSizes } from './measure.js';
import { shrinkWasm } from './shrink.js';

/**
 * The size ladder (`ladder: true`): two extra builds of each cargo-built component, so the
 * report tells the whole story — debug build → plain release → tweaked release → stripped →
 * wasm-opt.
 *
 * The plain release is built under a profile of its own that inherits `release`
 * (`--config profile.spinwash-plain.inherits="release"`): Cargo.toml's release settings without
 * the CARGO_PROFILE_RELEASE_* tweaks, written to `<target>/<triple>/spinwash-plain/`. Built as
 * `--release`, it would overwrite the tweaked file (a cdylib's name carries no hash) and force
 * cargo to re-link the release build on every run, plain and tweaked in turn.
 */
export const PLAIN_PROFILE = 'spinwash-plain';

type LadderOptions = Pick<RunPlan, 'sections' | 'projectDir'>;

/** What the extra builds found for one component, keyed in LadderBuilds by its wasm path. */
export interface LadderRungs {
  /** `debug` and `release-plain`, measured right after each build. */
  readonly builds: readonly StageSizes[];
  /** The main (tweaked) release build's bytes, read before the optimize stage replaces them. */
  readonly release: Uint8Array;
}

export type LadderBuilds = ReadonlyMap<string, LadderRungs>;

/** How the ladder rebuilds a component, or why it cannot. */
export type LadderPlan =
  | { readonly args: readonly string[]; readonly profileRoot: string; readonly file: string }
  | { readonly skip: string };

/**
 * Reads a component's build command: one `cargo build --release …` step, whose flags (target,
 * packages, features, manifest path) the ladder's builds repeat with another profile.
 */
export function planLadder(spec: ComponentSpec): LadderPlan {
  const command = spec.buildCommand?.trim();
  if (!spec.built || command === undefined || spec.workdir === undefined) {
    return { skip: 'it has no build command spinwash runs' };
  }
  if (spec.builtBy !== undefined && spec.cargoOutput === undefined) {
    return { skip: `it is built by ${spec.builtBy.split(' (')[0]}, which writes its own files` };
  }
  const cargo = parseCargoCommand(command);
  const [program, subcommand] = command.split(/\s+/);
  if (
    isChained(command) ||
    !(program === 'cargo' || program?.endsWith('/cargo')) ||
    subcommand !== 'build' ||
    cargo === undefined
  ) {
    return { skip: `its build is \`${command}\`, not a single \`cargo build\`` };
  }
  if (!cargo.plainWords) {
    return {
      skip: `its build command \`${command}\` uses shell syntax the ladder does not re-run`,
    };
  }
  const { profile } = cargo;
  const args = [...cargo.otherArgs];
  if (profile !== 'release') {
    return {
      skip: `it builds with the \`${profile}\` profile; the ladder starts from a release build`,
    };
  }
  // cargo's layout: <target dir>/<triple>/<profile dir>/<file>; the other profiles sit beside `release`
  // a tool that moves cargo's file (wash 0.x) leaves the other profiles' files where cargo put them
  const output = spec.cargoOutput ?? spec.wasmPath;
  const releaseDir = path.dirname(output);
  if (path.basename(releaseDir) !== 'release') {
    return { skip: `its wasm (${output}) is not in cargo's release folder` };
  }
  return { args, profileRoot: path.dirname(releaseDir), file: path.basename(output) };
}

/** The release tweaks, whoever set them (spinwash or the workflow): left out of the ladder's builds. */
const isReleaseTweak = (name: string): boolean => name.startsWith('CARGO_PROFILE_RELEASE_');

async function ladderBuild(
  spec: ComponentSpec,
  stage: StageName,
  args: readonly string[],
  wasmPath: string,
  logger: Logger,
): Promise<StageSizes> {
  const result = await logger.group(`${spec.name}, ${stage} build: cargo ${args.join(' ')}`, () =>
    execCapture('cargo', args, {
      cwd: spec.workdir,
      env: { CARGO_TERM_COLOR: 'never' },
      dropEnv: isReleaseTweak,
      onOutput: (chunk) => logger.output(chunk),
    }),
  );
  if (result.code !== 0) {
    throw new UserError(
      `${spec.name}: the size ladder's ${stage} build (cargo ${args.join(' ')}) failed (exit code ${result.code}):\n${lastCargoError(result.stderr)}`,
      spec.manifest,
    );
  }
  if (!existsSync(wasmPath)) {
    throw new UserError(
      `${spec.name}: the size ladder's ${stage} build did not write ${wasmPath}`,
      spec.manifest,
    );
  }
  // read now: the next build of the same crate may write over it
  return { stage, ...measureSizes(new Uint8Array(await readFile(wasmPath))) };
}

/**
 * Runs after the main build (and before optimize): reads each component's tweaked release
 * file, then builds it in debug and as a plain release and measures both. Components whose
 * build is not a plain `cargo build` are skipped with an info line.
 */
export async function buildLadder(
  project: Pick<Project, 'components'>,
  logger: Logger,
): Promise<LadderBuilds> {
  const builds = new Map<string, LadderRungs>();
  for (const spec of project.components) {
    if (!spec.built) continue; // a remote component: nothing is built, the optimize stage says so
    const plan = planLadder(spec);
    if ('skip' in plan) {
      logger.info(`${spec.name}: no size ladder, ${plan.skip}`);
      continue;
    }
    if (!existsSync(spec.wasmPath)) continue; // the optimize stage reports the missing build output
    const release = new Uint8Array(await readFile(spec.wasmPath));
    const debug = await ladderBuild(
      spec,
      'debug',
      ['build', ...plan.args],
      path.join(plan.profileRoot, 'debug', plan.file),
      logger,
    );
    const plainArgs = [
      'build',
      ...plan.args,
      '--profile',
      PLAIN_PROFILE,
      '--config',
      `profile.${PLAIN_PROFILE}.inherits="release"`,
    ];
    const plain = await ladderBuild(
      spec,
      'release-plain',
      plainArgs,
      path.join(plan.profileRoot, PLAIN_PROFILE, plan.file),
      logger,
    );
    builds.set(spec.wasmPath, { builds: [debug, plain], release });
  }
  return builds;
}

/**
 * Runs after optimize: each component with ladder builds gets `ladder` = its two extra builds,
 * then the run's own release, stripped and optimized rows. The wasm-opt row is always there:
 * without `wasm-opt: true` it is computed in memory and replaces nothing.
 */
export async function completeLadder(
  components: readonly ComponentReport[],
  ladder: LadderBuilds,
  options: LadderOptions,
  logger: Logger,
): Promise<ComponentReport[]> {
  const out: ComponentReport[] = [];
  for (const component of components) {
    const rungs = ladder.get(path.resolve(options.projectDir, component.wasm));
    if (!rungs) {
      out.push(component);
      continue;
    }
    const rows = [...rungs.builds, ...component.stages];
    if (!component.stages.some((s) => s.stage === 'optimized')) {
      // in memory, replacing nothing: what wasm-opt would give (the stripped size when it gains nothing)
      const shrunk = await shrinkWasm(rungs.release, {
        sections: options.sections,
        wasmOpt: true,
        validate: false,
      });
      rows.push({ stage: 'optimized', ...(shrunk.sizes.optimized ?? shrunk.sizes.stripped) });
    }
    logger.info(
      `${component.name}, size ladder: ${rows.map((s) => `${s.stage} ${s.bytes} B`).join(' → ')}`,
    );
    out.push({ ...component, ladder: rows });
  }
  return out;
}
