#!/usr/bin/env node
// Keeps package-lock.json usable by `npm ci` when the npm registry this project installs from
// lacks some platform-specific optional packages (here: rollup's native binaries for other
// operating systems). npm then leaves them out of the lockfile, and `npm ci` refuses the lockfile
// ("Missing: @rollup/rollup-win32-x64-msvc@ from lock file"). This adds an entry for each missing
// optional platform package, with its os/cpu/libc, so npm ci knows to skip it on this machine.
// Run after `npm install` changes the lockfile: `node scripts/lockfile-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** os, cpu and libc of a platform package, read from its name (e.g. rollup-linux-x64-musl). */
function platformOf(name) {
  const m = /-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-([a-z0-9]+?)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/.exec(name);
  if (!m) return undefined;
  const [, os, cpu, abi] = m;
  const entry = { os: [os], cpu: [cpu === 'loong64' ? 'loong64' : cpu] };
  if (os === 'linux' && abi) entry.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const where = `${path ? path + '/' : ''}node_modules/${dep}`;
    if (packages[where] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[`node_modules/${dep}`] = { version, dev: pkg.dev || undefined, optional: true, ...platform };
    added++;
  }
}
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`lockfile-platforms: added ${added} optional platform entries`);
