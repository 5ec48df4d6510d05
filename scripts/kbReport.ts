/**
 * `npm run kb:report`: what to curate in the knowledge base. Reads the configured store (the
 * same settings as the bot, from the environment or .env) and prints the most frequent
 * questions the bot could not answer and the answers that got 👎.
 */
import { systemClock } from '../src/clock';
import { configFromProcessOrExit } from '../src/config';
import { CurationLog, formatCurationReport } from '../src/knowledge';
import { openStore } from '../src/storage/openStore';
import { stripControls } from '../src/text/controls';

async function main(): Promise<void> {
  const config = configFromProcessOrExit('kb:report');
  const limit = Number(process.argv[2] ?? 20);
  const store = await openStore(config.storage);
  try {
    const report = await new CurationLog(store, systemClock).report(Number.isInteger(limit) && limit > 0 ? limit : 20);
    console.log(`Knowledge base curation report (${store.kind} storage)\n`);
    // Questions are stored as people typed them (older records may predate stripping on the way
    // in): no terminal escape or bidi-override character reaches the admin's terminal.
    console.log(stripControls(formatCurationReport(report)));
  } finally {
    await store.close();
  }
}

void main();
