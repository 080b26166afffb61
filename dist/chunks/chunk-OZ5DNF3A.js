import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  SCHEMA_VERSION
} from "./chunk-EJCTFPHU.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/report/json.ts
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
    ladder: list(stage),
    sameFileAs: string
  },
  ["functions", "ladder", "sameFileAs"]
);
var stats = fields({
  n: number,
  median: number,
  min: number,
  max: number,
  p10: number,
  p90: number,
  mad: number
});
var sample = fields(
  {
    index: number,
    startedAt: string,
    readySeconds: number,
    firstResponseSeconds: number,
    commandSeconds: number,
    status: number,
    error: string
  },
  ["readySeconds", "firstResponseSeconds", "commandSeconds", "status", "error"]
);
var benchmark = fields({
  target: string,
  app: string,
  runId: string,
  startedAt: string,
  repeat: number,
  samples: list(sample),
  cold: sample,
  warm: fields({ readySeconds: stats, firstResponseSeconds: stats, commandSeconds: stats }, [
    "readySeconds",
    "firstResponseSeconds",
    "commandSeconds"
  ]),
  failed: number,
  sizes: fields(sizes)
});
var report = fields(
  {
    tool: fields({ name: string, version: string }),
    project: fields({ kind: string, path: string }),
    components: list(component),
    build: fields({ seconds: number }),
    deploy: fields(
      {
        target: string,
        url: string,
        status: number,
        readySeconds: number,
        firstResponseSeconds: number,
        readySpreadSeconds: number
      },
      ["readySpreadSeconds"]
    ),
    benchmark,
    comparisonUnavailable: string
  },
  ["deploy", "benchmark", "comparisonUnavailable"]
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
  parseReport
};
//# sourceMappingURL=chunk-OZ5DNF3A.js.map
