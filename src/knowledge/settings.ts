import { Env, readBool } from '../env';

export interface KnowledgeSettings {
  /**
   * Keep the text of questions the bot could not answer (with the conversation id only), so
   * `npm run kb:report` can show what to add. Turn off where question text must not be stored.
   */
  recordUnanswered: boolean;
}

export function readKnowledgeSettings(env: Env): KnowledgeSettings {
  return { recordUnanswered: readBool(env, 'KB_RECORD_UNANSWERED', true) };
}
