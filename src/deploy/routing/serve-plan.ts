import { errorMessage, UserError } from '../../errors.js';
import type { RouteAnswer } from '../../report/model.js';
import { appUrl, probe } from '../readiness.js';
import type { DeployableComponent, DeployProject, DeployRequest } from '../target.js';
import { probePath, routeTable, type HttpRoute } from './routes.js';

/**
 * What a local runtime serves of a deploy request, and each route's first answer: shared by
 * the embedded runtime (one child behind the router) and `wasmtime serve` (one process per
 * component behind the router), so both serve a Spin app as Spin routes it.
 */

/** What the serve plan reads of a deploy request. */
export type ServeRequest = Pick<DeployRequest, 'components' | 'logger'> & {
  /** The target's name, as its messages say it (`local`, `wasmtime`). */
  readonly target: string;
  /** A Spin app's routes: with them every routed component is served (else only the first). */
  readonly project?: Pick<DeployProject, 'routes'>;
};

/** What the child serves: one component, or a Spin app's routed components behind its routes. */
export interface ServePlan {
  readonly components: readonly DeployableComponent[];
  readonly routes?: readonly HttpRoute[];
}

function pickComponent(request: ServeRequest): DeployableComponent {
  const [first, ...rest] = request.components;
  if (!first)
    throw new UserError(`deploy \`${request.target}\`: the project built no component to serve`);
  if (rest.length > 0) {
    request.logger.warning(
      `deploy \`${request.target}\` serves one component; serving ${first.name} (not ${rest.map((c) => c.name).join(', ')})`,
    );
  }
  return first;
}

/**
 * A Spin app with HTTP routes: the components its routes name, each once. A route whose
 * component was not built here (a remote `source = { url }`) stays in the table and answers
 * 502; a component no route names (private, or another trigger) is not served.
 */
function routedPlan(request: ServeRequest, routes: readonly HttpRoute[]): ServePlan {
  const { table, replaced } = routeTable(routes);
  for (const gone of replaced) {
    request.logger.warning(
      `deploy \`${request.target}\`: route ${gone.route} is declared twice; the later one wins (as in Spin), so component ${gone.component} does not get it`,
    );
  }
  const routed = new Set(table.map((entry) => entry.component));
  const components = request.components.filter((component) => routed.has(component.name));
  const built = new Set(components.map((component) => component.name));
  for (const entry of table) {
    if (!built.has(entry.component)) {
      request.logger.warning(
        `deploy \`${request.target}\`: route ${entry.route} goes to component ${entry.component}, which was not built here (a remote source?); it is answered with 502`,
      );
    }
  }
  const unrouted = request.components.filter((component) => !routed.has(component.name));
  if (unrouted.length > 0) {
    request.logger.info(
      `deploy \`${request.target}\`: not serving ${unrouted.map((c) => c.name).join(', ')}: no [[trigger.http]] route names ${unrouted.length === 1 ? 'it' : 'them'} (private endpoints are not routed)`,
    );
  }
  if (components.length === 0) {
    throw new UserError(
      `deploy \`${request.target}\`: none of the components that spin.toml's routes name was built here (routes: ${table.map((e) => `${e.route} → ${e.component}`).join(', ')})`,
    );
  }
  return { components, routes };
}

export function servePlan(request: ServeRequest): ServePlan {
  const routes = request.project?.routes;
  return routes && routes.length > 0
    ? routedPlan(request, routes)
    : { components: [pickComponent(request)] };
}

/** The first answer of each route, through the running router (report: deploy.routes). */
export async function firstAnswers(
  url: string,
  routes: readonly HttpRoute[],
  request: ServeRequest,
): Promise<RouteAnswer[]> {
  const { table } = routeTable(routes);
  const answers: RouteAnswer[] = [];
  for (const entry of table) {
    const path = probePath(table, entry);
    if (path === undefined) continue; // every path it matches goes to a more specific route
    try {
      const answer = await probe(appUrl(url, path));
      answers.push({
        route: entry.route,
        component: entry.component,
        status: answer.status,
        seconds: answer.seconds,
      });
    } catch (error) {
      request.logger.warning(
        `deploy \`${request.target}\`: route ${entry.route} did not answer: ${errorMessage(error)}`,
      );
    }
  }
  return answers;
}
