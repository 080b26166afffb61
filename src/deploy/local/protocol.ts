/**
 * How the deploy (parent) and serve-child talk: the parent starts the child with
 * `<transpiled folder> <entry file>` and an IPC channel; the child sends one message.
 */
export type ServeChildMessage =
  /** Serving on 127.0.0.1:`port`. */
  | { type: 'listening'; port: number }
  /** Could not load or start the component; `message` says why. */
  | { type: 'failed'; message: string };

/** The module jco transpile writes for the component (`name` option + `.js`). */
export const TRANSPILED_NAME = 'app';
