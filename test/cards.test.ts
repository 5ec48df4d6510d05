import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cardTemplateNames, renderCard } from '../src/rendering/cardTemplates';
import { messageCard } from '../src/bot/help';
import { cardProblems } from './harness/cardValidation';
import type { CardSample } from './cardSamples/types';

const samples: CardSample[] = readdirSync(join(__dirname, 'cardSamples'))
  .filter((file) => file.endsWith('.ts') && file !== 'types.ts')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .flatMap((file) => (require(join(__dirname, 'cardSamples', file)) as { cardSamples: CardSample[] }).cardSamples);

describe('card templates', () => {
  it.each(cardTemplateNames())('%s has at least one sample', (template) => {
    expect(samples.map((s) => s.reply.template)).toContain(template);
  });

  it.each(samples.map((s) => [s.name, s] as const))('%s renders as a valid Adaptive Card 1.5 under 28 KB', (_name, sample) => {
    const card = renderCard(sample.reply.template, sample.reply.data);
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows user text literally: ${...} in data is never evaluated', () => {
    const hostile = 'What is ${$root.title} and ${toUpper("x")} and `tick`?';
    const card = renderCard('message', messageCard('Title', hostile).data);
    const json = JSON.stringify(card);
    expect(json).toContain('${$root.title}');
    expect(json).toContain('${toUpper(\\"x\\")}');
  });
});
