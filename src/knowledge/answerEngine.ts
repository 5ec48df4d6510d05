import type { Lang } from '../i18n/language';
import { AnswerIndex, Candidate } from './answerIndex';
import type { KbEntry } from './entry';
import { questionLanguage } from './questionLanguage';
import { mentionsRegion, serviceNameQuestion, ServiceNameQuestion } from './serviceNameQuestion';
import { computeSizing, parseSizingQuestion, SizingResult } from './sizing';
import { applyGlossary, canonicalTokens, contentWords, fold } from './text';

/** What the engine makes of a question; the capability turns it into a card. */
export type EngineAnswer =
  | { kind: 'answer'; lang: Lang; entry: KbEntry; confidence: number }
  | { kind: 'didYouMean'; lang: Lang; candidates: KbEntry[]; confidence: number }
  | { kind: 'sizing'; lang: Lang; sizing: SizingResult }
  | { kind: 'serviceName'; lang: Lang; question: ServiceNameQuestion }
  | { kind: 'decline'; lang: Lang; reason: DeclineReason; confidence: number };

export type DeclineReason = 'empty' | 'harmful' | 'outOfScope' | 'unsure';

/**
 * Calibration, measured on the development set (see bench/knowledge.ts for the figures):
 * - an entry must explain at least this share of the question's informative words;
 * - when the runner-up ranks within this ratio of the winner (and is itself plausible),
 *   the call is too close and the admin chooses.
 */
export const MIN_COVERAGE = 0.45;
export const CLOSE_CALL_RATIO = 0.95;
/** Below this confidence (coverage discounted by closeness) the admin chooses instead. */
export const MIN_CONFIDENCE = 0.45;
const MAX_CHOICES = 3;
const MAX_QUESTION_LENGTH = 500;
/** Runners-up shown as choices must rank at least this close to the winner. */
const CHOICE_RATIO = 0.5;

/**
 * Words that place a question in CMG territory. A question with none of them is about
 * something else ("printers in Intune", "a poem about servers") however well its other words
 * happen to match, so the engine declines instead of guessing.
 */
const GENERIC_CANONICALS = new Set(['xclient', 'xcost', 'xdelete', 'xwizard', 'xinternet', 'xpolicy', 'xvm', 'xsubscription', 'xregion', 'xentra', 'xconsole', 'xalert', 'xthreshold', 'xlog', 'xport', 'xloadbalancer', 'xga', 'xmax', 'xmicrosoft', 'xreduce', 'xfail', 'xrenew', 'xprogress', 'xslow', 'xrestrict']);
const DOMAIN_WORDS = new Set(
  ('cname pki cloudapp ipv6 ipv4 bitlocker cmpivot autopilot expressroute cdn branchcache fqdn a2_v2 a4_v2 b2s rdp cmdlet cmdlets ' +
    'cloudmgr cmgsetup cmgservice cmgcontentservice sms_cloud_proxyconnector ccm_post bits_post propfind 10140 10155 10124 10139 ' +
    'eastus westus westeurope northeurope keyvault classiccompute pfx tcp-tls ctl crl ibcm dns ' +
    // Configuration Manager versions: "clients per VM on 2107" is a CMG question.
    '1810 2002 2006 2009 2010 2103 2107 2111 2203 2403').split(' '),
);
const HARMFUL = /\b(hack|hacken|hacking|crack|kraak|kraken|exploit|steal|stelen|phish|phishing|malware|ransomware|ddos|keylogger|jailbreak|backdoor)\w*/;

/** The answer engine: one index built at construction, then pure, synchronous lookups. */
export class AnswerEngine {
  constructor(private readonly index: AnswerIndex) {}

  answer(fullQuestion: string, clientLang: Lang): EngineAnswer {
    // A question is a sentence or two; a pasted log would only cost time (typo correction is per word).
    const question = fullQuestion.slice(0, MAX_QUESTION_LENGTH);
    // A Dutch locale always gets Dutch; an English client gets Dutch when the question clearly is.
    const lang: Lang = clientLang === 'nl' || questionLanguage(question) === 'nl' ? 'nl' : 'en';
    const folded = fold(question);
    // Nothing but greetings and filler ("hi", "thanks", "bedankt"): nothing to answer or record.
    if (!/[a-z0-9]/.test(folded) || contentWords(question).length === 0) return { kind: 'decline', lang, reason: 'empty', confidence: 0 };
    if (HARMFUL.test(folded)) return { kind: 'decline', lang, reason: 'harmful', confidence: 0 };

    const sizing = parseSizingQuestion(question);
    if (sizing) return { kind: 'sizing', lang, sizing: computeSizing(sizing) };
    const naming = serviceNameQuestion(question);
    if (naming) return { kind: 'serviceName', lang, question: naming };

    if (!mentionsCmgDomain(question)) return { kind: 'decline', lang, reason: 'outOfScope', confidence: 0 };
    const { candidates } = this.index.find(question);
    return decide(candidates, lang);
  }

  /** The ranked candidates without a decision (for the benchmark's calibration table). */
  candidates(question: string): Candidate[] {
    return this.index.find(question).candidates;
  }
}

export function mentionsCmgDomain(question: string): boolean {
  const words = contentWords(question);
  if (words.some((word) => canonicalTokens.has(word) && !GENERIC_CANONICALS.has(word))) return true;
  const folded = fold(question);
  if (/\bmicrosoft\.(keyvault|storage|network|compute|classiccompute)\b|cloudapp/.test(folded) || mentionsRegion(question)) return true;
  const plain = applyGlossary(folded).split(/[^a-z0-9_-]+/);
  return plain.some((word) => DOMAIN_WORDS.has(word));
}

function decide(candidates: Candidate[], lang: Lang): EngineAnswer {
  const [top, second] = candidates;
  if (!top || top.coverage < MIN_COVERAGE) return { kind: 'decline', lang, reason: 'unsure', confidence: top?.coverage ?? 0 };
  const closeness = second && second.coverage >= MIN_COVERAGE ? second.rank / top.rank : 0;
  const confidence = round(top.coverage * (1 - closeness / 2));
  if (closeness >= CLOSE_CALL_RATIO || confidence < MIN_CONFIDENCE) {
    const choices = candidates.filter((candidate) => candidate.coverage >= MIN_COVERAGE && candidate.rank / top.rank >= CHOICE_RATIO);
    if (choices.length < 2) return { kind: 'decline', lang, reason: 'unsure', confidence };
    return { kind: 'didYouMean', lang, candidates: choices.slice(0, MAX_CHOICES).map((candidate) => candidate.entry), confidence };
  }
  return { kind: 'answer', lang, entry: top.entry, confidence };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
