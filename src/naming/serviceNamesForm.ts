import { format, Lang } from '../i18n/language';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import type { Region } from './region';
import { regionList, regionTitle } from './regionText';
import { namingStrings } from './strings';
import { NAMING_VERBS } from './verbs';

export type CertificateType = 'auto' | 'own' | 'cloudappNet';
export const CERTIFICATE_TYPES: readonly CertificateType[] = ['auto', 'own', 'cloudappNet'];

/** What the form shows: the user's input as typed, and a message next to each field that needs one. */
export interface ServiceNamesFormState {
  cmgName: string;
  /** Programmatic name of the chosen region, or '' when none is chosen yet. */
  region: string;
  certificateType: CertificateType;
  nameError?: string;
  regionError?: string;
  certificateError?: string;
  /** Limits the region list, e.g. to the candidates of an ambiguous input; all regions otherwise. */
  regionChoices?: readonly Region[];
}

/** Longest name the form keeps; anything longer is not a CMG name and would only bloat the card. */
const MAX_KEPT_INPUT = 253;

export function serviceNamesForm(lang: Lang, regions: readonly Region[], state: ServiceNamesFormState): CardReply {
  const s = namingStrings[lang];
  const choices = [...(state.regionChoices ?? regions)]
    .map((region) => ({ title: regionTitle(region, lang), value: region.name }))
    .sort((a, b) => a.title.localeCompare(b.title, lang));
  return card(
    'serviceNamesForm',
    {
      title: s.formTitle,
      intro: s.formIntro,
      nameLabel: s.nameLabel,
      namePlaceholder: s.namePlaceholder,
      // Input values are not Markdown, so the text is kept exactly as typed (only capped).
      nameValue: state.cmgName.slice(0, MAX_KEPT_INPUT),
      nameError: state.nameError ? plainText(state.nameError, 600) : '',
      regionLabel: s.regionLabel,
      regionPlaceholder: s.regionPlaceholder,
      regionChoices: choices,
      regionValue: choices.some((choice) => choice.value === state.region) ? state.region : '',
      regionError: state.regionError ? plainText(state.regionError, 900) : '',
      certificateLabel: s.certificateLabel,
      certificateChoices: [
        { title: s.certificateAuto, value: 'auto' },
        { title: s.certificateOwn, value: 'own' },
        { title: s.certificateCloudappNet, value: 'cloudappNet' },
      ],
      certificateValue: state.certificateType,
      certificateError: state.certificateError ? plainText(state.certificateError, 600) : '',
      submitTitle: s.submit,
      submitVerb: NAMING_VERBS.serviceNames,
    },
    s.formTitle,
  );
}

/** The sentence shown next to the region field when the typed region did not name exactly one. */
export function regionErrorText(lang: Lang, typed: string, match: { kind: 'ambiguous'; candidates: Region[] } | { kind: 'unknown'; suggestions: Region[] }): string {
  const s = namingStrings[lang];
  const shown = typed.trim().slice(0, 60);
  if (!shown) return s.regionMissing;
  if (match.kind === 'ambiguous') return format(s.regionAmbiguous, { typed: shown, candidates: regionList(match.candidates, lang) });
  if (!match.suggestions.length) return format(s.regionUnknownNoSuggestion, { typed: shown });
  return format(s.regionUnknown, { typed: shown, suggestions: regionList(match.suggestions, lang) });
}
