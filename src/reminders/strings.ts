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
  problemTitle: string;
  problems: Record<DueTimeProblem, string>;
  listTitle: string;
  listEmpty: string;
  listHint: string;
  listDue: string;
  listSent: string;
  waitingWhat: string;
  states: Record<ReminderState, string>;
  failures: Record<FailureReason, string>;
  noSuchReminder: string;
  notActive: string;
  cancelledTitle: string;
  cancelledBody: string;
  snoozedTitle: string;
  snoozedBody: string;
  badDelay: string;
  cancelButton: string;
  snoozeButton: string;
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
    lateNote: 'This reminder is {late} late: the bot was not running when it was due.',
    inDoubtNote: 'The bot restarted while sending this reminder; if you already got it, ignore this copy.',
    done: 'Done',
    snooze: 'Snooze (1 day)',
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
    scheduledHint: 'Type **reminders** to see, snooze or cancel reminders.',
    problemTitle: 'When should I remind you?',
    problems: {
      noTime: 'I did not find a time. Try **remind me in 2 days to remove the old CMG**, **remind me tomorrow 09:00** or **remind me in 10 minutes**.',
      tooSoon: 'That time has passed or is less than a minute away. Pick a time at least a minute from now.',
      tooFar: 'I can remind you up to 90 days ahead. Pick an earlier time.',
      badTime: 'That is not a valid time. Use a 24-hour time like **09:00** and a date like **2026-03-02**.',
    },
    listTitle: 'Reminders in this conversation',
    listEmpty: 'There are no reminders in this conversation. Type **remind me in 2 days to remove the old CMG** to set one.',
    listHint: 'Type **snooze reminder 1** (one day, or e.g. **snooze reminder 1 2 hours**) or **cancel reminder 1**. Times are in {zone}.',
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
    noSuchReminder: 'There is no reminder {number} in this conversation. Type **reminders** to see the list.',
    notActive: 'Reminder {number} is already {state}.',
    cancelledTitle: 'Reminder cancelled',
    cancelledBody: 'Reminder {number} ({what}) will not be sent.',
    snoozedTitle: 'Reminder snoozed',
    snoozedBody: 'Reminder {number} ({what}) will arrive on {time}.',
    badDelay: 'I did not understand how long to snooze. Try **snooze reminder 1 2 hours** or **snooze reminder 1 3 days**.',
    cancelButton: 'Cancel',
    snoozeButton: 'Snooze 1 day',
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
      'Verwijder het oorspronkelijke CMG connection point dat erbij hoorde.',
      'Houd altijd minstens één CMG actief: controleer dat de nieuwe CMG op Gereed staat voordat je iets verwijdert.',
    ],
    factCmg: 'CMG',
    factOldName: 'Oude servicenaam',
    factNewName: 'Nieuwe servicenaam',
    factDue: 'Gepland',
    lateNote: 'Deze herinnering is {late} te laat: de bot draaide niet op het geplande moment.',
    inDoubtNote: 'De bot werd opnieuw gestart tijdens het versturen van deze herinnering; heb je hem al gekregen, negeer dan deze kopie.',
    done: 'Klaar',
    snooze: 'Uitstellen (1 dag)',
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
    scheduledHint: 'Typ **herinneringen** om herinneringen te bekijken, uit te stellen of te annuleren.',
    problemTitle: 'Wanneer moet ik je herinneren?',
    problems: {
      noTime: 'Ik vond geen tijdstip. Probeer **herinner me over 2 dagen de oude CMG te verwijderen**, **herinner me morgen 09:00** of **herinner me over 10 minuten**.',
      tooSoon: 'Dat tijdstip is voorbij of minder dan een minuut weg. Kies een tijd minstens een minuut vanaf nu.',
      tooFar: 'Ik kan je tot 90 dagen vooruit herinneren. Kies een eerder tijdstip.',
      badTime: 'Dat is geen geldige tijd. Gebruik een 24-uurstijd zoals **09:00** en een datum zoals **2026-03-02**.',
    },
    listTitle: 'Herinneringen in dit gesprek',
    listEmpty: 'Er zijn geen herinneringen in dit gesprek. Typ **herinner me over 2 dagen de oude CMG te verwijderen** om er een in te stellen.',
    listHint: 'Typ **stel herinnering 1 uit** (een dag, of bijv. **stel herinnering 1 uit 2 uur**) of **annuleer herinnering 1**. Tijden zijn in {zone}.',
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
    noSuchReminder: 'Er is geen herinnering {number} in dit gesprek. Typ **herinneringen** voor de lijst.',
    notActive: 'Herinnering {number} is al {state}.',
    cancelledTitle: 'Herinnering geannuleerd',
    cancelledBody: 'Herinnering {number} ({what}) wordt niet verstuurd.',
    snoozedTitle: 'Herinnering uitgesteld',
    snoozedBody: 'Herinnering {number} ({what}) komt op {time}.',
    badDelay: 'Ik begreep niet hoe lang ik moet uitstellen. Probeer **stel herinnering 1 uit 2 uur** of **stel herinnering 1 uit 3 dagen**.',
    cancelButton: 'Annuleren',
    snoozeButton: '1 dag uitstellen',
    outOfDate: 'Deze herinnering bestaat niet meer in dit gesprek.',
  },
};
