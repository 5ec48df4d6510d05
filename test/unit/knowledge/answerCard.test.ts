import { answerCard } from '../../../src/knowledge/cards';
import { loadKnowledgeBase } from '../../../src/knowledge';

const entries = loadKnowledgeBase();
const byLength = [...entries].sort((a, b) => b.answer.en.length - a.answer.en.length);

describe('answer card summary (notifications and chat lists)', () => {
  it('keeps a short answer whole: the question it answers, then the answer', () => {
    const entry = [...byLength].reverse().find((candidate) => `${candidate.title.en}: ${candidate.answer.en}`.length <= 200)!;
    const reply = answerCard('en', { sections: [{ entry, situation: { lines: [] } }], others: [] }, '');
    expect(reply.summary).toBe(`${entry.title.en}: ${entry.answer.en.replace(/[`*]/g, '')}`);
  });

  it.each(['en', 'nl'] as const)('ends a long answer at a word with "…", under 200 characters (%s)', (lang) => {
    const entry = byLength[0];
    const reply = answerCard(lang, { sections: [{ entry, situation: { lines: [] } }], others: [] }, '');
    expect(entry.answer[lang].length).toBeGreaterThan(300);
    expect(reply.summary.length).toBeLessThanOrEqual(200);
    expect(reply.summary.startsWith(`${entry.title[lang]}: `)).toBe(true);
    expect(reply.summary.endsWith('…')).toBe(true);
    expect(reply.summary).not.toMatch(/\s…$/);
    // The card itself still carries the whole answer.
    expect(JSON.stringify(reply.data)).toContain(entry.answer[lang].slice(-40).replace(/`/g, ''));
  });
});
