import * as core from '@actions/core';
import type { Logger } from '../log.js';

/** The Actions log: collapsible groups, and warnings as annotations on the file they concern. */
export const actionLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message, file) => core.warning(message, file ? { file } : {}),
  group: (title, fn) => core.group(title, fn),
  output: (chunk) => {
    process.stdout.write(chunk);
  },
};
