import type { Localized } from '../i18n/language';
import type { ArmProblemKind } from './armProblem';

export interface ProblemText {
  title: string;
  /** What happened, in a sentence. */
  body: string;
  /** What to do about it. */
  fix: string;
}

export interface ArmStrings {
  problems: Record<ArmProblemKind, ProblemText>;
  /** The permission a refused read needed, when the caller did not say (the provider check's). */
  defaultReadPermission: string;
  retryAt: string;
  retryLater: string;
}

/**
 * What every ARM failure means and what to do about it, shared by every capability that reads
 * ARM, so the provider check and the name pre-flight explain the same failure the same way.
 */
export const armStrings: Localized<ArmStrings> = {
  en: {
    defaultReadPermission: 'Microsoft.Resources/subscriptions/providers/read',
    retryAt: 'Try again after {time} (in {seconds} seconds).',
    retryLater: 'Try again in a minute.',
    problems: {
      noCredentials: {
        title: 'No Azure credentials',
        body: 'The bot has no identity to sign in to Azure with.',
        fix: 'Give the bot a managed identity, or set ARM_CREDENTIAL with its settings (client secret or certificate), or sign in with "az login" on the machine that runs a local bot.',
      },
      tokenTimeout: {
        title: 'Azure sign-in took too long',
        body: 'The bot could not get an Azure token in time.',
        fix: "Check the bot's Azure identity settings (ARM_CREDENTIAL, AZURE_CLOUD) and that it can reach Microsoft Entra ID, then try again.",
      },
      signInFailed: {
        title: 'Azure sign-in failed',
        body: "Microsoft Entra ID refused the bot's credentials.",
        fix: 'Check the client id, tenant id and the secret or certificate (it may have expired) configured for the bot.',
      },
      unauthorized: {
        title: 'Azure refused the token',
        body: 'Azure Resource Manager answered 401: the token is invalid, expired or meant for another cloud.',
        fix: "Check that AZURE_CLOUD matches the subscription's cloud and that the bot's identity is valid, then try again.",
      },
      forbiddenRead: {
        title: 'No permission to read the subscription',
        body: "Azure refused the bot's identity the read {permission} in this subscription.",
        fix: "Give the bot's identity the Reader role on the subscription: it includes {permission}.",
      },
      forbiddenRegister: {
        title: 'No permission to register',
        body: "The bot's identity may read but not register resource providers in this subscription.",
        fix: "Give the bot's identity Contributor on the subscription, or a custom role with each provider's register action (for example Microsoft.KeyVault/register/action). Or register them in the Azure portal: Subscriptions > Resource providers > Register.",
      },
      subscriptionNotFound: {
        title: 'Subscription not found',
        body: "Azure does not know this subscription, or the bot's identity cannot see it.",
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
        fix: "Try again in a few minutes. If it keeps failing, check https://azure.status.microsoft and the bot's network access to Azure.",
      },
      busy: {
        title: 'The bot is busy with other Azure checks',
        body: 'The bot runs only a few Azure calls at once (ARM_MAX_CONCURRENT_CALLS), and this one did not get its turn in time.',
        fix: 'Nothing is wrong with your setup. Try again in a minute.',
      },
    },
  },
  nl: {
    defaultReadPermission: 'Microsoft.Resources/subscriptions/providers/read',
    retryAt: 'Probeer het opnieuw na {time} (over {seconds} seconden).',
    retryLater: 'Probeer het over een minuut opnieuw.',
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
        body: 'Azure weigerde de identiteit van de bot het lezen van {permission} in dit abonnement.',
        fix: 'Geef de identiteit van de bot de rol Reader op het abonnement: die bevat {permission}.',
      },
      forbiddenRegister: {
        title: 'Geen recht om te registreren',
        body: 'De identiteit van de bot mag de resourceproviders van dit abonnement wel lezen, maar niet registreren.',
        fix: 'Geef de identiteit van de bot de rol Contributor op het abonnement, of een aangepaste rol met de registeractie van elke provider (bijvoorbeeld Microsoft.KeyVault/register/action). Of registreer ze in de Azure-portal: Abonnementen > Resourceproviders > Registreren.',
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
      busy: {
        title: 'De bot is bezig met andere Azure-controles',
        body: 'De bot doet maar een paar Azure-aanroepen tegelijk (ARM_MAX_CONCURRENT_CALLS), en deze kwam niet op tijd aan de beurt.',
        fix: 'Er is niets mis met je omgeving. Probeer het over een minuut opnieuw.',
      },
    },
  },
};
