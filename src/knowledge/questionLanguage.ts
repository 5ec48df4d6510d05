import type { Lang } from '../i18n/language';
import { fold } from './text';

/**
 * Words that only one of the two languages uses. Product terms are English in both languages,
 * so the small words (and the Dutch words admins use for the same things) tell them apart.
 */
const DUTCH = new Set(
  ('de het een ik wij jij je mijn onze ons wat welke welk hoe hoeveel waar wanneer waarom moet moeten kan kun kunnen mag mogen wordt worden ' +
    'zijn niet geen nog ook van voor met bij naar als dan er aan te om dit deze die dat heb hebben heeft zit gaat gaan maak maken nodig standaard ' +
    'hoelang kunt wil willen waarvoor zonder alleen tussen achter binnen tijdens na nieuwe nieuw oude bestaande overstap verbindingspunt schaalset ' +
    'werkt werken gebruiken gebruikt gebruik mogelijk ondersteund ondersteunt staat staan maximaal aantal gelijktijdige naam namen hoofdletters ' +
    'certificaat verloopt vernieuwen mislukt vervangen dezelfde hetzelfde houden beschermt implementatie inrichten goed genoeg uit kiezen komt ' +
    'komen verwijderen wachten lang welk poort poorten regio instanties instantie apparaten beheer vertel mop koken weer morgen vanavond of ' +
    'abonnement kosten waarom omzetten zie weet sinds vanaf elke alle sommige andere hun jullie wie grensgroep grensgroepen certificaten ' +
    // Flemish and chat forms, and everyday verbs
    'ene nen ne da wa ge gij kunde hebde zijde moogt allez amai zeg breekt iets zetten schatting betalen verschillende abonnementen draaien draait zitten zit klopt gebeurt heet heten ' +
    'kost maand maanden ongeveer gebruiker gebruikers jaar dag dagen week weken uur eerst daarna waarmee moeten hoort bedoeld').split(' '),
);
const ENGLISH = new Set(
  ('the a an is are what which how many where when why must should can could do does not no yet also of for with by to as then there at this these ' +
    'that have has need needed make default without only between behind during after new old existing connection point scale set whats wich ' +
    'work works use uses used using supported support name names still same does did get got will would my our your their it its from on').split(' '),
);

/**
 * The language a question is clearly written in, or undefined when it is too short or mixed
 * to tell (then the client's locale decides). Besides whole words, the letter pairs "ij" and
 * "aa", "uu" and "oe" count for Dutch: English hardly uses them.
 */
export function questionLanguage(question: string): Lang | undefined {
  let dutch = 0;
  let english = 0;
  const folded = fold(question);
  // The words are the runs of `a-z`, `0-9` and `'` (what splitting at everything else leaves), scanned by hand: no array of them.
  let start = -1;
  for (let at = 0; at <= folded.length; at++) {
    const code = at < folded.length ? folded.charCodeAt(at) : -1;
    const inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39;
    if (inWord) {
      if (start < 0) start = at;
      continue;
    }
    if (start < 0) continue;
    const word = folded.slice(start, at);
    start = -1;
    if (DUTCH.has(word)) dutch++;
    else if (ENGLISH.has(word)) english++;
    else if (/ij|aa|uu|oe/.test(word) && !['aad', 'goes', 'shoe', 'shoes'].includes(word)) dutch += 0.5;
  }
  if (dutch >= 2 && dutch > english) return 'nl';
  // One Dutch question word and nothing English ("35k clients, Large, hoeveel vm instances?").
  if (dutch >= 1 && english === 0 && /\b(hoeveel|welke|waarom|wanneer|hoelang|moet|kan|kunnen|klopt)\b/.test(folded)) return 'nl';
  if (english >= 2 && english > dutch) return 'en';
  return undefined;
}
