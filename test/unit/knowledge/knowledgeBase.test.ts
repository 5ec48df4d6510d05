import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../../src/knowledge';
import { CMG_FEATURES, featureVerdict } from '../../../src/knowledge/features';
import { sourceUrl } from '../../../src/knowledge/knowledgeBase';
import { knowledgeStrings } from '../../../src/knowledge/strings';
import { CB_VERSIONS } from '../../../src/knowledge/slots';
import { TIMELINE_FEATURES, versionVerdict, supportNote } from '../../../src/knowledge/timeline';
import { EXAMPLES_PATH, ExamplesFile, formatExamples, labelExamples, nearCopy, SETS_DIR, wordsOf } from '../../../scripts/kbExamples';

const factIds = readFileSync(join(__dirname, '../../fixtures/knowledge/fact-ids.txt'), 'utf8').trim().split('\n');
const entries = loadKnowledgeBase();


describe('the knowledge base data', () => {
  it('covers every fact of the CMG facts sheet, and names no fact that does not exist', () => {
    const covered = new Set(entries.flatMap((entry) => entry.facts));
    expect(factIds.filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !factIds.includes(id))).toEqual([]);
  });

  it('puts the seed topics first: the first entries cover the seed facts', () => {
    const seedFacts = ['VMSS-01', 'VMSS-02', 'RP-01', 'VMSS-03', 'NAME-01', 'NAME-02', 'NAME-03', 'PORT-01', 'MIG-01', 'MIG-02', 'MIG-03', 'MIG-04', 'MIG-05', 'GOV-01', 'TLS-01'];
    const firstIndex = (fact: string) => entries.findIndex((entry) => entry.facts.includes(fact));
    expect(entries.slice(0, 3).flatMap((entry) => entry.facts)).toEqual(expect.arrayContaining(['VMSS-01', 'VMSS-02', 'VMSS-03']));
    for (const fact of seedFacts) expect(firstIndex(fact)).toBeGreaterThanOrEqual(0);
  });

  it.each(entries.map((entry) => [entry.id, entry] as const))('%s: short answers in both languages with the same exact product terms', (_id, entry) => {
    for (const lang of ['en', 'nl'] as const) {
      expect(entry.answer[lang].length).toBeLessThan(1000);
      expect(entry.questions[lang].length).toBeGreaterThanOrEqual(2);
    }
    // Exact names (Microsoft.KeyVault, cloudapp.azure.com, log files, cmdlets, figures) survive translation.
    const exact = (text: string) => [...text.matchAll(/\b(?:Microsoft\.\w+|[\w-]*cloudapp\.[\w.]+|\w+\.log|[A-Z][a-z]+-CM\w+|A[24]_v2|B2s|\d{4})\b/g)].map((m) => m[0]).sort();
    expect(exact(entry.answer.nl)).toEqual(expect.arrayContaining(exact(entry.answer.en)));
    // Sources are Microsoft Learn pages, the Dutch reader's in the nl-nl copy.
    expect(entry.sourcePage.url).toMatch(/^https:\/\/learn\.microsoft\.com\/(?:intune\/configmgr|troubleshoot|azure)\/[\w/.-]+$/);
    expect(sourceUrl(entry.sourcePage, 'nl')).toBe(entry.sourcePage.url.replace('learn.microsoft.com/', 'learn.microsoft.com/nl-nl/'));
    expect(entry.sourcePage.title.en && entry.sourcePage.title.nl).toBeTruthy();
  });

  it('says for which version a version-dependent answer holds', () => {
    const versionDependent = ['VMSS-01', 'VMSS-03', 'VMSS-05', 'VMSS-06', 'VMSS-07', 'VMSS-08', 'VMSS-12', 'COMP-06', 'REQ-08', 'GOV-01', 'GOV-03', 'SIZE-02', 'SIZE-03', 'MIG-10', 'MIG-12', 'ERR-01', 'ERR-05'];
    for (const fact of versionDependent) {
      for (const entry of entries.filter((candidate) => candidate.facts.includes(fact))) {
        expect(entry.answer.en).toMatch(/\b(1810|2002|2006|2009|2010|2103|2107|2111|2203|2403)\b/);
      }
    }
  });

  it('states the caveat where the sources disagree', () => {
    const caveat = (fact: string) => entries.find((entry) => entry.facts.includes(fact))!;
    expect(caveat('MIG-04').answer.en).toMatch(/Caveat/);
    expect(caveat('MIG-04').answer.nl).toMatch(/Kanttekening/);
    expect(caveat('MON-05').answer.en).toMatch(/unclear/);
    expect(caveat('NAME-07').answer.en).toMatch(/disagree/);
    expect(caveat('TLS-01').answer.en).toMatch(/preview limitation/);
    expect(caveat('REG-03').answer.en).toMatch(/no canonical Dutch list/);
  });

  it('keeps every question set apart from the knowledge base phrasings (no phrasing overlaps a set question)', () => {
    // Phrasings must be our own words for the entry's topic, never a copy or near copy of a
    // question we measure with: a phrasing sharing 60% or more of its words with one is dropped.
    // Titles are the question each entry answers, shown on its card; the extra phrasings are what the guard is about.
    const phrasings = entries.flatMap((entry) => [...entry.questions.en, ...entry.questions.nl].map((text) => ({ id: entry.id, text, words: wordsOf(text) })));
    const dir = join(__dirname, '../../fixtures/knowledge');
    const questions = readdirSync(dir)
      .filter((file) => file.endsWith('.jsonl'))
      .flatMap((file) => readFileSync(join(dir, file), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { question: string }).question));
    const overlaps = questions.flatMap((question) => {
      const words = wordsOf(question);
      return phrasings.filter((phrasing) => words.size >= 3 && nearCopy(words, phrasing.words)).map((phrasing) => `${phrasing.id}: "${phrasing.text}" ~ "${question}"`);
    });
    expect(overlaps).toEqual([]);
  });

  it('learns from the tuned question sets exactly as they are, and never from a held-out one', () => {
    // kb/examples.json is made by `npm run kb:examples`; a set edited since, or a label that no
    // longer covers its question's facts, shows up here as a difference.
    const file = JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8')) as ExamplesFile;
    expect(file.examples.length).toBeGreaterThan(1000);
    expect(labelExamples(file.sources, SETS_DIR, file.examples)).toEqual(file.examples);
    expect(formatExamples(file)).toBe(readFileSync(EXAMPLES_PATH, 'utf8'));
    // Every example reaches its entry; the sets not learned from share no near copy with any example.
    const examples = entries.flatMap((entry) => [...entry.examples.en, ...entry.examples.nl]);
    expect(examples).toHaveLength(file.examples.length);
    const heldOut = readdirSync(SETS_DIR).filter((name) => name.endsWith('.jsonl') && !file.sources.includes(name));
    const exampleWords = file.examples.map((example) => wordsOf(example.question));
    const overlaps = heldOut.flatMap((name) =>
      readFileSync(join(SETS_DIR, name), 'utf8').trim().split('\n').flatMap((line) => {
        const words = wordsOf((JSON.parse(line) as { question: string }).question);
        return words.size >= 3 && exampleWords.some((other) => nearCopy(words, other)) ? [`${name}: ${line.slice(0, 80)}`] : [];
      }),
    );
    expect(overlaps).toEqual([]);
  });

  it('covers the support lifecycle (section 19) in both languages, dated where the facts age', () => {
    for (const fact of ['LIFE-01', 'LIFE-02', 'LIFE-03', 'LIFE-04', 'LIFE-05', 'LIFE-09']) {
      const entry = entries.find((candidate) => candidate.facts.includes(fact) && candidate.id.startsWith('life-'))!;
      expect(entry.answer.en).toContain('As of late 2026; check the current docs.');
      expect(entry.answer.nl).toContain('Stand eind 2026; controleer de actuele documentatie.');
    }
  });

  it('opens yes/no answers with the verdict', () => {
    for (const entry of entries.filter((candidate) => /^(Can|Does|Do|Is|Should|Must|Are)\b/.test(candidate.title.en))) {
      expect(entry.answer.en).toMatch(/^(Yes|No|Not|Only|Usually|Very likely)\b/);
      expect(entry.answer.nl).toMatch(/^(Ja|Nee|Niet|Alleen|Meestal|Heel waarschijnlijk)\b/);
    }
  });

  it('rejects broken data at start-up', () => {
    const sources = { s: { title: { en: 'S', nl: 'S' }, url: 'https://learn.microsoft.com/intune/configmgr/s' } };
    const entry = { id: 'a', facts: ['X'], source: 's', title: { en: 'a', nl: 'a' }, questions: { en: ['q'], nl: ['q'] }, answer: { en: 'a', nl: 'a' }, followUps: ['missing'] };
    const file = { topic: { en: 't', nl: 't' }, entries: [entry] };
    expect(() => loadKnowledgeBase([file], sources)).toThrow(/unknown "missing"/);
    expect(() => loadKnowledgeBase([file, file], sources)).toThrow(/duplicate entry id "a"/);
    expect(() => loadKnowledgeBase([{ ...file, entries: [{ ...entry, followUps: [], source: 'nowhere' }] }], sources)).toThrow(/unknown source "nowhere"/);
    expect(() => loadKnowledgeBase([{ ...file, entries: [{ ...entry, followUps: [], compute: ['guess'] }] }], sources)).toThrow(/computes unknown "guess"/);
    expect(() => loadKnowledgeBase([{ ...file, entries: [{ ...entry, followUps: [], timeline: ['someday'] }] }], sources)).toThrow(/unknown timeline feature "someday"/);
  });
});

describe('what a user reads in knowledge answers and cards', () => {
  /** Every string the knowledge capability can put on a card, in both languages. */
  function userTexts(): { where: string; text: string }[] {
    const texts: { where: string; text: string }[] = [];
    for (const entry of entries) {
      for (const lang of ['en', 'nl'] as const) {
        texts.push({ where: `${entry.id} answer ${lang}`, text: entry.answer[lang] }, { where: `${entry.id} title ${lang}`, text: entry.title[lang] }, { where: `${entry.id} topic ${lang}`, text: entry.topic[lang] });
        texts.push({ where: `${entry.id} source ${lang}`, text: entry.sourcePage.title[lang] });
      }
    }
    const walk = (where: string, value: unknown) => {
      if (typeof value === 'string') texts.push({ where, text: value });
      else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(`${where}.${key}`, child);
    };
    walk('strings', knowledgeStrings);
    for (const lang of ['en', 'nl'] as const) {
      for (const feature of TIMELINE_FEATURES) for (const version of CB_VERSIONS) texts.push({ where: `timeline ${feature} ${version} ${lang}`, text: versionVerdict(feature, { number: version, preview: false }, lang) });
      for (const version of CB_VERSIONS) texts.push({ where: `support ${version} ${lang}`, text: supportNote({ number: version, preview: false }, lang) ?? '' });
      for (const feature of CMG_FEATURES) texts.push({ where: `feature ${feature.id} ${lang}`, text: featureVerdict(feature, lang) });
    }
    return texts;
  }

  it('never mentions how the knowledge was written: no seed, no "the article", no fact ids, no file paths', () => {
    const internal = /\bseed\b|\bthe article\b|\bhet artikel\b|\bde bron zegt\b|\b(?:VMSS|NAME|PORT|MIG|GOV|TLS|OVR|COMP|REQ|RP|REG|CERT|CAUTH|SIZE|HIER|COST|MON|SUP|SEC|ERR|LIFE)-\d{2}\b|\b[\w-]+\/[\w/-]+\.(?:md|yml|json|ts)\b|memdocs\//i;
    expect(userTexts().filter(({ text }) => internal.test(text)).map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
  });

  it('uses no angle-bracket placeholders, which Teams drops', () => {
    expect(userTexts().filter(({ text }) => /<[a-z][\w\s-]*>/i.test(text)).map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
  });
});
