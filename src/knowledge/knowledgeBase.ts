import type { KbEntry, KbFile } from './entry';
import certificates from './kb/certificates.json';
import clientAuth from './kb/clientAuth.json';
import costAndFeatures from './kb/costAndFeatures.json';
import designAndLimits from './kb/designAndLimits.json';
import migration from './kb/migration.json';
import naming from './kb/naming.json';
import operations from './kb/operations.json';
import overview from './kb/overview.json';
import ports from './kb/ports.json';
import providers from './kb/providers.json';
import requirements from './kb/requirements.json';
import sizing from './kb/sizing.json';
import vmss from './kb/vmss.json';

/** Every topic file; the seed's topics (scale set, providers, naming, migration) come first. */
const FILES: KbFile[] = [vmss, providers, naming, migration, overview, requirements, certificates, clientAuth, ports, sizing, designAndLimits, costAndFeatures, operations];

/**
 * The knowledge base as entries, checked once at start-up so a broken data edit fails loudly
 * (duplicate id, missing translation, follow-up to nowhere) instead of answering wrongly.
 */
export function loadKnowledgeBase(files: KbFile[] = FILES): KbEntry[] {
  const entries: KbEntry[] = files.flatMap((file) =>
    file.entries.map((raw) => ({ ...raw, topic: file.topic, keywords: raw.keywords ?? [], followUps: raw.followUps ?? [] })),
  );
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`Knowledge base: duplicate entry id "${entry.id}"`);
    ids.add(entry.id);
    for (const lang of ['en', 'nl'] as const) {
      if (!entry.answer[lang] || !entry.title[lang] || entry.questions[lang].length === 0) {
        throw new Error(`Knowledge base: entry "${entry.id}" lacks its ${lang} answer, title or questions`);
      }
    }
    if (entry.facts.length === 0) throw new Error(`Knowledge base: entry "${entry.id}" names no fact`);
  }
  for (const entry of entries) {
    const missing = entry.followUps.find((id) => !ids.has(id));
    if (missing) throw new Error(`Knowledge base: entry "${entry.id}" follows up to unknown "${missing}"`);
  }
  return entries;
}
