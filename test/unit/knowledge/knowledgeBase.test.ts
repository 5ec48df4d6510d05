import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../../src/knowledge';
import { fold } from '../../../src/knowledge/text';

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
    expect(entry.source).toMatch(/^memdocs\/[\w/.-]+\.(md|yml)$/);
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

  it('keeps the development set apart from the knowledge base phrasings', () => {
    const phrasings = new Set(entries.flatMap((entry) => [entry.title.en, entry.title.nl, ...entry.questions.en, ...entry.questions.nl]).map((text) => fold(text).replace(/\W+/g, ' ').trim()));
    const devset = readFileSync(join(__dirname, '../../fixtures/knowledge/devset.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { question: string });
    expect(devset.filter((item) => phrasings.has(fold(item.question).replace(/\W+/g, ' ').trim())).map((item) => item.question)).toEqual([]);
  });

  it('rejects broken data at start-up', () => {
    const file = {
      topic: { en: 't', nl: 't' },
      entries: [{ id: 'a', facts: ['X'], source: 's', title: { en: 'a', nl: 'a' }, questions: { en: ['q'], nl: ['q'] }, answer: { en: 'a', nl: 'a' }, followUps: ['missing'] }],
    };
    expect(() => loadKnowledgeBase([file])).toThrow(/unknown "missing"/);
    expect(() => loadKnowledgeBase([file, file])).toThrow(/duplicate entry id "a"/);
  });
});
