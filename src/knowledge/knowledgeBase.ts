import { COMPUTE_KINDS, ComputeKind, KbEntry, KbFile, KbSource } from './entry';
import certificates from './kb/certificates.json';
import clientAuth from './kb/clientAuth.json';
import costAndFeatures from './kb/costAndFeatures.json';
import designAndLimits from './kb/designAndLimits.json';
import lifecycle from './kb/lifecycle.json';
import migration from './kb/migration.json';
import naming from './kb/naming.json';
import operations from './kb/operations.json';
import overview from './kb/overview.json';
import ports from './kb/ports.json';
import providers from './kb/providers.json';
import requirements from './kb/requirements.json';
import sizing from './kb/sizing.json';
import sources from './kb/sources.json';
import vmss from './kb/vmss.json';
import { TIMELINE_FEATURES, TimelineFeature } from './timeline';

/** Every topic file; the seed's topics (scale set, providers, naming, migration) come first. */
const FILES: KbFile[] = [vmss, providers, naming, migration, overview, requirements, certificates, clientAuth, ports, sizing, designAndLimits, costAndFeatures, operations, lifecycle];

/** The Microsoft Learn page of each source the entries name, kept beside the entries. */
const SOURCES: Record<string, KbSource> = sources;

/**
 * The knowledge base as entries, checked once at start-up so a broken data edit fails loudly
 * (duplicate id, missing translation, follow-up to nowhere, unknown source or computation)
 * instead of answering wrongly.
 */
export function loadKnowledgeBase(files: KbFile[] = FILES, sourcePages: Record<string, KbSource> = SOURCES): KbEntry[] {
  const entries: KbEntry[] = files.flatMap((file) =>
    file.entries.map((raw) => {
      const sourcePage = sourcePages[raw.source];
      if (!sourcePage) throw new Error(`Knowledge base: entry "${raw.id}" names unknown source "${raw.source}"`);
      const compute = (raw.compute ?? []).map((kind) => {
        if (!COMPUTE_KINDS.includes(kind as ComputeKind)) throw new Error(`Knowledge base: entry "${raw.id}" computes unknown "${kind}"`);
        return kind as ComputeKind;
      });
      const timeline = (raw.timeline ?? []).map((feature) => {
        if (!TIMELINE_FEATURES.includes(feature as TimelineFeature)) throw new Error(`Knowledge base: entry "${raw.id}" names unknown timeline feature "${feature}"`);
        return feature as TimelineFeature;
      });
      if (raw.certificate !== undefined && raw.certificate !== 'own' && raw.certificate !== 'cloudapp.net') throw new Error(`Knowledge base: entry "${raw.id}" has certificate "${raw.certificate}"`);
      return {
        ...raw,
        topic: file.topic,
        sourcePage,
        keywords: raw.keywords ?? [],
        followUps: raw.followUps ?? [],
        compute,
        timeline,
        certificate: raw.certificate as KbEntry['certificate'],
      };
    }),
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

/** The Learn page for a reader: Dutch readers get the nl-nl copy of the same page. */
export function sourceUrl(source: KbSource, lang: 'en' | 'nl'): string {
  return lang === 'nl' ? source.url.replace('https://learn.microsoft.com/', 'https://learn.microsoft.com/nl-nl/') : source.url;
}
