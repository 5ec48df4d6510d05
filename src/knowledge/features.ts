import type { Lang, Localized } from '../i18n/language';
import { GuardedPattern } from './guards';
import { fold } from './text';

/**
 * What works through a CMG and what does not (facts SUP-01, SUP-02, VMSS-08, OVR-03), one row per
 * feature with the names admins use for it in both languages. "Does X work over the CMG?" gets
 * the verdict for X first, and ranks the supported or the not-supported list accordingly.
 */
export interface CmgFeature {
  id: string;
  name: Localized<string>;
  verdict: 'supported' | 'notSupported' | 'notNeeded';
  /** Folded phrases that name the feature; a trailing `*` allows any ending. */
  names: string[];
}

const f = (id: string, en: string, nl: string, verdict: CmgFeature['verdict'], names: string): CmgFeature => ({ id, name: { en, nl }, verdict, names: names.split('|') });

export const CMG_FEATURES: readonly CmgFeature[] = [
  f('softwareUpdates', 'Software updates', 'Software-updates', 'supported', 'software update*|software-update*|softwareupdate*|patching|patchen|windows updates|maandelijkse updates'),
  f('endpointProtection', 'Endpoint Protection', 'Endpoint Protection', 'supported', 'endpoint protection|defender antivirus|antivirus|av definitions'),
  f('inventory', 'Inventory', 'Inventaris', 'supported', 'inventory|inventaris|hardware inventory|software inventory|hinv'),
  f('clientStatus', 'Client status and notifications', 'Clientstatus en meldingen', 'supported', 'client status|clientstatus|client notification*|clientmelding*|client notificatie*'),
  f('runScripts', 'Run scripts', 'Scripts uitvoeren', 'supported', 'run script*|run scripts|scripts uitvoeren|script uitvoeren|scripts draaien|powershell script*'),
  f('cmpivot', 'CMPivot', 'CMPivot', 'supported', 'cmpivot'),
  f('compliance', 'Compliance settings', 'Nalevingsinstellingen', 'supported', 'compliance setting*|configuration baseline*|configuratiebasislijn*|nalevingsinstelling*|baselines'),
  f('clientUpgrade', 'Automatic client upgrade', 'Automatische clientupgrade', 'supported', 'automatic client upgrade|client upgrade*|clientupgrade*|automatische clientupgrade'),
  f('clientInstall', 'Installing the client over the internet (Azure AD or token authentication)', 'De client via internet installeren (Azure AD- of tokenverificatie)', 'supported', 'install the client over the internet|client installeren via internet|client via internet installeren|ccmsetup over the cmg|install the client through the cmg'),
  f('userApps', 'User-targeted software (needs Azure AD / Entra ID authentication)', 'Software voor gebruikers (vereist Azure AD-/Entra ID-verificatie)', 'supported', 'user collection*|gebruikerscollectie*|gebruikersverzameling*|user-targeted|user targeted|apps to users|apps naar gebruikers|user available apps'),
  f('deviceApps', 'Device-targeted software distribution', 'Software uitrollen naar apparaten', 'supported', 'device collection*|apparaatcollectie*|apparaatverzameling*|software distribution|software deployment*|softwaredistributie|application deployment*|applicaties uitrollen|apps uitrollen'),
  f('bitlocker', 'BitLocker management', 'BitLocker-beheer', 'supported', 'bitlocker*'),
  f('inPlaceUpgrade', 'Windows in-place upgrade task sequences', 'Takenreeksen voor een Windows-in-place-upgrade', 'supported', 'in-place upgrade*|inplace upgrade*|in place upgrade*|feature update task sequence*|upgrade task sequence*'),
  f('taskSequences', 'Task sequences from boot media or Software Center (supported scenarios)', 'Takenreeksen via opstartmedia of Software Center (ondersteunde scenario\'s)', 'supported', 'task sequence*|takenreeks*|boot media|opstartmedia'),
  f('clientPush', 'Client push', 'Client push', 'notSupported', 'client push*|client-push*|clientpush*|push install*|push the client|push-installatie'),
  f('siteAssignment', 'Automatic site assignment', 'Automatische sitetoewijzing', 'notSupported', 'automatic site assignment|auto site assignment|site assignment|automatische sitetoewijzing|sitetoewijzing'),
  f('approvals', 'Software (app) approval requests', 'Goedkeuringsaanvragen voor software (apps)', 'notSupported', 'approval request*|app approval*|application approval*|approve apps|goedkeuringsaanvra*|goedkeuring*'),
  f('console', 'The Configuration Manager console', 'De Configuration Manager-console', 'notSupported', 'configuration manager console|configmgr console|sccm console|mecm console|admin console|beheerconsole|console over the cmg|console through the cmg|console via de cmg|console via the cmg'),
  f('remoteTools', 'Remote tools (remote control)', 'Hulpprogramma\'s voor extern beheer (remote control)', 'notSupported', 'remote tool*|remote control|remote assistance|overname op afstand|extern beheer|beheer op afstand|op afstand overnemen|remote desktop'),
  f('reporting', 'The reporting website', 'De rapportagewebsite', 'notSupported', 'reporting website|reporting services|report server|ssrs|rapportagewebsite|rapportageserver'),
  f('wakeOnLan', 'Wake on LAN', 'Wake on LAN', 'notSupported', 'wake on lan|wake-on-lan|wakeonlan|wol'),
  f('macos', 'macOS clients', 'macOS-clients', 'notSupported', 'macos|mac os|os x|macbook*|macs|mac clients|apple'),
  f('peerCache', 'Peer cache', 'Peer cache', 'notSupported', 'peer cache|peercache'),
  f('pxe', 'Content for PXE or multicast', 'Content voor PXE of multicast', 'notSupported', 'pxe|multicast'),
  f('appv', 'App-V streaming', 'App-V-streaming', 'notSupported', 'app-v|appv|app v'),
  f('m365', 'Microsoft 365 Apps updates', 'Updates voor Microsoft 365 Apps', 'notSupported', 'microsoft 365 apps|m365 apps|office 365 updates|office updates|m365 updates|microsoft 365 updates'),
  f('prestaged', 'Prestaged content', 'Vooraf gefaseerde content', 'notSupported', 'prestaged|prestage*|pre-staged|vooraf gefaseerd*'),
  f('altContent', 'Alternate content providers fetching from the CMG', 'Alternatieve contentproviders die van de CMG ophalen', 'notSupported', 'alternate content provider*|alternatieve contentprovider*|1e nomad|nomad|adaptiva|2pint'),
  f('coManagementEnroll', 'Auto-enrolling existing clients into co-management', 'Bestaande clients automatisch in co-management inschrijven', 'notNeeded', 'auto-enroll*|auto enroll*|autoenroll*|automatisch inschrijven|automatisch in co-management|enroll existing clients|bestaande clients inschrijven|co-management enrollment|co-management inschrijving'),
];

/** A name's pattern after the look-behind that every name's pattern starts with. */
function patternBody(name: string): string {
  const wildcard = name.endsWith('*');
  const body = (wildcard ? name.slice(0, -1) : name).split(/[\s-]+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]*');
  return `${body}${wildcard ? '[\\w]*' : ''}(?![\\w])`;
}

/** A name's longest word: every match of the name's pattern holds it as typed (only separators may go between its words). */
function longestWord(name: string): string {
  return (name.endsWith('*') ? name.slice(0, -1) : name).split(/[\s-]+/).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

function pattern(name: string): GuardedPattern {
  return new GuardedPattern(new RegExp(`(?<![\\w])${patternBody(name)}`), [longestWord(name)]);
}

const PATTERNS = CMG_FEATURES.map((feature) => ({ feature, patterns: feature.names.map(pattern) }));

/**
 * Every feature name in one expression: most asks name none, and one test tells so. The shared
 * look-behind is tested once per position rather than once per name (twice as fast, same matches).
 */
const ANY_FEATURE = new RegExp(`(?<![\\w])(?:${CMG_FEATURES.flatMap((feature) => feature.names.map(patternBody)).join('|')})`);
/** Safe: a match of ANY_FEATURE is a match of one name's pattern, and holds that name's longest word. */
const ANY_FEATURE_GUARD = new GuardedPattern(ANY_FEATURE, [...new Set(CMG_FEATURES.flatMap((feature) => feature.names.map(longestWord)))]);

/** The features an ask names, most specific first ("in-place upgrade task sequence" before "task sequence"). */
export function featuresIn(text: string): CmgFeature[] {
  const folded = fold(text);
  if (!ANY_FEATURE_GUARD.test(folded)) return [];
  const found = PATTERNS.filter(({ patterns }) => patterns.some((p) => p.test(folded))).map(({ feature }) => feature);
  // A general name that a more specific one already covers is dropped; the software update point is a role, not the feature.
  const updatePoint = /software[\s-]*update[\s-]*(?:point|punt)|softwareupdatepunt|\bsups?\b|\bwsus\b/.test(folded);
  return found.filter((feature) => !(feature.id === 'taskSequences' && found.some((other) => other.id === 'inPlaceUpgrade')) && !(feature.id === 'softwareUpdates' && updatePoint));
}

/** An ask whether something works over the CMG, as opposed to one that merely names a feature. */
export const ASKS_ABOUT_FEATURE = /\b(support\w*|work\w*|possible|mogelijk|ondersteun\w*|werk\w*|lukt|lukken|gaat|kan|kun|can|could|does|do|use|usable|available|beschikbaar|through|via|over|need|needed|nodig|require\w*|vereist)\b/;

/** "No: client push is not supported through the CMG." */
export function featureVerdict(feature: CmgFeature, lang: Lang): string {
  const name = feature.name[lang];
  // User collections depend on how the clients authenticate (CAUTH-02), not only on the CMG.
  if (feature.id === 'userApps') {
    return lang === 'nl'
      ? 'Alleen met **Entra ID-verificatie (Azure AD)**: software voor gebruikers(collecties) via de CMG vereist clients die met Entra ID verifiëren; PKI-clientcertificaten of sitetokens alleen zijn niet genoeg.'
      : 'Only with **Entra ID (Azure AD) authentication**: user-targeted software through the CMG needs clients that authenticate with Entra ID; PKI client certificates or site tokens alone are not enough.';
  }
  if (lang === 'nl') {
    if (feature.verdict === 'supported') return `Ja: **${name}** werkt via de CMG (ondersteund).`;
    if (feature.verdict === 'notNeeded') return `Nee: voor **${name.toLowerCase()}** is een CMG **niet nodig**.`;
    return `Nee: **${name}** wordt **niet ondersteund** via de CMG.`;
  }
  if (feature.verdict === 'supported') return `Yes: **${name}** works through the CMG (supported).`;
  if (feature.verdict === 'notNeeded') return `No: a CMG is **not needed** for ${name.toLowerCase()}.`;
  return `No: **${name}** is **not supported** through the CMG.`;
}
