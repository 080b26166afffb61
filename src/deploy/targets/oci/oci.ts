import { OCI_INPUTS, parseOciOptions, pushApp, type OciOptions } from './push.js';
import type { DeployRequest, Deployment, DeployTarget } from '../../target.js';

/**
 * `deploy: oci` pushes the optimized app to a registry and stops there: nothing runs it, so
 * there is no app URL to probe. The report describes the push instead: `url` is the
 * registry's URL of the pushed manifest, `status` the HTTP status of the manifest request that
 * completed the push (the PUT; for a Spin app the GET that read it back), `readySeconds` the
 * push's monotonic span (login, blobs, manifest), `firstResponseSeconds` that manifest
 * request's own span. `image`, `digest`, `pushedBytes`, `pushSeconds` say what was pushed.
 */
export const ociTarget: DeployTarget<OciOptions> = {
  name: 'oci',
  summary:
    '`oci` pushes it to an OCI registry (`oci-reference`): Spin apps with `spin registry push`, other components as the CNCF Wasm OCI artifact',
  inputs: OCI_INPUTS,
  local: false,
  previews: false,
  reportName: 'oci',
  parseOptions: parseOciOptions,
  deploy: deployOci,
};

async function deployOci(request: DeployRequest<OciOptions>): Promise<Deployment> {
  const pushed = await pushApp(request);
  request.logger.info(
    `pushed ${pushed.image} (${pushed.pushedBytes} B, ${pushed.skippedBlobs} blob(s) already there) in ${pushed.pushSeconds.toFixed(2)} s`,
  );
  return {
    report: {
      target: ociTarget.reportName,
      url: pushed.manifest.url,
      status: pushed.manifest.status,
      readySeconds: pushed.pushSeconds,
      firstResponseSeconds: pushed.manifest.seconds,
      digest: pushed.digest,
      image: pushed.image,
      pushedBytes: pushed.pushedBytes,
      pushSeconds: pushed.pushSeconds,
    },
    stop: () => Promise.resolve(),
  };
}
