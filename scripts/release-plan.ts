// What a release tag means (.github/workflows/release.yml): the version, whether it is a
// pre-release, and whether it moves the major tag (`v0`, `v1`) users pin.
//
// usage: tsx scripts/release-plan.ts <tag> [existing tags…]   (GitHub output lines on stdout)
// Fails with one line when the tag is not `vX.Y.Z[-pre]` or differs from package.json's version.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

/**
 * A stable `vX.Y.Z` moves `vX` when it is the newest stable release of that major: a fix to
 * an older line (v1.4.3 after v1.5.0) is released, but `v1` stays on v1.5.0. Pre-releases
 * (`v1.0.0-rc.1`) never move it.
 */
export interface ReleasePlan {
  /** `1.2.3`, `1.0.0-rc.1` */
  readonly version: string;
  readonly prerelease: boolean;
  /** `v1` */
  readonly major: string;
  readonly moveMajor: boolean;
}

export function releasePlan(
  tag: string,
  packageVersion: string,
  existingTags: readonly string[] = [],
): ReleasePlan {
  const version = semver.valid(tag);
  if (!version || !tag.startsWith('v') || semver.clean(tag) !== tag.slice(1))
    throw new Error(`release tag "${tag}" is not vMAJOR.MINOR.PATCH (or vMAJOR.MINOR.PATCH-PRE)`);
  if (version !== packageVersion)
    throw new Error(
      `release tag "${tag}" does not match package.json's version ${packageVersion}: bump it first`,
    );
  const prerelease = semver.prerelease(version) !== null;
  const major = `v${semver.major(version)}`;
  const newer = existingTags
    .map((existing) => semver.valid(existing))
    .filter((other): other is string => other !== null)
    .filter((other) => !semver.prerelease(other) && semver.major(other) === semver.major(version))
    .some((other) => semver.gt(other, version));
  return { version, prerelease, major, moveMajor: !prerelease && !newer };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [tag, ...existing] = process.argv.slice(2);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  try {
    const plan = releasePlan(tag ?? '', version, existing);
    console.log(`version=${plan.version}`);
    console.log(`prerelease=${plan.prerelease}`);
    console.log(`major=${plan.major}`);
    console.log(`move-major=${plan.moveMajor}`);
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    process.exit(1);
  }
}
