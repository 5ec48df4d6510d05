import type { Localized } from '../i18n/language';
import type { CmgVmSizeKey } from './preflightResult';

export interface PreflightStrings {
  title: string;
  checking: string;
  cmgName: string;
  certificateName: string;
  region: string;
  subscriptionId: string;
  rows: { rules: string; dnsLabel: string; keyVault: string; storage: string; size: string };
  sizes: Record<CmgVmSizeKey, string>;
  verdicts: Record<'rulesOk' | 'rulesDisputed' | 'free' | 'taken' | 'invalid' | 'offered' | 'restricted' | 'someZones' | 'absent' | 'notChecked', string>;
  rulesOk: string;
  storageWhen: string;
  dnsTaken: string;
  dnsInvalid: string;
  armSays: string;
  sizeRestricted: string;
  sizeSomeZones: string;
  sizeAbsent: string;
  sizeOnlyIfChosen: string;
  notChecked: string;
  notRegistered: string;
  ready: string;
  problems: { one: string; other: string };
  unchecked: { one: string; other: string };
  noProblemsButUnchecked: string;
  nothingChecked: string;
  nothingReserved: string;
  lowerCase: string;
  checkedAt: string;
  fromCache: string;
  manualTitle: string;
  manualIntro: string;
  manualDnsLabel: string;
  manualKeyVault: string;
  manualStorage: string;
  manualSizes: string;
  manualOutro: string;
  formTitle: string;
  formIntro: string;
  nameLabel: string;
  namePlaceholder: string;
  regionLabel: string;
  regionPlaceholder: string;
  subscriptionLabel: string;
  formButton: string;
  regionMissing: string;
  subscriptionMissing: string;
  invalidId: string;
  postedBelow: string;
}

export const preflightStrings: Localized<PreflightStrings> = {
  en: {
    title: 'Name check for {prefix} in {region}',
    checking: 'Asking Azure whether the names for {prefix} in {region} are free…',
    cmgName: 'CMG name',
    certificateName: 'Certificate name',
    region: 'Region',
    subscriptionId: 'Subscription id',
    rows: {
      rules: 'Naming rules',
      dnsLabel: 'Deployment name {host}',
      keyVault: 'Key Vault name {name}',
      storage: 'Storage account name {name}',
      size: 'VM size {size}',
    },
    sizes: { lab: 'Lab (B2s)', standard: 'Standard (A2_v2), the default', large: 'Large (A4_v2)' },
    verdicts: {
      rulesOk: 'Fits the rules',
      rulesDisputed: 'Sources disagree',
      free: 'Free',
      taken: 'Taken',
      invalid: 'Not allowed',
      offered: 'Offered',
      restricted: 'Not offered to this subscription',
      someZones: 'Offered, not in every zone',
      absent: 'Not offered in this region',
      notChecked: 'Not checked',
    },
    rulesOk: '3 to 24 letters and digits, starting with a letter, without a hyphen.',
    storageWhen: 'Needed when the CMG serves content, which it does by default.',
    dnsTaken: 'Another deployment in {region} already has this name, so the scale set cannot get it. Choose another CMG name before you order the certificate.',
    dnsInvalid: 'Azure accepts only lowercase letters, digits and hyphens here, starting with a letter.',
    armSays: 'Azure says: {reason}',
    sizeRestricted: 'Azure restricts this size in {region} ({reason}). Choose another size or region.',
    sizeSomeZones: 'Azure restricts this size in zones {zones} of {region} ({reason}).',
    sizeAbsent: 'Azure does not list this size in {region}. Choose another size or region.',
    sizeOnlyIfChosen: 'This only matters if you choose this size.',
    notChecked: '{title}. {fix}',
    notRegistered:
      'The subscription has not registered the resource provider {namespace}, and Azure answers this check only where it is registered. A scale-set CMG needs it registered anyway: type "check providers {subscriptionId}" to check and register the four providers it needs, then check the names again.',
    ready: 'Ready to order the certificate for {name} in {region}: every name is free and the default VM size is offered.',
    problems: { one: '1 problem: solve it before you order the certificate.', other: '{count} problems: solve them before you order the certificate.' },
    unchecked: { one: '1 check could not run.', other: '{count} checks could not run.' },
    noProblemsButUnchecked: 'No problem found so far.',
    nothingChecked: 'The bot could not ask Azure, so nothing is checked yet but the naming rules.',
    nothingReserved: 'This check creates and reserves nothing: a name that is free now can still be taken by someone else before you deploy.',
    lowerCase: 'Azure compares these names in lower case, so they were checked as {name}.',
    checkedAt: 'Checked',
    fromCache: '(recent result)',
    manualTitle: 'Check the names by hand meanwhile',
    manualIntro: 'In the Azure portal, start creating each resource below without creating it: the portal says at once whether the name is free.',
    manualDnsLabel: 'Start creating a virtual machine scale set named {name} in {region}; stop before Create.',
    manualKeyVault: 'Start creating a key vault named {name}.',
    manualStorage: 'Start creating a storage account named {name} (needed when the CMG serves content, the default).',
    manualSizes: 'In the scale set form, open the size list for {region}, or run this line (the Restrictions column must say None); change the size for B2s or A4_v2:',
    manualOutro: 'As soon as the bot can sign in to Azure, type "check names {input} {region}" again.',
    formTitle: 'Check that the names are free',
    formIntro:
      'Before you order the certificate, I ask Azure whether the CMG name is free as a deployment name in the region, as a Key Vault name and as a storage account name, and whether the CMG\'s VM sizes are offered to your subscription there. Nothing is created.',
    nameLabel: 'CMG name or certificate name',
    namePlaceholder: 'GraniteFalls or GraniteFalls.contoso.com',
    regionLabel: 'Azure region',
    regionPlaceholder: 'East US',
    subscriptionLabel: 'Subscription id',
    formButton: 'Check the names',
    regionMissing: 'Type the Azure region the CMG will run in, for example East US.',
    subscriptionMissing: 'Type the id of the subscription the CMG will run in.',
    invalidId: '"{input}" is not a subscription id. Use the GUID from the Azure portal (Subscriptions), in the form {format}.',
    postedBelow: 'I posted the name check in this conversation.',
  },
  nl: {
    title: 'Naamcontrole voor {prefix} in {region}',
    checking: 'Ik vraag Azure of de namen voor {prefix} in {region} vrij zijn…',
    cmgName: 'CMG-naam',
    certificateName: 'Certificaatnaam',
    region: 'Regio',
    subscriptionId: 'Abonnement-id',
    rows: {
      rules: 'Naamregels',
      dnsLabel: 'Implementatienaam {host}',
      keyVault: 'Naam van de Key Vault {name}',
      storage: 'Naam van het opslagaccount {name}',
      size: 'VM-grootte {size}',
    },
    sizes: { lab: 'Lab (B2s)', standard: 'Standaard (A2_v2), de standaardkeuze', large: 'Groot (A4_v2)' },
    verdicts: {
      rulesOk: 'Voldoet aan de regels',
      rulesDisputed: 'Bronnen zijn het oneens',
      free: 'Vrij',
      taken: 'Bezet',
      invalid: 'Niet toegestaan',
      offered: 'Beschikbaar',
      restricted: 'Niet beschikbaar voor dit abonnement',
      someZones: 'Beschikbaar, niet in elke zone',
      absent: 'Niet aangeboden in deze regio',
      notChecked: 'Niet gecontroleerd',
    },
    rulesOk: '3 tot 24 letters en cijfers, beginnend met een letter, zonder koppelteken.',
    storageWhen: 'Nodig als de CMG inhoud levert, wat standaard zo is.',
    dnsTaken: 'Een andere implementatie in {region} heeft deze naam al, dus de schaalset kan hem niet krijgen. Kies een andere CMG-naam voordat je het certificaat bestelt.',
    dnsInvalid: 'Azure accepteert hier alleen kleine letters, cijfers en koppeltekens, beginnend met een letter.',
    armSays: 'Azure zegt: {reason}',
    sizeRestricted: 'Azure beperkt deze grootte in {region} ({reason}). Kies een andere grootte of regio.',
    sizeSomeZones: 'Azure beperkt deze grootte in zone {zones} van {region} ({reason}).',
    sizeAbsent: 'Azure biedt deze grootte niet aan in {region}. Kies een andere grootte of regio.',
    sizeOnlyIfChosen: 'Dit telt alleen als je deze grootte kiest.',
    notChecked: '{title}. {fix}',
    notRegistered:
      'Het abonnement heeft de resourceprovider {namespace} niet geregistreerd, en Azure beantwoordt deze controle alleen waar die geregistreerd is. Een CMG op een schaalset heeft hem hoe dan ook nodig: typ "controleer providers {subscriptionId}" om de vier providers die hij nodig heeft te controleren en te registreren, en controleer daarna de namen opnieuw.',
    ready: 'Klaar om het certificaat voor {name} in {region} te bestellen: alle namen zijn vrij en de standaard-VM-grootte wordt aangeboden.',
    problems: { one: '1 probleem: los het op voordat je het certificaat bestelt.', other: '{count} problemen: los ze op voordat je het certificaat bestelt.' },
    unchecked: { one: '1 controle kon niet worden uitgevoerd.', other: '{count} controles konden niet worden uitgevoerd.' },
    noProblemsButUnchecked: 'Tot nu toe geen probleem gevonden.',
    nothingChecked: 'De bot kon Azure niets vragen, dus alleen de naamregels zijn gecontroleerd.',
    nothingReserved: 'Deze controle maakt en reserveert niets: een naam die nu vrij is, kan voor je implementatie nog door iemand anders worden genomen.',
    lowerCase: 'Azure vergelijkt deze namen in kleine letters, dus ze zijn gecontroleerd als {name}.',
    checkedAt: 'Gecontroleerd',
    fromCache: '(recent resultaat)',
    manualTitle: 'Controleer de namen intussen zelf',
    manualIntro: 'Begin in de Azure-portal met het maken van elke resource hieronder, zonder hem te maken: de portal meldt meteen of de naam vrij is.',
    manualDnsLabel: 'Begin met het maken van een schaalset voor virtuele machines met de naam {name} in {region}; stop voor Maken.',
    manualKeyVault: 'Begin met het maken van een key vault met de naam {name}.',
    manualStorage: 'Begin met het maken van een opslagaccount met de naam {name} (nodig als de CMG inhoud levert, de standaard).',
    manualSizes: 'Open in het formulier van de schaalset de lijst met groottes voor {region}, of voer deze regel uit (de kolom Restrictions moet None zeggen); wijzig de grootte voor B2s of A4_v2:',
    manualOutro: 'Typ "controleer namen {input} {region}" opnieuw zodra de bot zich bij Azure kan aanmelden.',
    formTitle: 'Controleer of de namen vrij zijn',
    formIntro:
      'Voordat je het certificaat bestelt, vraag ik Azure of de CMG-naam vrij is als implementatienaam in de regio, als naam van een Key Vault en als naam van een opslagaccount, en of de VM-groottes van de CMG daar voor je abonnement beschikbaar zijn. Er wordt niets gemaakt.',
    nameLabel: 'CMG-naam of certificaatnaam',
    namePlaceholder: 'GraniteFalls of GraniteFalls.contoso.com',
    regionLabel: 'Azure-regio',
    regionPlaceholder: 'VS-Oost',
    subscriptionLabel: 'Abonnement-id',
    formButton: 'Namen controleren',
    regionMissing: 'Typ de Azure-regio waarin de CMG komt te draaien, bijvoorbeeld VS-Oost.',
    subscriptionMissing: 'Typ de id van het abonnement waarin de CMG komt te draaien.',
    invalidId: '"{input}" is geen abonnement-id. Gebruik de GUID uit de Azure-portal (Abonnementen), in de vorm {format}.',
    postedBelow: 'Ik heb de naamcontrole in dit gesprek geplaatst.',
  },
};
