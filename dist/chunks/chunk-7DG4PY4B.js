import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-2ZOKV7VA.js";
import {
  UserError,
  errorMessage
} from "./chunk-T6ADKWSP.js";

// src/report/json.ts
import { readFile } from "node:fs/promises";

// src/report/model.ts
var SCHEMA_VERSION = 1;

// src/report/json.ts
async function writeJsonReport(file, report2) {
  const text = `${JSON.stringify(report2, null, 2)}
`;
  await writeFileAtomic(file, text, { check: () => void parseReport(text, file) });
}
async function readJsonReport(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new UserError(
      code === "ENOENT" ? `Report file ${file} does not exist` : `Report file ${file} cannot be read: ${errorMessage(error)}`,
      file
    );
  }
  return parseReport(text, file);
}
function parseReport(text, source) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `Report file ${source} is not valid JSON (${errorMessage(error)}); expected a spinwash JSON report`,
      source
    );
  }
  const problem = reportProblem(value);
  if (problem) {
    throw new UserError(
      `Report file ${source} is not a spinwash report: ${problem}; expected the JSON written by spinwash --json (schemaVersion ${SCHEMA_VERSION})`,
      source
    );
  }
  return value;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var number = (v, where) => typeof v === "number" && Number.isFinite(v) ? void 0 : `${where} is ${describe(v)}, not a number`;
var string = (v, where) => typeof v === "string" ? void 0 : `${where} is ${describe(v)}, not a string`;
function fields(spec, optional = []) {
  return (v, where) => {
    if (!isObject(v)) return `${where} is ${describe(v)}, not an object`;
    for (const [key, check] of Object.entries(spec)) {
      if (v[key] === void 0 && optional.includes(key)) continue;
      const problem = check(v[key], `${where}.${key}`);
      if (problem) return problem;
    }
    return void 0;
  };
}
function list(item) {
  return (v, where) => {
    if (!Array.isArray(v)) return `${where} is ${describe(v)}, not a list`;
    for (const [i, entry] of v.entries()) {
      const problem = item(entry, `${where}[${i}]`);
      if (problem) return problem;
    }
    return void 0;
  };
}
var sizes = { bytes: number, gzipBytes: number, brotliBytes: number };
var stage = fields({ stage: string, ...sizes });
var named = fields({ name: string, bytes: number });
var component = fields(
  {
    name: string,
    wasm: string,
    stages: list(stage),
    final: fields(sizes),
    sections: list(named),
    functions: list(named),
    ladder: list(stage)
  },
  ["functions", "ladder"]
);
var report = fields(
  {
    tool: fields({ name: string, version: string }),
    project: fields({ kind: string, path: string }),
    components: list(component),
    build: fields({ seconds: number }),
    deploy: fields({
      target: string,
      url: string,
      status: number,
      readySeconds: number,
      firstResponseSeconds: number
    })
  },
  ["deploy"]
);
function reportProblem(value) {
  if (!isObject(value)) return `the top level is ${describe(value)}, not an object`;
  const version = value.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    return typeof version === "number" && version > SCHEMA_VERSION ? `schemaVersion ${version} is newer than this spinwash reads (${SCHEMA_VERSION}); upgrade spinwash` : `schemaVersion is ${describe(version)}, expected ${SCHEMA_VERSION}`;
  }
  return report(value, "report");
}
function describe(v) {
  if (v === void 0) return "missing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return `"${v.length > 40 ? `${v.slice(0, 40)}\u2026` : v}"`;
  if (typeof v === "object") return "an object";
  return String(v);
}

export {
  SCHEMA_VERSION,
  writeJsonReport,
  readJsonReport,
  parseReport
};
