import type { Localized } from '../i18n/language';
import type { DueTimeProblem } from './dueTime';
import type { FailureReason, ReminderState } from './reminder';

/** Every word the reminders capability shows, in both languages. `{name}` placeholders are filled by `format`. */
export interface ReminderStrings {
  waitingOverTitle: string;
  waitingOverIntro: string;
  requestTitle: string;
  requestIntro: string;
  stepsTitle: string;
  steps: string[];
  factCmg: string;
  factOldName: string;
  factNewName: string;
  factDue: string;
  factCode: string;
  factCertificate: string;
  factValidTo: string;
  expiryTitle: string;
  expiryIntro: string;
  expirySteps: string[];
  expiryWhat: string;
  expiryScheduledBody: string;
  expiryAlreadyBody: string;
  expiryMoment: string;
  expiryTooLate: string;
  tooManyTitle: string;
  tooMany: string;
  /** The same, as plain text (the answer to a card button). */
  tooManyText: string;
  lateNote: string;
  inDoubtNote: string;
  done: string;
  snooze: string;
  extend: string;
  extendBy: string;
  extendConfirm: string;
  extendChoices: { days: number; title: string }[];
  doneStatus: string;
  snoozedStatus: string;
  extendedStatus: string;
  cancelledStatus: string;
  summaryWaiting: string;
  summaryRequest: string;
  scheduledTitle: string;
  scheduledBody: string;
  scheduledHint: string;
  codeHint: string;
  problemTitle: string;
  problems: Record<DueTimeProblem, string>;
  listTitle: string;
  listEmpty: string;
  listHint: string;
  listPage: string;
  previousPage: string;
  nextPage: string;
  listDue: string;
  listSent: string;
  waitingWhat: string;
  states: Record<ReminderState, string>;
  failures: Record<FailureReason, string>;
  noSuchReminder: string;
  numberAmbiguous: string;
  cancelExample: string;
  snoozeExample: string;
  notActive: string;
  cancelledTitle: string;
  cancelledBody: string;
  snoozedTitle: string;
  snoozedBody: string;
  badDelay: string;
  cancelButton: string;
  outOfDate: string;
}

export const reminderStrings: Localized<ReminderStrings> = {
  en: {
    waitingOverTitle: 'The waiting period for {cmg} is over',
    waitingOverIntro:
      'Clients have had time to get policy for the new CMG ({newName}). If some were switched off or offline all this time, extend the wait; otherwise finish the cutover now.',
    requestTitle: 'Reminder',
    requestIntro: 'You asked me to remind you:',
    stepsTitle: 'What to do now',
    steps: [
      'Remove the old CMG in the Configuration Manager console (Administration > Cloud Services > Cloud Management Gateway).',
      'Remove the original CMG connection point that served it.',
      'Keep at least one CMG active: check that the new CMG shows as Ready before you delete anything.',
    ],
    factCmg: 'CMG',
    factOldName: 'Old service name',
    factNewName: 'New service name',
    factDue: 'Due',
    factCode: 'Reminder id',
    factCertificate: 'Certificate',
    factValidTo: 'Valid until',
    expiryTitle: 'The certificate {name} expires in {days} days',
    expiryIntro: 'It is valid until {date}. Once it expires, clients can no longer connect to the CMG over HTTPS, so renew it before then.',
    expirySteps: [
      'Request the renewed certificate with exactly the same common name, in the same upper and lower case: the console refuses a renewal whose common name differs, even only in case.',
      'In the Configuration Manager console, open the CMG\'s properties, go to Settings and choose the new certificate file.',
      'Then type **check endpoint {name}** to see that the CMG presents the new certificate.',
    ],
    expiryWhat: 'Certificate {name}, {days} days before it expires',
    expiryScheduledBody: 'I will remind this conversation before {name} expires on {date}: {moments}.',
    expiryAlreadyBody: 'The reminders before {name} expires were already set: {moments}.',
    expiryMoment: '{days} days before, on {time}, id {code}',
    expiryTooLate: 'The certificate {name} expires on {date}, less than a week from now: renew it now. There is no reminder left to set.',
    tooManyTitle: 'Too many reminders',
    tooMany: 'This conversation already has {max} reminders waiting, the most it can have. Cancel one you no longer need (type **reminders** to see them), then try again.',
    tooManyText: 'This conversation already has {max} reminders waiting, the most it can have. Type reminders to see them and cancel one you no longer need, then try again.',
    lateNote: 'This reminder is {late} late: the bot was not running when it was due.',
    inDoubtNote: 'An earlier try to send this reminder may already have reached you; if you already got it, ignore this copy.',
    done: 'Done',
    snooze: 'Snooze 1 day',
    extend: 'Extend the wait',
    extendBy: 'Remind me again in',
    extendConfirm: 'Extend',
    extendChoices: [
      { days: 1, title: '1 day' },
      { days: 2, title: '2 days' },
      { days: 3, title: '3 days' },
      { days: 7, title: '1 week' },
    ],
    doneStatus: '{name} marked this done on {time}.',
    snoozedStatus: '{name} snoozed this until {time}.',
    extendedStatus: '{name} extended the wait; next reminder {time}.',
    cancelledStatus: 'This reminder was cancelled.',
    summaryWaiting: 'The waiting period for {cmg} is over',
    summaryRequest: 'Reminder: {note}',
    scheduledTitle: 'Reminder set',
    scheduledBody: 'I will remind this conversation on {time}{note}.',
    scheduledHint: 'Its id is **{code}**: type **snooze reminder {code} 2 hours** or **cancel reminder {code}**, or **reminders** to see them all.',
    codeHint: 'Type **snooze reminder {code} 2 hours** or **cancel reminder {code}**.',
    problemTitle: 'When should I remind you?',
    problems: {
      noTime: 'I did not find a time. Try **remind me in 2 days to remove the old CMG**, **remind me tomorrow 09:00** or **remind me in 10 minutes**.',
      tooSoon: 'That time has passed or is less than a minute away. Pick a time at least a minute from now.',
      tooFar: 'I can remind you up to 90 days ahead. Pick an earlier time.',
      badTime: 'That is not a valid time. Use a 24-hour time like **09:00** and a date like **2026-03-02**.',
    },
    listTitle: 'Reminders in this conversation',
    listEmpty: 'There are no reminders in this conversation. Type **remind me in 2 days to remove the old CMG** to set one.',
    listHint: 'Each reminder keeps its id: type **snooze reminder {code} 2 hours** or **cancel reminder {code}**. Times are in {zone}.',
    listPage: 'Reminders {from} to {to} of {total}',
    previousPage: 'Previous',
    nextPage: 'Next',
    listDue: 'Due',
    listSent: 'Sent',
    waitingWhat: 'Waiting period of {cmg} ends',
    states: {
      pending: 'Scheduled',
      sending: 'Sending',
      sent: 'Sent',
      failed: 'Not delivered',
      cancelled: 'Cancelled',
      done: 'Done',
    },
    failures: {
      removed: 'The bot was removed from this conversation or blocked, so the reminder could not be posted. Add the bot again, then set the reminder again.',
      notFound: 'Teams no longer knows this conversation, so the reminder could not be posted. Set it again in a conversation where the bot is installed.',
      gaveUp: 'Teams kept refusing the reminder ({detail}) after {attempts} attempts. Snooze it to try again.',
    },
    noSuchReminder: 'There is no reminder {ref} in this conversation. Type **reminders** to see the list with each reminder\'s id.',
    numberAmbiguous: 'Reminders have their own id now, because list numbers shift when reminders are added or snoozed. Which one do you mean?\n\n{choices}\n\nType for example **{example}**.',
    cancelExample: 'cancel reminder {code}',
    snoozeExample: 'snooze reminder {code} 2 hours',
    notActive: 'Reminder {code} is already {state}.',
    cancelledTitle: 'Reminder cancelled',
    cancelledBody: 'Reminder {code} ({what}) will not be sent.',
    snoozedTitle: 'Reminder snoozed',
    snoozedBody: 'Reminder {code} ({what}) will arrive on {time}.',
    badDelay: 'I did not understand how long to snooze. Try **snooze reminder {code} 2 hours** or **snooze reminder {code} 3 days**: the time counts from now.',
    cancelButton: 'Cancel',
    outOfDate: 'This reminder no longer exists in this conversation.',
  },
  nl: {
    waitingOverTitle: 'De wachttijd voor {cmg} is voorbij',
    waitingOverIntro:
      'Clients hebben tijd gehad om beleid voor de nieuwe CMG ({newName}) op te halen. Stonden er al die tijd apparaten uit of offline, verleng dan de wachttijd; rond anders nu de overstap af.',
    requestTitle: 'Herinnering',
    requestIntro: 'Je vroeg me je hieraan te herinneren:',
    stepsTitle: 'Wat je nu doet',
    steps: [
      'Verwijder de oude CMG in de Configuration Manager-console (Beheer > Cloudservices > Cloud Management Gateway).',
      'Verwijder het oorspronkelijke CMG-verbindingspunt dat erbij hoorde.',
      'Houd altijd minstens één CMG actief: controleer dat de nieuwe CMG op Gereed staat voordat je iets verwijdert.',
    ],
    factCmg: 'CMG',
    factOldName: 'Oude servicenaam',
    factNewName: 'Nieuwe servicenaam',
    factDue: 'Gepland',
    factCode: 'Id van de herinnering',
    factCertificate: 'Certificaat',
    factValidTo: 'Geldig tot',
    expiryTitle: 'Het certificaat {name} verloopt over {days} dagen',
    expiryIntro: 'Het is geldig tot {date}. Daarna kunnen clients de CMG niet meer via HTTPS bereiken, dus vernieuw het vóór die tijd.',
    expirySteps: [
      'Vraag het vernieuwde certificaat aan met precies dezelfde algemene naam, met dezelfde hoofdletters en kleine letters: de console weigert een vernieuwing waarvan de algemene naam afwijkt, ook als alleen de hoofdletters verschillen.',
      'Open in de Configuration Manager-console de eigenschappen van de CMG, ga naar Instellingen en kies het nieuwe certificaatbestand.',
      'Typ daarna **controleer eindpunt {name}** om te zien dat de CMG het nieuwe certificaat presenteert.',
    ],
    expiryWhat: 'Certificaat {name}, {days} dagen voordat het verloopt',
    expiryScheduledBody: 'Ik herinner dit gesprek voordat {name} op {date} verloopt: {moments}.',
    expiryAlreadyBody: 'De herinneringen voordat {name} verloopt waren al ingesteld: {moments}.',
    expiryMoment: '{days} dagen ervoor, op {time}, id {code}',
    expiryTooLate: 'Het certificaat {name} verloopt op {date}, over minder dan een week: vernieuw het nu. Er valt geen herinnering meer in te stellen.',
    tooManyTitle: 'Te veel herinneringen',
    tooMany: 'Dit gesprek heeft al {max} wachtende herinneringen, het maximum. Annuleer er een die je niet meer nodig hebt (typ **herinneringen** om ze te zien) en probeer het daarna opnieuw.',
    tooManyText: 'Dit gesprek heeft al {max} wachtende herinneringen, het maximum. Typ herinneringen om ze te zien, annuleer er een die je niet meer nodig hebt en probeer het daarna opnieuw.',
    lateNote: 'Deze herinnering is {late} te laat: de bot draaide niet op het geplande moment.',
    inDoubtNote: 'Een eerdere poging om deze herinnering te versturen is misschien al bij je aangekomen; heb je hem al gekregen, negeer dan deze kopie.',
    done: 'Klaar',
    snooze: '1 dag uitstellen',
    extend: 'Wachttijd verlengen',
    extendBy: 'Herinner me opnieuw over',
    extendConfirm: 'Verlengen',
    extendChoices: [
      { days: 1, title: '1 dag' },
      { days: 2, title: '2 dagen' },
      { days: 3, title: '3 dagen' },
      { days: 7, title: '1 week' },
    ],
    doneStatus: '{name} heeft dit op {time} afgerond.',
    snoozedStatus: '{name} heeft dit uitgesteld tot {time}.',
    extendedStatus: '{name} heeft de wachttijd verlengd; volgende herinnering {time}.',
    cancelledStatus: 'Deze herinnering is geannuleerd.',
    summaryWaiting: 'De wachttijd voor {cmg} is voorbij',
    summaryRequest: 'Herinnering: {note}',
    scheduledTitle: 'Herinnering ingesteld',
    scheduledBody: 'Ik herinner dit gesprek op {time}{note}.',
    scheduledHint: 'De id is **{code}**: typ **stel herinnering {code} uit 2 uur** of **annuleer herinnering {code}**, of **herinneringen** om ze allemaal te zien.',
    codeHint: 'Typ **stel herinnering {code} uit 2 uur** of **annuleer herinnering {code}**.',
    problemTitle: 'Wanneer moet ik je herinneren?',
    problems: {
      noTime: 'Ik vond geen tijdstip. Probeer **herinner me over 2 dagen de oude CMG te verwijderen**, **herinner me morgen 09:00** of **herinner me over 10 minuten**.',
      tooSoon: 'Dat tijdstip is voorbij of minder dan een minuut weg. Kies een tijd minstens een minuut vanaf nu.',
      tooFar: 'Ik kan je tot 90 dagen vooruit herinneren. Kies een eerder tijdstip.',
      badTime: 'Dat is geen geldige tijd. Gebruik een 24-uurstijd zoals **09:00** en een datum zoals **2026-03-02**.',
    },
    listTitle: 'Herinneringen in dit gesprek',
    listEmpty: 'Er zijn geen herinneringen in dit gesprek. Typ **herinner me over 2 dagen de oude CMG te verwijderen** om er een in te stellen.',
    listHint: 'Elke herinnering houdt haar id: typ **stel herinnering {code} uit 2 uur** of **annuleer herinnering {code}**. Tijden zijn in {zone}.',
    listPage: 'Herinneringen {from} tot en met {to} van {total}',
    previousPage: 'Vorige',
    nextPage: 'Volgende',
    listDue: 'Gepland',
    listSent: 'Verstuurd',
    waitingWhat: 'Wachttijd van {cmg} eindigt',
    states: {
      pending: 'Gepland',
      sending: 'Wordt verstuurd',
      sent: 'Verstuurd',
      failed: 'Niet bezorgd',
      cancelled: 'Geannuleerd',
      done: 'Afgerond',
    },
    failures: {
      removed: 'De bot is uit dit gesprek verwijderd of geblokkeerd, dus de herinnering kon niet worden geplaatst. Voeg de bot opnieuw toe en stel de herinnering opnieuw in.',
      notFound: 'Teams kent dit gesprek niet meer, dus de herinnering kon niet worden geplaatst. Stel hem opnieuw in in een gesprek waar de bot is geïnstalleerd.',
      gaveUp: 'Teams bleef de herinnering weigeren ({detail}), na {attempts} pogingen. Stel hem uit om het opnieuw te proberen.',
    },
    noSuchReminder: 'Er is geen herinnering {ref} in dit gesprek. Typ **herinneringen** voor de lijst met de id van elke herinnering.',
    numberAmbiguous: 'Herinneringen hebben nu een eigen id, omdat nummers in de lijst verschuiven als er herinneringen bijkomen of worden uitgesteld. Welke bedoel je?\n\n{choices}\n\nTyp bijvoorbeeld **{example}**.',
    cancelExample: 'annuleer herinnering {code}',
    snoozeExample: 'stel herinnering {code} uit 2 uur',
    notActive: 'Herinnering {code} is al {state}.',
    cancelledTitle: 'Herinnering geannuleerd',
    cancelledBody: 'Herinnering {code} ({what}) wordt niet verstuurd.',
    snoozedTitle: 'Herinnering uitgesteld',
    snoozedBody: 'Herinnering {code} ({what}) komt op {time}.',
    badDelay: 'Ik begreep niet hoe lang ik moet uitstellen. Probeer **stel herinnering {code} uit 2 uur** of **stel herinnering {code} uit 3 dagen**: de tijd telt vanaf nu.',
    cancelButton: 'Annuleren',
    outOfDate: 'Deze herinnering bestaat niet meer in dit gesprek.',
  },
};
