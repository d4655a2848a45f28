/**
 * `npm run test:mutation [-- <Stryker options, e.g. --force>]`: runs Stryker (`stryker.config.mjs`), then prints the
 * mutation score per folder of `src/lib` and fails when the whole is under 85 % or any file under 75 %, so new pure
 * code arrives with tests that would notice its mistakes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
const MIN_TOTAL = 85;
const MIN_FILE = 75;

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

/** Mutants a test noticed (killed, or timed out: an infinite loop is noticed too) and those it could have. */
interface Tally {
  detected: number;
  valid: number;
}

const tally = (statuses: string[]): Tally => ({
  detected: statuses.filter((s) => s === 'Killed' || s === 'Timeout').length,
  valid: statuses.filter((s) => ['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(s)).length,
});
const add = (a: Tally, b: Tally): Tally => ({ detected: a.detected + b.detected, valid: a.valid + b.valid });
const score = (t: Tally) => (t.valid ? (100 * t.detected) / t.valid : 100);
const show = (t: Tally) => `${score(t).toFixed(1).padStart(5)} %  (${t.detected}/${t.valid})`;

const stryker = spawnSync(
  process.execPath,
  ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
if (stryker.status !== 0) process.exit(stryker.status ?? 1);

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
const files = Object.entries(report.files).map(([file, { mutants }]) => ({
  file,
  folder: file.split('/').slice(0, -1).join('/'),
  tally: tally(mutants.map((m) => m.status)),
}));

const folders = new Map<string, Tally>();
for (const { folder, tally } of files)
  folders.set(folder, add(folders.get(folder) ?? { detected: 0, valid: 0 }, tally));
const total = files.reduce((sum, f) => add(sum, f.tally), { detected: 0, valid: 0 });

for (const [folder, t] of [...folders].sort(([a], [b]) => a.localeCompare(b)))
  console.log(`${folder.padEnd(22)} ${show(t)}`);
console.log(`${'all'.padEnd(22)} ${show(total)}`);

const weak = files.filter((f) => score(f.tally) < MIN_FILE);
for (const f of weak) console.error(`${f.file}: ${show(f.tally)}, under the ${MIN_FILE} % every file must reach`);
if (score(total) < MIN_TOTAL) console.error(`mutation score ${score(total).toFixed(1)} % is under ${MIN_TOTAL} %`);
if (weak.length || score(total) < MIN_TOTAL) process.exit(1);
