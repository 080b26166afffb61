import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  onInterrupt
} from "./chunk-P2OAGGZH.js";

// src/fsutil.ts
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
async function writeFileAtomic(file, data, options = {}) {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  await mkdir(path.dirname(file), { recursive: true });
  const forget = onInterrupt(() => rm(temp, { force: true }));
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data);
      if (options.fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    await options.check?.(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    forget();
  }
}

export {
  writeFileAtomic
};
//# sourceMappingURL=chunk-BPTAPCOJ.js.map
