import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  isTable,
  readTomlManifest
} from "./chunk-A4CPL2MO.js";

// src/projects/cargo-output.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
function parseCargoBuild(command) {
  const words = command.trim().split(/\s+/);
  const cargo = words.findIndex((w) => w === "cargo" || w.endsWith("/cargo"));
  if (cargo < 0 || words[cargo + 1] !== "build") return void 0;
  let target;
  let profileDir = "debug";
  let manifestPath;
  for (let i = cargo + 2; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === "&&" || word === ";" || word === "|") break;
    const [flag, inline] = word.includes("=") ? word.split("=", 2) : [word, void 0];
    const value = () => inline ?? words[++i];
    if (flag === "--target") target = value();
    else if (flag === "--release" || flag === "-r") profileDir = "release";
    else if (flag === "--profile") {
      const profile = value() ?? "dev";
      profileDir = profile === "dev" ? "debug" : profile;
    } else if (flag === "--manifest-path") manifestPath = value();
  }
  return { target, profileDir, manifestPath };
}
async function predictCargoOutputs(command, workdir) {
  const args = parseCargoBuild(command);
  if (!args?.target?.startsWith("wasm32")) return void 0;
  const manifestPath = path.resolve(workdir, args.manifestPath ?? "Cargo.toml");
  if (!existsSync(manifestPath)) return void 0;
  const crateName = await cargoLibName(manifestPath);
  if (!crateName) return void 0;
  const relative = path.join("target", args.target, args.profileDir, `${crateName}.wasm`);
  const outputs = [path.join(path.dirname(manifestPath), relative)];
  for (let dir = path.dirname(manifestPath); ; ) {
    for (const config of [".cargo/config.toml", ".cargo/config"]) {
      const file = path.join(dir, config);
      if (existsSync(file) && readFileSync(file, "utf8").includes("target-dir")) return void 0;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const toml = path.join(dir, "Cargo.toml");
    if (existsSync(toml) && /^\s*\[workspace\]/m.test(readFileSync(toml, "utf8")))
      outputs.push(path.join(dir, relative));
  }
  return outputs;
}
async function cargoLibName(manifestPath) {
  const { data } = await readTomlManifest(manifestPath);
  const lib = isTable(data.lib) && typeof data.lib.name === "string" ? data.lib.name : void 0;
  const pkg = isTable(data.package) && typeof data.package.name === "string" ? data.package.name : void 0;
  return (lib ?? pkg)?.replace(/-/g, "_");
}

export {
  parseCargoBuild,
  predictCargoOutputs
};
