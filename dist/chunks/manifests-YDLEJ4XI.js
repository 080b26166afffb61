import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g}from"./chunk-YOBIXNKI.js";import"./chunk-QWTS7VHX.js";import"./chunk-2JZVTYTV.js";import"./chunk-JPOBV2NA.js";export{a as SPINAPP_API,b as WORKLOAD_API,g as manifestsFor,c as resourceName,d as spinApp,f as userManifest,e as workloadDeployment};
