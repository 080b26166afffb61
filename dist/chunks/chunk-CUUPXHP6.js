import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  exec,
  execCapture
} from "./chunk-HI7XWGIK.js";
import {
  UserError
} from "./chunk-T6ADKWSP.js";

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
async function loadCargoProject(dir, rustTarget = DEFAULT_RUST_TARGET) {
  const manifest = path.join(dir, "Cargo.toml");
  if (!existsSync(manifest)) {
    throw new UserError(
      `No Cargo.toml in ${dir}: point \`project\` at the folder of a Cargo package or workspace (or of a spin.toml / wasmCloud project)`
    );
  }
  const metadata = await readMetadata(dir, manifest);
  const members = metadata.packages.filter((p) => metadata.workspace_members.includes(p.id));
  const here = members.filter((p) => path.dirname(p.manifest_path) === dir);
  const chosen = here.length > 0 && here.length < members.length ? here : members;
  const components = [];
  for (const pkg of chosen) {
    const cdylib = pkg.targets.find((t) => t.kind.includes("cdylib"));
    const bins = pkg.targets.filter((t) => t.kind.includes("bin"));
    for (const target of cdylib ? [cdylib] : bins) {
      components.push({
        name: pkg.name,
        wasmPath: path.join(metadata.target_directory, rustTarget, "release", wasmFileName(target)),
        manifest: pkg.manifest_path,
        built: true,
        buildCommand: `cargo build --release --target ${rustTarget} -p ${pkg.name}`,
        workdir: dir
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
  const packages = [...new Set(components.map((c) => c.name))].flatMap((name) => ["-p", name]);
  const args = ["build", "--release", "--target", rustTarget, ...packages];
  const result = await logger.group(
    `cargo ${args.join(" ")}`,
    () => execCapture("cargo", args, {
      cwd: dir,
      env: { ...process.env, ...env, CARGO_TERM_COLOR: "never" },
      onOutput: (chunk) => logger.output(chunk)
    })
  );
  if (result.code !== 0) {
    throw new UserError(
      `cargo build failed (exit code ${result.code}):
${lastCargoError(result.stderr)}`,
      manifest
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
${rustup.stderr.trim()}` : ", and rustup is not on PATH to add it")
  );
}

export {
  DEFAULT_RUST_TARGET,
  lastCargoError,
  loadCargoProject,
  ensureRustTarget
};
