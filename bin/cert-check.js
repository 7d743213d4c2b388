#!/usr/bin/env node
// Launcher: runs the compiled CLI, found beside this file (dist/ is built by `npm ci` / `npm install` in a
// clone, through the postprepare script, and ships in the npm package, built by prepack).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('cert-check 尚未编译：请先在项目目录运行 npm install（或 npm run build）。\n');
  process.exit(2);
}
const { run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv);
