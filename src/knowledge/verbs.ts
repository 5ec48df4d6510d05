import { z } from 'zod';

/**
 * Knowledge card verbs, named in the knowledge templates (cards/kbAnswer.json, kbDidYouMean.json,
 * kbDecline.json). The handlers re-check what they use (entry ids against the knowledge base).
 */
export const KNOWLEDGE_VERBS = { feedback: 'kb.feedback', ask: 'kb.ask', choose: 'kb.choose', none: 'kb.none', help: 'kb.help' } as const;

const lang = z.string().max(10).optional();

export const KNOWLEDGE_ACTIONS = {
  entry: z.object({ entryId: z.string().max(200), lang }),
  feedback: z.object({ entryId: z.string().max(200), entryIds: z.array(z.string().max(200)).max(5).optional(), vote: z.enum(['up', 'down']), lang }),
  none: z.object({ question: z.string().max(2000).optional(), lang }),
  help: z.object({ lang }),
};
