/**
 * Fails when schema.graphql has a breaking change since the previous commit (or since
 * SCHEMA_BASE_REF), unless the change is acknowledged: the newest commit's message contains
 * "BREAKING CHANGE", or CHANGELOG.md gained a line containing "BREAKING" in that range.
 * The rule is in the README ("Schema evolution").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const base = process.env['SCHEMA_BASE_REF'] ?? 'HEAD~1';
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

let previous: string;
try {
  previous = git('show', `${base}:schema.graphql`);
} catch {
  console.log(`No schema.graphql at ${base}; nothing to compare.`);
  process.exit(0);
}

const changes = await diff(buildSchema(previous), buildSchema(readFileSync('schema.graphql', 'utf8')));
const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
console.log(`${changes.length} schema change(s) since ${base}, ${breaking.length} breaking.`);
if (breaking.length === 0) process.exit(0);

for (const change of breaking) console.log(`  BREAKING: ${change.message}`);
const message = git('log', '-1', '--format=%B');
const changelog = (() => {
  try {
    return git('diff', base, 'HEAD', '--', 'CHANGELOG.md');
  } catch {
    return '';
  }
})();
if (message.includes('BREAKING CHANGE') || /^\+.*BREAKING/m.test(changelog)) {
  console.log('Acknowledged in the commit message or CHANGELOG.md.');
  process.exit(0);
}
console.log('Acknowledge these with "BREAKING CHANGE: …" in the commit message or a BREAKING line in CHANGELOG.md.');
process.exit(1);
