import type { Lang } from '../i18n/language';
import { AnswerIndex, Candidate, sortByRank } from './answerIndex';
import { GuardedPattern } from './guards';
import { cmgDomainOf, isDomainTerm } from './domain';
import { ASKS_ABOUT_FEATURE, CmgFeature, featuresIn } from './features';
import type { ComputeKind, KbEntry } from './entry';
import { questionLanguage } from './questionLanguage';
import { questionParts } from './questionParts';
import type { ServiceNameQuestion } from './serviceNameQuestion';
import { situationFor, Situation, versionNote } from './situation';
import { prefixOf, questionSlots, QuestionSlots } from './slots';
import { contentWords, fold, startQuestion } from './text';

/** One answered ask: the entry and what it computes for the asker's data. */
export interface AnswerSection {
  entry: KbEntry;
  situation: Situation;
}

/** What the engine makes of a question; the capability turns it into a card. */
export type EngineAnswer =
  | {
      kind: 'answer';
      lang: Lang;
      /** One section, or two for a message that asks two things. */
      sections: AnswerSection[];
      /** Up to three other answers the admin may have meant, offered as buttons. */
      others: KbEntry[];
      /** A note that holds for the whole answer (an old or preview version). */
      note?: string;
      confidence: number;
      /** What the decision rested on (for the benchmark's calibration figures). */
      signals?: Signals;
    }
  | { kind: 'didYouMean'; lang: Lang; candidates: KbEntry[]; confidence: number }
  | { kind: 'serviceName'; lang: Lang; question: ServiceNameQuestion }
  | { kind: 'decline'; lang: Lang; reason: DeclineReason; confidence: number };

export type DeclineReason = 'empty' | 'harmful' | 'outOfScope' | 'unsure';

/**
 * Calibration, measured on the development sets (see bench/knowledge.ts for the figures):
 * - an answer needs the winner to explain at least MIN_COVERAGE of the ask's informative words;
 * - a runner-up on a different topic within TIE_RATIO of the winner makes a real tie, unless the
 *   winner explains clearly more of the question (COVERAGE_LEAD);
 * - below WEAK_COVERAGE nothing in the knowledge base matches.
 */
export const MIN_COVERAGE = 0.4;
export const TIE_RATIO = 0.92;
export const COVERAGE_LEAD = 0.15;
export const WEAK_COVERAGE = 0.28;
/** A rival ranked this close is a real tie unless the winner explains CLOSE_RIVAL_LEAD more of the ask. */
export const CLOSE_RIVAL_RATIO = 0.8;
export const CLOSE_RIVAL_LEAD = 0.3;
/** Below MIN_COVERAGE a winner still answers when every other topic ranks at most this share of it. */
export const CLEAR_LEAD_RATIO = 0.55;
/** Without a CMG term, only a strong match shows that a question is about the CMG at all. */
export const SECONDARY_DOMAIN_COVERAGE = 0.55;
/**
 * A question whose nearest neighbour among the questions we hold is one of the sets' out-of-scope
 * near misses (at least NEAR_MISS_SIMILARITY alike, and NEAR_MISS_LEAD times as alike as any
 * phrasing or example of ours) is declined. Both thresholds were measured leave-one-set-out on
 * blind sets 1-7 (each set scored with the examples and near misses of the others only).
 */
export const NEAR_MISS_SIMILARITY = 0.25;
export const NEAR_MISS_LEAD = 1.2;
/** Without a CMG word, a question at least this alike to one of our phrasings or examples is still weighed as ours. */
export const KNOWN_QUESTION_SIMILARITY = 0.4;
const MAX_OTHERS = 3;
/** A second section that repeats the first's computation gives way to a candidate ranked at least this close. */
const SECOND_SECTION_RATIO = 0.5;
const MAX_CHOICES = 3;
const MAX_QUESTION_LENGTH = 500;
/** Runners-up offered as other answers must rank at least this close to the winner. */
const OTHER_RATIO = 0.45;

// Safe: every alternative holds one of these words (`ware` alone would let every "software" through).
const HARMFUL = new GuardedPattern(
  /\b(hack|hacken|hacking|crack|kraak|kraken|exploit|steal|stelen|steelt|gestolen|credential harvest|wachtwoorden (?:van|stelen|buitmaken)|passwords? (?:of|from) (?:users|other)|phish|phishing|decrypt\w* (?:the |its |their |our )?(?:\w+ ){0,3}(?:secrets?|passwords?|keys?)|ontsleutel\w* (?:het |de )?(?:\w+ ){0,3}(?:geheim|secret|wachtwoord|sleutel)\w*|(?:secret|geheim|wachtwoord)\w* (?:\w+ ){0,8}(?:decrypt\w*|ontsleutel\w*)|malware|ransomware|ddos|keylogger|jailbreak|backdoor|achterdeur|trojan|botnet|spyware|virus)\w*/,
  ['hack', 'crack', 'kra', 'exploit', 'steal', 'stelen', 'steelt', 'gestolen', 'credential harvest', 'wachtwoord', 'password', 'phish', 'decrypt', 'ontsleutel', 'malware', 'ransomware', 'spyware', 'ddos', 'keylogger', 'jailbreak', 'backdoor', 'achterdeur', 'trojan', 'botnet', 'virus'],
);
/** Switching a security check off wholesale ("accept any client cert without checking the chain"): we do not help with that. */
// Safe: each alternative ends in what is switched off or handed out: authentication, a certificate or chain check, a validation, an admin role.
// Most CMG questions name a certificate or authentication, so a second list: each alternative also says for whom or how far
// (all, every, each, any, whatever, their Dutch forms, without, completely, entirely); iedereen holds ieder, alle holds all.
const DISABLES_SECURITY = new GuardedPattern(
  /\b(?:(?:turn|switch|shut) off[^.?!]{0,40}\b(?:cert(?:ificate)? )?validation\b[^.?!]*\b(?:all|every|everyone|everybody)\b|\b(?:grant|give|make|assign)s? (?:every|all|each)(?: \w+)? (?:users?|accounts?|admins?)\b[^.?!]{0,40}\b(?:global admin\w*|global administrator\w*|owner|full administrator)\b|\b(?:iedereen|alle gebruikers|elke gebruiker)\b[^.?!]{0,40}\b(?:global admin\w*|globale beheerder\w*|hoofdbeheerder\w*)\b|(?:accept|allow|trust|take)s? (?:any|every|all|whatever)(?: \w+)? (?:certs?|certificates?)|without any (?:authentication|auth)\b|zonder (?:enige|ook maar enige) (?:authenticatie|verificatie)\b|(?:accepteer|accepteren|aanvaarden|toelaten|vertrouwen) (?:van )?(?:elk|ieder|alle)(?: \w+)? (?:cert|certificaat|certificaten)|(?:elk|ieder|alle)(?: \w+)? (?:cert|certificaat|certificaten) (?:accepteren|aanvaarden|toelaten|vertrouwen)|without (?:any )?(?:checking|validating|verifying) (?:the )?(?:chain|certs?|certificates?)|zonder (?:de )?(?:keten|certificaten?) te (?:controleren|valideren)|(?:turn|switch|shut) off (?:the )?(?:cmg )?(?:authentication|auth)\b[^.?!]*\b(?:everyone|everybody|all|every)|(?:disable|bypass|skip) (?:the )?(?:cmg )?(?:authentication|auth)\b[^.?!]*\b(?:everyone|everybody|all|every)|(?:authenticatie|verificatie)\b[^.?!]*\b(?:uitschakelen|uitzetten|omzeilen)\b[^.?!]*\b(?:iedereen|alle|elk)|(?:authenticatie|verificatie)\b[^.?!]*\bvolledig (?:uitschakelen|uitzetten)|\bzet(?:ten)?\b[^.?!]*\b(?:authenticatie|verificatie|certificaatcontrole|certificaatverificatie|certificaatcheck)\b[^.?!]*\b(?:helemaal|volledig|compleet) uit\b|(?:turn|switch|shut) off (?:the )?(?:cmg )?(?:authentication|auth|certificate check\w*|cert check\w*)\b[^.?!]*\b(?:completely|entirely)\b|(?:turn|switch|shut) off (?:every|all|each) (?:authentication|auth|certificate|cert)\w*(?: checks?)?\b|(?:certificaatcontrole|certificaatverificatie|certificaatcheck)\b[^.?!]*\b(?:uitschakelen|uitzetten|omzeilen)\b[^.?!]*\b(?:iedereen|alle|elk)\b|\b(?:schakel|zet)\w*\b[^.?!]*\b(?:authenticatie|verificatie|certificaatcontrole)\b[^.?!]*\buit\b[^.?!]*\b(?:iedereen|alle|elk|zonder controle)\b)/,
  ['auth', 'cert', 'verificatie', 'validation', 'admin', 'owner', 'beheerder', 'chain', 'keten'],
  ['all', 'every', 'each', 'any', 'whatever', 'elk', 'ieder', 'zonder', 'without', 'volledig', 'helemaal', 'compleet', 'complete', 'entire'],
);

/**
 * Reading a secret out of the site database, or editing the database so a check does not see
 * something: unsupported tampering we do not walk anyone through.
 */
// Safe: both alternatives name the site database (`databa` is in database, databank and sitedatabase).
const TAMPERS = new GuardedPattern(
  /\b(?:read|pull|extract|dump|get|grab|lees|leest|lezen|haal|halen|uitlezen)\b[^.?!]{0,60}\b(?:secrets?|geheim|wachtwoord|password|keys?|sleutel)\b[^.?!]{0,60}\b(?:out of|from|uit)\b[^.?!]{0,40}\b(?:site ?database|sitedatabase|site db|database|databank)\b|\b(?:edit|modify|change|alter|tamper with|patch|hack|wijzig\w*|veranderen|aanpassen|bewerk\w*)\b[^.?!]{0,40}\b(?:site ?database|sitedatabase|site db|database|databank)\b[^.?!]{0,60}\b(?:doesn'?t see|does not see|niet (?:meer )?ziet|bypass\w*|omzeil\w*|skip\w*|overslaan|anyway|toch)\b/,
  ['databa', 'site db'],
);

/** Reaching into someone else's CMG or clients: a target that is not the asker's own, and an intrusion. */
// Safe: each alternative holds one of these (`other` is in another, `ander` in andere, anders, andermans).
const FOREIGN_TARGET = new GuardedPattern(
  /\b(competitor'?s?|rival|someone else'?s|another (?:company|organi[sz]ation|firm|tenant|customer|client)'?s?|other (?:company|organi[sz]ation|firm|tenant|customer)'?s?|other (?:companies|organi[sz]ations|firms|tenants|customers)'?|their (?:clients|cmg|tenant|site)|hun (?:clients|cmg|tenant|site)|concurrent\w*|ander(?:e|s)? (?:bedrijf|bedrijven|firma|organisatie|organisaties|klant|klanten|tenant|tenants)|andermans|van een ander)\b/,
  ['competitor', 'rival', 'else', 'other', 'their', 'hun', 'concurrent', 'ander'],
);
const INTRUSION = /\b(get into|break into|get (?:\w+ ){0,3}in there|take over|takeover|overnemen|binnendringen|inbreken|binnenkomen|binnenraken|binnen te raken|toegang (?:tot|krijgen)|push (?:a )?script|without (?:their )?permission|zonder toestemming|control their|besturen|(?:pull|read|grab|steal|dump) their|hun (?:beleid|policies|policy|gegevens|data) (?:uitlezen|ophalen|binnenhalen|lezen)|without (?:them|their|anyone|anybody) (?:\w+ )?(?:knowing|noticing|noticed|knowledge)|unnoticed|secretly|covertly|ongemerkt|stiekem|heimelijk|zonder dat (?:ze|zij|iemand|hij) (?:het |er )?(?:\w+ )?(?:merkt|merken|weet|weten)|achterhalen|bemachtigen|buitmaken|(?:pull|grab|extract|dump|read|get|obtain|lift) (?:the |their )?(?:\w+ ){0,4}(?:secrets?|keys?|passwords?|credentials?)|use their (?:azure )?(?:subscription|tenant|credits)|hun (?:azure[- ])?(?:abonnement|subscription|tenant) (?:te )?gebruiken)\b/;

/** The entries that hold the feature verdicts (what works over the CMG, what does not, what needs none). */
const FEATURE_ENTRIES = ['sup-supported', 'sup-not-supported', 'ovr-scenarios', 'cauth-aad'];

/** Words an ask may hold without saying what it is about. */
const GENERIC_ASK_WORDS = new Set(['xcmg', 'xclient', 'xconfigmgr', 'xmicrosoft']);

/** An ask about whether something is still supported: with a version in it, the lifecycle entries fit. */
// Safe: each alternative holds one of these (ondersteund and ondersteuning hold ondersteun).
const SUPPORT_ASK = new GuardedPattern(/\b(supported|support|ondersteund|ondersteuning|end of life|eol|end of support|out of support|lifecycle|levenscyclus|still good|nog goed)\b/, [
  'support',
  'ondersteun',
  'end of life',
  'eol',
  'lifecycle',
  'levenscyclus',
  'still good',
  'nog goed',
]);

/** An ask for the next version to go to ("naar welke versie kunnen we vanaf 2403 upgraden?"). */
// Safe: each alternative holds one of these (versi is in version and versie).
const UPGRADE_ASK = new GuardedPattern(/\b(upgrade|upgraden|upgrading|bijwerken|update naar|updaten naar|naar welke versie|which version (?:can|should|do) we|next version|volgende versie)\b/, ['upgrad', 'bijwerken', 'update', 'versi']);

/** The question is about moving an existing CMG, not about setting one up. */
// Safe: each alternative is one of these or starts with it (move and moving hold mov).
const MENTIONS_MOVE = new GuardedPattern(
  /\b(migrat\w*|move|moving|verhuiz\w*|overzetten|overstappen|convert\w*|omzet\w*|redeploy\w*|opnieuw|replac\w*|vervang\w*|existing|bestaande|classic|klassiek\w*|old|oude|current|huidige|cutover|switch\w*)\b/,
  ['migrat', 'mov', 'verhuiz', 'overzetten', 'overstappen', 'convert', 'omzet', 'redeploy', 'opnieuw', 'replac', 'vervang', 'existing', 'bestaande', 'classic', 'klassiek', 'old', 'oude', 'current', 'huidige', 'cutover', 'switch'],
);

/** The question is about the classic CMG or Azure's cloud services, not only about a version. */
// Safe: each alternative is one of these or starts with it.
const MENTIONS_CLASSIC = new GuardedPattern(/\b(classic|klassiek\w*|cloud services?|extended support|uitgebreide ondersteuning)\b/, ['classic', 'klassiek', 'cloud service', 'extended support', 'uitgebreide ondersteuning']);

/** The question's slots with what the engine reads beside them. */
type AskSlots = QuestionSlots & { asksSupport?: boolean; asksUpgrade?: boolean; mentionsClassic?: boolean; mentionsMove?: boolean; asksName?: boolean; asksCname?: boolean; dutchRegionForm?: boolean };

/** An ask that points back at its context ("can we reuse that?", "klopt dat?") leans on it more. */
const POINTS_BACK = /\b(that|thats|that's|this|those|these|them|they|there|dat|da|dit|die|deze|daar|daarop|daarin|daarvoor|daarmee)\b/;
const POINTING_CONTEXT_WEIGHT = 0.7;
/** In a second ask, "it" and "they" point back at the first. */
const FOLLOWING_POINTER = /\b(it|its|they|them|hem|ie)\b/;

/** Words that ask for a CMG's name: such a question with a name and a region goes to the service-names card. */
// Safe: every name word holds name or naam, or is one of the others.
/** The ask names the CNAME record. Safe: the word itself is the literal. */
const CNAME = new GuardedPattern(/\bcname\b/, ['cname']);

const ASKS_FOR_NAME = new GuardedPattern(/\b(service ?name|servicenaam|service-naam|deployment ?name|deploymentnaam|implementatienaam|fqdn|url|hostname|host name|azure[- ]?(?:name|naam)|cmg[- ]naam|cmg[- ]name|naam|name|heten|heet|called|genoemd)\b/, [
  'name',
  'naam',
  'fqdn',
  'url',
  'heten',
  'heet',
  'called',
  'genoemd',
]);

/** Words of a naming question that do not ask about anything but the name. */
const NAMING_WORDS = new Set(['xdeployname', 'xservicename', 'xvmss', 'xcmg', 'xcert', 'xserverauth', 'xhostname', 'xregion', 'cn', 'xclassic', 'fqdn', 'naam', 'name', 'url', 'dns', 'azure']);

/**
 * How a CMG's Azure name is made: the classic form (NAME-02), the scale-set format (NAME-03), the
 * certificate's first label (NAME-05), the US Government domain (NAME-09), the region label
 * (REG-02) and worked examples (REG-04).
 */
const NAME_MAKING_FACTS = new Set(['NAME-02', 'NAME-03', 'NAME-05', 'NAME-09', 'REG-02', 'REG-04']);
const NAME_MAKING_FIT = 1.8;
const DUTCH_REGION_FIT = 1.5;

/** The ask wants the name itself ("what will it be called"), not a yes or no about it. */
const ASKS_WHAT = /\b(what|whats|which|wat|welke|hoe heet|how will|called|heten|heet|wordt de naam)\b/;

/** The answer engine: one index built at construction, then pure, synchronous lookups. */
export class AnswerEngine {
  private readonly entryOf: (id: string) => KbEntry | undefined;
  /** The last question's slots and their words (see slotWordsOf): a question's slots are a new object, so this never outlives it. */
  private lastSlots: QuestionSlots | undefined;
  private lastSlotWords = new Set<string>();
  /** Made once, not per question: whether the index spells a folded word. */
  private readonly knows: (folded: string) => boolean;

  constructor(private readonly index: AnswerIndex) {
    this.entryOf = (id) => index.entry(id);
    this.knows = (word) => index.knows(word);
  }

  answer(fullQuestion: string, clientLang: Lang): EngineAnswer {
    startQuestion();
    // A question is a sentence or two; a pasted log would only cost time (typo correction is per word).
    const question = fullQuestion.slice(0, MAX_QUESTION_LENGTH);
    // A Dutch locale always gets Dutch; an English client gets Dutch when the question clearly is.
    const lang: Lang = clientLang === 'nl' || questionLanguage(question) === 'nl' ? 'nl' : 'en';
    const folded = fold(question);
    // Nothing but greetings and filler ("hi", "thanks", "bedankt"): nothing to answer or record.
    if (!/[a-z0-9]/.test(folded) || contentWords(question).length === 0) return { kind: 'decline', lang, reason: 'empty', confidence: 0 };
    if (HARMFUL.test(folded) || DISABLES_SECURITY.test(folded) || TAMPERS.test(folded) || (FOREIGN_TARGET.test(folded) && INTRUSION.test(folded))) return { kind: 'decline', lang, reason: 'harmful', confidence: 0 };

    const slots = this.slotsOf(question, folded);
    // A typo in the one CMG term of a question ('hoge beschikbaarhied') must not make it look foreign.
    // The near misses are few: scan them first, and our own questions only when that can decide.
    const nearMiss = this.index.nearest(question, 'outOfScope');
    let ours: number | undefined;
    const nearestOurs = () => (ours ??= this.index.nearest(question, 'inScope'));
    if (nearMiss >= NEAR_MISS_SIMILARITY && nearMiss >= NEAR_MISS_LEAD * nearestOurs()) return { kind: 'decline', lang, reason: 'outOfScope', confidence: 0 };
    let domain = strongestDomain(cmgDomainOf(question, slots), () => cmgDomainOf(this.index.corrected(question), slots));
    // No CMG word, but phrased like a question admins asked us before: weigh it as one of ours.
    if (domain === 'none' && nearestOurs() >= KNOWN_QUESTION_SIMILARITY && nearestOurs() >= NEAR_MISS_LEAD * nearMiss) domain = 'secondary';
    if (domain === 'none' || domain === 'foreign') return { kind: 'decline', lang, reason: 'outOfScope', confidence: 0 };

    const parts = questionParts(question);
    // A second ask often points back at the first ("… and what has to be true before it shows up").
    const asks = parts.asks.map((ask, index) => this.rankAsk(ask, index === 0 ? parts.context : `${parts.context} ${parts.asks[0]}`, slots, index > 0));
    if (asks.length === 2) {
      const both = this.twoAsks(asks[0], asks[1], slots, lang, domain);
      if (both) return both;
    }
    // One ask, or two that do not stand apart: the whole message as one question.
    const single = asks.length === 1 ? asks[0] : this.rankAsk(parts.asks.join(' '), parts.context, slots);
    // The service-names card needs a region: without one (most questions) there is no hand-over, and the last sentence need not be read.
    if (slots.region) {
      // "… prefix skane. deployment naam?": a last sentence of name words alone asks for the name too.
      const last = question.split(/(?<=[.!?;])\s+/).filter((sentence) => sentence.trim()).at(-1) ?? '';
      const handover = serviceNameHandover(parts.asks.length === 1 ? parts.asks[0] : '', single, slots, lang) ?? (isBareNameAsk(last, slots) ? serviceNameHandover(last, single, slots, lang) : undefined);
      if (handover) return handover;
    }
    return this.decideSingle(single, slots, lang, domain);
  }

  /** The ranked candidates without a decision (for the benchmark and tests). */
  candidates(question: string): Candidate[] {
    return this.explain(question).asks.flatMap((ask) => ask.ranked);
  }

  /** How the engine reads a question: its asks, context, slots and each ask's ranked candidates. */
  explain(question: string): { asks: { ask: string; ranked: Candidate[]; verdict: string }[]; context: string; slots: QuestionSlots } {
    const slots = this.slotsOf(question, fold(question));
    const parts = questionParts(question);
    const asks = parts.asks.map((ask, index) => this.rankAsk(ask, index === 0 ? parts.context : `${parts.context} ${parts.asks[0]}`, slots, index > 0));
    return { asks: asks.map(({ ask, ranked, verdict }) => ({ ask, ranked, verdict: verdict.kind })), context: parts.context, slots };
  }

  /** The asker's data, and what the whole question asks about (support, an upgrade, the classic CMG). */
  private slotsOf(question: string, folded: string): AskSlots {
    const slots = questionSlots(question, { isKnownWord: this.knows, folded });
    return { ...slots, asksSupport: SUPPORT_ASK.test(folded), asksUpgrade: UPGRADE_ASK.test(folded), mentionsClassic: MENTIONS_CLASSIC.test(folded), mentionsMove: MENTIONS_MOVE.test(folded) };
  }

  /** The words of the asker's data, worked out once per question's slots (every ask of a question reads the same). */
  private slotWordsOf(slots: QuestionSlots): Set<string> {
    if (this.lastSlots !== slots) {
      this.lastSlots = slots;
      this.lastSlotWords = slotWordsOf(slots);
    }
    return this.lastSlotWords;
  }

  private rankAsk(ask: string, context: string, slots: AskSlots, follows = false): RankedAsk {
    // "what are they?", "do I need to do anything?": an ask with hardly a word of its own asks about its context.
    // One plain word ("what's the actual difference?") says as little; one CMG concept ("each region") does not.
    // Counted in place (no filtered copy): how many words of its own, and the first.
    let ownCount = 0;
    let firstOwn = '';
    for (const word of contentWords(ask)) {
      if (GENERIC_ASK_WORDS.has(word)) continue;
      if (ownCount++ === 0) firstOwn = word;
    }
    if (context && (ownCount === 0 || (ownCount === 1 && !isDomainTerm(firstOwn))) && contentWords(context).length >= 2) {
      ask = `${context} ${ask}`;
      context = '';
    }
    // A second ask that points back leans on the first only as much as on plain context: it asks something new.
    // An ask of one telling word ("what about the cname?") asks about that word in its context.
    const foldedAsk = fold(ask);
    const pointing = (!follows && context !== '' && ownCount <= 1) || (follows ? FOLLOWING_POINTER.test(foldedAsk) && !POINTS_BACK.test(foldedAsk) : POINTS_BACK.test(foldedAsk));
    const contextWeight = pointing ? POINTING_CONTEXT_WEIGHT : undefined;
    // The features this ask asks about belong to this ask only, not to a second one in the message.
    const features = ASKS_ABOUT_FEATURE.test(foldedAsk) ? featuresIn(ask) : [];
    // "… what's the deployment name and do I need a CNAME?": this ask wants the name itself.
    const asksName = ASKS_FOR_NAME.test(foldedAsk) && ASKS_WHAT.test(foldedAsk);
    // Whether the region is written the Dutch portal's way: the same for every candidate, so read once here rather than in slotFit.
    const dutchRegionForm = asksName && slots.region !== undefined && !prefixOf(slots) && isDutchRegionForm(slots.region.text, slots.region.region.dutchNames);
    const askSlots = { ...slots, features, asksName, asksCname: CNAME.test(foldedAsk), dutchRegionForm };
    const include = features.length > 0 ? FEATURE_ENTRIES : undefined;
    const { candidates } = this.index.find(ask, context, { slotWords: this.slotWordsOf(slots), contextWeight, include });
    // The candidates are this search's own: each one's rank takes its fit in place (no copy per candidate).
    for (const candidate of candidates) candidate.rank *= slotFit(candidate.entry, askSlots);
    const ranked = sortByRank(candidates);
    // A feature we hold a verdict for decides the answer: the list that holds the verdict comes first.
    const holder = features.length > 0 ? ranked.find((candidate) => holdsVerdict(candidate.entry, features)) : undefined;
    if (holder && ranked[0] !== holder) {
      holder.rank = ranked[0].rank * 1.1;
      holder.coverage = Math.max(holder.coverage, MIN_COVERAGE);
      sortByRank(ranked);
    }
    return { ask, ranked, verdict: verdictOf(ranked, askSlots), slots: askSlots };
  }

  private decideSingle(ask: RankedAsk, slots: QuestionSlots, lang: Lang, domain: Domain): EngineAnswer {
    const { verdict, ranked } = ask;
    const top = ranked[0];
    if (domain === 'secondary' && (!top || top.coverage < SECONDARY_DOMAIN_COVERAGE)) return { kind: 'decline', lang, reason: 'outOfScope', confidence: top?.coverage ?? 0 };
    if (verdict.kind === 'answer') {
      const sections = [section(verdict.top.entry, ask.slots, lang)];
      return { kind: 'answer', lang, sections, others: othersFor(ranked, sections, this.entryOf), note: noteFor(sections, slots, lang), confidence: verdict.confidence, signals: verdict.signals };
    }
    if (verdict.kind === 'tie') return { kind: 'didYouMean', lang, candidates: verdict.choices.slice(0, MAX_CHOICES), confidence: verdict.confidence };
    return { kind: 'decline', lang, reason: 'unsure', confidence: top?.coverage ?? 0 };
  }

  /** Two asks: two sections when both match well, else the stronger one with the other as a button. */
  private twoAsks(first: RankedAsk, second: RankedAsk, slots: QuestionSlots, lang: Lang, domain: Domain): EngineAnswer | undefined {
    const a = first.verdict.kind === 'answer' ? first.verdict.top : undefined;
    let b = second.verdict.kind === 'answer' ? second.verdict.top : undefined;
    // "how many instances and how many connection points?": a second section that computes the
    // same as the first adds nothing; a close candidate that answers something else does.
    /** An answer from both asks: other answers from either, and the weaker of their confidences. */
    const fromBoth = (sections: AnswerSection[]): EngineAnswer => ({ kind: 'answer', lang, sections, others: othersFor([...first.ranked, ...second.ranked], sections, this.entryOf), note: noteFor(sections, slots, lang), confidence: Math.min(first.verdict.confidence, second.verdict.confidence), signals: weaker(first.verdict, second.verdict) });
    const family = a && computedFamily(a.entry, first.slots);
    if (a && b && family && computedFamily(b.entry, second.slots) === family) {
      const top = b;
      b = second.ranked.find((candidate) => candidate.entry.id !== a.entry.id && computedFamily(candidate.entry, second.slots) !== family && candidate.coverage >= WEAK_COVERAGE && candidate.rank >= SECOND_SECTION_RATIO * top.rank) ?? top;
      // "How many instances for 25,000 clients, and how many connection points?": one computation
      // answers both, best from the entry that explains both counts, when both asks rank it among their first three.
      if (b === top && family === 'counts' && slots.clients !== undefined && [first, second].some((ask) => contentWords(ask.ask).includes('xcmgcp'))) {
        const both = (ranked: Candidate[]) => ranked.slice(0, 3).find((candidate) => explainsBothCounts(candidate.entry));
        const shared = both(first.ranked);
        if (shared && both(second.ranked)?.entry.id === shared.entry.id) {
          const sections = [section(shared.entry, slots, lang)];
          return fromBoth(sections);
        }
      }
    }
    if (domain === 'secondary' && ![a, b].some((candidate) => candidate && candidate.coverage >= SECONDARY_DOMAIN_COVERAGE)) return undefined;
    if (a && b) {
      if (a.entry.id === b.entry.id || related(a.entry, b.entry) && sharesFacts(a.entry, b.entry)) {
        const sections = [section(a.entry, { ...slots, features: [...(first.slots.features ?? []), ...(second.slots.features ?? [])] }, lang)];
        return fromBoth(sections);
      }
      let sections = [section(a.entry, first.slots, lang), section(b.entry, second.slots, lang)];
      // Two entries that show the same sizing for the asker ("how many instances … and connection points
      // for 30,000 clients"): one section, from the entry that explains both counts, when either ask ranks it.
      if (computesAlike(sections[0], sections[1])) {
        const both = [first, second].map((ask) => ask.ranked.slice(0, 4).find((candidate) => explainsBothCounts(candidate.entry))).find((candidate) => candidate !== undefined);
        if (both) sections = [section(both.entry, slots, lang)];
      }
      return fromBoth(sections);
    }
    const main = a ? first : b ? second : undefined;
    if (!main || main.verdict.kind !== 'answer') return undefined;
    const other = main === first ? second : first;
    const sections = [section(main.verdict.top.entry, main.slots, lang)];
    // The other ask's best guess comes first among the buttons.
    const others = othersFor([...other.ranked.slice(0, 1), ...main.ranked], sections, this.entryOf);
    return { kind: 'answer', lang, sections, others, note: noteFor(sections, slots, lang), confidence: main.verdict.confidence, signals: main.verdict.signals };
  }
}

type Domain = ReturnType<typeof cmgDomainOf>;

interface RankedAsk {
  ask: string;
  ranked: Candidate[];
  verdict: Verdict;
  /** The question's slots with what this ask adds (the features it names). */
  slots: QuestionSlots;
}

/** The evidence behind an answer: how much the winner explains, and how close the best other topic came. */
export interface Signals {
  coverage: number;
  similarity: number;
  closeness: number;
  rivalCoverage: number;
  path: 'covered' | 'clearLead' | 'feature';
}

type Verdict =
  | { kind: 'answer'; top: Candidate; confidence: number; signals: Signals }
  | { kind: 'tie'; choices: KbEntry[]; confidence: number }
  | { kind: 'none'; confidence: number };

function weaker(a: Verdict, b: Verdict): Signals | undefined {
  if (a.kind !== 'answer' || b.kind !== 'answer') return undefined;
  return a.confidence <= b.confidence ? a.signals : b.signals;
}

/**
 * Entries about one topic: they share a fact or point to each other. For an asker who gave their
 * version, two entries that give the verdict over time for the same feature are one topic too:
 * both open with it ("on 2103 the scale-set option only shows once ...").
 */
function related(a: KbEntry, b: KbEntry, version?: QuestionSlots['version']): boolean {
  if (sharesFacts(a, b) || a.followUps.includes(b.id) || b.followUps.includes(a.id)) return true;
  return version !== undefined && a.timeline.some((feature) => feature !== 'support' && b.timeline.includes(feature));
}

function sharesFacts(a: KbEntry, b: KbEntry): boolean {
  return a.facts.some((fact) => b.facts.includes(fact));
}

/**
 * The decision for one ask. The winner is answered when it explains enough of the ask and no
 * entry on a different topic ranks about as high; a close second on the same topic is no
 * reason to withhold the answer.
 */
function verdictOf(ranked: Candidate[], slots: QuestionSlots): Verdict {
  const [top] = ranked;
  if (!top || top.coverage < WEAK_COVERAGE) return { kind: 'none', confidence: top?.coverage ?? 0 };
  // Entries that compute the same thing for the asker's data answer alike: no tie between them.
  const topFamily = computedFamily(top.entry, slots);
  // Read from the second on in place (no copy of the list); the cheap coverage test first.
  let rival: Candidate | undefined;
  for (let at = 1; at < ranked.length && !rival; at++) {
    const candidate = ranked[at];
    if (candidate.coverage >= WEAK_COVERAGE && !related(candidate.entry, top.entry, slots.version) && !(topFamily !== undefined && topFamily === computedFamily(candidate.entry, slots))) rival = candidate;
  }
  const closeness = rival ? rival.rank / top.rank : 0;
  const confidence = round(top.coverage * (1 - closeness / 2));
  // A rival on another topic that ranks nearly as high, and explains nearly as much, makes the
  // winner a guess: on questions written after tuning such answers were wrong more often than right.
  const tie = rival !== undefined && ((closeness >= TIE_RATIO && top.coverage - rival.coverage < COVERAGE_LEAD) || (closeness >= CLOSE_RIVAL_RATIO && top.coverage - rival.coverage < CLOSE_RIVAL_LEAD && !holdsVerdict(top.entry, slots.features ?? [])));
  const signals = (path: Signals['path']): Signals => ({ coverage: round(top.coverage), similarity: round(top.similarity), closeness: round(closeness), rivalCoverage: round(rival?.coverage ?? 0), path });
  if (top.coverage >= MIN_COVERAGE && !tie) return { kind: 'answer', top, confidence, signals: signals('covered') };
  // Clearly the best-supported entry, even though the question carries many words no entry explains.
  if (!tie && closeness <= CLEAR_LEAD_RATIO) return { kind: 'answer', top, confidence, signals: signals('clearLead') };
  const choices = [top, ...ranked.slice(1).filter((candidate) => candidate.coverage >= WEAK_COVERAGE && candidate.rank / top.rank >= OTHER_RATIO)];
  const distinct = choices.filter((candidate, index) => choices.findIndex((other) => other.entry.id === candidate.entry.id) === index);
  if (distinct.length >= 2 && (tie || top.coverage >= WEAK_COVERAGE)) return { kind: 'tie', choices: distinct.map((candidate) => candidate.entry), confidence };
  return { kind: 'none', confidence };
}

/**
 * How well an entry fits the asker's own data: an entry about the other certificate case, or
 * about versions other than theirs, ranks lower; one that matches ranks a little higher.
 */
function slotFit(entry: KbEntry, slots: AskSlots): number {
  let fit = 1;
  // "Is 2403 still supported?": the version's own support, not the classic CMG's or Azure's old cloud services.
  if (slots.version && (slots.asksSupport || slots.asksUpgrade) && !slots.mentionsClassic && (entry.timeline.includes('classicSupport') || entry.facts.includes('LIFE-02') || entry.facts.includes('LIFE-03'))) fit *= 0.6;
  // "On 2309 with a classic CMG, can we upgrade to 2503?": the prerequisite check that stops the upgrade (VMSS-12) comes before the path.
  const upgradeWithClassic = slots.version !== undefined && slots.asksUpgrade === true && slots.mentionsClassic === true;
  if (upgradeWithClassic && entry.facts.includes('VMSS-12')) fit *= 1.6;
  else if (slots.version && slots.asksUpgrade && entry.timeline.includes('upgradePath') && !upgradeWithClassic) fit *= 1.6;
  // Asked for the name with a name given: the entries on how the name is made compute it.
  // "Which CNAME goes in public DNS?" for a new CMG: the CNAME entry, not the steps of a move.
  if (slots.asksCname && !slots.mentionsMove && slots.host?.domain === 'own') fit *= entry.compute.includes('cname') ? 1.3 : entry.compute.includes('ownDomainPath') || entry.compute.includes('names') ? 0.8 : 1;
  // Other entries that compute the names (which CN to choose, is the name free) answer another question.
  if (slots.asksName && prefixOf(slots)) fit *= entry.facts.some((fact) => NAME_MAKING_FACTS.has(fact)) ? NAME_MAKING_FIT : entry.compute.includes('names') ? 0.8 : 1;
  // "We chose VS-West: what goes in the name?": the entry that maps Dutch portal names (REG-03) answers it.
  if (slots.dutchRegionForm && entry.facts.includes('REG-03')) fit *= DUTCH_REGION_FIT;
  // "The old classic CMG had prefix contosocmg: what was its name?": the classic name (NAME-02), not the scale-set format.
  if (slots.asksName && slots.mentionsClassic && !slots.region && !slots.usGov && prefixOf(slots)) fit *= entry.facts.includes('NAME-02') ? 1.3 : 1;
  // On 2010/2103 with a classic CMG, whether a scale set can join it is decided by the no-mixing rule (VMSS-05, MIG-12).
  if (slots.version && !slots.version.preview && slots.version.number >= 2010 && slots.version.number <= 2103 && slots.mentionsClassic && entry.timeline.includes('mixing')) fit *= 1.3;
  // In the US Government cloud the classic name has its own domain (NAME-09); the public one (NAME-02) does not hold there.
  if (slots.asksName && slots.usGov) fit *= entry.facts.includes('NAME-09') ? 2 : entry.facts.includes('NAME-02') ? 0.7 : 1;
  // An entry that can compute for the data the admin gave fits a little better.
  if (computesAny(entry, slots)) fit *= 1.15;
  // The US Government cloud and CSP are situations with their own entries.
  if (slots.usGov && (entry.timeline.includes('usGov') || entry.facts.includes('NAME-09'))) fit *= 1.6;
  if (slots.csp && entry.facts.includes('REQ-01')) fit *= 1.2;
  if (slots.version && slots.asksSupport && entry.timeline.includes('support')) fit *= 1.6;
  // "Does client push work over the CMG?": the list that holds the feature's verdict fits.
  const features = slots.features ?? [];
  if (features.length > 0 && entry.compute.includes('features')) fit *= holdsVerdict(entry, features) ? 3 : 0.6;
  const domain = slots.host?.domain;
  if (entry.certificate && (domain === 'own' || domain === 'cloudapp.net')) fit *= entry.certificate === domain ? 1.25 : 0.6;
  if (entry.versions && slots.version && !slots.version.preview) {
    const { from = 0, until = 9999 } = entry.versions;
    fit *= slots.version.number >= from && slots.version.number <= until ? 1.2 : 0.6;
  }
  return fit;
}

/** A region as the Dutch portal writes it ("VS-West", "West-Europa"), not as Azure names it. */
function isDutchRegionForm(text: string, dutchNames: readonly string[]): boolean {
  const folded = fold(text).replace(/[^a-z0-9]+/g, '');
  return dutchNames.some((name) => fold(name).replace(/[^a-z0-9]+/g, '') === folded);
}

/** What the entry computes from the data given: the asker's names and path, or their counts. */
function computedFamily(entry: KbEntry, slots: QuestionSlots): 'names' | 'counts' | 'egress' | undefined {
  // One pass over the kinds it computes for the data (no filtered copy): counts before egress before features before names.
  let any = false;
  let egress = false;
  let features = false;
  for (const kind of entry.compute) {
    if (!computesWith(kind, slots)) continue;
    if (kind === 'sizing' || kind === 'connectionPoints' || kind === 'ports') return 'counts';
    any = true;
    if (kind === 'egress') egress = true;
    else if (kind === 'features') features = true;
  }
  if (egress) return 'egress';
  if (features) return undefined;
  return any ? 'names' : undefined;
}

/** Two sections whose computed part for the asker reads the same. */
function computesAlike(a: AnswerSection, b: AnswerSection): boolean {
  return a.situation.lines.length > 0 && a.situation.lines.join('\n') === b.situation.lines.join('\n');
}

/** An entry that computes the instances for a client count and explains the connection points they take (SIZE-04). */
function explainsBothCounts(entry: KbEntry): boolean {
  return entry.compute.includes('sizing') && entry.facts.includes('SIZE-04');
}

/** Whether the entry is the list that holds the verdict for one of these features. */
function holdsVerdict(entry: KbEntry, features: readonly CmgFeature[]): boolean {
  if (!entry.compute.includes('features')) return false;
  return features.some((feature) => entry.facts.includes(verdictFact(feature)));
}

/**
 * The fact that holds a feature's verdict: the supported or not-supported list, the scenarios
 * that need no CMG, and for user-targeted software the client authentication that it depends on
 * (only Entra ID authentication serves user collections).
 */
function verdictFact(feature: CmgFeature): string {
  if (feature.id === 'userApps') return 'CAUTH-02';
  return { supported: 'SUP-01', notSupported: 'SUP-02', notNeeded: 'OVR-03' }[feature.verdict];
}

/** Whether the entry computes anything for the data given (a loop: no closure per candidate). */
function computesAny(entry: KbEntry, slots: QuestionSlots): boolean {
  for (const kind of entry.compute) if (computesWith(kind, slots)) return true;
  return false;
}

function computesWith(kind: ComputeKind, slots: QuestionSlots): boolean {
  switch (kind) {
    case 'sizing':
    case 'egress':
      return slots.clients !== undefined;
    case 'connectionPoints':
    case 'ports':
      return slots.instances !== undefined;
    case 'features':
      return (slots.features ?? []).length > 0;
    case 'metadataUrl':
      return slots.host !== undefined;
    case 'names':
      return slots.region !== undefined && (slots.host !== undefined || slots.prefix !== undefined);
    case 'cname':
    case 'ownDomainPath':
      return slots.host?.domain === 'own';
    case 'cloudappPath':
      return slots.host?.domain === 'cloudapp.net';
    case 'migration':
      return slots.host?.domain === 'own' || slots.host?.domain === 'cloudapp.net';
  }
}

/** The folded words of the asker's data, to weigh like context. */
function slotWordsOf(slots: QuestionSlots): Set<string> {
  const words = new Set<string>();
  if (slots.version) words.add(String(slots.version.number));
  if (slots.region) for (const word of fold(slots.region.text).split(/[^a-z0-9]+/)) if (word) words.add(word);
  if (slots.prefix) words.add(fold(slots.prefix));
  if (slots.instances) words.add(String(slots.instances));
  return words;
}

function section(entry: KbEntry, slots: QuestionSlots, lang: Lang): AnswerSection {
  return { entry, situation: situationFor(entry, slots, lang) };
}

/** Other answers: close runners-up first, then the sections' related questions. */
function othersFor(ranked: Candidate[], sections: AnswerSection[], entryOf: (id: string) => KbEntry | undefined): KbEntry[] {
  const picked: KbEntry[] = [];
  // One or two sections and up to three picks: looked through, not put in a Set.
  const add = (entry: KbEntry | undefined) => {
    if (entry && !sections.some((part) => part.entry.id === entry.id) && !picked.some((other) => other.id === entry.id) && picked.length < MAX_OTHERS) picked.push(entry);
  };
  const top = ranked[0];
  for (const candidate of ranked) if (top && candidate.coverage >= WEAK_COVERAGE && candidate.rank >= OTHER_RATIO * top.rank) add(candidate.entry);
  for (const part of sections) for (const id of part.entry.followUps) add(entryOf(id));
  return picked;
}

const DOMAIN_STRENGTH: Domain[] = ['none', 'foreign', 'secondary', 'core'];

/** The stronger reading of the two; the corrected text is read only when the question as typed is not a core one. */
function strongestDomain(typed: Domain, corrected: () => Domain): Domain {
  if (typed === 'core' || typed === 'foreign') return typed;
  const other = corrected();
  return DOMAIN_STRENGTH.indexOf(other) > DOMAIN_STRENGTH.indexOf(typed) ? other : typed;
}

/** A sentence of nothing but words for the name ("deployment naam?", "fqdn?"). */
function isBareNameAsk(sentence: string, slots: QuestionSlots): boolean {
  const words = contentWords(sentence);
  if (!(words.length > 0 && words.length <= 3 && words.some((word) => word === 'xdeployname' || word === 'xservicename' || word === 'fqdn'))) return false;
  // The name's words are gathered only for the few sentences that get this far.
  const nameWords = nameWordsOf(slots);
  return words.every((word) => NAMING_WORDS.has(word) || nameWords.has(word));
}

/** The folded words of the asker's region and CMG name: in an ask for the name they name nothing else. */
function nameWordsOf(slots: QuestionSlots): Set<string> {
  return new Set([...fold(slots.region?.text ?? '').split(/[^a-z0-9]+/), fold(slots.prefix ?? '')]);
}

/**
 * "What will the service name be for Contoso in West Europe": a name, a region, and an ask for a
 * name, with nothing else asked. The service-names card answers that better than an entry.
 */
function serviceNameHandover(ask: string, ranked: RankedAsk, slots: QuestionSlots, lang: Lang): EngineAnswer | undefined {
  // The cheap tests first: most questions name no region, and most of the rest ask what the name is.
  if (!ask || !slots.region) return undefined;
  const folded = fold(ask);
  if (!ASKS_FOR_NAME.test(folded)) return undefined;
  if (!ASKS_WHAT.test(folded)) {
    // "cert cmg01.litware.com, France Central -> deployment name?": a bare name word also asks for it.
    const nameWords = nameWordsOf(slots);
    if (!contentWords(ask).every((word) => NAMING_WORDS.has(word) || nameWords.has(word))) return undefined;
  }
  // A deployment name the admin already has, or a cloudapp.net name, is a migration question.
  if (slots.host && slots.host.domain === 'cloudapp.azure.com') return undefined;
  const name = slots.host ? slots.host.text : prefixOf(slots);
  if (!name) return undefined;
  // A short ask for the name; a longer one asks something else about it.
  if (contentWords(ask).length > 8) return undefined;
  void ranked;
  return { kind: 'serviceName', lang, question: { kind: 'serviceName', cmgName: name, regionText: slots.region.text } };
}

/** The support note for an old version, unless a section already gives the verdict on support. */
function noteFor(sections: AnswerSection[], slots: QuestionSlots, lang: Lang): string | undefined {
  if (sections.some((part) => part.entry.timeline.includes('support'))) return undefined;
  return versionNote(slots, lang);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
