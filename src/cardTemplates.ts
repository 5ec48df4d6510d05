/**
 * Every Adaptive Card template under cards/ and the data it binds: the one map from template
 * name to data type. `card()` in turn.ts only accepts a name listed here with data of that
 * shape, so a misspelt template or a missing field is a compile error, not a "—" on a card.
 *
 * Data is presentation only: strings already localized and escaped, flags the template
 * switches on. A template's fields are described once, here; the capability that fills them
 * owns the strings.
 */

export interface Fact {
  title: string;
  value: string;
}

export interface Line {
  text: string;
}

export interface Choice {
  title: string;
  value: string;
}

/**
 * How to check something by hand when the bot cannot ask Azure itself: a sentence, then one
 * line per item with what to type or where to look, then what to do afterwards.
 */
export interface ManualCheck {
  title: string;
  intro: string;
  /** `how` is a sentence (may be empty), `command` a line to type (may be empty). */
  steps: { name: string; how: string; command: string }[];
  outro: string;
}

/** One card verb's data as the template sends it back; checked on arrival by the verb's schema. */
export type ActionData = Record<string, unknown>;

export interface HelpCardData {
  title: string;
  intro: string;
  capabilities: { title: string; example: string }[];
  footer: string;
}

export interface ErrorCardData {
  title: string;
  body: string;
  referenceLabel: string;
  correlationId: string;
}

export type MessageTone = 'default' | 'warning' | 'error';

export interface MessageCardData {
  title: string;
  body: string;
  tone: MessageTone;
}

export interface ReminderCardData {
  title: string;
  intro: string;
  note: string;
  facts: Fact[];
  stepsTitle: string;
  steps: Line[];
  notes: Line[];
  status: string;
  active: boolean;
  reminderId: string;
  round: number;
  /** "Extend the wait" only where there is a waiting period to extend. */
  canExtend: boolean;
  labels: { done: string; snooze: string; extend: string; extendBy: string; extendConfirm: string };
  extendChoices: Choice[];
}

export interface ReminderListCardData {
  title: string;
  empty: string;
  /** "Reminders 11 to 20 of 34"; empty when everything fits on one page. */
  pageText: string;
  items: { id: string; round: number; code: string; what: string; when: string; state: string; color: string; detail: string; active: boolean; page: number }[];
  hint: string;
  labels: { snooze: string; cancel: string; previous: string; next: string };
  hasPrevious: boolean;
  hasNext: boolean;
  previousPage: number;
  nextPage: number;
}

export interface CutoverPlanCardData {
  title: string;
  statusText: string;
  statusColor: string;
  hasNotice: boolean;
  notice: string;
  noticeColor: string;
  facts: Fact[];
  /** Sentences about how the plan is being decided: open buttons, escalation, "request again" links. */
  lines: { text: string; color: string }[];
  /** Before "old CMG removed": waiting period, CNAME and endpoint, each checked just now. */
  hasChecklist: boolean;
  checklistTitle: string;
  checklist: { text: string; color: string }[];
  hasVotes: boolean;
  votesTitle: string;
  votes: { text: string; reason: string }[];
  hasNotes: boolean;
  notesLabel: string;
  notes: string;
  decisionText: string;
  reasonText: string;
  takeoverText: string;
  noApproversText: string;
  planId: string;
  revision: number;
  show: { approve: boolean; cancel: boolean; edit: boolean; done: boolean; doneEarly: boolean; removalCheck: boolean; oldRemoved: boolean; requestAgain: boolean };
  hasActions: boolean;
  labels: Record<
    | 'approve'
    | 'reject'
    | 'reasonLabel'
    | 'reasonPlaceholder'
    | 'cancel'
    | 'edit'
    | 'done'
    | 'oldRemoved'
    | 'oldRemovedConfirm'
    | 'oldRemovedYes'
    | 'history'
    | 'cancelConfirm'
    | 'cancelYes'
    | 'doneEarlyYes'
    | 'requestAgain'
    | 'removalCheck',
    string
  >;
  verbs: Record<'refresh' | 'approve' | 'reject' | 'done' | 'oldRemoved' | 'edit' | 'cancel' | 'requestAgain' | 'removalCheck', string>;
  refreshUserIds: string[];
}

/** A nudge or escalation in the approval conversation: mentions of the approvers who have not decided. */
export interface CutoverNudgeCardData {
  title: string;
  /** Holds `<at>name</at>` for each mention, matching `mentions[].text`. */
  body: string;
  lines: Line[];
  facts: Fact[];
  mentions: { text: string; id: string; name: string }[];
  planId: string;
  showPlanTitle: string;
  showPlanVerb: string;
}

export interface CutoverStatusCardData {
  title: string;
  statusText: string;
  statusColor: string;
  facts: Fact[];
  /** "12 earlier entries are not shown"; empty when the whole history fits. */
  earlierText: string;
  entries: { time: string; text: string; reason: string }[];
}

export interface CutoverListCardData {
  title: string;
  items: { id: string; status: string; line: string }[];
  empty: string;
  hint: string;
}

export interface CutoverFormCardData {
  title: string;
  intro: string;
  hasProblems: boolean;
  problemsTitle: string;
  problems: Line[];
  /** Per input id: what to fix in that field (shown right under it), or ''. */
  errors: Record<'cmgName' | 'region' | 'certificatePath' | 'plannedDate' | 'plannedTime' | 'waitingDays' | 'notes', string>;
  labels: Record<
    'cmgName' | 'cmgPlaceholder' | 'region' | 'regionPlaceholder' | 'certificatePath' | 'certOwnDomain' | 'certCloudapp' | 'plannedDate' | 'plannedTime' | 'waitingDays' | 'notes',
    string
  >;
  values: { cmgName: string; region: string; certificatePath: string; plannedDate: string; plannedTime: string; waitingDays: number; notes: string };
  submitVerb: string;
  submitTitle: string;
  submitData: ActionData;
}

export interface ProviderCheckCardData {
  title: string;
  statusLine: string;
  statusColor: string;
  facts: Fact[];
  rows: { name: string; mark: string; state: string; color: string }[];
  summary: string;
  summaryColor: string;
  hasProblem: boolean;
  problem: { title: string; body: string; fix: string };
  /** No identity or a refused sign-in: the four providers to check by hand. */
  hasManual: boolean;
  manual: ManualCheck;
  notes: Line[];
  checkedAt: string;
  actions: { title: string; verb: string }[];
  cardId: string;
}

export interface ProviderConfirmCardData {
  title: string;
  body: string;
  namespaces: { name: string }[];
  namespaceList: string;
  confirm: string;
  cancel: string;
  cardId: string;
}

export interface ProviderFormCardData {
  title: string;
  intro: string;
  error: string;
  label: string;
  format: string;
  button: string;
}

export interface ServiceNamesCardData {
  title: string;
  intro: string;
  facts: Fact[];
  cnameTitle: string;
  cnameNote: string;
  hasCname: boolean;
  cnameRecord: string;
  warningsTitle: string;
  warnings: Line[];
  hasWarnings: boolean;
  guidanceTitle: string;
  guidanceData: ActionData;
  providerCheckTitle: string;
  namePreflightTitle: string;
  namePreflightData: ActionData;
  cutoverTitle: string;
  cutoverData: ActionData;
}

export interface ServiceNamesFormCardData {
  title: string;
  intro: string;
  nameLabel: string;
  namePlaceholder: string;
  nameValue: string;
  nameError: string;
  regionLabel: string;
  regionPlaceholder: string;
  regionChoices: Choice[];
  regionValue: string;
  regionError: string;
  certificateLabel: string;
  certificateChoices: Choice[];
  certificateValue: string;
  certificateError: string;
  submitTitle: string;
  submitVerb: string;
}

export interface GuidanceStepCardData {
  title: string;
  stepText: string;
  intro: string;
  answeredTitle: string;
  answered: Fact[];
  hasAnswered: boolean;
  questions: {
    id: string;
    label: string;
    placeholder: string;
    isChoice: boolean;
    isText: boolean;
    hasValue: boolean;
    value: string;
    choices: Choice[];
    error: string;
  }[];
  nextTitle: string;
  nextVerb: string;
  nextData: ActionData;
}

export interface GuidanceChecklistCardData {
  title: string;
  situationTitle: string;
  situation: Fact[];
  hasNames: boolean;
  namesTitle: string;
  names: Fact[];
  stepsTitle: string;
  steps: { number: string; text: string }[];
  hasNotes: boolean;
  notesTitle: string;
  notes: Line[];
  providersTitle: string;
  providersIntro: string;
  providers: { name: string }[];
  providerCheckTitle: string;
  /** Offered with the names: is the prefix free in Azure, before the certificate is ordered. */
  namePreflightTitle: string;
  namePreflightData: ActionData;
  hasCutover: boolean;
  cutoverTitle: string;
  cutoverData: ActionData;
}

export interface KbAnswerCardData {
  lang: string;
  /** The first section's entry: what 👍/👎 rate. */
  entryId: string;
  /** Every entry the card answers, in section order (two for a two-part answer). */
  entryIds: string[];
  topic: string;
  /** "You asked: …", already escaped; empty for a chosen answer. */
  asked: string;
  sections: { title: string; situationTitle: string; situation: string; answer: string; source: string }[];
  note: string;
  othersTitle: string;
  others: { id: string; title: string }[];
  helpful: string;
  notHelpful: string;
}

/** One short decline with a Help button. */
export interface KbDeclineCardData {
  lang: string;
  title: string;
  body: string;
  helpButton: string;
}

export interface KbDidYouMeanCardData {
  lang: string;
  title: string;
  asked: string;
  intro: string;
  choices: { id: string; title: string }[];
  noneOfThese: string;
  question: string;
}

/** Template name (cards/<name>.json) → the data it binds. */
/** One result card for the live CNAME, certificate and endpoint checks (src/checks/). */
export interface CheckResultCardData {
  title: string;
  bannerStyle: 'good' | 'warning' | 'attention' | 'emphasis';
  bannerTitle: string;
  bannerText: string;
  hasLines: boolean;
  linesTitle: string;
  lines: Line[];
  sections: { title: string; facts: Fact[] }[];
  hasFindings: boolean;
  findingsTitle: string;
  findings: { text: string; color: string }[];
  /** Buttons two to a row: three long titles in one row are cut off in a narrow Teams window. */
  actionRows: { actions: { title: string; verb: string; data: Record<string, string> }[] }[];
}

/** The name pre-flight (src/namePreflight/): a row per check, a summary, and how to check by hand. */
export interface NamePreflightCardData {
  title: string;
  statusLine: string;
  facts: Fact[];
  rows: { check: string; mark: string; verdict: string; color: string; detail: string; note: string }[];
  summary: string;
  summaryColor: string;
  hasProblem: boolean;
  problem: { title: string; body: string; fix: string };
  hasManual: boolean;
  manual: ManualCheck;
  notes: Line[];
  checkedAt: string;
}

export interface NamePreflightFormCardData {
  title: string;
  intro: string;
  nameLabel: string;
  namePlaceholder: string;
  nameValue: string;
  nameError: string;
  regionLabel: string;
  regionPlaceholder: string;
  regionValue: string;
  regionError: string;
  subscriptionLabel: string;
  subscriptionPlaceholder: string;
  subscriptionValue: string;
  subscriptionError: string;
  submitTitle: string;
  submitVerb: string;
}

export interface CardTemplates {
  help: HelpCardData;
  error: ErrorCardData;
  message: MessageCardData;
  reminder: ReminderCardData;
  reminderList: ReminderListCardData;
  cutoverPlan: CutoverPlanCardData;
  cutoverNudge: CutoverNudgeCardData;
  cutoverStatus: CutoverStatusCardData;
  cutoverList: CutoverListCardData;
  cutoverForm: CutoverFormCardData;
  providerCheck: ProviderCheckCardData;
  providerConfirm: ProviderConfirmCardData;
  providerForm: ProviderFormCardData;
  serviceNames: ServiceNamesCardData;
  serviceNamesForm: ServiceNamesFormCardData;
  guidanceStep: GuidanceStepCardData;
  guidanceChecklist: GuidanceChecklistCardData;
  kbAnswer: KbAnswerCardData;
  kbDidYouMean: KbDidYouMeanCardData;
  kbDecline: KbDeclineCardData;
  checkResult: CheckResultCardData;
  namePreflight: NamePreflightCardData;
  namePreflightForm: NamePreflightFormCardData;
}

export type TemplateName = keyof CardTemplates;

/**
 * Every template name, for start-up checks and the tests that every template has samples. Kept
 * as a record over the map's keys, so a template added to CardTemplates and forgotten here is a
 * compile error rather than an "Unknown card template" at run time.
 */
const TEMPLATES: Record<TemplateName, true> = {
  help: true,
  error: true,
  message: true,
  reminder: true,
  reminderList: true,
  cutoverPlan: true,
  cutoverNudge: true,
  cutoverStatus: true,
  cutoverList: true,
  cutoverForm: true,
  providerCheck: true,
  providerConfirm: true,
  providerForm: true,
  serviceNames: true,
  serviceNamesForm: true,
  guidanceStep: true,
  guidanceChecklist: true,
  kbAnswer: true,
  kbDidYouMean: true,
  kbDecline: true,
  checkResult: true,
  namePreflight: true,
  namePreflightForm: true,
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
