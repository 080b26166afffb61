import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { WASH_V1_CONFIG, WASH_V2_CONFIG } from './files.js';
import {
  displayPath,
  escapeRegExp,
  isTable,
  lineOf,
  readYamlManifest,
  where,
} from './manifest-file.js';

/** What a wadm.yaml deploys, as far as spinwash needs it. */
export interface WadmApplication {
  readonly manifest: string;
  readonly name: string;
  readonly version?: string;
  /** Where the http server provider listens for the component (its link's `address`), if set. */
  readonly httpAddress?: string;
  /** The file of this project's build that the manifest ships, when it ships one. */
  readonly ships?: string;
}

/** The files one `wash build` of this project writes: the built file and the signed one. */
export interface WashOutputs {
  readonly root: string;
  readonly artifact: string;
  readonly signed: string;
}

function str(table: Record<string, unknown>, key: string): string | undefined {
  const value = table[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * A `file://` image as `wash app deploy` reads it: `file:///abs` as it is, `file://rel`
 * relative to the folder of the manifest.
 */
export function imageFile(image: string, manifestDir: string): string | undefined {
  if (!image.startsWith('file://')) return undefined;
  try {
    if (image.startsWith('file:///')) return fileURLToPath(image);
    return path.resolve(manifestDir, decodeURI(image.slice('file://'.length)));
  } catch {
    return undefined; // not a path wash could read either; `wash app deploy` says so
  }
}

/** The wasmCloud project folder a file belongs to: the nearest folder above it with a project file. */
function owningProject(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, WASH_V1_CONFIG)) || existsSync(path.join(dir, WASH_V2_CONFIG)))
      return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads wadm.yaml: it must deploy at least one component. Images are checked only for the
 * component this project builds — a `file://` image inside this project — which must ship a
 * file `wash build` writes (the signed file, or the built one); a composed sibling's file
 * (`file://../pong/…`) or a registry image is another build's business.
 */
export async function readWadm(file: string, outputs: WashOutputs): Promise<WadmApplication> {
  const manifest = await readYamlManifest(file);
  const metadata = isTable(manifest.data.metadata) ? manifest.data.metadata : {};
  const name = str(metadata, 'name');
  if (!name)
    throw new UserError(
      `${displayPath(file)}: no metadata.name; the application needs a name`,
      file,
    );
  const spec = isTable(manifest.data.spec) ? manifest.data.spec : {};
  const components = Array.isArray(spec.components) ? spec.components.filter(isTable) : [];
  const wasm = components.filter((c) => c.type === 'component');
  const signedImage = `file://./${path.relative(path.dirname(file), outputs.signed).split(path.sep).join('/')}`;
  if (wasm.length === 0) {
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, /^\s*components\s*:/m) ?? lineOf(manifest.text, /^\s*spec\s*:/m))}: ` +
        `spec.components has no entry with \`type: component\`; add one whose properties.image is ${signedImage}`,
      file,
    );
  }
  let ships: string | undefined;
  for (const component of wasm) {
    const properties = isTable(component.properties) ? component.properties : {};
    const image = str(properties, 'image');
    const local = image ? imageFile(image, path.dirname(file)) : undefined;
    if (image === undefined || local === undefined) continue;
    if (local === outputs.signed || local === outputs.artifact) {
      ships ??= local;
      continue;
    }
    if (owningProject(local) !== outputs.root) continue; // another project's build writes it
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, new RegExp(`image:\\s*['"]?${escapeRegExp(image)}`)))}: ` +
        `component "${String(component.name)}" ships ${image}, which this project's \`wash build\` never writes ` +
        `(it signs ${displayPath(outputs.signed)}); set image: ${signedImage}`,
      file,
    );
  }
  const annotations = isTable(metadata.annotations) ? metadata.annotations : {};
  const version = str(annotations, 'version');
  const httpAddress = httpLinkAddress(components);
  return {
    manifest: file,
    name,
    ...(version !== undefined ? { version } : {}),
    ...(httpAddress !== undefined ? { httpAddress } : {}),
    ...(ships !== undefined ? { ships } : {}),
  };
}

/** The `address` in the source config of the wasi:http link (the http server provider's listener). */
function httpLinkAddress(components: readonly Record<string, unknown>[]): string | undefined {
  for (const component of components) {
    const traits = Array.isArray(component.traits) ? component.traits.filter(isTable) : [];
    for (const trait of traits) {
      const properties = isTable(trait.properties) ? trait.properties : {};
      if (trait.type !== 'link' || properties.package !== 'http') continue;
      const source = isTable(properties.source) ? properties.source : {};
      const configs = Array.isArray(source.config) ? source.config.filter(isTable) : [];
      for (const config of configs) {
        const address = isTable(config.properties) ? str(config.properties, 'address') : undefined;
        if (address) return address;
      }
    }
  }
  return undefined;
}
