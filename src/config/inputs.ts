/**
 * Every input of the action, with its default. action.yml must list the same names and
 * defaults (a test checks); the CLI's flags map onto these names, so both front ends share
 * one parser.
 */
export const INPUTS = {
  project: { default: '.', description: 'Folder of the project to build (a Cargo package or workspace).' },
  deploy: { default: 'local', description: 'Where to deploy: `local` (embedded runtime on 127.0.0.1) or `none`.' },
  'wasm-opt': { default: 'false', description: 'Run `wasm-opt -Oz` (binaryen, in-process) after stripping.' },
  lto: { default: 'true', description: 'CARGO_PROFILE_RELEASE_LTO: `true`, `false`, `thin`, `fat`, `off`, or `inherit` to leave Cargo.toml in charge.' },
  'opt-level': { default: 'z', description: 'CARGO_PROFILE_RELEASE_OPT_LEVEL: `0`-`3`, `s`, `z`, or `inherit`.' },
  'codegen-units': { default: '1', description: 'CARGO_PROFILE_RELEASE_CODEGEN_UNITS: a whole number, or `inherit`.' },
  panic: { default: 'abort', description: 'CARGO_PROFILE_RELEASE_PANIC: `abort`, `unwind`, or `inherit`.' },
  'cargo-strip': { default: 'inherit', description: 'CARGO_PROFILE_RELEASE_STRIP: `none`, `debuginfo`, `symbols`, or `inherit` (the strip stage removes debug sections anyway, and measures what they cost).' },
  'keep-sections': { default: '', description: 'Custom sections to keep although they would be stripped (comma- or newline-separated; `*` wildcards).' },
  'remove-sections': { default: '', description: 'Extra custom sections to strip (comma- or newline-separated; `*` wildcards). `component-type:*` is never removed.' },
  'health-path': { default: '/', description: 'Path requested to decide the deployed app is healthy (first HTTP 200).' },
  'deploy-timeout': { default: '60', description: 'Seconds to wait for the first healthy answer.' },
  'report-path': { default: '', description: 'Where to write the JSON report (default: spinwash-report.json in the runner temp folder).' },
  comment: { default: 'true', description: 'Post or update a sticky comment on the pull request.' },
  'github-token': { default: '${{ github.token }}', description: 'Token for the PR comment (needs `pull-requests: write`).' },
} as const satisfies Record<string, { default: string; description: string }>;

export type InputName = keyof typeof INPUTS;
export type RawInputs = Partial<Record<InputName, string>>;
