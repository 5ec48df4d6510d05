import { LANGUAGES } from '../../src/i18n/language';
import { computeServiceNames, Naming, resolveRegion, serviceNamesCard } from '../../src/naming';
import type { Region } from '../../src/naming';
import type { CardSample } from './types';

const naming = new Naming();
const region = (text: string): Region => {
  const match = resolveRegion(text);
  if (match.kind !== 'found') throw new Error(`sample region ${text} did not resolve`);
  return match.region;
};
const names = (nameOrCertificate: string, regionText: string) => {
  const result = computeServiceNames({ nameOrCertificate, region: region(regionText) });
  if (!result.ok) throw new Error(`sample name ${nameOrCertificate} is invalid`);
  return result;
};

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => [
  { name: `service names, own domain (${lang})`, reply: serviceNamesCard(lang, names('GraniteFalls.contoso.com', 'East US')) },
  { name: `service names, cloudapp.net with typo note (${lang})`, reply: serviceNamesCard(lang, names('GraniteFalls.cloudapp.net', 'westeurope'), 'westeurpoe') },
  { name: `service names, prefix with disputed hyphen (${lang})`, reply: serviceNamesCard(lang, names('granite-falls', 'Sweden Central')) },
  { name: `service names form, empty (${lang})`, reply: naming.form(lang) },
  { name: `service names form, errors keep input (${lang})`, reply: naming.answer(lang, { cmgName: 'Granite_Falls!', region: 'Narnia' }) },
  { name: `service names form, ambiguous region (${lang})`, reply: naming.answer(lang, { cmgName: 'GraniteFalls', region: 'US' }) },
]);
