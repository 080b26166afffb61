import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  deployTargetNamed,
  forkNotice,
  previewEvent,
  previewOf
} from "./chunk-J4QKFO7O.js";
import {
  detectProject
} from "./chunk-UHWQGR37.js";
import {
  exec
} from "./chunk-MFM22RQS.js";
import {
  onInterrupt
} from "./chunk-P2OAGGZH.js";

// src/setup/index.ts
async function setupPlatformTools(tools, options) {
  const installed = [];
  const common = { baseUrl: tools.baseUrl, token: options.token, logger: options.logger };
  if (tools.spinVersion) {
    const { installSpin } = await import("./install-spin-KD6FMNGO.js");
    installed.push(
      await installSpin({ ...common, version: tools.spinVersion, plugins: tools.spinPlugins })
    );
  } else if (tools.spinPlugins.length > 0) {
    for (const plugin of tools.spinPlugins) {
      await exec("spin", ["plugins", "install", plugin, "--yes"], {
        onOutput: (c) => options.logger.output(c)
      });
    }
  }
  if (tools.washVersion) {
    const { installWash } = await import("./install-wash-6NAUMUGE.js");
    installed.push(await installWash({ ...common, version: tools.washVersion }));
  }
  return installed;
}

// src/stages/deploy.ts
import path from "node:path";
function deployProjectOf(project) {
  const known = project;
  const appName = known.appName ?? known.application?.name ?? project.components[0]?.name ?? path.basename(project.dir);
  const manifest = known.manifest ?? known.application?.manifest;
  return {
    kind: project.kind,
    dir: project.dir,
    appName,
    ...manifest ? { manifest } : {},
    ...known.routes ? { routes: known.routes } : {}
  };
}
function deployRequest(project, components, config, logger, preview) {
  const { deploy } = config;
  return {
    project: deployProjectOf(project),
    components: components.map((c) => ({
      name: c.name,
      wasmPath: path.resolve(config.projectDir, c.wasm)
    })),
    healthPath: deploy.healthPath,
    ...deploy.healthExpect !== void 0 ? { healthExpect: deploy.healthExpect } : {},
    timeoutSeconds: deploy.timeoutSeconds,
    options: deploy.options,
    secrets: deploy.secrets,
    ...preview ? { preview } : {},
    logger
  };
}
async function deployComponents(project, components, config, logger, preview) {
  const target = deployTargetNamed(config.deploy.target);
  if (!target) return void 0;
  const deployment = await target.deploy(
    deployRequest(project, components, config, logger, preview)
  );
  const forget = onInterrupt(() => deployment.stop());
  try {
    logger.info(
      `deployed to ${deployment.report.url}: HTTP ${deployment.report.status} after ${deployment.report.readySeconds.toFixed(3)} s`
    );
    return preview ? { ...deployment.report, preview: { name: preview.name, number: preview.number } } : deployment.report;
  } finally {
    await deployment.stop();
    forget();
  }
}

// src/stages/preview.ts
function applicableEvent(config, context, logger) {
  if (!config.deploy.preview) return void 0;
  const event = previewEvent(context.github);
  if (!event) return void 0;
  const target = deployTargetNamed(config.deploy.target);
  if (!target?.undeploy) {
    logger?.warning(
      `\`preview: true\` needs a deploy target that can delete its app (fermyon-cloud, akamai); \`deploy: ${config.deploy.target}\` deploys as usual`
    );
    return void 0;
  }
  return event;
}
function withoutSecrets(config, event) {
  if (event.fromFork) return forkNotice(event.number);
  const target = deployTargetNamed(config.deploy.target);
  const missing = Object.entries(target?.inputs ?? {}).filter(([name, spec]) => spec.secret && !config.deploy.secrets[spec.env ?? name]).map(([name]) => `\`${name}\``);
  return missing.length > 0 ? `No preview for #${event.number}: ${missing.join(", ")} is empty in this run (GitHub gives no secrets to a fork's or Dependabot's pull request).` : void 0;
}
async function planPreview(config, project, logger, context) {
  const event = applicableEvent(config, context, logger);
  if (!event || event.closed) return {};
  const notice = withoutSecrets(config, event);
  if (notice) {
    logger.warning(notice);
    return { skipNotice: notice };
  }
  const preview = previewOf(deployProjectOf(project).appName, event.number);
  logger.info(`preview: deploying this pull request as ${preview.name}`);
  return { preview };
}
async function closePreview(config, logger, context) {
  const event = applicableEvent(config, context);
  if (!event?.closed) return void 0;
  const notice = withoutSecrets(config, event);
  if (notice) {
    const nothing = `${notice} Nothing to delete.`;
    logger.info(nothing);
    return nothing;
  }
  await setupPlatformTools(config.tools, {
    logger,
    ...config.githubToken ? { token: config.githubToken } : {}
  });
  const project = await detectProject(config.projectDir, config.tools.projectKind);
  const preview = previewOf(deployProjectOf(project).appName, event.number);
  const target = deployTargetNamed(config.deploy.target);
  await target.undeploy(deployRequest(project, [], config, logger, preview));
  const done = `Preview ${preview.name} deleted: pull request #${event.number} was closed.`;
  logger.info(done);
  return done;
}

export {
  deployProjectOf,
  deployRequest,
  deployComponents,
  setupPlatformTools,
  planPreview,
  closePreview
};
//# sourceMappingURL=chunk-4KJDKNDR.js.map
