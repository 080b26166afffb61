import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{e as a,f as b,g as c,h as d,i as e,j as f}from"./chunk-DZPNEFUK.js";import"./chunk-2JZVTYTV.js";import"./chunk-JPOBV2NA.js";export{a as FIELD_MANAGER,c as apply,f as deleteNamespace,e as ensureNamespace,b as rbacResource,d as read};
