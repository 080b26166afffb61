import type { Logger } from '../log.js';
import { setupDeadline, setupExec } from './deadline.js';
import type { InstalledTool } from './tool-path.js';
import type { ToolsConfig } from '../config/tools-config.js';

export type { InstalledTool } from './tool-path.js';

/**
 * The setup stage's platform part: installs the spin, wash and wasmtime CLIs the inputs ask for
 * (each installer loaded only when asked), and spin plugins, with spin from PATH when no version
 * is given; all of it within `setup-timeout` (src/setup/deadline.ts).
 */
export async function setupPlatformTools(
  tools: ToolsConfig,
  options: { readonly logger: Logger; readonly token?: string },
): Promise<InstalledTool[]> {
  const installed: InstalledTool[] = [];
  const deadline = setupDeadline(tools.setupTimeoutSeconds);
  const common = { baseUrl: tools.baseUrl, token: options.token, logger: options.logger, deadline };
  if (tools.spinVersion) {
    const { installSpin } = await import('./install-spin.js');
    installed.push(
      await installSpin({ ...common, version: tools.spinVersion, plugins: tools.spinPlugins }),
    );
  } else if (tools.spinPlugins.length > 0) {
    for (const plugin of tools.spinPlugins)
      await setupExec('spin', ['plugins', 'install', plugin, '--yes'], deadline, options.logger);
  }
  if (tools.washVersion) {
    const { installWash } = await import('./install-wash.js');
    installed.push(await installWash({ ...common, version: tools.washVersion }));
  }
  if (tools.wasmtimeVersion) {
    const { installWasmtime } = await import('./install-wasmtime.js');
    installed.push(await installWasmtime({ ...common, version: tools.wasmtimeVersion }));
  }
  return installed;
}
