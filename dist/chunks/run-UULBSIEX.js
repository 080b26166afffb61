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
} from "./chunk-LIY6D6EZ.js";
import "./chunk-2PHDIWL3.js";
import "./chunk-6IRMF4PD.js";
import "./chunk-D35HLKR6.js";
import "./chunk-TWX3SAKE.js";
import "./chunk-CZJVZQ6V.js";
import "./chunk-K4TL2LEL.js";
import "./chunk-AKUAUIIS.js";
import "./chunk-LUVXKUQE.js";
import "./chunk-EQFKNN5Z.js";
import "./chunk-7DXSX7HT.js";
import "./chunk-UMZCIWP5.js";
import "./chunk-BTVJHUMK.js";
import "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-YDEMTISK.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-3R6IF2QX.js";
import "./chunk-3N3OXRDL.js";
import "./chunk-4JQBW43E.js";
import "./chunk-2HIH7NOE.js";
import "./chunk-3J67AXYP.js";
import "./chunk-MFM22RQS.js";
import "./chunk-KEVH5OAE.js";
import "./chunk-GWNYCYKZ.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-AXYEYBXM.js";
import "./chunk-4ZSO5UYT.js";
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
//# sourceMappingURL=run-UULBSIEX.js.map
