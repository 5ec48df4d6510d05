/** CMG planning answers: knowledge base data, answer engine and curation log. */
export { Knowledge } from './knowledge';
export type { KnowledgeReply } from './knowledge';
export { readKnowledgeSettings } from './settings';
export type { KnowledgeSettings } from './settings';
export { AnswerEngine, MIN_COVERAGE, TIE_RATIO } from './answerEngine';
export type { DeclineReason, EngineAnswer } from './answerEngine';
export { AnswerIndex } from './answerIndex';
export { loadKnowledgeBase } from './knowledgeBase';
export type { KbEntry } from './entry';
export { CurationLog, formatCurationReport } from './curationLog';
export type { CurationReport } from './curationLog';
export type { ServiceNameQuestion } from './serviceNameQuestion';
export { computeSizing, parseSizingQuestion } from './sizing';
export { questionLanguage } from './questionLanguage';
