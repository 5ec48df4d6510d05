import { ArmProblem, AzureCloudName, CONFIGURATION_PROBLEMS, describeArmProblem, SUBSCRIPTION_ID_FORMAT } from '../arm';
import type { ManualCheck } from '../cardTemplates';
import { format, Lang } from '../i18n/language';
import { formatList } from '../i18n/locale';
import { formatTime } from '../i18n/time';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';

import {
  CMG_PROVIDERS,
  CmgProvider,
  isCspSubscription,
  isRegistered,
  missingProviders,
  ProviderCheckResult,
  RegistrationState,
  registeredCount,
} from './providerCheckResult';
import { providerStrings, ProviderStrings } from './strings';
import { PROVIDER_CHECK_VERBS } from './verbs';

/** Who looks at the card and where: decides which buttons it carries and how time is shown. */
export interface CardViewer {
  lang: Lang;
  timezone?: string;
  /** A configured administrator: sees "Register missing". */
  canRegister: boolean;
}

/** What is going on with a registration for the subscription, if anything. */
export interface RegistrationView {
  phase: 'running' | 'registered' | 'timedOut' | 'failed';
  startedByName: string;
  startedAt: string;
  namespaces: CmgProvider[];
  problem?: ArmProblem;
  capMinutes?: number;
}

export interface ResultCardOptions {
  cardId?: string;
  fromCache?: boolean;
  cloud: AzureCloudName;
  registration?: RegistrationView;
  /** Said on the card when it applies: a Refresh inside the cooldown, or a check shared with another caller. */
  notice?: string;
  now: Date;
}

const TEMPLATE = 'providerCheck';

function stateWords(s: ProviderStrings, state: RegistrationState): { words: string; mark: string; color: string } {
  const known = Object.keys(s.states).find((key) => key.toLowerCase() === state.toLowerCase()) as keyof ProviderStrings['states'] | undefined;
  const words = known ? s.states[known] : state;
  if (isRegistered(state)) return { words, mark: '✅', color: 'Good' };
  if (known === 'Registering' || known === 'Unregistering') return { words, mark: '⏳', color: 'Warning' };
  return { words, mark: '❌', color: 'Attention' };
}

const list = (lang: Lang, names: readonly string[]): string => formatList(names, lang);

function baseData(title: string) {
  return {
    title,
    statusLine: '',
    statusColor: 'Default',
    facts: [] as { title: string; value: string }[],
    rows: [] as { name: string; mark: string; state: string; color: string }[],
    summary: '',
    summaryColor: 'Default',
    hasProblem: false,
    problem: { title: '', body: '', fix: '' },
    hasManual: false,
    manual: { title: '', intro: '', steps: [], outro: '' } as ManualCheck,
    notes: [] as { text: string }[],
    checkedAt: '',
    actions: [] as { title: string; verb: string }[],
    /** Every reader's client asks for its own view (the refresh action): administrators get Register. */
    cardId: '',
  };
}

/** Posted at once when Azure is slow; the result replaces it. */
export function checkingCard(lang: Lang, subscriptionId: string, cardId = ''): CardReply {
  const s = providerStrings[lang];
  const data = baseData(s.title);
  data.cardId = cardId;
  data.statusLine = format(s.checking, { id: subscriptionId });
  data.facts = [{ title: s.subscriptionId, value: subscriptionId }];
  return card(TEMPLATE, data, data.statusLine);
}

/** The check result: subscription, one row per provider, summary, notes, buttons. */
export function resultCard(result: ProviderCheckResult, viewer: CardViewer, options: ResultCardOptions): CardReply {
  const s = providerStrings[viewer.lang];
  const data = baseData(s.title);
  const sub = result.subscription;
  data.cardId = options.cardId ?? '';
  data.facts = [
    // The display name is whatever the subscription owner typed: keep it inert in Markdown.
    { title: s.subscriptionName, value: sub.displayName ? plainText(sub.displayName, 120) : '—' },
    { title: s.subscriptionId, value: sub.id },
    ...(sub.state ? [{ title: s.subscriptionState, value: sub.state }] : []),
    { title: s.subscriptionType, value: isCspSubscription(sub.quotaId) ? s.csp : s.notCsp },
  ];
  data.rows = result.providers.map((p) => {
    const { words, mark, color } = stateWords(s, p.state);
    return { name: p.namespace, mark, state: words, color };
  });
  const missing = missingProviders(result);
  if (missing.length === 0) {
    data.summary = s.ready;
    data.summaryColor = 'Good';
  } else {
    data.summary = `${format(s.partly, { count: registeredCount(result) })} ${format(s.registerBefore, { list: list(viewer.lang, missing) })}`;
    data.summaryColor = 'Warning';
  }
  const registration = options.registration;
  if (registration) {
    const started = formatTime(registration.startedAt, viewer.lang, viewer.timezone);
    const names = list(viewer.lang, registration.namespaces);
    if (registration.phase === 'running') {
      data.statusLine = format(s.registeringNow, { list: names });
      data.statusColor = 'Warning';
      data.notes.push({ text: format(s.registeringBy, { name: plainText(registration.startedByName, 100), time: started }) });
    } else if (registration.phase === 'registered') {
      data.statusLine = s.registeredAll;
      data.statusColor = 'Good';
    } else if (registration.phase === 'timedOut') {
      data.statusLine = format(s.stillRegistering, { list: list(viewer.lang, missing.length ? missing : registration.namespaces), minutes: registration.capMinutes ?? 0, id: sub.id });
      data.statusColor = 'Warning';
    } else {
      data.statusLine = s.registerFailed;
      data.statusColor = 'Attention';
    }
    if (registration.problem) {
      data.hasProblem = true;
      data.problem = describeArmProblem(registration.problem, viewer.lang, viewer.timezone, options.now);
    }
  }
  if (isCspSubscription(sub.quotaId)) data.notes.push({ text: s.cspNote });
  if (sub.state && !/^enabled$/i.test(sub.state)) data.notes.push({ text: format(s.disabledNote, { state: sub.state }) });
  if (options.cloud === 'AzureUSGovernment') data.notes.push({ text: s.usGovNote });
  if (options.notice) data.notes.push({ text: options.notice });
  data.checkedAt = `${s.checkedAt}: ${formatTime(result.checkedAt, viewer.lang, viewer.timezone)}${options.fromCache ? ` ${s.fromCache}` : ''}`;
  if (options.cardId) {
    data.actions.push({ title: s.refresh, verb: PROVIDER_CHECK_VERBS.refresh });
    const busy = registration?.phase === 'running';
    if (viewer.canRegister && missing.length > 0 && !busy) data.actions.push({ title: s.registerMissing, verb: PROVIDER_CHECK_VERBS.registerAsk });
  }
  const summary = `${s.title}: ${sub.displayName ?? sub.id} — ${missing.length === 0 ? s.ready : format(s.partly, { count: registeredCount(result) })}`;
  return card(TEMPLATE, data, summary);
}

/**
 * A check that failed: what happened and the fix, plus a way to try again. When only a change to
 * the bot's configuration can fix it (no identity, a refused sign-in), asking Azure again would
 * fail the same way: no Refresh then, but how to check the four providers by hand meanwhile.
 */
export function problemCard(subscriptionId: string, problem: ArmProblem, viewer: CardViewer, options: { cardId?: string; now: Date; notice?: string }): CardReply {
  const s = providerStrings[viewer.lang];
  const data = baseData(s.title);
  data.cardId = options.cardId ?? '';
  data.facts = [{ title: s.subscriptionId, value: subscriptionId }];
  data.hasProblem = true;
  data.problem = describeArmProblem(problem, viewer.lang, viewer.timezone, options.now);
  const onlyConfiguration = CONFIGURATION_PROBLEMS.includes(problem.kind);
  if (onlyConfiguration) {
    data.hasManual = true;
    data.manual = manualCheck(s, subscriptionId);
  }
  if (options.notice) data.notes.push({ text: options.notice });
  if (options.cardId && !onlyConfiguration) data.actions.push({ title: s.refresh, verb: PROVIDER_CHECK_VERBS.refresh });
  return card(TEMPLATE, data, `${s.title}: ${data.problem.title}`);
}

/** The portal path and one Azure CLI line per provider, written out in full (no placeholders to fill in). */
function manualCheck(s: ProviderStrings, subscriptionId: string): ManualCheck {
  return {
    title: s.manualTitle,
    intro: format(s.manualIntro, { id: subscriptionId }),
    steps: CMG_PROVIDERS.map((name) => ({ name, how: '', command: `az provider show -n ${name} --subscription ${subscriptionId} --query registrationState` })),
    outro: format(s.manualOutro, { id: subscriptionId }),
  };
}

/** Names exactly what will be registered before anything changes in Azure. */
export function confirmCard(lang: Lang, result: ProviderCheckResult, namespaces: CmgProvider[], cardId: string): CardReply {
  const s = providerStrings[lang];
  const sub = result.subscription;
  const subscription = sub.displayName ? `${plainText(sub.displayName, 120)} (${sub.id})` : sub.id;
  const data = {
    title: s.confirmTitle,
    body: format(s.confirmBody, { subscription }),
    namespaces: namespaces.map((name) => ({ name })),
    namespaceList: namespaces.join(','),
    confirm: format(s.confirmButton, { count: namespaces.length }),
    cancel: s.cancel,
    cardId,
  };
  return card('providerConfirm', data, s.confirmTitle);
}

/** Asks for a subscription id; `error` explains why the last one was refused. */
export function formCard(lang: Lang, options: { error?: string } = {}): CardReply {
  const s = providerStrings[lang];
  const data = {
    title: s.formTitle,
    intro: s.formIntro,
    error: options.error ?? '',
    label: s.formLabel,
    format: SUBSCRIPTION_ID_FORMAT,
    button: s.formButton,
  };
  return card('providerForm', data, s.formTitle);
}
