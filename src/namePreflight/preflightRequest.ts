import { parseSubscriptionId, SUBSCRIPTION_ID_FORMAT } from '../arm';
import { format, Lang } from '../i18n/language';
import { computeServiceNames, Region, RegionCatalog, regionErrorText } from '../naming';
import type { PreflightFormState } from './preflightCards';
import type { PreflightRequest } from './preflightResult';
import { preflightStrings } from './strings';

/** What a person asked, as typed: from the command, a form or another card's button. */
export interface PreflightInput {
  name: string;
  region: string;
  /** Empty: the configured default subscription, if there is one. */
  subscriptionId: string;
}

export type CheckedInput = { ok: true; request: PreflightRequest; region: Region } | { ok: false; form: PreflightFormState };

/**
 * `GraniteFalls.contoso.com East US 3f6a…`: the name is the first word, a subscription id may
 * end the text, and whatever lies between is the region (any spelling the region catalog knows).
 */
export function parseCommandText(text: string): PreflightInput {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const name = words.shift() ?? '';
  const last = words[words.length - 1];
  const subscriptionId = last && parseSubscriptionId(last) ? (words.pop() ?? '') : '';
  const region = words.join(' ').replace(/^in\s+/i, '');
  return { name, region, subscriptionId };
}

/**
 * Checks the input the way the CMG will see it: the prefix is the certificate common name's
 * first label, under the same naming rules as the service-names card (hard errors refuse, the
 * sources' disagreements pass as warnings); the region must be one the catalog knows; the
 * subscription a GUID. Nothing malformed reaches Azure, and a refusal keeps what was typed.
 */
export function checkInput(lang: Lang, input: PreflightInput, catalog: RegionCatalog, defaultSubscriptionId: string | undefined): CheckedInput {
  const s = preflightStrings[lang];
  const form: PreflightFormState = { name: input.name, region: input.region, subscriptionId: input.subscriptionId };

  const match = input.region.trim() ? catalog.resolve(input.region) : undefined;
  if (!match) form.regionError = s.regionMissing;
  else if (match.kind !== 'found') form.regionError = regionErrorText(lang, input.region, match);
  const region = match?.kind === 'found' ? match.region : undefined;

  // The naming rules do not depend on the region; any region does for them.
  const names = computeServiceNames({ nameOrCertificate: input.name, region: region ?? catalog.all()[0] });
  if (!names.ok) form.nameError = names.problems.map((problem) => problem[lang]).join('\n\n');

  const typedId = input.subscriptionId.trim();
  const subscriptionId = typedId ? parseSubscriptionId(typedId) : defaultSubscriptionId;
  if (typedId && !subscriptionId) form.subscriptionError = format(s.invalidId, { input: typedId.slice(0, 80), format: SUBSCRIPTION_ID_FORMAT });
  else if (!subscriptionId) form.subscriptionError = s.subscriptionMissing;

  if (!names.ok || !region || !subscriptionId) return { ok: false, form };
  const ruleWarnings = names.warnings.filter((warning) => warning.code === 'hyphenDisputed' || warning.code === 'startsWithDigit');
  return { ok: true, region, request: { prefix: names.prefix, commonName: names.commonName, region: region.name, subscriptionId, ruleWarnings } };
}
