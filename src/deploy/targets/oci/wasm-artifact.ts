import { componentWorld } from '../../../wasm/component-world.js';
import { wasmKind } from '../../../wasm/parse.js';
import { MANIFEST_MEDIA_TYPE, sha256Digest } from './registry-client.js';

/**
 * The CNCF Wasm OCI artifact (what `wash oci push` writes and wasmCloud 2, runwasi and others
 * pull): an OCI image manifest whose config is `application/vnd.wasm.config.v0+json` and whose
 * one layer is the `application/wasm` binary.
 */
export const WASM_CONFIG_MEDIA_TYPE = 'application/vnd.wasm.config.v0+json';
export const WASM_LAYER_MEDIA_TYPE = 'application/wasm';

export interface Blob {
  readonly mediaType: string;
  readonly digest: string;
  readonly bytes: Uint8Array;
}

export interface WasmArtifact {
  readonly config: Blob;
  readonly layer: Blob;
  /** The manifest as sent: its sha256 is the image's digest. */
  readonly manifest: Uint8Array;
}

export interface WasmConfig {
  created: string;
  architecture: 'wasm';
  /** `wasip2` for a component, `wasip1` for a core module. */
  os: 'wasip1' | 'wasip2';
  layerDigests: string[];
  /** A component's world (required for `wasip2`). */
  component?: { exports: string[]; imports: string[] };
}

/** Builds the artifact for one wasm binary; `created` is the time of the push (RFC 3339). */
export function wasmArtifact(wasm: Uint8Array, created: Date = new Date()): WasmArtifact {
  const layer: Blob = {
    mediaType: WASM_LAYER_MEDIA_TYPE,
    digest: sha256Digest(wasm),
    bytes: wasm,
  };
  const isComponent = wasmKind(wasm) === 'component';
  const config: WasmConfig = {
    created: created.toISOString(),
    architecture: 'wasm',
    os: isComponent ? 'wasip2' : 'wasip1',
    layerDigests: [layer.digest],
  };
  if (isComponent) {
    const { imports, exports } = componentWorld(wasm);
    config.component = { exports, imports };
  }
  const configBytes = new TextEncoder().encode(JSON.stringify(config));
  const configBlob: Blob = {
    mediaType: WASM_CONFIG_MEDIA_TYPE,
    digest: sha256Digest(configBytes),
    bytes: configBytes,
  };
  const descriptor = (blob: Blob): { mediaType: string; digest: string; size: number } => ({
    mediaType: blob.mediaType,
    digest: blob.digest,
    size: blob.bytes.length,
  });
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA_TYPE,
    config: descriptor(configBlob),
    layers: [descriptor(layer)],
  };
  return {
    config: configBlob,
    layer,
    manifest: new TextEncoder().encode(JSON.stringify(manifest)),
  };
}
