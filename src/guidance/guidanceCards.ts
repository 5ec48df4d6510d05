import { format, Lang } from '../i18n/language';
import { cnameRecordLine, cutoverOffer, RegionCatalog, regionTitle } from '../naming';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import type { GuidanceAnswers } from './answers';
import { Checklist, RESOURCE_PROVIDERS } from './checklist';
import type { QuestionId, Step } from './questions';
import { guidanceStrings } from './strings';
import { GUIDANCE_VERBS } from './verbs';

/** What the admin typed or chose on the current step, and the message next to each field. */
export interface StepInput {
  values: Partial<Record<QuestionId, string>>;
  errors: Partial<Record<QuestionId, string>>;
}

/** Answers so far as facts, so the admin sees what the next question builds on. */
function answeredFacts(lang: Lang, answers: GuidanceAnswers, catalog: RegionCatalog): { title: string; value: string }[] {
  const s = guidanceStrings[lang];
  const facts: { title: string; value: string }[] = [];
  for (const [id, value] of Object.entries(answers) as [QuestionId, string][]) {
    const question = s.questions[id];
    let shown = question.choices?.[value] ?? value;
    if (id === 'region') {
      const region = catalog.byName(value);
      shown = region ? regionTitle(region, lang) : value;
    }
    // Only the common name was typed by the user; choice and region titles are our own text.
    facts.push({ title: question.label, value: id === 'commonName' ? plainText(shown, 260) : shown });
  }
  return facts;
}

/** One step of the decision flow: its questions, with earlier answers carried in the button's data. */
export function guidanceStepCard(
  lang: Lang,
  catalog: RegionCatalog,
  step: Step,
  position: { step: number; total: number; final: boolean },
  answers: GuidanceAnswers,
  input: StepInput = { values: {}, errors: {} },
): CardReply {
  const s = guidanceStrings[lang];
  const answered = answeredFacts(lang, answers, catalog);
  const stepText = format(position.final ? s.stepOf : s.stepOfAtMost, { step: position.step, total: position.total });
  const questions = step.questions.map((question) => {
    const words = s.questions[question.id];
    const value = input.values[question.id] ?? '';
    return {
      id: question.id,
      label: words.label,
      placeholder: words.placeholder ?? '',
      isChoice: question.kind === 'choice',
      isText: question.kind === 'text',
      hasValue: value !== '',
      value,
      choices: (question.choices ?? []).map((choice) => ({ title: words.choices?.[choice] ?? choice, value: choice })),
      error: input.errors[question.id] ? plainText(input.errors[question.id]!, 900) : '',
    };
  });
  return card(
    'guidanceStep',
    {
      title: s.title,
      stepText,
      intro: s.intro,
      answeredTitle: s.answeredTitle,
      answered,
      hasAnswered: answered.length > 0,
      questions,
      nextTitle: s.next,
      nextVerb: GUIDANCE_VERBS.answer,
      nextData: { step: step.id, answers: { ...answers } },
    },
    `${s.title}: ${stepText}`,
  );
}

/** The ordered checklist with the computed names filled in, ending with the resource providers and the offers. */
export function guidanceChecklistCard(lang: Lang, catalog: RegionCatalog, answers: GuidanceAnswers, checklist: Checklist): CardReply {
  const s = guidanceStrings[lang];
  const names = checklist.names;
  const values: Record<string, string> = {};
  if (names) {
    values.prefix = plainText(names.prefix);
    values.commonName = plainText(names.commonName ?? names.prefix);
    values.scaleSetName = plainText(names.scaleSetName);
    values.classicName = plainText(names.classicName);
    values.region = regionTitle(names.region, lang);
    values.cnameHost = names.cname ? plainText(names.cname.host) : plainText(`${names.prefix}.${s.yourDomain}`);
  }
  const title = format(s.checklistTitle, { case: s.cases[checklist.case] });
  const nameFacts = names
    ? [
        { title: s.classicName, value: values.classicName },
        { title: s.scaleSetName, value: `**${values.scaleSetName}**` },
        ...(names.cname ? [{ title: s.cnameRecord, value: plainText(cnameRecordLine(names.cname)) }] : []),
      ]
    : [];
  return card(
    'guidanceChecklist',
    {
      title,
      situationTitle: s.situationTitle,
      situation: answeredFacts(lang, answers, catalog),
      hasNames: Boolean(names),
      namesTitle: s.namesTitle,
      names: nameFacts,
      stepsTitle: s.stepsTitle,
      steps: checklist.steps.map((key, index) => ({ number: `${index + 1}.`, text: format(s.steps[key], values) })),
      hasNotes: checklist.notes.length > 0,
      notesTitle: s.notesTitle,
      notes: checklist.notes.map((key) => ({ text: s.notes[key] })),
      providersTitle: s.providersTitle,
      providersIntro: s.providersIntro,
      providers: RESOURCE_PROVIDERS.map((name) => ({ name })),
      // The offers are other capabilities' verbs, named in the template itself.
      providerCheckTitle: s.providerCheckButton,
      namePreflightTitle: s.namePreflightButton,
      namePreflightData: names ? { name: names.commonName ?? names.prefix, region: names.region.name } : {},
      // Planning a cutover needs a CMG name and region; keeping the classic CMG has neither.
      hasCutover: Boolean(names),
      cutoverTitle: s.cutoverButton,
      cutoverData: names ? { ...cutoverOffer(names) } : {},
    },
    title,
  );
}
