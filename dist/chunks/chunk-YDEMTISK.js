import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  cargoBuildOf,
  commandSteps
} from "./chunk-2HIH7NOE.js";

// src/projects/targets.ts
function targetInCommand(command) {
  const cargo = cargoBuildOf(command)?.target;
  if (cargo !== void 0) return cargo;
  for (const step of commandSteps(command)) {
    const named = /--target[ =](wasm32-[\w-]+)/.exec(step)?.[1];
    if (named) return named;
  }
  return void 0;
}
function rustTargetOf(component) {
  return component.rustTarget ?? (component.buildCommand !== void 0 ? targetInCommand(component.buildCommand) : void 0);
}
function rustTargetsOf(project) {
  const targets = /* @__PURE__ */ new Set();
  for (const component of project.components) {
    const target = rustTargetOf(component);
    if (target) targets.add(target);
  }
  return [...targets];
}

export {
  targetInCommand,
  rustTargetOf,
  rustTargetsOf
};
//# sourceMappingURL=chunk-YDEMTISK.js.map
