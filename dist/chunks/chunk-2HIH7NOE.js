import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/projects/cargo-command.ts
var PLAIN_WORD = /^[\w@%+=:,./-]+$/;
function commandSteps(command) {
  return command.split(/&&|\|\||;/).map((step) => step.trim()).filter((step) => step !== "");
}
function isChained(command) {
  return /[;&|]/.test(command);
}
function parseCargoCommand(step) {
  const all = step.trim().split(/\s+/);
  const end = all.findIndex((w) => w === "&&" || w === ";" || w === "|" || w === "||");
  const words = end < 0 ? all : all.slice(0, end);
  const cargo = words.findIndex((w) => w === "cargo" || w.endsWith("/cargo"));
  if (cargo < 0) return void 0;
  let index = cargo + 1;
  if (words[index]?.startsWith("+")) index++;
  const subcommand = words[index] ?? "";
  let target;
  let profile = "dev";
  let manifestPath;
  const packages = [];
  const otherArgs = [];
  for (let i = index + 1; i < words.length; i++) {
    const word = words[i] ?? "";
    const eq = word.startsWith("--") ? word.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, void 0];
    const takesValue = ["--target", "--profile", "--manifest-path", "-p", "--package"];
    const value = takesValue.includes(flag) ? inline ?? words[i + 1] : void 0;
    if (takesValue.includes(flag) && inline === void 0) i++;
    if (flag === "--release" || flag === "-r") profile = "release";
    else if (flag === "--profile") profile = value ?? profile;
    else if (flag === "--message-format") {
      if (inline === void 0) i++;
    } else {
      if (flag === "--target") target = value;
      else if (flag === "--manifest-path") manifestPath = value;
      else if ((flag === "-p" || flag === "--package") && value !== void 0) packages.push(value);
      otherArgs.push(word);
      if (takesValue.includes(flag) && inline === void 0 && value !== void 0)
        otherArgs.push(value);
    }
  }
  return {
    subcommand,
    ...target !== void 0 ? { target } : {},
    profile,
    profileDir: profile === "dev" ? "debug" : profile,
    ...manifestPath !== void 0 ? { manifestPath } : {},
    packages,
    otherArgs,
    plainWords: words.every((w) => PLAIN_WORD.test(w))
  };
}
function cargoBuildOf(command) {
  for (const step of commandSteps(command)) {
    const parsed = parseCargoCommand(step);
    if (parsed?.subcommand === "build") return parsed;
  }
  return void 0;
}
function cargoBuildArgs(options) {
  return [
    "build",
    ...options.release === false ? [] : ["--release"],
    "--target",
    options.target,
    ...(options.packages ?? []).flatMap((name) => ["-p", name])
  ];
}

export {
  commandSteps,
  isChained,
  parseCargoCommand,
  cargoBuildOf,
  cargoBuildArgs
};
//# sourceMappingURL=chunk-2HIH7NOE.js.map
