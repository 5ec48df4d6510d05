import type { Localized } from '../i18n/language';
import type { ArmProblemKind } from './armProblem';

export interface ProblemText {
  title: string;
  /** What happened, in a sentence. */
  body: string;
  /** What to do about it. */
  fix: string;
}

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
  problems: Record<ArmProblemKind, ProblemText>;
  retryAt: string;
  retryLater: string;
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
    outOfDate: 'This card is out of date. Type "check providers" and the subscription id, like "check providers {subscription id}", for a fresh one.',
    formTitle: 'Check resource providers',
    formIntro: 'A scale-set CMG needs Microsoft.KeyVault, Microsoft.Storage, Microsoft.Network and Microsoft.Compute registered in its Azure subscription. Which subscription should I check?',
    formLabel: 'Subscription id',
    formButton: 'Check',
    invalidId: '"{input}" is not a subscription id. Use the GUID from the Azure portal (Subscriptions), in the form {format}.',
    postedBelow: 'I posted the provider check in this conversation.',
    problems: {
      noCredentials: {
        title: 'No Azure credentials',
        body: 'The bot has no identity to sign in to Azure with.',
        fix: 'Give the bot a managed identity, or set ARM_CREDENTIAL with its settings (client secret or certificate), or sign in with "az login" on the machine that runs a local bot.',
      },
      tokenTimeout: {
        title: 'Azure sign-in took too long',
        body: 'The bot could not get an Azure token in time.',
        fix: 'Check the bot\'s Azure identity settings (ARM_CREDENTIAL, AZURE_CLOUD) and that it can reach Microsoft Entra ID, then try again.',
      },
      signInFailed: {
        title: 'Azure sign-in failed',
        body: 'Microsoft Entra ID refused the bot\'s credentials.',
        fix: 'Check the client id, tenant id and the secret or certificate (it may have expired) configured for the bot.',
      },
      unauthorized: {
        title: 'Azure refused the token',
        body: 'Azure Resource Manager answered 401: the token is invalid, expired or meant for another cloud.',
        fix: 'Check that AZURE_CLOUD matches the subscription\'s cloud and that the bot\'s identity is valid, then try again.',
      },
      forbiddenRead: {
        title: 'No permission to read the subscription',
        body: 'The bot\'s identity may not read resource providers in this subscription.',
        fix: 'Give the bot\'s identity the Reader role on the subscription (it includes Microsoft.Resources/subscriptions/providers/read).',
      },
      forbiddenRegister: {
        title: 'No permission to register',
        body: 'The bot\'s identity may read but not register resource providers in this subscription.',
        fix: 'Give the bot\'s identity Contributor on the subscription, or a custom role with {namespace}/register/action (for example Microsoft.KeyVault/register/action) for each provider. Or register them in the Azure portal: Subscriptions > Resource providers > Register.',
      },
      subscriptionNotFound: {
        title: 'Subscription not found',
        body: 'Azure does not know this subscription, or the bot\'s identity cannot see it.',
        fix: 'Check the id in the Azure portal (Subscriptions) and that the subscription is in the cloud and tenant the bot signs in to.',
      },
      invalidSubscription: {
        title: 'Invalid subscription id',
        body: 'Azure says this subscription id is malformed or invalid.',
        fix: 'Copy the subscription id from the Azure portal (Subscriptions) and try again.',
      },
      throttled: {
        title: 'Azure is busy',
        body: 'Azure Resource Manager is limiting requests for this subscription (429).',
        fix: 'Nothing is wrong with your setup.',
      },
      unavailable: {
        title: 'Azure did not answer',
        body: 'Azure Resource Manager could not be reached or answered with an error, also after retrying.',
        fix: 'Try again in a few minutes. If it keeps failing, check https://azure.status.microsoft and the bot\'s network access to Azure.',
      },
    },
    retryAt: 'Try again after {time} (in {seconds} seconds).',
    retryLater: 'Try again in a minute.',
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
    outOfDate: 'Deze kaart is verouderd. Typ "controleer providers" en de abonnements-id, zoals "controleer providers {abonnements-id}", voor een nieuwe.',
    formTitle: 'Resourceproviders controleren',
    formIntro: 'Een CMG op een schaalset heeft Microsoft.KeyVault, Microsoft.Storage, Microsoft.Network en Microsoft.Compute nodig, geregistreerd in het Azure-abonnement. Welk abonnement zal ik controleren?',
    formLabel: 'Abonnement-id',
    formButton: 'Controleren',
    invalidId: '"{input}" is geen abonnement-id. Gebruik de GUID uit de Azure-portal (Abonnementen), in de vorm {format}.',
    postedBelow: 'Ik heb de providercontrole in dit gesprek geplaatst.',
    problems: {
      noCredentials: {
        title: 'Geen Azure-referenties',
        body: 'De bot heeft geen identiteit om mee bij Azure aan te melden.',
        fix: 'Geef de bot een beheerde identiteit, of stel ARM_CREDENTIAL in met de bijbehorende instellingen (clientgeheim of certificaat), of meld je aan met "az login" op de machine waarop een lokale bot draait.',
      },
      tokenTimeout: {
        title: 'Aanmelden bij Azure duurde te lang',
        body: 'De bot kreeg niet op tijd een Azure-token.',
        fix: 'Controleer de Azure-identiteit van de bot (ARM_CREDENTIAL, AZURE_CLOUD) en of hij Microsoft Entra ID kan bereiken, en probeer het opnieuw.',
      },
      signInFailed: {
        title: 'Aanmelden bij Azure mislukt',
        body: 'Microsoft Entra ID weigerde de referenties van de bot.',
        fix: 'Controleer de client-id, tenant-id en het geheim of certificaat (misschien verlopen) van de bot.',
      },
      unauthorized: {
        title: 'Azure weigerde het token',
        body: 'Azure Resource Manager antwoordde 401: het token is ongeldig, verlopen of bedoeld voor een andere cloud.',
        fix: 'Controleer of AZURE_CLOUD past bij de cloud van het abonnement en of de identiteit van de bot geldig is, en probeer het opnieuw.',
      },
      forbiddenRead: {
        title: 'Geen recht om het abonnement te lezen',
        body: 'De identiteit van de bot mag de resourceproviders van dit abonnement niet lezen.',
        fix: 'Geef de identiteit van de bot de rol Reader op het abonnement (die bevat Microsoft.Resources/subscriptions/providers/read).',
      },
      forbiddenRegister: {
        title: 'Geen recht om te registreren',
        body: 'De identiteit van de bot mag de resourceproviders van dit abonnement wel lezen, maar niet registreren.',
        fix: 'Geef de identiteit van de bot de rol Contributor op het abonnement, of een aangepaste rol met {namespace}/register/action (bijvoorbeeld Microsoft.KeyVault/register/action) voor elke provider. Of registreer ze in de Azure-portal: Abonnementen > Resourceproviders > Registreren.',
      },
      subscriptionNotFound: {
        title: 'Abonnement niet gevonden',
        body: 'Azure kent dit abonnement niet, of de identiteit van de bot kan het niet zien.',
        fix: 'Controleer de id in de Azure-portal (Abonnementen) en of het abonnement in de cloud en tenant staat waarbij de bot zich aanmeldt.',
      },
      invalidSubscription: {
        title: 'Ongeldige abonnement-id',
        body: 'Volgens Azure is deze abonnement-id onjuist of ongeldig.',
        fix: 'Kopieer de abonnement-id uit de Azure-portal (Abonnementen) en probeer het opnieuw.',
      },
      throttled: {
        title: 'Azure is druk',
        body: 'Azure Resource Manager beperkt het aantal verzoeken voor dit abonnement (429).',
        fix: 'Er is niets mis met je omgeving.',
      },
      unavailable: {
        title: 'Azure antwoordde niet',
        body: 'Azure Resource Manager was niet bereikbaar of gaf een fout, ook na nieuwe pogingen.',
        fix: 'Probeer het over een paar minuten opnieuw. Blijft het misgaan, kijk dan op https://azure.status.microsoft en controleer de netwerktoegang van de bot tot Azure.',
      },
    },
    retryAt: 'Probeer het opnieuw na {time} (over {seconds} seconden).',
    retryLater: 'Probeer het over een minuut opnieuw.',
  },
};
