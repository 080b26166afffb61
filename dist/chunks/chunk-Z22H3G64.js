import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{e as d,f as b}from"./chunk-YZERAKZU.js";import{a as f,b as g}from"./chunk-2JZVTYTV.js";var y=65536,w="sticky";function h(t=w){if(!/^[A-Za-z0-9._-]+$/.test(t))throw new f(`Input \`comment-key\` has the value "${t}"; accepted: letters, digits, \`.\`, \`_\` and \`-\``);return`<!-- spinwash:${t} -->`}var p=`

---
> [!WARNING]
> This report was cut to fit GitHub\u2019s 65,536-character comment limit; the job summary and the JSON report have all of it.
`;function C(t,e,o=y){let n=`${h(e)}
${t}`;if(n.length<=o)return{body:n,truncated:!1};let r=n.slice(0,o-p.length-200);r=r.slice(0,Math.max(r.lastIndexOf(`
`),0));let s=(r.match(/<details>/g)?.length??0)-(r.match(/<\/details>/g)?.length??0),i=`

</details>`.repeat(Math.max(s,0));return{body:`${r}${i}${p}`,truncated:!0}}var x="github-actions[bot]";async function _(t){try{return(await t.rest.users.getAuthenticated()).data.login}catch(e){if(d(e))return x;throw e}}async function $(t,e,o,n){return(await R(t,e,o,n))?.id}async function R(t,e,o,n){let r=t.paginate.iterator(t.rest.issues.listComments,{owner:e.owner,repo:e.repo,issue_number:e.number,per_page:100});for await(let s of r){let i=s.data.find(a=>a.user?.login===n&&a.body?.includes(o));if(i)return{id:i.id,body:i.body??""}}}async function N(t,e,o,n){let r=h(n),{body:s,truncated:i}=C(o,n),a=`${e.owner}/${e.repo}#${e.number}`;try{let u=await _(t),c=await $(t,e,r,u);if(c!==void 0){let{data:l}=await t.rest.issues.updateComment({owner:e.owner,repo:e.repo,comment_id:c,body:s});return{outcome:"updated",id:l.id,url:l.html_url,truncated:i}}let{data:m}=await t.rest.issues.createComment({owner:e.owner,repo:e.repo,issue_number:e.number,body:s});return{outcome:"created",id:m.id,url:m.html_url,truncated:i}}catch(u){if(d(u))return{outcome:"forbidden",message:`The token cannot comment on ${a} (${g(u)}): a pull request from a fork, or a job without \`pull-requests: write\``};throw b(u,`comment on ${a}`,"pull-requests: write")}}export{y as a,h as b,_ as c,R as d,N as e};
//# sourceMappingURL=chunk-Z22H3G64.js.map
