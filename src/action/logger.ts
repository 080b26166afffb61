import * as core from '@actions/core';
import type { Logger } from '../log.js';

/** How many groups are open: Actions groups do not nest, so an inner one is only a heading. */
let open = 0;

async function folded<T>(title: string, fn: () => Promise<T>): Promise<T> {
  if (open > 0) {
    core.info(`── ${title}`);
    return fn();
  }
  open += 1;
  try {
    return await core.group(title, fn);
  } finally {
    open -= 1;
  }
}

/**
 * The Actions log: one collapsible group per pipeline stage (the build's own log, the deploy's
 * polling … inside it), and warnings as annotations on the file they concern.
 */
export const actionLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message, file) => core.warning(message, file ? { file } : {}),
  group: folded,
  stage: folded,
  output: (chunk) => {
    process.stdout.write(chunk);
  },
};
