/** Where the package's own files (package.json, data/) are, from src/ under vitest or dist/src/ when built. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'data'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cert-check: package root not found');
    dir = up;
  }
  root = dir;
  return dir;
}

/** A file in the package's data/ folder. */
export function dataPath(name: string): string {
  return join(dataDir(), name);
}

/** The package's data/ folder. */
export function dataDir(): string {
  return join(packageRoot(), 'data');
}
