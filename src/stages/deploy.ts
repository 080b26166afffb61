import type { Config } from '../config/config.js';
import { deployTargetFor } from '../deploy/index.js';
import type { Logger } from '../log.js';
import { onInterrupt } from '../process.js';
import type { ComponentReport, DeployReport } from '../report/model.js';
import path from 'node:path';

/**
 * Deploys the optimized components and times the first healthy answer. What runs on this
 * machine is stopped again: it only exists to prove the result loads and answers.
 */
export async function deployComponents(
  components: readonly ComponentReport[],
  config: Pick<Config, 'deploy' | 'projectDir' | 'tools'>,
  logger: Logger,
): Promise<DeployReport | undefined> {
  const target = await deployTargetFor(config.deploy.target, config.tools.runtime);
  if (!target) return undefined;
  const deployment = await target.deploy({
    components: components.map((c) => ({
      name: c.name,
      wasmPath: path.resolve(config.projectDir, c.wasm),
    })),
    projectDir: config.projectDir,
    healthPath: config.deploy.healthPath,
    timeoutSeconds: config.deploy.timeoutSeconds,
    logger,
  });
  // a signal while it runs takes it down as stop() would (a wash host, an app deployed to it)
  const forget = onInterrupt(() => deployment.stop());
  try {
    logger.info(
      `deployed to ${deployment.report.url}: HTTP ${deployment.report.status} after ${deployment.report.readySeconds.toFixed(3)} s`,
    );
    return deployment.report;
  } finally {
    await deployment.stop();
    forget();
  }
}
