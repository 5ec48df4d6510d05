import { computeServiceNames, ComputedNames, RegionCatalog } from '../naming';
import { GuidanceAnswers, keepsClassic, versionAtLeast } from './answers';
import { hasDomain } from './questions';
import type { CaseKey, NoteKey, StepKey } from './strings';

/** The resource providers a scale-set CMG needs registered (facts RP-01), in the order the docs list them. */
export const RESOURCE_PROVIDERS = ['Microsoft.KeyVault', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Compute'] as const;

export interface Checklist {
  case: CaseKey;
  /** Ordered steps; the card fills in the computed names. */
  steps: StepKey[];
  notes: NoteKey[];
  /** Computed names, when the case needs them (every case except keeping the classic CMG). */
  names?: ComputedNames;
}

/**
 * Which case the answers describe. A CSP subscription forces a scale set even when a classic
 * CMG exists elsewhere; otherwise the certificate decides how a classic CMG can move.
 */
export function caseOf(answers: GuidanceAnswers, names: ComputedNames | undefined): CaseKey {
  if (keepsClassic(answers)) return 'keepClassic';
  if (answers.classicToday === 'no') return answers.csp === 'yes' ? 'csp' : 'newScaleSet';
  return names?.certificateDomain === 'own' ? 'ownDomain' : 'cloudappNet';
}

/** The names for the checklist: a bare CMG name with "cloudapp.net" chosen is read as `<name>.cloudapp.net`. */
export function namesFor(answers: GuidanceAnswers, catalog: RegionCatalog): ComputedNames | undefined {
  const region = answers.region ? catalog.byName(answers.region) : undefined;
  if (!region || !answers.commonName) return undefined;
  const bareCloudappNet = !hasDomain(answers.commonName) && answers.certificateDomain === 'cloudappNet';
  const result = computeServiceNames({ nameOrCertificate: bareCloudappNet ? `${answers.commonName}.cloudapp.net` : answers.commonName, region });
  if (!result.ok) return undefined;
  // A bare name the admin says is in their own domain: the CNAME host is known only up to the domain.
  if (answers.certificateDomain === 'own' && result.certificateDomain === 'none') return { ...result, certificateDomain: 'own' };
  return result;
}

/** Steps that depend only on the version and cloud, before any Azure work starts. */
function preparation(answers: GuidanceAnswers, moving: boolean): StepKey[] {
  const steps: StepKey[] = [];
  if (answers.version === '2006') steps.push('upgradeFrom2006');
  else if (answers.version === '2010') steps.push(moving ? 'noMixing2010' : 'prerelease2010');
  if (answers.cloud === 'usgov' && !versionAtLeast(answers, '2111')) steps.push('usGovUpgrade');
  return steps;
}

function notesFor(answers: GuidanceAnswers, kind: CaseKey): NoteKey[] {
  const notes: NoteKey[] = [];
  if (kind !== 'keepClassic') {
    // The TLS limitation was only ever listed for the preview; it matters to admins on the pre-release versions.
    if (answers.version === '2010' || answers.version === '2006') notes.push('tlsPreview', 'limits2010');
    if (answers.cloud === 'usgov') notes.push('usGovSupported', 'publicNames');
  }
  if (kind === 'cloudappNet') notes.push('thirdPartyAmbiguity');
  if (answers.classicToday === 'yes' && answers.csp === 'yes') notes.push('cspRedeploy');
  if (kind === 'keepClassic' && versionAtLeast(answers, '2403')) notes.push('classicFlagged');
  return notes;
}

/** The ordered checklist for a fully answered situation. */
export function buildChecklist(answers: GuidanceAnswers, catalog: RegionCatalog): Checklist {
  const names = namesFor(answers, catalog);
  const kind = caseOf(answers, names);
  const notes = notesFor(answers, kind);
  switch (kind) {
    case 'keepClassic':
      return { case: kind, steps: ['noRedeploy', 'later2107', 'later2203', 'later2403', 'whenYouMove'], notes };
    case 'ownDomain': {
      const convert: StepKey[] = versionAtLeast(answers, '2107') && answers.csp !== 'yes' ? ['convertOption'] : [];
      return {
        case: kind,
        names,
        notes,
        steps: [...preparation(answers, true), 'registerProviders', 'checkNameFree', 'deploySameCertificate', ...convert, 'waitReadyAndTest', 'switchCname', 'keepOldCmg', 'firewallAfterClassic'],
      };
    }
    case 'cloudappNet':
      return {
        case: kind,
        names,
        notes,
        steps: [
          ...preparation(answers, true),
          'registerProviders',
          'newCertificate',
          'checkNameFree',
          'createWithNewCertificate',
          'secondConnectionPoint',
          'cnameForNewCertificate',
          'waitReadyAndTest',
          'waitOneDay',
          'removeOldCmg',
          'firewallAfterClassic',
        ],
      };
    case 'newScaleSet':
    case 'csp': {
      const certificate: StepKey =
        names?.certificateDomain === 'own' ? 'certificateOwn' : names?.certificateDomain === 'cloudapp.net' ? 'certificateCloudappNetUnusable' : 'certificateToChoose';
      return {
        case: kind,
        names,
        notes,
        steps: [
          ...preparation(answers, false),
          ...(kind === 'csp' ? (['cspScaleSetOnly'] as StepKey[]) : []),
          'registerProviders',
          certificate,
          'checkNameFree',
          'createScaleSetCmg',
          'addConnectionPoint',
          'waitReadyAndTest',
          'firewallHttpsOnly',
        ],
      };
    }
  }
}
