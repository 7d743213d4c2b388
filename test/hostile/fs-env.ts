/**
 * What the machine lets a test do about permissions and file systems, detected rather than assumed, so
 * that the tests of permission errors, read-only and full file systems run both as root and as an
 * ordinary user:
 * - permission errors: an ordinary user meets them on a chmod 000 file; root does not, so as root the CLI
 *   is run as the unprivileged user `nobody` (65534);
 * - read-only and full file systems: a private mount namespace (`unshare -r -m`, which needs no privilege
 *   where user namespaces are enabled) with a read-only bind mount or a tiny tmpfs; the mounts vanish with
 *   the process.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';

export const IS_ROOT = process.getuid?.() === 0;

/** The unprivileged user and group root runs the CLI as. */
export const NOBODY = 65534;

/** How to run the CLI so that file permissions apply to it: as `nobody` when we are root, else as ourselves. */
export function asOrdinaryUser(): { uid?: number; gid?: number } {
  return IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {};
}

/** Opens `dir` and the folders above it (up to the temp folder) to the unprivileged user (root only). */
export function openToOrdinaryUser(dir: string): void {
  if (!IS_ROOT) return;
  for (let d = dir; d !== dirname(d) && d.startsWith('/tmp/'); d = dirname(d)) chmodSync(d, 0o777);
}

let unshareWorks: boolean | null = null;

/** Whether a private mount namespace can be made here (`unshare -r -m`). */
export function canMount(): boolean {
  unshareWorks ??= spawnSync('unshare', ['-r', '-m', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt 2>/dev/null || mount -t tmpfs tmpfs /tmp'], { stdio: 'ignore' }).status === 0;
  return unshareWorks;
}

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A prefix for runCli: the CLI runs with `dir` bind-mounted read-only. */
export function readOnly(dir: string): string[] {
  return ['unshare', '-r', '-m', 'sh', '-c', `mount --bind ${q(dir)} ${q(dir)} && mount -o remount,bind,ro ${q(dir)} && exec "$0" "$@"`];
}

/** A prefix for runCli: `dir` is an empty file system of `kb` kilobytes (writes beyond fail with ENOSPC). */
export function tinyDisk(dir: string, kb: number): string[] {
  return ['unshare', '-r', '-m', 'sh', '-c', `mount -t tmpfs -o size=${kb}k tmpfs ${q(dir)} && exec "$0" "$@"`];
}
