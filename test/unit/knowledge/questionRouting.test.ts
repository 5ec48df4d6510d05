import { AnswerEngine, AnswerIndex, loadKnowledgeBase, questionLanguage } from '../../../src/knowledge';
import { SpellingCorrector } from '../../../src/knowledge/spelling';
import { editDistance } from '../../../src/text/editDistance';
import { contentWords } from '../../../src/knowledge/text';

const routing = new AnswerEngine(new AnswerIndex(loadKnowledgeBase()));

describe('service name questions', () => {
  it.each([
    ['what will the service name be for Contoso in West Europe', 'Contoso', 'West Europe'],
    ['Woodgrove wants their cmg in West US 2 as a scale set, whats the deployment name?', 'Woodgrove', 'West US 2'],
    ['servicenaam voor Tailspin in Noord-Europa op een schaalset?', 'Tailspin', 'Noord-Europa'],
    ['implementatienaam voor Northwind in VS-Oost', 'Northwind', 'VS-Oost'],
    ['fqdn for cmg.litware.com in Canada Central', 'cmg.litware.com', 'Canada Central'],
  ])('routes "%s" to the service names', (question, cmgName, regionText) => {
    expect(routing.answer(question, 'en')).toMatchObject({ kind: 'serviceName', question: { kind: 'serviceName', cmgName, regionText } });
  });

  it.each([
    'quick q: which part goes in the vmss cmg URL if we pick North Europe as region?',
    "we kiezen de regio 'VS-West'. wat komt er dan in de cmg-naam te staan?",
    'what is the name format of a scale set cmg?',
  ])('leaves the general naming question "%s" to the knowledge base', (question) => {
    expect(routing.answer(question, 'en').kind).not.toBe('serviceName');
  });
});

describe('question language', () => {
  it.each([
    ['welke poort gebruikt het verbindingspunt?', 'nl'],
    ['hoe lang is het secret van de azure app standaard geldig?', 'nl'],
    ['which port does the connection point use?', 'en'],
    ['vmss cmg', undefined],
  ])('"%s" is %s', (question, lang) => {
    expect(questionLanguage(question)).toBe(lang);
  });
});

describe('glossary and typos', () => {
  it('folds English, Dutch and shorthand names of one thing to one term', () => {
    for (const phrase of ['virtual machine scale set', 'VMSS', 'scale-set', 'schaalset voor virtuele machines', 'schaalsets']) expect(contentWords(phrase)).toEqual(['xvmss']);
    for (const phrase of ['CMG connection point', 'cmg cp', 'CMG-verbindingspunt', 'verbindingspunt']) expect(contentWords(phrase)).toEqual(['xcmgcp']);
    expect(contentWords('service connection point')).toEqual(['xscp']);
    expect(contentWords('cloudbeheergateway')).toEqual(['xcmg']);
    expect(contentWords('cert')).toEqual(contentWords('certificaat'));
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('defualt', 'default', 2)).toBe(1);
    expect(editDistance('convet', 'convert', 2)).toBe(1);
    expect(editDistance('koken', 'token', 0)).toBe(1);
  });

  it('corrects long unknown words to known ones, but never a short word or a different first letter', () => {
    const corrector = new SpellingCorrector(['resource', 'providers', 'token', 'convert']);
    expect(corrector.correct('resouce provders convet')).toBe('resource providers convert');
    expect(corrector.correct('koken')).toBe('koken');
  });

  it('corrects slips (a letter left out or swapped, a doubled letter) but not everyday words one letter from a known one', () => {
    const corrector = new SpellingCorrector(['management', 'default', 'traag', 'omzet', 'kopen', 'missing', 'test', 'monitoring']);
    expect(corrector.correct('managment defualt traaag monitering')).toBe('management default traag monitoring');
    // One changed letter in a short word, or one letter more that doubles nothing, is another word.
    expect(corrector.correct('opzet koken messing tekst')).toBe('opzet koken messing tekst');
  });

  it('reads an unknown compound as its two known parts, with or without a linking s, and leaves short parts alone', () => {
    const corrector = new SpellingCorrector(['implementatie', 'model', 'conversie', 'status', 'site', 'server', 'koken', 'boek']);
    expect(corrector.correct('implementatiemodel')).toBe('implementatie model');
    expect(corrector.correct('conversiestatus')).toBe('conversie status');
    expect(corrector.correct('siteserver')).toBe('site server');
    expect(corrector.correct('kookboeken')).toBe('kookboeken');
  });

  it('folds inflected verbs and everyday synonyms to one term', () => {
    for (const phrase of ['omgezet', 'geconverteerd', 'converted']) expect(contentWords(phrase)).toEqual(['xconvert']);
    for (const phrase of ['mislukt', 'failed', 'faalt']) expect(contentWords(phrase)).toEqual(['xfail']);
    for (const phrase of ['verloopt', 'expires', 'vernieuwen']) expect(contentWords(phrase)).toEqual(['xrenew']);
    for (const phrase of ['voortgang', 'progress', 'status']) expect(contentWords(phrase)).toEqual(['xprogress']);
    expect(contentWords('cloud service klassiek')).toEqual(['xclassic']);
  });

  it('does not treat everyday verbs as a sign of a CMG question', () => {
    const engine = new AnswerEngine(new AnswerIndex(loadKnowledgeBase()));
    for (const question of ['my backup failed, how do I renew the license?', 'hoe volg ik de voortgang van mijn pakketje']) {
      expect(engine.answer(question, 'en')).toMatchObject({ kind: 'decline', reason: 'outOfScope' });
    }
  });
});

describe('answer engine input', () => {
  it('declines a pasted wall of text without spending long on it', () => {
    const engine = new AnswerEngine(new AnswerIndex(loadKnowledgeBase()));
    const wall = Array.from({ length: 4000 }, (_, i) => `zqwx${i}vbn`).join(' ');
    expect(engine.answer(wall, 'en')).toMatchObject({ kind: 'decline' });
    expect(engine.answer('   ', 'nl')).toMatchObject({ kind: 'decline', reason: 'empty', lang: 'nl' });
    expect(engine.answer('how do I hack the cmg of another company?', 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
  });
});
