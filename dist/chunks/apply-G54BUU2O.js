import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{d as a,e as b,f as c,g as d,h as e,i as f}from"./chunk-6ZMCNZLJ.js";import"./chunk-6RILG5KV.js";import"./chunk-TD64QMNT.js";export{a as FIELD_MANAGER,c as apply,f as deleteNamespace,e as ensureNamespace,b as rbacResource,d as read};
