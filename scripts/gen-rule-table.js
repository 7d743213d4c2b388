#!/usr/bin/env node
// Rewrites README.md's rule table (between <!-- rules:start --> and <!-- rules:end -->) from the rules'
// metadata. Reads the compiled rules: run `npm run build` first. Usage: node scripts/gen-rule-table.js [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = (path) => import(pathToFileURL(`${root}dist/${path}`).href);

let RULES, docs;
try {
  ({ RULES } = await load('rules/index.js'));
  docs = await load('src/docs/rule-table.js');
} catch (err) {
  process.stderr.write(`cannot load the compiled rules (${err.message}); run npm run build first\n`);
  process.exit(2);
}

const readmePath = `${root}README.md`;
const readme = readFileSync(readmePath, 'utf8');
const next = docs.replaceRuleTable(readme, docs.ruleTable(RULES, docs.README_TABLE_LANG));
if (process.argv.includes('--check')) {
  if (next !== readme) {
    process.stderr.write('README.md rule table is out of date: run node scripts/gen-rule-table.js\n');
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(readmePath, next);
  process.stdout.write(`README.md: rule table updated (${RULES.length} rules)\n`);
} else {
  process.stdout.write('README.md: rule table already up to date\n');
}
