import { format, Lang } from '../i18n/language';
import { computeServiceNames, Region, RegionCatalog, regionTitle } from '../naming';
import type { CertificatePath, PlanDetails, ProviderCheckSummary } from './plan';
import { cutoverStrings } from './strings';
import { formatTime } from '../i18n/time';
import { parseLocal } from './time';

/** What the plan form sends back (Action.Execute data merged with the input values; all strings in Teams). */
export interface PlanFormInput {
  cmgName?: unknown;
  region?: unknown;
  certificatePath?: unknown;
  plannedDate?: unknown;
  plannedTime?: unknown;
  waitingDays?: unknown;
  notes?: unknown;
}

/** The form's inputs, so a problem is shown next to the field it is about. */
export type FormField = 'cmgName' | 'region' | 'certificatePath' | 'plannedDate' | 'plannedTime' | 'waitingDays' | 'notes';

/** One thing to fix; without a field it is about the form as a whole (shown on top). */
export interface FormProblem {
  field?: FormField;
  text: string;
}

export type PlanFormResult = { ok: true; details: PlanDetails } | { ok: false; problems: FormProblem[] };

export const MAX_NOTES = 1000;
export const MIN_WAITING_DAYS = 1;
export const MAX_WAITING_DAYS = 90;

/** A few regions for a sentence; a vague input must not flood the form. */
function regionNames(regions: readonly Region[], lang: Lang): string {
  return regions.slice(0, 8).map((region) => regionTitle(region, lang)).join(', ');
}

export function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function certificatePathOf(value: unknown): CertificatePath | undefined {
  return value === 'ownDomain' || value === 'cloudappNet' ? value : undefined;
}

/**
 * Checks a submitted plan form and computes the names the plan shows, with the service-names
 * capability doing the naming. Every problem is reported at once, so the admin fixes the form in
 * one go instead of discovering the rules one by one.
 */
export function readPlanForm(
  input: PlanFormInput,
  context: { lang: Lang; zone: string; now: Date; providerCheck?: ProviderCheckSummary; regions: RegionCatalog },
): PlanFormResult {
  const s = cutoverStrings[context.lang].problems;
  const problems: FormProblem[] = [];
  const problem = (field: FormField, text: string) => problems.push({ field, text });
  const cmgName = textOf(input.cmgName);
  const regionInput = textOf(input.region);
  const chosenPath = certificatePathOf(input.certificatePath) ?? 'ownDomain';

  let details: Partial<PlanDetails> = {};
  const match = regionInput ? context.regions.resolve(regionInput) : undefined;
  if (!match) problem('region', s.regionMissing);
  else if (match.kind === 'ambiguous') problem('region', format(s.regionAmbiguous, { input: regionInput, candidates: regionNames(match.candidates, context.lang) }));
  else if (match.kind === 'unknown') {
    const suggestions = match.suggestions.length ? ` ${regionNames(match.suggestions, context.lang)}?` : '';
    problem('region', format(s.regionUnknown, { input: regionInput, suggestions }));
  }

  const region = match?.kind === 'found' ? match.region : undefined;
  // Without a region the names cannot be computed, but the name itself can still be checked.
  const names = computeServiceNames({ nameOrCertificate: cmgName, region: region ?? { name: 'eastus', displayName: 'East US', dutchNames: [] } });
  if (!cmgName) {
    problem('cmgName', s.cmgMissing);
  } else if (!names.ok) {
    for (const nameProblem of names.problems) problem('cmgName', nameProblem[context.lang]);
  } else {
    const typedPath: CertificatePath | undefined = names.certificateDomain === 'own' ? 'ownDomain' : names.certificateDomain === 'cloudapp.net' ? 'cloudappNet' : undefined;
    if (typedPath && typedPath !== chosenPath) {
      problem('certificatePath', format(s.pathConflict, { name: cmgName, actual: typedPath === 'ownDomain' ? names.commonName!.split('.').slice(1).join('.') : 'cloudapp.net' }));
    } else if (chosenPath === 'ownDomain' && !names.cname) {
      problem('cmgName', format(s.ownDomainNeedsFullName, { prefix: names.prefix }));
    }
  }
  if (names.ok && region) {
    details = {
      cmgName: names.prefix,
      region: { name: region.name, displayName: regionTitle(region, context.lang) },
      certificatePath: chosenPath,
      oldServiceName: names.classicName,
      newServiceName: names.scaleSetName,
      certificateDomain: chosenPath === 'ownDomain' ? (names.commonName ?? names.prefix) : names.scaleSetName,
      ...(chosenPath === 'ownDomain' && names.cname ? { cname: names.cname } : {}),
    };
  }

  const dateText = textOf(input.plannedDate);
  const timeText = textOf(input.plannedTime);
  const plannedAt = dateText && timeText ? parseLocal(dateText, timeText, context.zone) : undefined;
  // Each missing or malformed part gets its own sentence next to its field.
  if (!dateText) problem('plannedDate', s.dateMissing);
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText)) problem('plannedDate', s.dateMissing);
  if (!timeText) problem('plannedTime', s.timeMissing);
  else if (!/^\d{1,2}:\d{2}(:\d{2})?$/.test(timeText)) problem('plannedTime', s.timeMissing);
  const partsOk = /^\d{4}-\d{2}-\d{2}$/.test(dateText) && /^\d{1,2}:\d{2}(:\d{2})?$/.test(timeText);
  if (partsOk && !plannedAt) problem('plannedTime', format(s.plannedInvalid, { zone: context.zone }));
  else if (plannedAt && plannedAt.getTime() <= context.now.getTime()) problem('plannedDate', format(s.plannedPast, { time: formatTime(plannedAt, context.lang, context.zone) }));

  const waitingText = textOf(input.waitingDays);
  const waitingDays = Number(waitingText);
  if (!/^\d+$/.test(waitingText) || waitingDays < MIN_WAITING_DAYS || waitingDays > MAX_WAITING_DAYS) problem('waitingDays', s.waitingInvalid);

  const notes = textOf(input.notes);
  if (notes.length > MAX_NOTES) problem('notes', format(s.notesTooLong, { max: MAX_NOTES }));

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    details: {
      ...(details as PlanDetails),
      plannedAt: plannedAt!.toISOString(),
      timezone: context.zone,
      waitingDays,
      ...(notes ? { notes } : {}),
      ...(context.providerCheck ? { providerCheck: context.providerCheck } : {}),
    },
  };
}
