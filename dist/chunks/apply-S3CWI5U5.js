import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{e as a,f as b,g as c,h as d,i as e,j as f}from"./chunk-R5SL7QT4.js";import"./chunk-QPYFTMRM.js";import"./chunk-TD64QMNT.js";export{a as FIELD_MANAGER,c as apply,f as deleteNamespace,e as ensureNamespace,b as rbacResource,d as read};
