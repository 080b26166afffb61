import { setTimeout as sleep } from 'node:timers/promises';
import type { RunPlan } from '../config/config.js';
import type { DeployTarget } from '../deploy/target.js';
import { errorMessage } from '../errors.js';
import { interruptedBy, throwIfInterrupted } from '../process.js';
import type { Logger } from '../log.js';
import type { Project } from '../projects/project.js';
import type { BenchmarkSample, ComponentReport } from '../report/model.js';
import { deployRequest } from '../stages/deploy.js';

/**
 * The deploys of a benchmark: the same optimized build deployed `repeat` times through the
 * target's own deploy, each sample stopped (and, for a target that can, undeployed) before
 * the next starts, so every sample is a real deploy and not an already-running app answering.
 * Samples start `min-interval` seconds apart at least. A failed deploy is a sample with its
 * error; the loop goes on.
 */
export async function deploySamples(
  project: Project,
  components: readonly ComponentReport[],
  config: Pick<RunPlan, 'deploy' | 'projectDir' | 'benchmark'>,
  logger: Logger,
  target: DeployTarget<unknown> | undefined = config.deploy.target,
): Promise<BenchmarkSample[]> {
  if (!target) throw new Error('deploySamples without a deploy target'); // runBenchmark refuses `none`
  const request = deployRequest(project, components, config, logger);
  const { repeat, minIntervalSeconds } = config.benchmark;
  const samples: BenchmarkSample[] = [];
  let lastStart: number | undefined;
  for (let index = 1; index <= repeat; index++) {
    if (lastStart !== undefined) {
      const wait = lastStart + minIntervalSeconds * 1000 - performance.now();
      if (wait > 0) {
        logger.info(`waiting ${(wait / 1000).toFixed(1)} s before sample ${index} (min-interval)`);
        await sleep(wait);
      }
    }
    // after a signal no sample starts: the benchmark winds down and exits 130 / 143
    throwIfInterrupted();
    lastStart = performance.now();
    const startedAt = new Date().toISOString();
    try {
      const deployment = await target.deploy(request);
      try {
        const { readySeconds, firstResponseSeconds, commandSeconds, status } = deployment.report;
        samples.push({
          index,
          startedAt,
          readySeconds,
          firstResponseSeconds,
          ...(commandSeconds !== undefined ? { commandSeconds } : {}),
          status,
        });
        logger.info(
          `sample ${index}/${repeat}: ready after ${readySeconds.toFixed(3)} s${index === 1 ? ' (cold)' : ''}`,
        );
      } finally {
        await deployment.stop();
      }
    } catch (error) {
      // a sample cut short by a signal is not a failed deploy
      if (interruptedBy()) throw error;
      const message = errorMessage(error);
      samples.push({ index, startedAt, error: message });
      logger.warning(`sample ${index}/${repeat} failed: ${message}`);
    }
    // the next sample deploys from nothing; the last one stays up, as a run's deploy does
    if (target.undeploy && index < repeat && !interruptedBy()) {
      try {
        await target.undeploy(request);
      } catch (error) {
        logger.warning(`undeploy after sample ${index} failed: ${errorMessage(error)}`);
      }
    }
  }
  return samples;
}
