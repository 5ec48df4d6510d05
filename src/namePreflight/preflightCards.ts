import { ArmProblem, CONFIGURATION_PROBLEMS, describeArmProblem, SUBSCRIPTION_ID_FORMAT } from '../arm';
import type { ManualCheck, NamePreflightCardData } from '../cardTemplates';
import { format, Lang } from '../i18n/language';
import { formatList } from '../i18n/locale';
import { formatTime } from '../i18n/time';
import type { Region } from '../naming';
import { regionTitle } from '../naming';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import { azureName, CMG_VM_SIZES, failedReads, NameAnswer, PreflightRequest, PreflightResult, Read, SizeOffer, unregisteredNamespace } from './preflightResult';
import { preflightStrings, PreflightStrings } from './strings';
import { NAME_PREFLIGHT_VERBS } from './verbs';

/** Who reads the card: language and time zone. */
export interface PreflightViewer {
  lang: Lang;
  timezone?: string;
}

type Tally = 'ok' | 'problem' | 'caution' | 'unchecked';
type Row = NamePreflightCardData['rows'][number] & { tally: Tally };

const LOOK: Record<Tally, { mark: string; color: string }> = {
  ok: { mark: '✅', color: 'Good' },
  problem: { mark: '❌', color: 'Attention' },
  caution: { mark: '⚠️', color: 'Warning' },
  unchecked: { mark: '❔', color: 'Default' },
};

/** ARM's messages are its own text: kept inert in Markdown and short. */
const armText = (text: string) => plainText(text, 300);

function row(check: string, tally: Tally, verdict: string, detail = '', note = ''): Row {
  return { check, ...LOOK[tally], verdict, detail, note, tally };
}

function emptyData(s: PreflightStrings, title: string): NamePreflightCardData {
  return {
    title,
    statusLine: '',
    facts: [],
    rows: [],
    summary: '',
    summaryColor: 'Default',
    hasProblem: false,
    problem: { title: '', body: '', fix: '' },
    hasManual: false,
    manual: { title: s.manualTitle, intro: '', steps: [], outro: '' },
    notes: [],
    checkedAt: '',
  };
}

function facts(s: PreflightStrings, request: PreflightRequest, region: Region, lang: Lang): NamePreflightCardData['facts'] {
  return [
    { title: s.cmgName, value: plainText(request.prefix) },
    ...(request.commonName ? [{ title: s.certificateName, value: plainText(request.commonName, 260) }] : []),
    { title: s.region, value: `${regionTitle(region, lang)} — ${region.name}` },
    { title: s.subscriptionId, value: request.subscriptionId },
  ];
}

function titleOf(s: PreflightStrings, request: PreflightRequest, region: Region, lang: Lang): string {
  return format(s.title, { prefix: plainText(request.prefix), region: regionTitle(region, lang) });
}

/** Posted at once while Azure is slow; the result replaces it. */
export function checkingCard(lang: Lang, request: PreflightRequest, region: Region): CardReply<'namePreflight'> {
  const s = preflightStrings[lang];
  const data = emptyData(s, titleOf(s, request, region, lang));
  data.statusLine = format(s.checking, { prefix: plainText(request.prefix), region: regionTitle(region, lang) });
  data.facts = facts(s, request, region, lang);
  return card('namePreflight', data, data.statusLine);
}

/**
 * The pre-flight result: a row per check with its verdict in words and a mark, ARM's reason
 * where a name is taken, a summary, and (when the bot cannot sign in at all) how to check the
 * names by hand.
 */
export function resultCard(result: PreflightResult, region: Region, viewer: PreflightViewer, options: { fromCache: boolean; now: Date }): CardReply<'namePreflight'> {
  const { lang } = viewer;
  const s = preflightStrings[lang];
  const { request } = result;
  const where = regionTitle(region, lang);
  const name = azureName(request.prefix);
  const data = emptyData(s, titleOf(s, request, region, lang));
  data.facts = facts(s, request, region, lang);

  const failures = failedReads(result);
  // One cause for every read (no identity, Azure unreachable): said once, above the rows. A
  // provider the subscription has not registered is said on each row it keeps from an answer.
  const shared = failures.length === 4 && !failures.some((p) => unregisteredNamespace(p)) && failures.every((p) => p.kind === failures[0].kind) ? failures[0] : undefined;
  const unchecked = (problem: ArmProblem) => {
    if (shared) return '';
    const namespace = unregisteredNamespace(problem);
    if (namespace) return format(s.notRegistered, { namespace, subscriptionId: request.subscriptionId });
    const text = describeArmProblem(problem, lang, viewer.timezone, options.now);
    return format(s.notChecked, { title: text.title, fix: text.fix });
  };

  const rows: Row[] = [rulesRow(s, request, lang)];
  const host = `${name}.${region.name}.cloudapp.azure.com`;
  rows.push(nameRow(format(s.rows.dnsLabel, { host }), result.dnsLabel, s, unchecked, (answer) => (answer.reason === 'AccountNameInvalid' ? s.dnsInvalid : format(s.dnsTaken, { region: where }))));
  rows.push(nameRow(format(s.rows.keyVault, { name }), result.keyVault, s, unchecked, (answer) => armReason(s, answer)));
  rows.push(nameRow(format(s.rows.storage, { name }), result.storage, s, unchecked, (answer) => armReason(s, answer), s.storageWhen));
  rows.push(...sizeRows(s, result.sizes, where, lang, unchecked));
  data.rows = rows.map(({ tally: _tally, ...shown }) => shown);

  const problems = rows.filter((r) => r.tally === 'problem').length;
  const notChecked = rows.filter((r) => r.tally === 'unchecked').length;
  const count = (forms: { one: string; other: string }, n: number) => format(n === 1 ? forms.one : forms.other, { count: n });
  if (problems === 0 && notChecked === 0) {
    data.summary = format(s.ready, { name: plainText(request.commonName ?? request.prefix, 260), region: where });
    data.summaryColor = 'Good';
  } else if (shared) {
    data.summary = s.nothingChecked;
    data.summaryColor = 'Warning';
  } else {
    data.summary = [problems ? count(s.problems, problems) : s.noProblemsButUnchecked, notChecked ? count(s.unchecked, notChecked) : ''].filter(Boolean).join(' ');
    data.summaryColor = problems ? 'Attention' : 'Warning';
  }

  if (shared) {
    data.hasProblem = true;
    data.problem = describeArmProblem(shared, lang, viewer.timezone, options.now);
    if (CONFIGURATION_PROBLEMS.includes(shared.kind)) {
      data.hasManual = true;
      data.manual = manualCheck(s, request, region, lang);
    }
  }
  if (name !== request.prefix) data.notes.push({ text: format(s.lowerCase, { name }) });
  data.notes.push({ text: s.nothingReserved });
  data.checkedAt = `${s.checkedAt}: ${formatTime(result.checkedAt, lang, viewer.timezone)}${options.fromCache ? ` ${s.fromCache}` : ''}`;
  return card('namePreflight', data, `${data.title}: ${data.summary}`);
}

function rulesRow(s: PreflightStrings, request: PreflightRequest, lang: Lang): Row {
  if (request.ruleWarnings.length === 0) return row(s.rows.rules, 'ok', s.verdicts.rulesOk, s.rulesOk);
  return row(s.rows.rules, 'caution', s.verdicts.rulesDisputed, request.ruleWarnings.map((warning) => plainText(warning[lang], 600)).join('\n\n'));
}

function nameRow(check: string, read: Read<NameAnswer>, s: PreflightStrings, unchecked: (problem: ArmProblem) => string, why: (answer: NameAnswer) => string, note = ''): Row {
  if (!read.ok) return row(check, 'unchecked', s.verdicts.notChecked, unchecked(read.problem), note);
  const answer = read.value;
  if (answer.available) return row(check, 'ok', s.verdicts.free, '', note);
  return row(check, 'problem', answer.reason === 'AccountNameInvalid' ? s.verdicts.invalid : s.verdicts.taken, why(answer), note);
}

/** ARM's own reason and message for a refused name, e.g. "AlreadyExists: The vault name … is already in use." */
function armReason(s: PreflightStrings, answer: NameAnswer): string {
  const said = [answer.reason, answer.message].filter(Boolean).map((part) => armText(part!));
  return said.length ? format(s.armSays, { reason: said.join(': ') }) : '';
}

function sizeRows(s: PreflightStrings, read: Read<SizeOffer[]>, where: string, lang: Lang, unchecked: (problem: ArmProblem) => string): Row[] {
  return CMG_VM_SIZES.map((size) => {
    const check = format(s.rows.size, { size: s.sizes[size.key] });
    if (!read.ok) return row(check, 'unchecked', s.verdicts.notChecked, unchecked(read.problem));
    const offer = read.value.find((o) => o.key === size.key) ?? { key: size.key, offer: 'absent' as const };
    // Only the default size blocks the summary; the other two matter only to whoever picks them.
    const refused: Tally = size.isDefault ? 'problem' : 'caution';
    const onlyIfChosen = size.isDefault ? '' : ` ${s.sizeOnlyIfChosen}`;
    const reason = armText(offer.reasonCode ?? '—');
    switch (offer.offer) {
      case 'offered':
        return row(check, 'ok', s.verdicts.offered);
      case 'someZones':
        return row(check, 'caution', s.verdicts.someZones, format(s.sizeSomeZones, { zones: formatList((offer.zones ?? []).map(armText), lang), region: where, reason }));
      case 'restricted':
        return row(check, refused, s.verdicts.restricted, format(s.sizeRestricted, { region: where, reason }) + onlyIfChosen);
      case 'absent':
        return row(check, refused, s.verdicts.absent, format(s.sizeAbsent, { region: where }) + onlyIfChosen);
    }
  });
}

/** The portal way of checking each name (start creating, do not create) and a CLI line for the sizes. */
function manualCheck(s: PreflightStrings, request: PreflightRequest, region: Region, lang: Lang): ManualCheck {
  const name = azureName(request.prefix);
  const where = regionTitle(region, lang);
  const step = (label: string, how: string, command = '') => ({ name: label, how, command });
  return {
    title: s.manualTitle,
    intro: s.manualIntro,
    steps: [
      step(format(s.rows.dnsLabel, { host: `${name}.${region.name}.cloudapp.azure.com` }), format(s.manualDnsLabel, { name, region: where })),
      step(format(s.rows.keyVault, { name }), format(s.manualKeyVault, { name })),
      step(format(s.rows.storage, { name }), format(s.manualStorage, { name })),
      step(format(s.rows.size, { size: s.sizes.standard }), format(s.manualSizes, { region: where }), `az vm list-skus --location ${region.name} --size Standard_A2_v2 --all --output table`),
    ],
    outro: format(s.manualOutro, { input: plainText(request.commonName ?? request.prefix, 260), region: region.displayName }),
  };
}

/** What the form shows: the values as typed and a message next to each field that needs one. */
export interface PreflightFormState {
  name: string;
  region: string;
  subscriptionId: string;
  nameError?: string;
  regionError?: string;
  subscriptionError?: string;
}

/** Asks for the name, the region and the subscription; every refused value keeps what was typed. */
export function formCard(lang: Lang, state: PreflightFormState): CardReply<'namePreflightForm'> {
  const s = preflightStrings[lang];
  const error = (text: string | undefined) => (text ? plainText(text, 900) : '');
  return card(
    'namePreflightForm',
    {
      title: s.formTitle,
      intro: s.formIntro,
      nameLabel: s.nameLabel,
      namePlaceholder: s.namePlaceholder,
      nameValue: state.name.slice(0, 260),
      nameError: error(state.nameError),
      regionLabel: s.regionLabel,
      regionPlaceholder: s.regionPlaceholder,
      regionValue: state.region.slice(0, 100),
      regionError: error(state.regionError),
      subscriptionLabel: s.subscriptionLabel,
      subscriptionPlaceholder: SUBSCRIPTION_ID_FORMAT,
      subscriptionValue: state.subscriptionId.slice(0, 200),
      subscriptionError: error(state.subscriptionError),
      submitTitle: s.formButton,
      submitVerb: NAME_PREFLIGHT_VERBS.run,
    },
    s.formTitle,
  );
}
