import { format, Lang, Localized } from '../i18n/language';

/**
 * The CMG version timeline (facts sheet "Version timeline", VMSS-12, GOV-03, SIZE-02/03, COMP-06,
 * MIG-10/12, LIFE-01..10): for a feature and the asker's Configuration Manager version, the
 * verdict that holds on that version. Entries name the features they depend on; the answer
 * opens with the verdict when the question gives a version.
 */
export type TimelineFeature =
  | 'scaleSet'
  | 'classicCreate'
  | 'classicSupport'
  | 'convert'
  | 'usGov'
  | 'vmSize'
  | 'clientsPerInstance'
  | 'cloudDp'
  | 'mixing'
  | 'wizardOption'
  | 'tlsPreview'
  | 'mise'
  | 'ciphers'
  | 'outboundAlert'
  | 'secretRole'
  /** Whether the asker's version is still supported (LIFE-04/05). */
  | 'support'
  /** Which recent versions the asker's site can update to (LIFE-05). */
  | 'upgradePath';

export const TIMELINE_FEATURES: readonly TimelineFeature[] = [
  'scaleSet', 'classicCreate', 'classicSupport', 'convert', 'usGov', 'vmSize', 'clientsPerInstance', 'cloudDp', 'mixing', 'wizardOption', 'tlsPreview', 'mise', 'ciphers', 'outboundAlert', 'secretRole', 'support', 'upgradePath',
];

export interface AskerVersion {
  number: number;
  preview: boolean;
}

/** One verdict: holds from `from` (inclusive) up to the next row's `from`. */
interface Row {
  from: number;
  text: Localized<string>;
}

const v = (en: string, nl: string): Localized<string> => ({ en, nl });

const TIMELINE: Record<Exclude<TimelineFeature, 'support' | 'upgradePath'>, Row[]> = {
  scaleSet: [
    { from: 0, text: v('On {version} a CMG cannot run on a virtual machine scale set yet: that arrived in 2010 as a pre-release feature and became generally available in 2107.', 'Op {version} kan een CMG nog niet op een schaalset voor virtuele machines draaien: dat kwam in 2010 als pre-releasefunctie en werd in 2107 algemeen beschikbaar.') },
    { from: 2010, text: v('On {version} the scale-set CMG is a **pre-release** feature meant for CSP subscriptions: turn it on under Updates and Servicing > Features first.', 'Op {version} is de schaalset-CMG een **pre-releasefunctie**, bedoeld voor CSP-abonnementen: zet hem eerst aan onder Updates and Servicing > Features.') },
    { from: 2107, text: v('On {version} the scale-set CMG is **generally available** and the recommended choice for everyone.', 'Op {version} is de schaalset-CMG **algemeen beschikbaar** en de aanbevolen keuze voor iedereen.') },
  ],
  classicCreate: [
    { from: 0, text: v('On {version} you can still create a classic cloud service CMG; version 2203 removes that option.', 'Op {version} kun je nog een klassieke cloudservice-CMG maken; versie 2203 haalt die optie weg.') },
    { from: 2203, text: v('On {version} you **cannot** create a classic CMG any more: that option was removed in 2203, so every new CMG is a scale set.', 'Op {version} kun je **geen** klassieke CMG meer maken: die optie is in 2203 verwijderd, dus elke nieuwe CMG is een schaalset.') },
  ],
  classicSupport: [
    { from: 0, text: v('On {version} an existing classic CMG still runs, but it blocks the upgrade to 2403 or later: from 2403 the prerequisite check reports it as an **error**. Convert or replace it first.', 'Op {version} draait een bestaande klassieke CMG nog, maar hij blokkeert de upgrade naar 2403 of later: vanaf 2403 meldt de prerequisite check hem als **fout**. Zet hem eerst om of vervang hem.') },
    { from: 2403, text: v('On {version} a classic CMG is **not supported**: support ended with 2403, whose prerequisite check reports one as an error.', 'Op {version} wordt een klassieke CMG **niet ondersteund**: de ondersteuning stopte met 2403, waarvan de prerequisite check er een als fout meldt.') },
  ],
  convert: [
    { from: 0, text: v('On {version} there is no **Convert** yet: it arrived in 2107. Until then a scale set means a new CMG.', 'Op {version} bestaat **Convert** nog niet: dat kwam in 2107. Tot dan betekent een schaalset een nieuwe CMG.') },
    { from: 2107, text: v('On {version} you can use **Convert** (an optional feature: turn it on under Updates and Servicing > Features).', 'Op {version} kun je **Convert** gebruiken (een optionele functie: zet hem aan onder Updates and Servicing > Features).') },
  ],
  usGov: [
    { from: 0, text: v('On {version} a scale-set CMG does **not** support the Azure US Government cloud: that came in 2111.', 'Op {version} ondersteunt een schaalset-CMG de Azure US Government-cloud **niet**: dat kwam in 2111.') },
    { from: 2111, text: v('On {version} a scale-set CMG **supports** the Azure US Government cloud (since 2111).', 'Op {version} **ondersteunt** een schaalset-CMG de Azure US Government-cloud (sinds 2111).') },
  ],
  vmSize: [
    { from: 0, text: v('On {version} the VM size is fixed at Standard (A2_v2) unless you redeploy; picking Lab, Standard or Large came in 2107.', 'Op {version} ligt de VM-grootte vast op Standard (A2_v2), tenzij je opnieuw implementeert; kiezen tussen Lab, Standard en Large kwam in 2107.') },
    { from: 2107, text: v('On {version} you can pick Lab (B2s), Standard (A2_v2) or Large (A4_v2), and change it later in the CMG properties without a redeploy.', 'Op {version} kies je Lab (B2s), Standard (A2_v2) of Large (A4_v2), en die kun je later in de CMG-eigenschappen wijzigen zonder opnieuw te implementeren.') },
  ],
  clientsPerInstance: [
    { from: 0, text: v('On {version} a classic CMG handles about 6,000 concurrent clients per VM instance.', 'Op {version} verwerkt een klassieke CMG ongeveer 6.000 gelijktijdige clients per VM-instantie.') },
    { from: 2010, text: v('On {version} a scale-set CMG handles **2,000** concurrent clients per VM instance (classic: 6,000).', 'Op {version} verwerkt een schaalset-CMG **2.000** gelijktijdige clients per VM-instantie (klassiek: 6.000).') },
    { from: 2107, text: v('On {version} a scale-set VM instance handles Standard (A2_v2) **6,000**, Large (A4_v2) **10,000** or Lab (B2s) **10** concurrent clients.', 'Op {version} verwerkt een schaalset-VM-instantie Standard (A2_v2) **6.000**, Large (A4_v2) **10.000** of Lab (B2s) **10** gelijktijdige clients.') },
  ],
  cloudDp: [
    { from: 0, text: v('On {version} you can still create a cloud distribution point, but it is deprecated: use a content-enabled CMG instead.', 'Op {version} kun je nog een clouddistributiepunt maken, maar het is afgeschaft: gebruik een CMG met content.') },
    { from: 2107, text: v('On {version} you **cannot** create a new cloud distribution point (since 2107): use a content-enabled CMG.', 'Op {version} kun je **geen** nieuw clouddistributiepunt meer maken (sinds 2107): gebruik een CMG met content.') },
  ],
  mixing: [
    { from: 0, text: v('On {version} classic is the only method.', 'Op {version} is klassiek de enige methode.') },
    { from: 2010, text: v('On {version} you **cannot** mix methods: while a classic CMG exists the scale-set option is unavailable (and the other way round), so delete one before you create the other.', 'Op {version} kun je methoden **niet** mengen: zolang er een klassieke CMG is, is de schaalsetoptie niet beschikbaar (en andersom), dus verwijder de ene voordat je de andere maakt.') },
    { from: 2107, text: v('On {version} classic and scale-set CMGs **can** run side by side, and a classic CMG can be converted.', 'Op {version} **kunnen** klassieke en schaalset-CMG\'s naast elkaar draaien, en een klassieke CMG kan worden omgezet.') },
  ],
  wizardOption: [
    { from: 0, text: v('On {version} there is no scale-set option: it arrived in 2010.', 'Op {version} is er nog geen schaalsetoptie: die kwam in 2010.') },
    { from: 2010, text: v('On {version} the scale-set option only shows once the pre-release feature is turned on, and not while a classic CMG exists.', 'Op {version} verschijnt de schaalsetoptie pas als de pre-releasefunctie aan staat, en niet zolang er een klassieke CMG is.') },
    { from: 2107, text: v('On {version} the scale set is a normal choice in the wizard (no pre-release switch), and from 2203 it is the only one.', 'Op {version} is de schaalset een gewone keuze in de wizard (geen pre-releaseschakelaar), en vanaf 2203 de enige.') },
  ],
  tlsPreview: [
    { from: 0, text: v('On {version} that limit does not apply: it was listed only for technical preview 2009.', 'Op {version} geldt die beperking niet: die stond alleen bij technical preview 2009.') },
    { from: 2107, text: v('On {version} **Enforce TLS 1.2** works on a scale set: it is on by default, and you can keep or change it during Convert.', 'Op {version} werkt **Enforce TLS 1.2** op een schaalset: het staat standaard aan en je kunt het bij Convert houden of wijzigen.') },
  ],
  mise: [
    { from: 0, text: v('On {version} this does not apply yet: the management point validates Entra tokens with MISE from 2603.', 'Op {version} geldt dit nog niet: het managementpunt valideert Entra-tokens pas vanaf 2603 met MISE.') },
    { from: 2603, text: v('On {version} the management point validates Entra tokens with MISE, so it needs internet access to `https://login.microsoftonline.com` and `https://sts.windows.net`.', 'Op {version} valideert het managementpunt Entra-tokens met MISE, dus het heeft internettoegang nodig tot `https://login.microsoftonline.com` en `https://sts.windows.net`.') },
  ],
  ciphers: [
    { from: 0, text: v('On {version} the CMG still offers the DHE cipher suites: 2603 turns them off.', 'Op {version} biedt de CMG de DHE-cipher suites nog aan: 2603 zet ze uit.') },
    { from: 2603, text: v('On {version} the CMG has the weak **DHE** cipher suites **turned off**: only TLS 1.3 and TLS 1.2 ECDHE suites stay on. That is expected.', 'Op {version} heeft de CMG de zwakke **DHE**-cipher suites **uitgezet**: alleen TLS 1.3- en TLS 1.2-ECDHE-suites blijven aan. Dat is verwacht.') },
  ],
  outboundAlert: [
    { from: 0, text: v('On {version} treat the outbound traffic alert and the "Total Outbound data" figure of a scale-set CMG as **unreliable**: 2603 fixes them.', 'Op {version} zijn de waarschuwing voor uitgaand verkeer en het cijfer "Total Outbound data" van een schaalset-CMG **onbetrouwbaar**: 2603 lost dat op.') },
    { from: 2603, text: v('On {version} the outbound traffic alert and "Total Outbound data" are **fixed** for scale-set CMGs.', 'Op {version} zijn de waarschuwing voor uitgaand verkeer en "Total Outbound data" voor schaalset-CMG\'s **opgelost**.') },
  ],
  secretRole: [
    { from: 0, text: v('On {version} renewing the secret needs at least the **Cloud Application Administrator** role.', 'Op {version} heb je voor het vernieuwen van het geheim minstens de rol **Cloud Application Administrator** nodig.') },
    { from: 2409, text: v('On {version} renewing the secret needs at least the **Privileged Role Administrator** role (since 2409).', 'Op {version} heb je voor het vernieuwen van het geheim minstens de rol **Privileged Role Administrator** nodig (sinds 2409).') },
  ],
};

/** The verdict on the asker's version for one feature. */
export function versionVerdict(feature: TimelineFeature, version: AskerVersion, lang: Lang): string {
  if (feature === 'support') return supportVerdict(version, lang);
  if (feature === 'upgradePath') return upgradeVerdict(version, lang);
  // A technical preview has the features of the current branch it precedes.
  const number = version.preview ? version.number + 1 : version.number;
  const rows = TIMELINE[feature];
  const row = [...rows].reverse().find((candidate) => number >= candidate.from) ?? rows[0];
  return format(row.text[lang], { version: versionLabel(version, lang) });
}

export function versionLabel(version: AskerVersion, lang: Lang): string {
  if (version.preview) return `technical preview ${version.number}`;
  return lang === 'nl' ? `versie ${version.number}` : `version ${version.number}`;
}

/**
 * Whether the asker's version is still supported (LIFE-04/05, as of late 2026). Each version is
 * supported for 18 months from its early-ring release; the support ends below are the Version
 * details table's. 2509 and 2603 have no end date in that table yet.
 */
const SUPPORT_ENDED: Record<number, Localized<string>> = {
  2403: v('22 October 2025', '22 oktober 2025'),
  2409: v('4 June 2026', '4 juni 2026'),
  2503: v('30 September 2026', '30 september 2026'),
};

export function supportNote(version: AskerVersion, lang: Lang): string | undefined {
  const label = versionLabel(version, lang);
  if (version.preview) {
    return lang === 'nl'
      ? `${label} is een technical preview: alleen voor tests, nooit voor productie.`
      : `${label} is a technical preview: for tests only, never for production.`;
  }
  if (version.number >= 2509) return undefined;
  const ended = SUPPORT_ENDED[version.number];
  if (lang === 'nl') {
    return ended
      ? `Let op: voor ${label} is de ondersteuning op ${ended.nl} geëindigd. Eind 2026 worden 2509 en 2603 ondersteund; controleer de actuele documentatie.`
      : `Let op: ${label} wordt niet meer ondersteund (elke versie 18 maanden). Eind 2026 worden 2509 en 2603 ondersteund; controleer de actuele documentatie.`;
  }
  return ended
    ? `Note: support for ${label} ended on ${ended.en}. As of late 2026 the supported versions are 2509 and 2603; check the current docs.`
    : `Note: ${label} is out of support (each version is supported for 18 months). As of late 2026 the supported versions are 2509 and 2603; check the current docs.`;
}

/** The asker's version and its support status, as the answer's first sentence. */
function supportVerdict(version: AskerVersion, lang: Lang): string {
  const label = versionLabel(version, lang);
  if (version.preview || version.number < 2509) return supportNote(version, lang)!.replace(/^(Note|Let op): /, '').replace(/^./, (first) => first.toUpperCase());
  if (version.number >= 2603) {
    return lang === 'nl'
      ? `${label} wordt ondersteund en is de nieuwste versie, dus krijgt zowel beveiligings- als kritieke updates (stand eind 2026).`
      : `${label} is supported and is the newest version, so it gets both security and critical updates (as of late 2026).`;
  }
  return lang === 'nl'
    ? `${label} wordt nog ondersteund, met alleen beveiligingsupdates; 2603 is de nieuwste versie (stand eind 2026).`
    : `${label} is still supported, with security updates only; 2603 is the newest version (as of late 2026).`;
}

/** Recent versions and the oldest site version each one installs on (LIFE-05). */
const UPDATES: readonly { version: number; from: number }[] = [
  { version: 2503, from: 2309 },
  { version: 2509, from: 2403 },
  { version: 2603, from: 2409 },
];

function upgradeVerdict(version: AskerVersion, lang: Lang): string {
  const label = versionLabel(version, lang);
  if (version.preview) return lang === 'nl' ? `${label} is een technical preview: die werk je niet bij naar current branch.` : `${label} is a technical preview: it does not update to current branch.`;
  if (version.number >= 2603) return lang === 'nl' ? `Op ${label} zit je al op de nieuwste versie.` : `On ${label} you are already on the newest version.`;
  const offered = UPDATES.filter((update) => version.number >= update.from && version.number < update.version).map((update) => update.version);
  if (offered.length === 0) {
    return lang === 'nl'
      ? `Vanaf ${label} wordt geen van 2503, 2509 of 2603 rechtstreeks aangeboden: werk eerst bij naar 2309 of later (2503 vereist 2309).`
      : `From ${label} none of 2503, 2509 or 2603 is offered directly: update to 2309 or later first (2503 needs 2309).`;
  }
  const list = offered.join(lang === 'nl' ? ' of ' : ' or ');
  const latest = offered.includes(2603)
    ? ''
    : lang === 'nl'
      ? ' 2603 vereist een site op 2409 of later, dus dat wordt een tussenstap.'
      : ' 2603 needs a site on 2409 or later, so that takes a step in between.';
  return lang === 'nl' ? `Vanaf ${label} kun je bijwerken naar ${list}.${latest}` : `From ${label} you can update to ${list}.${latest}`;
}
