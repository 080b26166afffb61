import type { HttpRoute } from '../../../routing/routes.js';

/**
 * How the deploy (parent) and serve-child talk over the IPC channel. The child is started
 * before the component is ready, so its start-up overlaps componentize and transpile:
 *
 *   child → parent  waiting                 (runtime loaded, ready for an app)
 *   parent → child  serve { dir, entry, routed? }  (the transpiled component; a Spin app's
 *                                                  other components and routes in `routed`)
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
  /** A Spin app: every routed component, served behind one port by Spin's routes (router.ts). */
  routed?: RoutedApp;
}

/** One transpiled component of a Spin app, by its component id. */
export interface RoutedComponent {
  name: string;
  dir: string;
  entry: string;
}

export interface RoutedApp {
  components: RoutedComponent[];
  /** spin.toml's `[[trigger.http]]` routes (private endpoints left out). */
  routes: HttpRoute[];
}

/** The module jco transpile writes for the component (`name` option + `.js`). */
export const TRANSPILED_NAME = 'app';
