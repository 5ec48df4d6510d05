import type { RegionCatalog } from '../naming';
import { computeServiceNames } from '../naming';
import { CERTIFICATE_DOMAINS, CLOUDS, GuidanceAnswers, keepsClassic, VERSION_BANDS } from './answers';

/** A field the flow may ask, in the order it appears on its step. */
export type QuestionId = keyof GuidanceAnswers;

export interface Question {
  id: QuestionId;
  kind: 'choice' | 'text';
  /** Allowed values of a choice; their titles are localized by the card. */
  choices?: readonly string[];
}

/** Questions that belong together are asked on one card, so the flow is a few short steps. */
export type StepId = 'situation' | 'move' | 'version' | 'names' | 'certificate';

export interface Step {
  id: StepId;
  questions: Question[];
}

const YES_NO = ['yes', 'no'] as const;

const STEPS: Record<StepId, Question[]> = {
  situation: [
    { id: 'classicToday', kind: 'choice', choices: YES_NO },
    { id: 'csp', kind: 'choice', choices: YES_NO },
  ],
  move: [{ id: 'moveNow', kind: 'choice', choices: YES_NO }],
  version: [
    { id: 'version', kind: 'choice', choices: VERSION_BANDS },
    { id: 'cloud', kind: 'choice', choices: CLOUDS },
  ],
  names: [
    { id: 'commonName', kind: 'text' },
    { id: 'region', kind: 'text' },
  ],
  certificate: [{ id: 'certificateDomain', kind: 'choice', choices: CERTIFICATE_DOMAINS }],
};

export function stepById(id: StepId): Step {
  return { id, questions: STEPS[id] };
}

/** True when the common name carries its own domain, so the certificate question answers itself. */
export function hasDomain(commonName: string | undefined): boolean {
  return Boolean(commonName && commonName.includes('.'));
}

/** Whether a step applies to the situation described so far. */
function applies(step: StepId, answers: GuidanceAnswers): boolean {
  switch (step) {
    case 'situation':
    case 'version':
      return true;
    case 'move':
      return answers.classicToday === 'yes' && answers.csp === 'no';
    case 'names':
      return !keepsClassic(answers);
    case 'certificate':
      // Only a move away from a classic CMG depends on where the current certificate lives.
      return answers.classicToday === 'yes' && !keepsClassic(answers) && !hasDomain(answers.commonName);
  }
}

const ORDER: readonly StepId[] = ['situation', 'move', 'version', 'names', 'certificate'];

/** The next step with an unanswered question, or undefined when the checklist can be built. */
export function nextStep(answers: GuidanceAnswers): Step | undefined {
  for (const id of ORDER) {
    // `applies` may depend on earlier answers, so steps are checked in order.
    if (!applies(id, answers)) continue;
    if (STEPS[id].some((question) => answers[question.id] === undefined)) return stepById(id);
  }
  return undefined;
}

/**
 * Whether a step can still come, whatever the unanswered questions turn out to be. Only ever
 * narrows as answers arrive, so a total counted from it never grows.
 */
function mayApply(step: StepId, answers: GuidanceAnswers): boolean {
  switch (step) {
    case 'situation':
    case 'version':
      return true;
    case 'move':
      return answers.classicToday !== 'no' && answers.csp !== 'yes';
    case 'names':
      return !keepsClassic(answers);
    case 'certificate':
      return answers.classicToday !== 'no' && !keepsClassic(answers) && !hasDomain(answers.commonName);
  }
}

/** Whether a step will come whatever the unanswered questions turn out to be. */
function mustApply(step: StepId, answers: GuidanceAnswers): boolean {
  const moving = answers.classicToday === 'no' || answers.csp === 'yes' || answers.moveNow === 'yes';
  switch (step) {
    case 'situation':
    case 'version':
      return true;
    case 'move':
      return answers.classicToday === 'yes' && answers.csp === 'no';
    case 'names':
      return moving;
    case 'certificate':
      return answers.classicToday === 'yes' && moving && answers.commonName !== undefined && !hasDomain(answers.commonName);
  }
}

/**
 * Where the flow stands: the current step's number and the most steps there can be. The number
 * grows by one per step and the total never grows ("1 of at most 5", "2 of 3"), so progress never
 * goes backwards; `final` once no later answer can change the total.
 */
export function progress(step: StepId, answers: GuidanceAnswers): { step: number; total: number; final: boolean } {
  const possible = ORDER.filter((id) => mayApply(id, answers));
  const certain = ORDER.filter((id) => mustApply(id, answers));
  return { step: Math.max(1, possible.indexOf(step) + 1), total: possible.length, final: possible.length === certain.length };
}

/**
 * Drops carried answers that no longer hold: a region the catalog does not know, a name the
 * naming rules reject. Card data is client-controlled, so it is checked on every round trip.
 */
export function checkedAnswers(answers: GuidanceAnswers, catalog: RegionCatalog): GuidanceAnswers {
  const checked = { ...answers };
  const region = checked.region ? catalog.byName(checked.region) : undefined;
  if (!region) delete checked.region;
  if (checked.commonName && !computeServiceNames({ nameOrCertificate: checked.commonName, region: region ?? catalog.all()[0] }).ok) delete checked.commonName;
  return checked;
}
