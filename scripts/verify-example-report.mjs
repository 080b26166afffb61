#!/usr/bin/env node
// Checks what the action produced on examples/hello-rust (run by .github/workflows/example.yml):
// the report exists, the stripped build is smaller than the release build, and the deploy
// answered 200 after a measured, positive time.
import { readFileSync } from 'node:fs';

const fail = (message) => {
  console.error(`verify-example-report: ${message}`);
  process.exit(1);
};
const report = JSON.parse(
  readFileSync(process.env.REPORT_PATH ?? fail('REPORT_PATH is not set'), 'utf8'),
);
const [component] = report.components;
if (!component) fail('the report has no component');
const size = (stage) =>
  component.stages.find((s) => s.stage === stage)?.bytes ?? fail(`no ${stage} stage`);
if (!(size('stripped') < size('release')))
  fail(`stripped (${size('stripped')}) is not smaller than release (${size('release')})`);
if (report.deploy?.status !== 200) fail(`deploy status is ${report.deploy?.status}`);
if (!(report.deploy.readySeconds > 0)) fail(`deploy.readySeconds is ${report.deploy.readySeconds}`);
if (String(component.final.bytes) !== process.env.SIZE_BYTES)
  fail(`output size-bytes ${process.env.SIZE_BYTES} ≠ ${component.final.bytes}`);
if (Number(process.env.DEPLOY_SECONDS) !== report.deploy.readySeconds)
  fail('output deploy-seconds differs from the report');
console.log(
  `ok: ${size('release')} B → ${component.final.bytes} B, ready in ${report.deploy.readySeconds.toFixed(3)} s`,
);
