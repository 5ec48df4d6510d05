import type { Localized } from '../i18n/language';

export interface ProviderStrings {
  title: string;
  checking: string;
  subscriptionName: string;
  subscriptionId: string;
  subscriptionState: string;
  subscriptionType: string;
  csp: string;
  notCsp: string;
  checkedAt: string;
  fromCache: string;
  states: Record<'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering' | 'Unregistered', string>;
  ready: string;
  partly: string;
  registerBefore: string;
  cspNote: string;
  disabledNote: string;
  usGovNote: string;
  refresh: string;
  registerMissing: string;
  confirmTitle: string;
  confirmBody: string;
  confirmButton: string;
  cancel: string;
  registeringBy: string;
  registeringNow: string;
  registeredAll: string;
  stillRegistering: string;
  registerFailed: string;
  nothingToRegister: string;
  adminsOnly: string;
  outOfDate: string;
  formTitle: string;
  formIntro: string;
  formLabel: string;
  formButton: string;
  invalidId: string;
  postedBelow: string;
  manualTitle: string;
  manualIntro: string;
  manualOutro: string;
  cooldownNote: string;
  sharedNote: string;
}

export const providerStrings: Localized<ProviderStrings> = {
  en: {
    title: 'Resource provider check',
    checking: 'Checking subscription {id} with Azure…',
    subscriptionName: 'Subscription',
    subscriptionId: 'Subscription id',
    subscriptionState: 'State',
    subscriptionType: 'Type',
    csp: 'CSP (Cloud Solution Provider)',
    notCsp: 'Not CSP',
    checkedAt: 'Checked',
    fromCache: '(recent result; press Refresh to ask Azure again)',
    states: {
      Registered: 'Registered',
      NotRegistered: 'Not registered',
      Registering: 'Registering…',
      Unregistering: 'Unregistering',
      Unregistered: 'Unregistered',
    },
    ready: 'Ready for a scale-set CMG: all 4 resource providers are registered.',
    partly: '{count} of 4 registered.',
    registerBefore: 'Register {list} before you create or convert a scale-set CMG.',
    cspNote: 'This is a CSP subscription: only a scale-set CMG can run in it, because CSP does not offer the classic cloud service.',
    disabledNote: 'The subscription is {state}: Azure will not create a CMG in it until it is Enabled again.',
    usGovNote:
      'Azure US Government: a scale-set CMG is supported there from Configuration Manager version 2111. In the preview and in versions 2010, 2103 and 2107 it was not; update the site first.',
    refresh: 'Refresh',
    registerMissing: 'Register missing providers',
    confirmTitle: 'Register resource providers?',
    confirmBody: 'This registers the following in subscription {subscription}. Registration changes nothing else and can take a few minutes.',
    confirmButton: 'Register {count}',
    cancel: 'Cancel',
    registeringBy: 'Registration started by {name} at {time}. This card updates itself.',
    registeringNow: 'Registering {list}…',
    registeredAll: 'Registration finished: all 4 resource providers are registered.',
    stillRegistering:
      'Azure is still registering {list} after {minutes} minutes. That can take longer; nothing is wrong yet. Press Refresh later, or type "check providers {id}".',
    registerFailed: 'Registration stopped.',
    nothingToRegister: 'Nothing to register: all 4 resource providers are registered.',
    adminsOnly: 'Only the administrators configured for this bot (ADMIN_IDS) can register resource providers. Ask one of them.',
    outOfDate: 'This card is out of date. Type "check providers" followed by the subscription id for a fresh one.',
    formTitle: 'Check resource providers',
    formIntro: 'A scale-set CMG needs Microsoft.KeyVault, Microsoft.Storage, Microsoft.Network and Microsoft.Compute registered in its Azure subscription. Which subscription should I check?',
    formLabel: 'Subscription id',
    formButton: 'Check',
    invalidId: '"{input}" is not a subscription id. Use the GUID from the Azure portal (Subscriptions), in the form {format}.',
    postedBelow: 'I posted the provider check in this conversation.',
    manualTitle: 'Check the four providers by hand meanwhile',
    manualIntro:
      'In the Azure portal, open Subscriptions, choose subscription {id}, then Resource providers, and look up each provider below: its status must be Registered. Or run these lines in Azure Cloud Shell or with the Azure CLI; each must print "Registered".',
    manualOutro: 'As soon as the bot can sign in to Azure, type "check providers {id}" again.',
    cooldownNote: 'You refreshed this check {seconds} seconds ago, so this is the latest result without asking Azure again. You can refresh again after {time}.',
    sharedNote: 'Someone asked for the same subscription a moment earlier; this card shows the result of that check.',
  },
  nl: {
    title: 'Controle van resourceproviders',
    checking: 'Abonnement {id} wordt gecontroleerd bij Azure…',
    subscriptionName: 'Abonnement',
    subscriptionId: 'Abonnement-id',
    subscriptionState: 'Status',
    subscriptionType: 'Soort',
    csp: 'CSP (Cloud Solution Provider)',
    notCsp: 'Geen CSP',
    checkedAt: 'Gecontroleerd',
    fromCache: '(recent resultaat; kies Vernieuwen om het Azure opnieuw te vragen)',
    states: {
      Registered: 'Geregistreerd',
      NotRegistered: 'Niet geregistreerd',
      Registering: 'Wordt geregistreerd…',
      Unregistering: 'Wordt afgemeld',
      Unregistered: 'Afgemeld',
    },
    ready: 'Klaar voor een CMG op een schaalset: alle 4 resourceproviders zijn geregistreerd.',
    partly: '{count} van 4 geregistreerd.',
    registerBefore: 'Registreer {list} voordat je een CMG op een schaalset maakt of omzet.',
    cspNote: 'Dit is een CSP-abonnement: daarin kan alleen een CMG op een schaalset draaien, omdat CSP de klassieke cloudservice niet aanbiedt.',
    disabledNote: 'Het abonnement heeft de status {state}: Azure maakt er geen CMG in tot het weer Enabled is.',
    usGovNote:
      'Azure US Government: een CMG op een schaalset wordt daar ondersteund vanaf Configuration Manager versie 2111. In de preview en in de versies 2010, 2103 en 2107 niet; werk eerst de site bij.',
    refresh: 'Vernieuwen',
    registerMissing: 'Ontbrekende providers registreren',
    confirmTitle: 'Resourceproviders registreren?',
    confirmBody: 'Hiermee worden de volgende providers geregistreerd in abonnement {subscription}. Registreren wijzigt verder niets en kan enkele minuten duren.',
    confirmButton: '{count} registreren',
    cancel: 'Annuleren',
    registeringBy: 'Registratie gestart door {name} om {time}. Deze kaart werkt zichzelf bij.',
    registeringNow: '{list} wordt geregistreerd…',
    registeredAll: 'Registratie klaar: alle 4 resourceproviders zijn geregistreerd.',
    stillRegistering:
      'Azure is na {minutes} minuten nog bezig met het registreren van {list}. Dat kan langer duren; er is nog niets mis. Kies later Vernieuwen, of typ "controleer providers {id}".',
    registerFailed: 'De registratie is gestopt.',
    nothingToRegister: 'Niets te registreren: alle 4 resourceproviders zijn geregistreerd.',
    adminsOnly: 'Alleen de beheerders die voor deze bot zijn ingesteld (ADMIN_IDS) kunnen resourceproviders registreren. Vraag het een van hen.',
    outOfDate: 'Deze kaart is verouderd. Typ "controleer providers" gevolgd door de abonnement-id voor een nieuwe.',
    formTitle: 'Resourceproviders controleren',
    formIntro: 'Een CMG op een schaalset heeft Microsoft.KeyVault, Microsoft.Storage, Microsoft.Network en Microsoft.Compute nodig, geregistreerd in het Azure-abonnement. Welk abonnement zal ik controleren?',
    formLabel: 'Abonnement-id',
    formButton: 'Controleren',
    invalidId: '"{input}" is geen abonnement-id. Gebruik de GUID uit de Azure-portal (Abonnementen), in de vorm {format}.',
    postedBelow: 'Ik heb de providercontrole in dit gesprek geplaatst.',
    manualTitle: 'Controleer de vier providers intussen zelf',
    manualIntro:
      'Open in de Azure-portal Abonnementen, kies abonnement {id} en daarna Resourceproviders, en zoek elke provider hieronder op: de status moet Registered zijn. Of voer deze regels uit in Azure Cloud Shell of met de Azure CLI; elke regel moet "Registered" teruggeven.',
    manualOutro: 'Typ "controleer providers {id}" opnieuw zodra de bot zich bij Azure kan aanmelden.',
    cooldownNote: 'Je hebt deze controle {seconds} seconden geleden vernieuwd; dit is het laatste resultaat, zonder Azure opnieuw te vragen. Je kunt weer vernieuwen na {time}.',
    sharedNote: 'Iemand vroeg kort daarvoor hetzelfde abonnement op; deze kaart toont het resultaat van die controle.',
  },
};
