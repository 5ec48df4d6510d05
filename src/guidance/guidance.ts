import type { Lang } from '../i18n/language';
import { computeServiceNames, defaultRegionCatalog, RegionCatalog, regionErrorText } from '../naming';
import type { CardActionResult, CardReply, TurnInfo } from '../turn';
import { GuidanceAnswers, parseAnswers } from './answers';
import { buildChecklist } from './checklist';
import { guidanceChecklistCard, guidanceStepCard, StepInput } from './guidanceCards';
import { checkedAnswers, nextStep, progress, Step, StepId, stepById } from './questions';
import { guidanceStrings } from './strings';
import type { GuidanceAnswerData } from './verbs';

const STEP_IDS: readonly StepId[] = ['situation', 'move', 'version', 'names', 'certificate'];

/** What a guidance flow may start with, e.g. from the service names card or a typed command. */
export interface GuidancePrefill {
  commonName?: string;
  /** A region in any spelling or language. */
  region?: string;
}

/**
 * Certificate and cutover guidance: a short decision flow over Adaptive Cards that ends in the
 * ordered checklist for the admin's case. Stateless: the answers so far travel in the card's
 * button data and are re-checked on every step.
 */
export class Guidance {
  constructor(private readonly catalog: RegionCatalog = defaultRegionCatalog) {}

  /** The first question card (or the checklist, if the prefill already answers everything). */
  start(lang: Lang, prefill: GuidancePrefill = {}): CardReply {
    const answers: GuidanceAnswers = {};
    const values: StepInput['values'] = {};
    if (prefill.region?.trim()) {
      const match = this.catalog.resolve(prefill.region);
      if (match.kind === 'found') answers.region = match.region.name;
      else values.region = prefill.region.trim();
    }
    if (prefill.commonName?.trim()) {
      const valid = computeServiceNames({ nameOrCertificate: prefill.commonName, region: this.catalog.all()[0] }).ok;
      if (valid) answers.commonName = prefill.commonName.trim();
      else values.commonName = prefill.commonName.trim();
    }
    return this.show(lang, checkedAnswers(answers, this.catalog), values);
  }

  /** The "Next" button: validates this step's inputs, then shows the next step or the checklist. */
  async answer(turn: TurnInfo, data: GuidanceAnswerData): Promise<CardActionResult> {
    const answers = checkedAnswers(parseAnswers(data.answers), this.catalog);
    const stepId = STEP_IDS.find((id) => id === data.step);
    if (!stepId) return { kind: 'card', reply: this.show(turn.lang, answers) };
    const step = stepById(stepId);
    const input = this.read(turn.lang, step, data, answers);
    if (Object.keys(input.errors).length) {
      for (const question of step.questions) delete answers[question.id];
      return { kind: 'card', reply: this.card(turn.lang, step, answers, input) };
    }
    return { kind: 'card', reply: this.show(turn.lang, answers, {}) };
  }

  /** The next unanswered step, showing any values that were typed for it but not accepted. */
  private show(lang: Lang, answers: GuidanceAnswers, values: StepInput['values'] = {}): CardReply {
    const step = nextStep(answers);
    if (!step) return guidanceChecklistCard(lang, this.catalog, answers, buildChecklist(answers, this.catalog));
    const errors: StepInput['errors'] = {};
    if (values.region && step.questions.some((q) => q.id === 'region')) {
      const match = this.catalog.resolve(values.region);
      if (match.kind !== 'found') errors.region = regionErrorText(lang, values.region, match);
    }
    return this.card(lang, step, answers, { values, errors });
  }

  private card(lang: Lang, step: Step, answers: GuidanceAnswers, input: StepInput): CardReply {
    return guidanceStepCard(lang, this.catalog, step, progress(step.id, answers), answers, input);
  }

  /** Reads the step's inputs into `answers` (mutated) and collects a message for each field that is not acceptable. */
  private read(lang: Lang, step: Step, data: Record<string, unknown>, answers: GuidanceAnswers): StepInput {
    const s = guidanceStrings[lang];
    const input: StepInput = { values: {}, errors: {} };
    for (const question of step.questions) {
      const raw = typeof data[question.id] === 'string' ? (data[question.id] as string).trim().slice(0, 253) : '';
      input.values[question.id] = raw;
      if (question.kind === 'choice') {
        if (question.choices?.includes(raw)) (answers as Record<string, string>)[question.id] = raw;
        else input.errors[question.id] = s.chooseAnswer;
      }
    }
    if (step.id === 'names') this.readNames(lang, input, answers);
    return input;
  }

  private readNames(lang: Lang, input: StepInput, answers: GuidanceAnswers): void {
    const typedRegion = input.values.region ?? '';
    const match = this.catalog.resolve(typedRegion);
    if (match.kind === 'found') answers.region = match.region.name;
    else input.errors.region = regionErrorText(lang, typedRegion, match);
    const names = computeServiceNames({ nameOrCertificate: input.values.commonName ?? '', region: match.kind === 'found' ? match.region : this.catalog.all()[0] });
    if (names.ok) answers.commonName = input.values.commonName;
    else input.errors.commonName = names.problems.map((problem) => problem[lang]).join('\n\n');
  }
}
