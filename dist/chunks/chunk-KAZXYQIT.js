import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as r,c as i}from"./chunk-JPOBV2NA.js";var o=i((p,e)=>{e.exports=r("node:http")});export{o as a};
