import { UserError } from '../errors.js';

/** The OS and CPU an asset is picked for (the runner's own unless a test says otherwise). */
export interface Platform {
  readonly os: NodeJS.Platform;
  readonly arch: string;
}

export const currentPlatform = (): Platform => ({ os: process.platform, arch: process.arch });

function unsupported(tool: string, platform: Platform, offered: string): UserError {
  return new UserError(
    `${tool} has no release asset for ${platform.os}/${platform.arch}; its releases offer ${offered}. ` +
      `Install ${tool} yourself and put it on PATH, or leave the ${tool}-version input empty`,
  );
}

/** spin-<ver>-<os>-<arch>.tar.gz (Windows ships a .zip, which spinwash does not unpack). */
export function spinAsset(version: string, platform: Platform): string {
  const os = platform.os === 'linux' ? 'linux' : platform.os === 'darwin' ? 'macos' : undefined;
  const arch =
    platform.arch === 'x64' ? 'amd64' : platform.arch === 'arm64' ? 'aarch64' : undefined;
  if (!os || !arch) throw unsupported('spin', platform, 'linux and macOS on x64 and arm64');
  return `spin-${version}-${os}-${arch}.tar.gz`;
}

/** wash-<target triple>: a raw binary (musl on Linux, so it runs on any distribution). */
export function washAsset(platform: Platform): string {
  const arch =
    platform.arch === 'x64' ? 'x86_64' : platform.arch === 'arm64' ? 'aarch64' : undefined;
  const triple =
    platform.os === 'linux'
      ? 'unknown-linux-musl'
      : platform.os === 'darwin'
        ? 'apple-darwin'
        : undefined;
  if (!arch || !triple) throw unsupported('wash', platform, 'linux and macOS on x64 and arm64');
  return `wash-${arch}-${triple}`;
}

/**
 * wasmtime-<ver>-<arch>-<os>.tar.xz, holding the folder of the same name with `wasmtime` in
 * it (bytecodealliance/wasmtime ci/build-tarballs.sh); Windows ships a .zip, not unpacked here.
 */
export function wasmtimeAsset(version: string, platform: Platform): string {
  const os = platform.os === 'linux' ? 'linux' : platform.os === 'darwin' ? 'macos' : undefined;
  const arch =
    platform.arch === 'x64' ? 'x86_64' : platform.arch === 'arm64' ? 'aarch64' : undefined;
  if (!os || !arch) throw unsupported('wasmtime', platform, 'linux and macOS on x64 and arm64');
  return `wasmtime-${version}-${arch}-${os}.tar.xz`;
}
