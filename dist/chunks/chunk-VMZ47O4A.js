import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  displayPath
} from "./chunk-3J67AXYP.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

// src/projects/manifest-file.ts
import { readFile } from "node:fs/promises";
async function readText(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(
      `Cannot read ${displayPath(file)}: ${error.code ?? String(error)}`,
      file
    );
  }
}
async function readTomlManifest(file) {
  const text = await readText(file);
  try {
    const { parse: parseToml } = await import("./dist-RPVUKLFR.js");
    return { file, text, data: parseToml(text) };
  } catch (error) {
    if (error instanceof (await import("./dist-RPVUKLFR.js")).TomlError) {
      const reason = error.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "") ?? "invalid TOML";
      throw new UserError(
        `${displayPath(file)} line ${error.line}, column ${error.column}: not valid TOML (${reason}); fix the syntax there`,
        file
      );
    }
    throw error;
  }
}
async function readYamlManifest(file) {
  const text = await readText(file);
  const { parseDocument } = await import("./yaml-ZOYEWZBC.js");
  const document = parseDocument(text);
  const first = document.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    const reason = first.message.split("\n")[0] ?? "invalid YAML";
    throw new UserError(
      `${displayPath(file)}${line ? ` line ${line}` : ""}: not valid YAML (${reason}); fix the syntax there`,
      file
    );
  }
  let data;
  try {
    data = document.toJS();
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new UserError(
      `${displayPath(file)}: refused (${error.message}); write the values out instead of nesting aliases`,
      file
    );
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new UserError(`${displayPath(file)}: expected a YAML mapping at the top level`, file);
  }
  return { file, text, data };
}
function lineOf(text, pattern) {
  const match = pattern.exec(text);
  if (!match) return void 0;
  return text.slice(0, match.index).split("\n").length;
}
function where(manifest, line) {
  return `${displayPath(manifest.file)}${line ? ` line ${line}` : ""}`;
}
function isTable(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export {
  readTomlManifest,
  readYamlManifest,
  lineOf,
  where,
  isTable,
  escapeRegExp
};
//# sourceMappingURL=chunk-VMZ47O4A.js.map
