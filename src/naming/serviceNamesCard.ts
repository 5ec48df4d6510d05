import { format, Lang } from '../i18n/language';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import { regionTitle } from './regionText';
import type { ServiceNamesResult } from './serviceNames';
import { namingStrings } from './strings';
import type { CertificatePath, CutoverOffer } from './verbs';

export type ComputedNames = Extract<ServiceNamesResult, { ok: true }>;

/** The cutover path a certificate implies: only a cloudapp.net certificate forces a new name. */
export function certificatePathOf(names: ComputedNames): CertificatePath {
  return names.certificateDomain === 'cloudapp.net' ? 'cloudappNet' : 'ownDomain';
}

export function cutoverOffer(names: ComputedNames): CutoverOffer {
  // The full certificate name when known, so the plan form can compute the CNAME without asking again.
  return { cmgName: names.commonName ?? names.prefix, region: names.region.name, certificatePath: certificatePathOf(names) };
}

/** The ready-to-paste zone-file line; trailing dots make both names absolute. */
export function cnameRecordLine(cname: { host: string; target: string }): string {
  return `${cname.host}. CNAME ${cname.target}.`;
}

/** The service names card: classic name, scale-set name, CNAME record, warnings, next steps. */
export function serviceNamesCard(lang: Lang, names: ComputedNames, correctedFrom?: string): CardReply<'serviceNames'> {
  const s = namingStrings[lang];
  const region = regionTitle(names.region, lang);
  const facts = [
    { title: s.cmgName, value: plainText(names.prefix) },
    ...(names.commonName ? [{ title: s.commonName, value: plainText(names.commonName) }] : []),
    // Region titles come from the catalog, not from the user, so they need no escaping.
    { title: s.region, value: `${region} — ${names.region.name}` },
    { title: s.classicName, value: plainText(names.classicName) },
    { title: s.scaleSetName, value: `**${plainText(names.scaleSetName)}**` },
    { title: s.dnsForm, value: plainText(names.scaleSetNameLowerCase) },
  ];
  const cnameNote = names.cname ? s.cnameIntro : names.certificateDomain === 'cloudapp.net' ? s.cnameCloudappNet : s.cnameNone;
  const notes = [
    ...(correctedFrom ? [format(s.typoNote, { typed: plainText(correctedFrom, 60), region })] : []),
    ...names.warnings.map((warning) => warning[lang]),
  ];
  const title = format(s.resultTitle, { prefix: plainText(names.prefix), region });
  return card(
    'serviceNames',
    {
      title,
      intro: s.resultIntro,
      facts,
      cnameTitle: s.cnameTitle,
      cnameNote,
      hasCname: Boolean(names.cname),
      cnameRecord: names.cname ? cnameRecordLine(names.cname) : '',
      warningsTitle: s.warningsTitle,
      warnings: notes.map((text) => ({ text: plainText(text, 600) })),
      hasWarnings: notes.length > 0,
      // The four offers are other capabilities' verbs, named in the template itself.
      guidanceTitle: s.guidanceButton,
      guidanceData: { commonName: names.commonName ?? names.prefix, region: names.region.name },
      providerCheckTitle: s.providerCheckButton,
      namePreflightTitle: s.namePreflightButton,
      namePreflightData: { name: names.commonName ?? names.prefix, region: names.region.name },
      cutoverTitle: s.cutoverButton,
      cutoverData: { ...cutoverOffer(names) },
    },
    names.cname ? `${title}: ${cnameRecordLine(names.cname)}` : `${title}: ${names.scaleSetName}`,
  );
}
