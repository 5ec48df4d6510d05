/**
 * `npm run bench`: every benchmark, one after another. Each capability's benchmark lives in
 * bench/<capability>.ts and exports `run()`. Pass names to run only some: npm run bench -- turns
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BENCHMARKS = ['turns', 'bodies', 'knowledge', 'naming', 'providers', 'cutover', 'reminders', 'startup'];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const name of BENCHMARKS) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const file = join(__dirname, `${name}.js`);
    if (!existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bench = require(file) as { run(): Promise<void> };
    await bench.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
