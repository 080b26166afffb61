import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as r,b as i}from"./chunk-TD64QMNT.js";var o=i((p,e)=>{e.exports=r("node:http")});export{o as a};
