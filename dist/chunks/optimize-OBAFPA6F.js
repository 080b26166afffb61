import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  outputFileProblem
} from "./chunk-QUQH4YZH.js";
import {
  InvalidResultError,
  analyzeWasm,
  measureSizes,
  shrinkWasm
} from "./chunk-WAYFC2HM.js";
import "./chunk-TWX3SAKE.js";
import {
  reportCliError
} from "./chunk-HA33TRQG.js";
import "./chunk-J4QKFO7O.js";
import {
  parseList
} from "./chunk-7DXSX7HT.js";
import {
  DEFAULT_REMOVED_SECTIONS
} from "./chunk-IRSJQSBA.js";
import "./chunk-PMUPDPBB.js";
import {
  writeFileAtomic
} from "./chunk-BPTAPCOJ.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-MFM22RQS.js";
import "./chunk-E4HSM5HB.js";
import "./chunk-EKUGAD5L.js";
import {
  WasmFormatError
} from "./chunk-GCGXGLYM.js";
import "./chunk-H3MOW4QF.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import {
  UsageError,
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/commands/optimize.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
var OPTIMIZE_USAGE = `Usage: spinwash optimize IN.wasm -o OUT.wasm [options]

Strips custom sections from a core module or a component (inside every nested module too),
optionally runs wasm-opt -Oz on it, checks the result still validates, and writes OUT.wasm
(only then, and never partially). Prints the sizes before and after.

Options:
  -o, --output FILE   Where the result goes (may be IN.wasm itself).
  --wasm-opt          Also run wasm-opt -Oz (binaryen, in-process) on every core module.
  --keep NAME         Keep custom sections matching NAME although they would be removed
                      (repeatable, or comma-separated; * wildcards).
  --remove NAME       Also remove custom sections matching NAME (repeatable; * wildcards).
                      Removed by default: ${DEFAULT_REMOVED_SECTIONS.join(", ")}.
                      component-type:* sections are never removed.
  --json FILE         Write what was done as JSON to FILE.
  -h, --help          Show this help.`;
function usageError(message) {
  return new UsageError(message);
}
function readArgs(args, cwd) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        "wasm-opt": { type: "boolean" },
        keep: { type: "string", multiple: true },
        remove: { type: "string", multiple: true },
        json: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw usageError(errorMessage(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw usageError(
      positionals.length === 0 ? "optimize needs one input .wasm file" : `optimize takes one input .wasm file, got ${positionals.length}: ${positionals.join(" ")}`
    );
  }
  if (!values.output) throw usageError("optimize needs an output file: -o OUT.wasm");
  const resolve = (file) => path.resolve(cwd, file);
  return {
    input: resolve(positionals[0]),
    output: resolve(values.output),
    wasmOpt: values["wasm-opt"] === true,
    keep: (values.keep ?? []).flatMap(parseList),
    remove: (values.remove ?? []).flatMap(parseList),
    ...values.json ? { json: resolve(values.json) } : {}
  };
}
async function readInput(file) {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a .wasm file" : errorMessage(error);
    throw new UserError(`Input ${file}: ${why}`, file);
  }
}
function percent(before, after) {
  if (before === 0) return "";
  const change = (after - before) / before * 100;
  return ` (${change <= 0 ? "" : "+"}${change.toFixed(1)}%)`;
}
function formatBytes(bytes) {
  return `${bytes.toLocaleString("en-US")} B`;
}
async function runOptimizeCommand(args, io) {
  try {
    const parsedArgs = readArgs(args, io.cwd ?? process.cwd());
    if (parsedArgs === "help") {
      io.stdout(`${OPTIMIZE_USAGE}
`);
      return 0;
    }
    await optimizeFile(parsedArgs, io);
    return 0;
  } catch (error) {
    return reportCliError(error, io, "optimize");
  }
}
function checkOutput(file) {
  const problem = outputFileProblem(file);
  if (problem !== void 0) throw new UserError(`Cannot write ${file}: ${problem}`, file);
}
async function optimizeFile(args, io) {
  checkOutput(args.output);
  if (args.json) checkOutput(args.json);
  const input = await readInput(args.input);
  let kind;
  try {
    kind = analyzeWasm(input).kind;
  } catch (error) {
    throw error instanceof WasmFormatError ? error.inFile(args.input) : error;
  }
  io.stdout(
    `${args.input} (${kind === "module" ? "core module" : "component"}): ${formatBytes(input.length)}
`
  );
  let shrunk;
  try {
    shrunk = await shrinkWasm(input, {
      sections: { keep: args.keep, remove: args.remove },
      wasmOpt: args.wasmOpt,
      file: args.output
    });
  } catch (error) {
    if (error instanceof WasmFormatError) throw error.inFile(args.input);
    if (error instanceof InvalidResultError) {
      throw new UserError(
        error.inputInvalid ? `Input ${args.input} is not valid WebAssembly, so ${args.output} was not written: ${error.message}` : `the result does not validate, so ${args.output} was not written: ${error.message}`,
        args.input
      );
    }
    throw error;
  }
  const stripped = shrunk.strip;
  const stages = [
    { stage: "input", bytes: input.length },
    { stage: "stripped", bytes: stripped.bytes.length }
  ];
  const removed = stripped.removed.map((s) => `${s.name} ${formatBytes(s.bytes)}`).join(", ");
  io.stdout(
    `  stripped:  ${formatBytes(stripped.bytes.length)}${percent(input.length, stripped.bytes.length)}${removed ? `; removed ${removed}` : "; no custom section to remove"}
`
  );
  for (const note of stripped.notes) io.stderr(`note: ${note}
`);
  const final = shrunk.final;
  const modules = args.wasmOpt ? [...shrunk.modules] : void 0;
  if (args.wasmOpt) {
    if (shrunk.wasmOptChanged) {
      stages.push({ stage: "optimized", bytes: final.length });
      io.stdout(
        `  optimized: ${formatBytes(final.length)}${percent(stripped.bytes.length, final.length)}
`
      );
    } else {
      io.stdout("  wasm-opt:  changed nothing\n");
    }
    for (const m of shrunk.modules) {
      if (m.status === "kept" && kind === "component") {
        io.stdout(`    ${m.path}: kept as it was: ${m.reason ?? ""}
`);
      } else if (m.status === "kept") {
        io.stderr(`note: wasm-opt: ${m.reason ?? "kept as it was"}
`);
      }
    }
  }
  await writeOutput(args.output, final);
  io.stdout(
    `${args.output}: ${formatBytes(final.length)}${percent(input.length, final.length)}, valid ${kind}
`
  );
  if (args.json) {
    const report = {
      input: { path: args.input, kind, bytes: input.length },
      output: { path: args.output, ...measureSizes(final) },
      stages,
      removed: stripped.removed,
      ...modules ? { modules } : {},
      notes: stripped.notes
    };
    await writeOutput(args.json, `${JSON.stringify(report, null, 2)}
`);
  }
}
async function writeOutput(file, data) {
  try {
    await writeFileAtomic(file, data);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "its folder does not exist" : errorMessage(error);
    throw new UserError(`Cannot write ${file}: ${why}`, file);
  }
}
export {
  OPTIMIZE_USAGE,
  runOptimizeCommand
};
//# sourceMappingURL=optimize-OBAFPA6F.js.map
