import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  BENCH_INPUTS,
  FLAG_INPUTS,
  REPORT_FLAGS,
  RUN_USAGE,
  SECRETS_HELP,
  flagHelp,
  flagOptions,
  inputsFromFlags,
  runCommand
} from "./chunk-BEX4EQOK.js";
import "./chunk-NYWYU7FS.js";
import "./chunk-QUQH4YZH.js";
import "./chunk-WAYFC2HM.js";
import "./chunk-TWX3SAKE.js";
import "./chunk-CZJVZQ6V.js";
import "./chunk-K4TL2LEL.js";
import "./chunk-4KJDKNDR.js";
import "./chunk-J4QKFO7O.js";
import "./chunk-UHWQGR37.js";
import "./chunk-7DXSX7HT.js";
import "./chunk-UMZCIWP5.js";
import "./chunk-IRSJQSBA.js";
import "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-YDEMTISK.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-DTWORZFI.js";
import "./chunk-KEOSVDQE.js";
import "./chunk-VMZ47O4A.js";
import "./chunk-2HIH7NOE.js";
import "./chunk-3J67AXYP.js";
import "./chunk-MFM22RQS.js";
import "./chunk-NEQGYPFF.js";
import "./chunk-E4HSM5HB.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-GCGXGLYM.js";
import "./chunk-H3MOW4QF.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  BENCH_INPUTS,
  FLAG_INPUTS,
  REPORT_FLAGS,
  RUN_USAGE,
  SECRETS_HELP,
  flagHelp,
  flagOptions,
  inputsFromFlags,
  runCommand
};
//# sourceMappingURL=run-SNWU67H4.js.map
