/** Every output of the action, beside the inputs: action.yml, publishing and the tests read it. */
export const OUTPUTS = {
  'wasm-path': 'Path of the final (optimized) .wasm; one line per component.',
  'size-bytes': 'Final size in bytes, all components added up.',
  'gzip-bytes': 'Final gzip size in bytes, all components added up.',
  'deploy-seconds':
    'Seconds from the start of the deploy to the first healthy HTTP answer of the new version (empty when not deployed).',
  'app-url':
    'URL of the deployed app; empty when not deployed, or served locally (a 127.0.0.1 URL is gone when the step ends).',
  'report-path': 'Path of the JSON report.',
  'comment-dir':
    'Folder holding the PR comment body and report when the token could not post it (fork PRs): upload it as an artifact for `mode: comment`.',
  'comment-url': 'URL of the sticky PR comment, when one was posted.',
  'bench-median-seconds':
    '`mode: benchmark`: median ready time of the warm deploys, in seconds (empty when none succeeded).',
  'bench-alert':
    '`mode: benchmark`: `regression`, `ok`, or `insufficient` (no earlier run to compare with).',
  'alert-issue-url': '`mode: benchmark`: URL of the alert issue or comment this run wrote, if any.',
  matrix:
    '`mode: plan`: the apps as a GitHub matrix, `{"include":[{"project":"apps/a","name":"a","kind":"cargo"}, …]}` (for `strategy.matrix` through `fromJSON`).',
  'app-count': '`mode: plan`: how many apps the matrix lists (`0`: skip the matrix job).',
} as const;

export type OutputName = keyof typeof OUTPUTS;
