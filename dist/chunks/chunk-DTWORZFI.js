import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  configuredRustTarget
} from "./chunk-KEOSVDQE.js";
import {
  cargoBuildArgs
} from "./chunk-2HIH7NOE.js";
import {
  exec,
  execCapture
} from "./chunk-MFM22RQS.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

// src/projects/cargo.ts
import { existsSync } from "node:fs";
import path from "node:path";
var DEFAULT_RUST_TARGET = "wasm32-wasip1";
function wasmFileName(target) {
  return target.kind.includes("cdylib") ? `${target.name.replace(/-/g, "_")}.wasm` : `${target.name}.wasm`;
}
async function readMetadata(dir, manifest) {
  const result = await execCapture(
    "cargo",
    ["metadata", "--format-version", "1", "--no-deps", "--offline"],
    {
      cwd: dir
    }
  );
  if (result.code !== 0) {
    throw new UserError(
      `${manifest} could not be read by \`cargo metadata\`:
${lastCargoError(result.stderr)}`,
      manifest
    );
  }
  return JSON.parse(result.stdout);
}
function lastCargoError(output) {
  const lines = output.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^error(\[E\d+\])?:/.test(lines[i] ?? "") && !/^error: could not compile/.test(lines[i] ?? "")) {
      const block = [];
      for (let j = i; j < lines.length && (lines[j] ?? "").trim() !== ""; j++)
        block.push(lines[j] ?? "");
      return block.join("\n");
    }
  }
  return output.trim().split("\n").slice(-15).join("\n");
}
function compilerLocation(error, dirs) {
  const match = /^\s*-->\s+(.+?):(\d+):\d+\s*$/m.exec(error);
  if (!match) return void 0;
  const [, file = "", line = "0"] = match;
  for (const dir of dirs) {
    const absolute = path.resolve(dir, file);
    if (existsSync(absolute)) return { file: absolute, line: Number(line) };
  }
  return void 0;
}
async function loadCargoProject(dir, target) {
  const manifest = path.join(dir, "Cargo.toml");
  if (!existsSync(manifest)) {
    throw new UserError(
      `No Cargo.toml in ${dir}: point \`project\` at the folder of a Cargo package or workspace (or of a spin.toml / wasmCloud project)`
    );
  }
  const rustTarget = target ?? (await configuredRustTarget(dir))?.target ?? DEFAULT_RUST_TARGET;
  const metadata = await readMetadata(dir, manifest);
  const members = metadata.packages.filter((p) => metadata.workspace_members.includes(p.id));
  const here = members.filter((p) => path.dirname(p.manifest_path) === dir);
  const chosen = here.length > 0 && here.length < members.length ? here : members;
  const components = [];
  for (const pkg of chosen) {
    const cdylib = pkg.targets.find((t) => t.kind.includes("cdylib"));
    const bins = pkg.targets.filter((t) => t.kind.includes("bin"));
    for (const target2 of cdylib ? [cdylib] : bins) {
      components.push({
        name: pkg.name,
        wasmPath: path.join(metadata.target_directory, rustTarget, "release", wasmFileName(target2)),
        manifest: pkg.manifest_path,
        built: true,
        buildCommand: [
          "cargo",
          ...cargoBuildArgs({ target: rustTarget, packages: [pkg.name] })
        ].join(" "),
        workdir: dir,
        rustTarget
      });
    }
  }
  if (components.length === 0) {
    throw new UserError(
      `${manifest} builds no wasm: add \`[lib] crate-type = ["cdylib"]\` or a \`[[bin]]\` target`,
      manifest
    );
  }
  return {
    kind: "cargo",
    dir,
    components,
    build: (environment) => buildCargo(dir, manifest, rustTarget, components, environment)
  };
}
async function buildCargo(dir, manifest, rustTarget, components, { env, logger }) {
  const args = cargoBuildArgs({
    target: rustTarget,
    packages: [...new Set(components.map((c) => c.name))]
  });
  const result = await logger.group(
    `cargo ${args.join(" ")}`,
    () => execCapture("cargo", args, {
      cwd: dir,
      env: { ...process.env, ...env, CARGO_TERM_COLOR: "never" },
      onOutput: (chunk) => logger.output(chunk)
    })
  );
  if (result.code !== 0) {
    const error = lastCargoError(result.stderr);
    const at = compilerLocation(error, [dir, ...components.map((c) => path.dirname(c.manifest))]);
    throw new UserError(
      `cargo build failed (exit code ${result.code}):
${error}`,
      at?.file ?? manifest,
      at?.line
    );
  }
}
async function ensureRustTarget(rustTarget, cwd) {
  const sysroot = (await exec("rustc", ["--print", "sysroot"], { cwd })).stdout.trim();
  if (existsSync(path.join(sysroot, "lib", "rustlib", rustTarget))) return;
  const rustup = await execCapture("rustup", ["target", "add", rustTarget], { cwd }).catch(
    () => void 0
  );
  if (rustup?.code === 0) return;
  throw new UserError(
    `The Rust target ${rustTarget} is not installed in ${sysroot}` + (rustup ? ` and \`rustup target add ${rustTarget}\` failed:
${withoutBacktrace(rustup.stderr)}` : ", and rustup is not on PATH to add it")
  );
}
function withoutBacktrace(stderr) {
  const lines = [];
  let inTrace = false;
  for (const line of stderr.split("\n")) {
    if (/^stack backtrace:/i.test(line))
      inTrace = true;
    else if (inTrace && !/^\s+(\d+:|at )/.test(line)) inTrace = false;
    if (inTrace || /^note: run with `RUST_BACKTRACE=/.test(line)) continue;
    lines.push(line);
  }
  return lines.join("\n").trim();
}

export {
  DEFAULT_RUST_TARGET,
  lastCargoError,
  compilerLocation,
  loadCargoProject,
  ensureRustTarget,
  withoutBacktrace
};
//# sourceMappingURL=chunk-DTWORZFI.js.map
