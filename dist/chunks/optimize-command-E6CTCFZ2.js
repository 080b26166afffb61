import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as A}from"./chunk-2NPZO7RI.js";import"./chunk-JVJN5FIO.js";import{b as O,c as b,d as z,e as k}from"./chunk-R6INXWNS.js";import{b as v}from"./chunk-SOMZLPEM.js";import"./chunk-OXO43DOO.js";import"./chunk-4ZV4TPN2.js";import{b as E}from"./chunk-Z7PPQ7ZK.js";import"./chunk-GYTEYJW4.js";import"./chunk-E2RHXRSW.js";import"./chunk-L4JZMREV.js";import{a as $,d as c}from"./chunk-J6XYWEUJ.js";import{g as d}from"./chunk-FIQHACSK.js";import"./chunk-YEO3ABA3.js";import"./chunk-V2QYFQJ2.js";import"./chunk-LTPGKQZX.js";import"./chunk-Z3KBQSEX.js";import"./chunk-YZERAKZU.js";import"./chunk-7X7TQWZV.js";import"./chunk-ZRIIFANB.js";import"./chunk-SQQXTCMI.js";import{a,b as l,c as y}from"./chunk-2JZVTYTV.js";import"./chunk-75TTOZRQ.js";import"./chunk-KAZXYQIT.js";import"./chunk-JPOBV2NA.js";import{readFile as j}from"node:fs/promises";import N from"node:path";import{parseArgs as U}from"node:util";var C=`Usage: spinwash optimize IN.wasm -o OUT.wasm [options]

Strips custom sections from a core module or a component (inside every nested module too),
optionally runs wasm-opt -Oz on it, checks the result still validates, and writes OUT.wasm
(only then, and never partially). Prints the sizes before and after.

Options:
  -o, --output FILE   Where the result goes (may be IN.wasm itself).
  --wasm-opt          Also run wasm-opt -Oz (binaryen, in-process) on every core module.
  --keep NAME         Keep custom sections matching NAME although they would be removed
                      (repeatable, or comma-separated; * wildcards).
  --remove NAME       Also remove custom sections matching NAME (repeatable; * wildcards).
                      Removed by default: ${E.join(", ")}.
                      component-type:* sections are never removed.
  --json FILE         Write what was done as JSON to FILE.
  -h, --help          Show this help.`;function h(t){return new y(t)}function F(t,e){let o;try{o=U({args:t,strict:!0,allowPositionals:!0,options:{output:{type:"string",short:"o"},"wasm-opt":{type:"boolean"},keep:{type:"string",multiple:!0},remove:{type:"string",multiple:!0},json:{type:"string"},help:{type:"boolean",short:"h"}}})}catch(m){throw h(l(m))}let{values:r,positionals:s}=o;if(r.help)return"help";if(s.length!==1)throw h(s.length===0?"optimize needs one input .wasm file":`optimize takes one input .wasm file, got ${s.length}: ${s.join(" ")}`);if(!r.output)throw h("optimize needs an output file: -o OUT.wasm");let i=m=>N.resolve(e,m);return{input:i(s[0]),output:i(r.output),wasmOpt:r["wasm-opt"]===!0,keep:(r.keep??[]).flatMap(d),remove:(r.remove??[]).flatMap(d),...r.json?{json:i(r.json)}:{}}}async function M(t){try{return new Uint8Array(await j(t))}catch(e){let o=e.code,r=o==="ENOENT"?"no such file":o==="EISDIR"?"a folder, not a .wasm file":l(e);throw new a(`Input ${t}: ${r}`,t)}}function w(t,e){if(t===0)return"";let o=(e-t)/t*100;return` (${o<=0?"":"+"}${o.toFixed(1)}%)`}function u(t){return`${t.toLocaleString("en-US")} B`}async function q(t,e){try{let o=F(t,e.cwd??process.cwd());return o==="help"?(e.stdout(`${C}
`),0):(await P(o,e),0)}catch(o){return A(o,e,"optimize")}}function S(t){let e=v(t);if(e!==void 0)throw new a(`Cannot write ${t}: ${e}`,t)}async function P(t,e){S(t.output),t.json&&S(t.json);let o=await M(t.input),r;try{r=O(o).kind}catch(n){throw n instanceof c?n.inFile(t.input):n}e.stdout(`${t.input} (${r==="module"?"core module":"component"}): ${u(o.length)}
`);let s;try{s=await k(o,{sections:{keep:t.keep,remove:t.remove},wasmOpt:t.wasmOpt,file:t.output})}catch(n){throw n instanceof c?n.inFile(t.input):n instanceof z?new a(n.inputInvalid?`Input ${t.input} is not valid WebAssembly, so ${t.output} was not written: ${n.message}`:`the result does not validate, so ${t.output} was not written: ${n.message}`,t.input):n}let i=s.strip,m=[{stage:"input",bytes:o.length},{stage:"stripped",bytes:i.bytes.length}],f=i.removed.map(n=>`${n.name} ${u(n.bytes)}`).join(", ");e.stdout(`  stripped:  ${u(i.bytes.length)}${w(o.length,i.bytes.length)}${f?`; removed ${f}`:"; no custom section to remove"}
`);for(let n of i.notes)e.stderr(`note: ${n}
`);let p=s.final,g=t.wasmOpt?[...s.modules]:void 0;if(t.wasmOpt){s.wasmOptChanged?(m.push({stage:"optimized",bytes:p.length}),e.stdout(`  optimized: ${u(p.length)}${w(i.bytes.length,p.length)}
`)):e.stdout(`  wasm-opt:  changed nothing
`);for(let n of s.modules)n.status==="kept"&&r==="component"?e.stdout(`    ${n.path}: kept as it was: ${n.reason??""}
`):n.status==="kept"&&e.stderr(`note: wasm-opt: ${n.reason??"kept as it was"}
`)}if(s.runtime&&e.stdout(`  checked on ${s.runtime.runtime}: ${s.runtime.detail}
`),await I(t.output,p),e.stdout(`${t.output}: ${u(p.length)}${w(o.length,p.length)}, valid ${r}
`),t.json){let n={input:{path:t.input,kind:r,bytes:o.length},output:{path:t.output,...b(p)},stages:m,removed:i.removed,...g?{modules:g}:{},notes:i.notes};await I(t.json,`${JSON.stringify(n,null,2)}
`)}}async function I(t,e){try{await $(t,e)}catch(o){let s=o.code==="ENOENT"?"its folder does not exist":l(o);throw new a(`Cannot write ${t}: ${s}`,t)}}export{C as OPTIMIZE_USAGE,q as runOptimizeCommand};
//# sourceMappingURL=optimize-command-E6CTCFZ2.js.map
