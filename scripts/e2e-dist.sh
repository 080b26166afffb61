#!/usr/bin/env bash
# Runs the built dist/ end to end with a given node (CI: Node 24, what action.yml's
# `runs.using: node24` runs): the CLI on a copy of examples/hello-rust, then the action entry
# the way the runner starts it (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
# files), and checks both with scripts/verify-example-report.mjs.
# usage: scripts/e2e-dist.sh /path/to/node
set -euo pipefail
node=${1:?usage: e2e-dist.sh NODE}
node=$(cd "$(dirname "$node")" && pwd)/$(basename "$node") # absolute: the runs below change folder
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "e2e-dist: $("$node" --version)"

cp -r "$root/examples/hello-rust" "$work/app"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/.cache/cargo-target}"

# the CLI, as the README's demo runs it
(cd "$work" && "$node" "$root/dist/cli.js" run --project app --deploy local --json cli.json >cli.md)
grep -q '| release' "$work/cli.md" || { echo "e2e-dist: the CLI printed no report"; exit 1; }
REPORT_PATH="$work/cli.json" \
  SIZE_BYTES=$("$node" -e 'console.log(require(process.argv[1]).components[0].final.bytes)' "$work/cli.json") \
  DEPLOY_SECONDS=$("$node" -e 'console.log(require(process.argv[1]).deploy.readySeconds)' "$work/cli.json") \
  "$node" "$root/scripts/verify-example-report.mjs"

# the action, started as the runner starts it
: >"$work/output" && : >"$work/summary"
(
  cd "$work"
  env -u GITHUB_EVENT_PATH -u GITHUB_EVENT_NAME \
    GITHUB_WORKSPACE="$work" RUNNER_TEMP="$work" GITHUB_OUTPUT="$work/output" \
    GITHUB_STEP_SUMMARY="$work/summary" INPUT_PROJECT=app INPUT_WASM-OPT=true \
    INPUT_COMMENT=false "INPUT_GITHUB-TOKEN=" "$node" "$root/dist/index.js"
)
output() { "$node" -e '
  const [file, name] = process.argv.slice(1);
  const text = require("fs").readFileSync(file, "utf8");
  const m = new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, "m").exec(text);
  console.log(m ? m[2] : "");' "$work/output" "$1"; }
grep -q '| release' "$work/summary" || { echo "e2e-dist: the action wrote no job summary"; exit 1; }
REPORT_PATH=$(output report-path) SIZE_BYTES=$(output size-bytes) DEPLOY_SECONDS=$(output deploy-seconds) \
  "$node" "$root/scripts/verify-example-report.mjs"

# a monorepo: plan, two matrix runs keyed by app, merge — through the CLI and the action entry
mkdir -p "$work/mono/apps"
for name in a b; do
  cp -r "$root/examples/hello-rust" "$work/mono/apps/$name"
  sed -i "s/^name = \"hello-rust\"/name = \"mono-$name\"/" "$work/mono/apps/$name/Cargo.toml"
  rm -f "$work/mono/apps/$name/Cargo.lock"
done
(
  cd "$work/mono"
  "$node" "$root/dist/cli.js" plan --json matrix.json >plan.out
  for name in a b; do
    "$node" "$root/dist/cli.js" run --project "apps/$name" --app "$name" --deploy none \
      --json "reports/$name/report.json" >/dev/null
  done
  "$node" "$root/dist/cli.js" merge --reports reports --matrix matrix.json --json merged.json >merged.md
  : >"$work/output"
  env -u GITHUB_EVENT_PATH -u GITHUB_EVENT_NAME GITHUB_WORKSPACE="$work/mono" RUNNER_TEMP="$work" \
    GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" INPUT_MODE=plan \
    INPUT_PROJECT=. "INPUT_GITHUB-TOKEN=" "$node" "$root/dist/index.js"
  : >"$work/merge-output" && : >"$work/merge-summary"
  env -u GITHUB_EVENT_PATH -u GITHUB_EVENT_NAME GITHUB_WORKSPACE="$work/mono" RUNNER_TEMP="$work" \
    GITHUB_OUTPUT="$work/merge-output" GITHUB_STEP_SUMMARY="$work/merge-summary" INPUT_MODE=merge \
    INPUT_REPORTS=reports INPUT_REPORT-PATH=action-merged.json "INPUT_GITHUB-TOKEN=" \
    "$node" "$root/dist/index.js"
)
grep -q '## spinwash report: 2 apps' "$work/merge-summary" ||
  { echo "e2e-dist: the action (mode: merge) wrote no summary"; exit 1; }
"$node" -e '
  const fs = require("fs");
  const [dir, planned] = process.argv.slice(1);
  const want = JSON.stringify({ include: ["a", "b"].map((n) => ({ project: `apps/${n}`, name: n, kind: "cargo" })) });
  const check = (ok, what) => { if (!ok) { console.error(`e2e-dist: ${what}`); process.exit(1); } };
  check(fs.readFileSync(`${dir}/plan.out`, "utf8").trim() === want, "plan printed another matrix");
  check(planned === want, "the action (mode: plan) set another matrix");
  const merged = JSON.parse(fs.readFileSync(`${dir}/merged.json`, "utf8"));
  check(merged.apps.map((a) => a.app).join() === "a,b", "merge did not hold both apps");
  const action = JSON.parse(fs.readFileSync(`${dir}/action-merged.json`, "utf8"));
  check(action.apps.length === 2, "the action (mode: merge) did not write both apps");
  check(/## spinwash report: 2 apps/.test(fs.readFileSync(`${dir}/merged.md`, "utf8")), "merge printed no report");
' "$work/mono" "$(output matrix)"
echo "e2e-dist: the CLI and the action ran on $("$node" --version)"
