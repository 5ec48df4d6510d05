import { COMPUTE_KINDS, ComputeKind, KbEntry, KbFile, KbSource, Lang } from './entry';
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
import examplesFile from './kb/examples.json';
import { TIMELINE_FEATURES, TimelineFeature } from './timeline';

/** Every topic file; the seed's topics (scale set, providers, naming, migration) come first. */
const FILES: KbFile[] = [vmss, providers, naming, migration, overview, requirements, certificates, clientAuth, ports, sizing, designAndLimits, costAndFeatures, operations, lifecycle];

/** The Microsoft Learn page of each source the entries name, kept beside the entries. */
const SOURCES: Record<string, KbSource> = sources;

/** A question from one of our evaluation sets, labelled with the entry that answers it (kb/examples.json). */
export interface KbExample {
  set: string;
  id: string;
  entry: string;
  lang: Lang;
  question: string;
}

const EXAMPLES = examplesFile.examples as KbExample[];

/** An out-of-scope question from one of our evaluation sets (kb/examples.json): a near miss to decline. */
export interface OutOfScopeExample {
  set: string;
  id: string;
  lang: Lang;
  question: string;
}

/** The near misses the index learns to decline. */
export function outOfScopeQuestions(): string[] {
  return (examplesFile.outOfScope as OutOfScopeExample[]).map((example) => example.question);
}

/**
 * The knowledge base as entries, checked once at start-up so a broken data edit fails loudly
 * (duplicate id, missing translation, follow-up to nowhere, unknown source or computation)
 * instead of answering wrongly.
 */
export function loadKnowledgeBase(files: KbFile[] = FILES, sourcePages: Record<string, KbSource> = SOURCES, examples: KbExample[] = files === FILES ? EXAMPLES : []): KbEntry[] {
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
        examples: { en: [], nl: [] },
        compute,
        timeline,
        certificate: raw.certificate as KbEntry['certificate'],
      } satisfies KbEntry;
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
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const example of examples) {
    const entry = byId.get(example.entry);
    if (!entry) throw new Error(`Knowledge base: example ${example.set}/${example.id} names unknown entry "${example.entry}"`);
    entry.examples[example.lang].push(example.question);
  }
  return entries;
}

/** The Learn page for a reader: Dutch readers get the nl-nl copy of the same page. */
export function sourceUrl(source: KbSource, lang: 'en' | 'nl'): string {
  return lang === 'nl' ? source.url.replace('https://learn.microsoft.com/', 'https://learn.microsoft.com/nl-nl/') : source.url;
}
