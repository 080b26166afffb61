/**
 * How the deploy (parent) and serve-child talk over the IPC channel. The child is started
 * before the component is ready, so its start-up overlaps componentize and transpile:
 *
 *   child → parent  waiting                 (runtime loaded, ready for an app)
 *   parent → child  serve { dir, entry }    (the transpiled component)
 *   child → parent  listening { port } | failed { message }
 *   child → parent  trapped { message }     (a request made the guest trap; the child exits)
 */
export type ChildMessage =
  | { type: 'waiting' }
  /** Serving on 127.0.0.1:`port`. */
  | { type: 'listening'; port: number }
  /** Could not load or start the component; `message` says why. */
  | { type: 'failed'; message: string }
  /** The guest trapped while answering a request (the child then exits). */
  | { type: 'trapped'; message: string };

export interface ServeRequest {
  type: 'serve';
  /** The folder jco transpile wrote. */
  dir: string;
  /** The ES module in it to import. */
  entry: string;
}

/** The module jco transpile writes for the component (`name` option + `.js`). */
export const TRANSPILED_NAME = 'app';
