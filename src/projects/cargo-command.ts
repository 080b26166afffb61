/**
 * The one reading of a cargo command line in spinwash: what a `cargo build …` step in a
 * spin.toml, a wash config or our own Cargo build says about the file it writes and how to
 * run it again with another profile. Every caller (the output prediction, setup's target check,
 * the ladder, the wash 0.x resolution) reads commands through here.
 */

/** One `cargo <subcommand> …` step, read word by word as a shell would split plain words. */
export interface CargoCommand {
  /** `build`, `fetch`, `test` …; '' when there is none. */
  readonly subcommand: string;
  /** `--target` (absent: the host's target, or `[build] target` of .cargo/config.toml). */
  readonly target?: string;
  /** The profile: `dev` (cargo's default), `release` (`--release`/`-r`) or `--profile NAME`. */
  readonly profile: string;
  /** Folder name under target/<triple>/ that profile writes: `debug`, `release` or its name. */
  readonly profileDir: string;
  readonly manifestPath?: string;
  /** `-p`/`--package` values, in order. */
  readonly packages: readonly string[];
  /**
   * Every word after the subcommand except the profile choice and `--message-format`: what a
   * rebuild under another profile repeats (target, packages, features, manifest path …).
   */
  readonly otherArgs: readonly string[];
  /** False when a word uses shell syntax (quotes, `$`, globs …) that a re-run could not repeat as is. */
  readonly plainWords: boolean;
}

/** Words a shell reads as they are. */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

/** The steps of a shell command chained with `&&`, `;` or `||` (a pipe stays inside its step). */
export function commandSteps(command: string): string[] {
  return command
    .split(/&&|\|\||;/)
    .map((step) => step.trim())
    .filter((step) => step !== '');
}

/** True when a command runs more than one program (`a && b`, `a; b`, `a | b`). */
export function isChained(command: string): boolean {
  return /[;&|]/.test(command);
}

/** Reads one step; undefined when it does not run cargo. Reading stops at a shell operator. */
export function parseCargoCommand(step: string): CargoCommand | undefined {
  const all = step.trim().split(/\s+/);
  const end = all.findIndex((w) => w === '&&' || w === ';' || w === '|' || w === '||');
  const words = end < 0 ? all : all.slice(0, end);
  const cargo = words.findIndex((w) => w === 'cargo' || w.endsWith('/cargo'));
  if (cargo < 0) return undefined;
  // `cargo +nightly build`: a toolchain override comes before the subcommand
  let index = cargo + 1;
  if (words[index]?.startsWith('+')) index++;
  const subcommand = words[index] ?? '';
  let target: string | undefined;
  let profile = 'dev';
  let manifestPath: string | undefined;
  const packages: string[] = [];
  const otherArgs: string[] = [];
  for (let i = index + 1; i < words.length; i++) {
    const word = words[i] ?? '';
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
    const takesValue = ['--target', '--profile', '--manifest-path', '-p', '--package'];
    const value = takesValue.includes(flag) ? (inline ?? words[i + 1]) : undefined;
    if (takesValue.includes(flag) && inline === undefined) i++;
    if (flag === '--release' || flag === '-r') profile = 'release';
    else if (flag === '--profile') profile = value ?? profile;
    else if (flag === '--message-format') {
      if (inline === undefined) i++;
    } else {
      if (flag === '--target') target = value;
      else if (flag === '--manifest-path') manifestPath = value;
      else if ((flag === '-p' || flag === '--package') && value !== undefined) packages.push(value);
      otherArgs.push(word);
      if (takesValue.includes(flag) && inline === undefined && value !== undefined)
        otherArgs.push(value);
    }
  }
  return {
    subcommand,
    ...(target !== undefined ? { target } : {}),
    profile,
    profileDir: profile === 'dev' ? 'debug' : profile,
    ...(manifestPath !== undefined ? { manifestPath } : {}),
    packages,
    otherArgs,
    plainWords: words.every((w) => PLAIN_WORD.test(w)),
  };
}

/** The `cargo build` step of a command, if it has one. */
export function cargoBuildOf(command: string): CargoCommand | undefined {
  for (const step of commandSteps(command)) {
    const parsed = parseCargoCommand(step);
    if (parsed?.subcommand === 'build') return parsed;
  }
  return undefined;
}

/** The argument list of a release build, as spinwash and wash 0.x run it. */
export function cargoBuildArgs(options: {
  readonly target: string;
  readonly release?: boolean;
  readonly packages?: readonly string[];
}): string[] {
  return [
    'build',
    ...(options.release === false ? [] : ['--release']),
    '--target',
    options.target,
    ...(options.packages ?? []).flatMap((name) => ['-p', name]),
  ];
}
