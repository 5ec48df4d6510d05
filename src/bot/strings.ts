import type { Localized } from '../i18n/language';

/** The Teams face's own strings: help, welcome and errors. Capabilities keep their own. */
export interface BotStrings {
  helpTitle: string;
  helpIntro: string;
  welcomeTitle: string;
  welcomeIntro: string;
  capabilities: { title: string; example: string }[];
  tryIt: string;
  errorTitle: string;
  errorBody: string;
  errorReference: string;
  unknownAction: string;
  /** A card sent back data its button could not have produced (an old or tampered card). */
  badCardData: string;
  /** Refusals before any capability runs (src/bot/cmgBot.ts `refusal`). */
  tenantNotAllowed: string;
  tooManyTurns: string;
  messageTooLong: string;
  cardDataTooLarge: string;
}

export const botStrings: Localized<BotStrings> = {
  en: {
    helpTitle: 'What I can do',
    helpIntro: 'I help you plan, check and move a Cloud Management Gateway (CMG) to a virtual machine scale set. Ask in your own words or use a command:',
    welcomeTitle: 'Hi, I am CMG Assistant',
    welcomeIntro: 'I answer Cloud Management Gateway planning questions, compute service names and DNS records, check Azure resource providers, and track cutovers with approvals and reminders.',
    capabilities: [
      { title: 'Planning questions', example: 'Which resource providers does a scale-set CMG need?' },
      { title: 'Service names and CNAME', example: 'service name GraniteFalls East US' },
      { title: 'Certificate and cutover guidance', example: 'certificate guidance' },
      { title: 'Resource provider check', example: 'check providers' },
      { title: 'Are the names free in Azure (before the certificate)', example: 'check names GraniteFalls.contoso.com East US' },
      { title: 'Live CNAME and endpoint checks', example: 'check cname GraniteFalls.contoso.com East US' },
      { title: 'Certificate check', example: 'check certificate + the .cer text pasted in the same message' },
      { title: 'Cutover plans and approvals', example: 'plan cutover' },
      { title: 'Reminders', example: 'remind me in 2 days to remove the old CMG' },
    ],
    tryIt: 'Type **help** at any time to see this list again.',
    errorTitle: 'Something went wrong',
    errorBody: 'I could not finish that request. Nothing was changed. Please try again; if it keeps failing, give your administrator the reference below.',
    errorReference: 'Reference',
    unknownAction: 'This card is out of date or its action is unknown. Ask again to get a fresh card.',
    badCardData: 'This card sent something I cannot use; it may be out of date. Ask again to get a fresh card. Nothing was changed.',
    tenantNotAllowed: 'CMG Assistant is not available to your organization. Nothing you sent was kept.',
    tooManyTurns: 'You sent more than {limit} messages or button presses in a minute, so I skipped the last ones. Wait a minute, then send what you need again.',
    messageTooLong: 'That message is too long for me: {length} characters, and I read at most {max}. Send a shorter message, or paste one certificate at a time. Nothing was changed.',
    cardDataTooLarge: 'This card sent more than I accept ({length} characters, at most {max}). Shorten what you typed in it and try again. Nothing was changed.',
  },
  nl: {
    helpTitle: 'Wat ik kan',
    helpIntro: 'Ik help je een Cloud Management Gateway (CMG) te plannen, te controleren en over te zetten naar een schaalset voor virtuele machines. Vraag het in je eigen woorden of gebruik een opdracht:',
    welcomeTitle: 'Hallo, ik ben CMG Assistant',
    welcomeIntro: 'Ik beantwoord planningsvragen over de Cloud Management Gateway, bereken servicenamen en DNS-records, controleer Azure-resourceproviders en volg overstappen met goedkeuringen en herinneringen.',
    capabilities: [
      { title: 'Planningsvragen', example: 'Welke resourceproviders heeft een CMG op een schaalset nodig?' },
      { title: 'Servicenamen en CNAME', example: 'servicenaam GraniteFalls VS-Oost' },
      { title: 'Advies over certificaat en overstap', example: 'certificaat advies' },
      { title: 'Controle van resourceproviders', example: 'controleer providers' },
      { title: 'Zijn de namen vrij in Azure (voor het certificaat)', example: 'controleer namen GraniteFalls.contoso.com VS-Oost' },
      { title: 'Live controle van CNAME en eindpunt', example: 'controleer cname GraniteFalls.contoso.com VS-Oost' },
      { title: 'Certificaatcontrole', example: 'controleer certificaat + de .cer-tekst in hetzelfde bericht' },
      { title: 'Overstapplannen en goedkeuring', example: 'plan overstap' },
      { title: 'Herinneringen', example: 'herinner me over 3 dagen de oude CMG te verwijderen' },
    ],
    tryIt: 'Typ op elk moment **hulp** om deze lijst opnieuw te zien.',
    errorTitle: 'Er ging iets mis',
    errorBody: 'Ik kon dit verzoek niet afronden. Er is niets gewijzigd. Probeer het opnieuw; blijft het misgaan, geef dan de onderstaande referentie aan je beheerder.',
    errorReference: 'Referentie',
    unknownAction: 'Deze kaart is verouderd of de actie is onbekend. Vraag het opnieuw voor een nieuwe kaart.',
    badCardData: 'Deze kaart stuurde iets wat ik niet kan gebruiken; misschien is hij verouderd. Vraag het opnieuw voor een nieuwe kaart. Er is niets gewijzigd.',
    tenantNotAllowed: 'CMG Assistant is niet beschikbaar voor jouw organisatie. Er is niets bewaard van wat je stuurde.',
    tooManyTurns: 'Je stuurde meer dan {limit} berichten of knopdrukken in een minuut, dus ik heb de laatste overgeslagen. Wacht een minuut en stuur dan opnieuw wat je nodig hebt.',
    messageTooLong: 'Dat bericht is te lang voor mij: {length} tekens, en ik lees er hoogstens {max}. Stuur een korter bericht, of plak één certificaat per keer. Er is niets gewijzigd.',
    cardDataTooLarge: 'Deze kaart stuurde meer dan ik aanneem ({length} tekens, hoogstens {max}). Maak korter wat je erin typte en probeer het opnieuw. Er is niets gewijzigd.',
  },
};
