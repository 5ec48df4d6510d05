import type { Localized } from '../i18n/language';
import type { QuestionId } from './questions';

/** Checklist lines. Placeholders are filled with computed names ({scaleSetName}, …); values are escaped, the text is Markdown. */
export type StepKey =
  | 'upgradeFrom2006'
  | 'noMixing2010'
  | 'prerelease2010'
  | 'usGovUpgrade'
  | 'registerProviders'
  | 'checkNameFree'
  | 'deploySameCertificate'
  | 'convertOption'
  | 'waitReadyAndTest'
  | 'switchCname'
  | 'keepOldCmg'
  | 'firewallAfterClassic'
  | 'newCertificate'
  | 'createWithNewCertificate'
  | 'secondConnectionPoint'
  | 'cnameForNewCertificate'
  | 'waitOneDay'
  | 'removeOldCmg'
  | 'noRedeploy'
  | 'later2107'
  | 'later2203'
  | 'later2403'
  | 'whenYouMove'
  | 'cspScaleSetOnly'
  | 'certificateOwn'
  | 'certificateCloudappNetUnusable'
  | 'certificateToChoose'
  | 'createScaleSetCmg'
  | 'addConnectionPoint'
  | 'firewallHttpsOnly';

export type NoteKey = 'tlsPreview' | 'limits2010' | 'usGovSupported' | 'publicNames' | 'thirdPartyAmbiguity' | 'cspRedeploy' | 'classicFlagged';

export type CaseKey = 'ownDomain' | 'cloudappNet' | 'keepClassic' | 'newScaleSet' | 'csp';

export interface GuidanceStrings {
  title: string;
  stepOf: string;
  /** While later answers may still skip steps: the total is the most there can be, so it never grows. */
  stepOfAtMost: string;
  intro: string;
  next: string;
  answeredTitle: string;
  chooseAnswer: string;
  questions: Record<QuestionId, { label: string; placeholder?: string; choices?: Record<string, string> }>;
  cases: Record<CaseKey, string>;
  checklistTitle: string;
  situationTitle: string;
  namesTitle: string;
  classicName: string;
  scaleSetName: string;
  cnameRecord: string;
  stepsTitle: string;
  notesTitle: string;
  providersTitle: string;
  providersIntro: string;
  providerCheckButton: string;
  namePreflightButton: string;
  cutoverButton: string;
  steps: Record<StepKey, string>;
  notes: Record<NoteKey, string>;
  yourDomain: string;
}

const PROVIDERS_EN = 'Register these resource providers in the CMG subscription, then let me check them:';
const PROVIDERS_NL = 'Registreer deze resourceproviders in het abonnement van de CMG en laat mij ze daarna controleren:';

export const guidanceStrings: Localized<GuidanceStrings> = {
  en: {
    title: 'Certificate and cutover guidance',
    stepOf: 'Step {step} of {total}',
    stepOfAtMost: 'Step {step} of at most {total}',
    intro: 'A few questions about your situation; I only ask what your checklist needs.',
    next: 'Next',
    answeredTitle: 'So far',
    chooseAnswer: 'Choose an answer.',
    questions: {
      classicToday: { label: 'Do you have a classic (cloud service) CMG today?', choices: { yes: 'Yes', no: 'No' } },
      csp: { label: 'Is the Azure subscription for the CMG a CSP (Cloud Solution Provider) subscription?', choices: { yes: 'Yes', no: 'No' } },
      moveNow: { label: 'Do you want to move it to a virtual machine scale set now?', choices: { yes: 'Yes, move now', no: 'No, keep the classic CMG for now' } },
      version: {
        label: 'Which Configuration Manager version does the site run?',
        choices: { '2006': '2006 or earlier', '2010': '2010 or 2103', '2107': '2107', '2111': '2111', '2203': '2203 to 2309', '2403': '2403 or later' },
      },
      cloud: { label: 'Which Azure cloud?', choices: { public: 'Azure public cloud', usgov: 'Azure US Government cloud' } },
      commonName: { label: 'Common name of the CMG server authentication certificate (or just the CMG name)', placeholder: 'GraniteFalls.contoso.com' },
      region: { label: 'Azure region of the scale-set CMG', placeholder: 'East US, VS-Oost or eastus' },
      certificateDomain: {
        label: 'Where is the common name of the current certificate?',
        choices: { own: 'In our own domain (like GraniteFalls.contoso.com)', cloudappNet: 'In cloudapp.net (like GraniteFalls.cloudapp.net)' },
      },
    },
    cases: {
      ownDomain: 'Move a classic CMG with a certificate in your own domain',
      cloudappNet: 'Move a classic CMG with a certificate in cloudapp.net',
      keepClassic: 'Keep the classic CMG for now',
      newScaleSet: 'New CMG on a virtual machine scale set',
      csp: 'New CMG in a CSP subscription: a virtual machine scale set',
    },
    checklistTitle: 'Your checklist: {case}',
    situationTitle: 'Your situation',
    namesTitle: 'Names',
    classicName: 'Classic name',
    scaleSetName: 'Scale-set name',
    cnameRecord: 'CNAME record',
    stepsTitle: 'Steps, in order',
    notesTitle: 'Limitations and network notes',
    providersTitle: 'Resource providers',
    providersIntro: PROVIDERS_EN,
    providerCheckButton: 'Check resource providers',
    namePreflightButton: 'Check that the names are free',
    cutoverButton: 'Plan the cutover',
    yourDomain: '{your domain}',
    steps: {
      upgradeFrom2006: 'Upgrade Configuration Manager first, preferably to 2107 or later: before 2010 there is no CMG on a virtual machine scale set, and in 2010 and 2103 it is only a pre-release feature.',
      noMixing2010:
        'Upgrade to 2107 or later before you move: in 2010 and 2103 a site cannot have a classic CMG and a scale-set CMG at the same time. The only alternative is to delete the classic CMG first, which leaves internet clients without a CMG until the new one is ready.',
      prerelease2010: 'Turn on the pre-release feature for the scale-set CMG under Administration > Updates and Servicing > Features; without it the wizard does not offer a virtual machine scale set.',
      usGovUpgrade: 'Upgrade to 2111 or later first: a CMG on a virtual machine scale set supports the Azure US Government cloud only from version 2111.',
      registerProviders: 'Register the four resource providers listed below in the CMG subscription (the Contributor or Owner role can). A scale-set deployment or Convert fails without them.',
      checkNameFree:
        'Check that **{prefix}** is still free: in the Azure portal, start creating a virtual machine scale set in {region}, a Key Vault and (if the CMG serves content) a storage account with that name, without creating them.',
      deploySameCertificate: 'Create the new CMG on a virtual machine scale set in {region} with the same certificate, **{commonName}**. Its deployment name is **{scaleSetName}**.',
      convertOption:
        'Or, from version 2107, select the classic CMG (status Ready) under Administration > Cloud Services > Cloud Management Gateway and choose **Convert** (an optional feature to turn on first). Convert keeps the storage account and replaces the classic CMG in place, but cannot change the region, subscription or resource group.',
      waitReadyAndTest: 'Wait until the Status column shows **Ready** (CloudMgr.log and CMGSetup.log show progress), then test the new CMG with the **Connection analyzer**.',
      switchCname: 'When you are ready to switch, change the CNAME record in your public DNS so **{cnameHost}** points to **{scaleSetName}** instead of {classicName}.',
      keepOldCmg:
        'Keep the old classic CMG until the waiting period has passed: at least one day, because clients refresh policy every 24 hours, and longer when clients are powered off or offline. Then delete it in the Configuration Manager console, never in the Azure portal.',
      firewallAfterClassic:
        'Firewall: the CMG connection point reaches the scale set over HTTPS only (443 with one VM instance, 10124-10139 with more). TCP-TLS 10140-10155 is not needed; remove rules for it once the classic CMG is gone.',
      newCertificate:
        'Get a new server authentication certificate for the new name. Best: a common name in your own domain, like **{prefix}.contoso.com**, with a CNAME to **{scaleSetName}**. With your enterprise PKI the common name can also be **{scaleSetName}** itself. A public CA cannot issue certificates in cloudapp.net or cloudapp.azure.com.',
      createWithNewCertificate:
        'Create a new CMG on a virtual machine scale set in {region} with the new certificate; its deployment name is **{scaleSetName}**. Convert is not possible: the current service name **{commonName}** is in cloudapp.net, where no CNAME can be made.',
      secondConnectionPoint: 'Add a second CMG connection point for the new CMG. Keep the original connection point, which serves the old CMG, for now.',
      cnameForNewCertificate: 'If the new certificate is in your own domain, create its CNAME record in public DNS pointing to **{scaleSetName}**.',
      waitOneDay: 'Wait at least one day so every client gets policy that names the new CMG; wait longer when clients are powered off or have no internet connection.',
      removeOldCmg: 'Then delete the old CMG (**{classicName}**) in the Configuration Manager console and remove the original CMG connection point.',
      noRedeploy: 'No redeploy is needed: your classic CMG keeps working. The scale-set method exists mainly so that CSP subscriptions can host a CMG.',
      later2107: 'From version 2107 the scale set is generally available and recommended, and the console can **Convert** a classic CMG (optional feature).',
      later2203: 'From version 2203 you can no longer create a classic CMG: any redeploy or replacement becomes a scale set.',
      later2403: 'From version 2403 the upgrade prerequisite check flags a remaining classic CMG: convert it before you upgrade to 2403.',
      whenYouMove: 'When you decide to move, register the resource providers below first and ask me for **certificate guidance** again for the steps that fit your certificate.',
      cspScaleSetOnly: 'A CSP subscription cannot host the classic cloud service, so a CMG there is always a virtual machine scale set (version 2010 or later).',
      certificateOwn: 'Use the server authentication certificate **{commonName}** and create a CNAME record in public DNS from **{cnameHost}** to **{scaleSetName}**.',
      certificateCloudappNetUnusable:
        'A certificate in cloudapp.net (**{commonName}**) cannot serve a scale-set CMG. Get one in your own domain (like **{prefix}.contoso.com**, with a CNAME to **{scaleSetName}**) or, with your enterprise PKI, for **{scaleSetName}** itself.',
      certificateToChoose:
        'Get a server authentication certificate: in your own domain (like **{prefix}.contoso.com**, with a CNAME record to **{scaleSetName}**) or, with your enterprise PKI, for **{scaleSetName}** itself.',
      createScaleSetCmg: 'In the console, create the CMG with the deployment method **Virtual machine scale set** in {region}; its deployment name is **{scaleSetName}**.',
      addConnectionPoint: 'Add the CMG connection point and allow CMG traffic on the management point and software update point.',
      firewallHttpsOnly: 'Firewall: the CMG connection point reaches the scale set over HTTPS only (443 with one VM instance, 10124-10139 with more). TCP-TLS 10140-10155 is not needed.',
    },
    notes: {
      tlsPreview:
        'Enforce TLS 1.2: technical preview 2009 listed it as not supported on a scale set. The 2010 and 2103 limitation lists do not mention it, and from 2107 it is on by default, so treat it as a preview limitation and check the setting after deployment.',
      limits2010: 'Scale-set limits in 2010 and 2103: 2,000 concurrent clients per VM instance, standalone primary site only, no Azure US Government cloud, Software Center actions up to 3 seconds slower.',
      usGovSupported: 'Azure US Government cloud: a scale-set CMG supports it from version 2111 (not in 2010, 2103 or 2107).',
      publicNames: 'The names on this card are for the Azure public cloud; the US Government cloud uses other Azure domains.',
      thirdPartyAmbiguity:
        'A public CA cannot issue certificates in Microsoft domains such as cloudapp.net, so your cloudapp.net certificate most likely came from your enterprise PKI, even if it is remembered as bought from a provider. Who issued it does not change these steps.',
      cspRedeploy: 'A classic CMG cannot run in a CSP subscription, so the CMG in the CSP subscription is a new deployment, not a Convert (Convert cannot change the subscription).',
      classicFlagged: 'Your version already flags a remaining classic CMG in the upgrade prerequisite check: plan the conversion now.',
    },
  },
  nl: {
    title: 'Advies over certificaat en overstap',
    stepOf: 'Stap {step} van {total}',
    stepOfAtMost: 'Stap {step} van maximaal {total}',
    intro: 'Een paar vragen over je situatie; ik vraag alleen wat je checklist nodig heeft.',
    next: 'Volgende',
    answeredTitle: 'Tot nu toe',
    chooseAnswer: 'Kies een antwoord.',
    questions: {
      classicToday: { label: 'Heb je nu een klassieke CMG (cloudservice)?', choices: { yes: 'Ja', no: 'Nee' } },
      csp: { label: 'Is het Azure-abonnement voor de CMG een CSP-abonnement (Cloud Solution Provider)?', choices: { yes: 'Ja', no: 'Nee' } },
      moveNow: { label: 'Wil je nu overstappen naar een schaalset voor virtuele machines?', choices: { yes: 'Ja, nu overstappen', no: 'Nee, de klassieke CMG voorlopig houden' } },
      version: {
        label: 'Welke versie van Configuration Manager draait de site?',
        choices: { '2006': '2006 of ouder', '2010': '2010 of 2103', '2107': '2107', '2111': '2111', '2203': '2203 tot en met 2309', '2403': '2403 of nieuwer' },
      },
      cloud: { label: 'Welke Azure-cloud?', choices: { public: 'Openbare Azure-cloud', usgov: 'Azure US Government-cloud' } },
      commonName: { label: 'Algemene naam (CN) van het CMG-servercertificaat (of alleen de CMG-naam)', placeholder: 'GraniteFalls.contoso.com' },
      region: { label: 'Azure-regio van de CMG op de schaalset', placeholder: 'VS-Oost, East US of eastus' },
      certificateDomain: {
        label: 'Waar staat de algemene naam van het huidige certificaat?',
        choices: { own: 'In ons eigen domein (zoals GraniteFalls.contoso.com)', cloudappNet: 'In cloudapp.net (zoals GraniteFalls.cloudapp.net)' },
      },
    },
    cases: {
      ownDomain: 'Een klassieke CMG met een certificaat in je eigen domein overzetten',
      cloudappNet: 'Een klassieke CMG met een certificaat in cloudapp.net overzetten',
      keepClassic: 'De klassieke CMG voorlopig houden',
      newScaleSet: 'Nieuwe CMG op een schaalset voor virtuele machines',
      csp: 'Nieuwe CMG in een CSP-abonnement: een schaalset voor virtuele machines',
    },
    checklistTitle: 'Je checklist: {case}',
    situationTitle: 'Je situatie',
    namesTitle: 'Namen',
    classicName: 'Klassieke naam',
    scaleSetName: 'Schaalsetnaam',
    cnameRecord: 'CNAME-record',
    stepsTitle: 'Stappen, op volgorde',
    notesTitle: 'Beperkingen en netwerk',
    providersTitle: 'Resourceproviders',
    providersIntro: PROVIDERS_NL,
    providerCheckButton: 'Resourceproviders controleren',
    namePreflightButton: 'Controleer of de namen vrij zijn',
    cutoverButton: 'Overstap plannen',
    yourDomain: '{je domein}',
    steps: {
      upgradeFrom2006: 'Werk Configuration Manager eerst bij, bij voorkeur naar 2107 of nieuwer: vóór 2010 bestaat er geen CMG op een schaalset voor virtuele machines, en in 2010 en 2103 is het alleen een pre-releasefunctie.',
      noMixing2010:
        'Werk bij naar 2107 of nieuwer voordat je overstapt: in 2010 en 2103 kan een site niet tegelijk een klassieke CMG en een CMG op een schaalset hebben. Het enige alternatief is eerst de klassieke CMG te verwijderen, waardoor internetclients geen CMG hebben tot de nieuwe klaar is.',
      prerelease2010: 'Zet de pre-releasefunctie voor de CMG op een schaalset aan onder Administration > Updates and Servicing > Features; zonder die functie biedt de wizard geen schaalset aan.',
      usGovUpgrade: 'Werk eerst bij naar 2111 of nieuwer: een CMG op een schaalset ondersteunt de Azure US Government-cloud pas vanaf versie 2111.',
      registerProviders: 'Registreer de vier resourceproviders hieronder in het abonnement van de CMG (de rol Contributor of Owner kan dat). Zonder die providers mislukt een implementatie op een schaalset of een Convert.',
      checkNameFree:
        'Controleer of **{prefix}** nog vrij is: begin in de Azure-portal met het maken van een schaalset voor virtuele machines in {region}, een Key Vault en (als de CMG inhoud levert) een opslagaccount met die naam, zonder ze echt te maken.',
      deploySameCertificate: 'Maak de nieuwe CMG op een schaalset voor virtuele machines in {region} met hetzelfde certificaat, **{commonName}**. De implementatienaam is **{scaleSetName}**.',
      convertOption:
        'Of kies vanaf versie 2107 de klassieke CMG (status Ready) onder Administration > Cloud Services > Cloud Management Gateway en daarna **Convert** (een optionele functie die je eerst aanzet). Convert behoudt het opslagaccount en vervangt de klassieke CMG ter plekke, maar kan regio, abonnement en resourcegroep niet wijzigen.',
      waitReadyAndTest: 'Wacht tot de kolom Status **Ready** toont (CloudMgr.log en CMGSetup.log tonen de voortgang) en test de nieuwe CMG dan met de **Connection analyzer**.',
      switchCname: 'Wanneer je klaar bent om over te schakelen, wijzig je het CNAME-record in je openbare DNS zodat **{cnameHost}** naar **{scaleSetName}** wijst in plaats van naar {classicName}.',
      keepOldCmg:
        'Houd de oude klassieke CMG tot de wachttijd voorbij is: minstens één dag, omdat clients elke 24 uur beleid ophalen, en langer als clients uitgeschakeld of offline zijn. Verwijder hem daarna in de Configuration Manager-console, nooit in de Azure-portal.',
      firewallAfterClassic:
        'Firewall: het CMG-verbindingspunt bereikt de schaalset alleen via HTTPS (443 met één VM-instantie, 10124-10139 met meer). TCP-TLS 10140-10155 is niet nodig; verwijder regels daarvoor zodra de klassieke CMG weg is.',
      newCertificate:
        'Vraag een nieuw servercertificaat aan voor de nieuwe naam. Het beste: een algemene naam in je eigen domein, zoals **{prefix}.contoso.com**, met een CNAME naar **{scaleSetName}**. Met je eigen PKI kan de algemene naam ook **{scaleSetName}** zelf zijn. Een openbare CA kan geen certificaten uitgeven in cloudapp.net of cloudapp.azure.com.',
      createWithNewCertificate:
        'Maak een nieuwe CMG op een schaalset voor virtuele machines in {region} met het nieuwe certificaat; de implementatienaam is **{scaleSetName}**. Convert kan niet: de huidige servicenaam **{commonName}** staat in cloudapp.net, waar geen CNAME mogelijk is.',
      secondConnectionPoint: 'Voeg een tweede CMG-verbindingspunt toe voor de nieuwe CMG. Houd het oorspronkelijke CMG-verbindingspunt, dat de oude CMG bedient, voorlopig.',
      cnameForNewCertificate: 'Staat het nieuwe certificaat in je eigen domein, maak dan het CNAME-record in de openbare DNS dat naar **{scaleSetName}** wijst.',
      waitOneDay: 'Wacht minstens één dag zodat elke client beleid krijgt met de nieuwe CMG; wacht langer als clients uitgeschakeld zijn of geen internetverbinding hebben.',
      removeOldCmg: 'Verwijder daarna de oude CMG (**{classicName}**) in de Configuration Manager-console en verwijder het oorspronkelijke CMG-verbindingspunt.',
      noRedeploy: 'Opnieuw implementeren is niet nodig: je klassieke CMG blijft werken. De schaalsetmethode bestaat vooral zodat CSP-abonnementen een CMG kunnen hebben.',
      later2107: 'Vanaf versie 2107 is de schaalset algemeen beschikbaar en aanbevolen, en kan de console een klassieke CMG omzetten met **Convert** (optionele functie).',
      later2203: 'Vanaf versie 2203 kun je geen klassieke CMG meer maken: elke nieuwe implementatie of vervanging wordt een schaalset.',
      later2403: 'Vanaf versie 2403 meldt de controle op vereisten vóór een upgrade een resterende klassieke CMG: zet hem om voordat je naar 2403 bijwerkt.',
      whenYouMove: 'Besluit je over te stappen, registreer dan eerst de resourceproviders hieronder en vraag mij opnieuw om **certificaat advies** voor de stappen die bij je certificaat passen.',
      cspScaleSetOnly: 'Een CSP-abonnement kan de klassieke cloudservice niet hosten, dus een CMG daar is altijd een schaalset voor virtuele machines (versie 2010 of nieuwer).',
      certificateOwn: 'Gebruik het servercertificaat **{commonName}** en maak in de openbare DNS een CNAME-record van **{cnameHost}** naar **{scaleSetName}**.',
      certificateCloudappNetUnusable:
        'Een certificaat in cloudapp.net (**{commonName}**) werkt niet voor een CMG op een schaalset. Vraag er een aan in je eigen domein (zoals **{prefix}.contoso.com**, met een CNAME naar **{scaleSetName}**) of, met je eigen PKI, voor **{scaleSetName}** zelf.',
      certificateToChoose:
        'Vraag een servercertificaat aan: in je eigen domein (zoals **{prefix}.contoso.com**, met een CNAME-record naar **{scaleSetName}**) of, met je eigen PKI, voor **{scaleSetName}** zelf.',
      createScaleSetCmg: 'Maak in de console de CMG met de implementatiemethode **Virtual machine scale set** in {region}; de implementatienaam is **{scaleSetName}**.',
      addConnectionPoint: 'Voeg het CMG-verbindingspunt toe en sta CMG-verkeer toe op het beheerpunt en het software-updatepunt.',
      firewallHttpsOnly: 'Firewall: het CMG-verbindingspunt bereikt de schaalset alleen via HTTPS (443 met één VM-instantie, 10124-10139 met meer). TCP-TLS 10140-10155 is niet nodig.',
    },
    notes: {
      tlsPreview:
        'Enforce TLS 1.2: technical preview 2009 noemde dit niet ondersteund op een schaalset. De beperkingen van 2010 en 2103 noemen het niet en vanaf 2107 staat het standaard aan; zie het als een preview-beperking en controleer de instelling na de implementatie.',
      limits2010: 'Beperkingen van de schaalset in 2010 en 2103: 2.000 gelijktijdige clients per VM-instantie, alleen een zelfstandige primaire site, geen Azure US Government-cloud, acties in Software Center tot 3 seconden trager.',
      usGovSupported: 'Azure US Government-cloud: een CMG op een schaalset ondersteunt die vanaf versie 2111 (niet in 2010, 2103 of 2107).',
      publicNames: 'De namen op deze kaart gelden voor de openbare Azure-cloud; de US Government-cloud gebruikt andere Azure-domeinen.',
      thirdPartyAmbiguity:
        'Een openbare CA kan geen certificaten uitgeven in domeinen van Microsoft zoals cloudapp.net, dus je cloudapp.net-certificaat komt vrijwel zeker van je eigen PKI, ook als men denkt dat het bij een provider is gekocht. Wie het uitgaf, verandert niets aan deze stappen.',
      cspRedeploy: 'Een klassieke CMG kan niet in een CSP-abonnement draaien, dus de CMG in het CSP-abonnement is een nieuwe implementatie, geen Convert (Convert kan het abonnement niet wijzigen).',
      classicFlagged: 'Je versie meldt een resterende klassieke CMG al in de controle op vereisten vóór een upgrade: plan de omzetting nu.',
    },
  },
};
