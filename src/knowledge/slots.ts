import { defaultRegionCatalog, RegionCatalog } from '../naming';
import type { Region } from '../naming';
import type { CmgFeature } from './features';
import { GuardedPattern, hasDigit } from './guards';
import { fold } from './text';

/**
 * What a question says about the asker's own setup, read before any ranking: their certificate
 * or CMG name, region, Configuration Manager version, client and VM instance counts, VM size,
 * CSP subscription and cloud. The answer is computed for these instead of the generic example.
 */
export interface QuestionSlots {
  /** A host name the admin gave: certificate common name, service name or deployment name. */
  host?: { text: string; domain: HostDomain };
  /** A bare CMG name or prefix ("Contoso", "named cmgprod"), when no host name was given. */
  prefix?: string;
  region?: { region: Region; text: string };
  /** A Configuration Manager current branch version (2107) or technical preview (TP 2009). */
  version?: { number: number; preview: boolean };
  clients?: number;
  instances?: number;
  vmSize?: 'lab' | 'standard' | 'large';
  csp?: boolean;
  usGov?: boolean;
  /** Features the ask asks about ("does client push work over the CMG?"), set per ask by the engine. */
  features?: CmgFeature[];
}

/** Where a host name lives: the admin's own domain, classic cloudapp.net, or a scale-set deployment name. */
export type HostDomain = 'own' | 'cloudapp.net' | 'usgovcloudapp.net' | 'cloudapp.azure.com';

/**
 * Current branch versions that exist (YYMM). A four-digit number is read as a version only if it
 * is one of these, so Windows Server 2012/2016/2019 or a year never counts as one.
 */
export const CB_VERSIONS = [1802, 1806, 1810, 1902, 1906, 1910, 2002, 2006, 2010, 2103, 2107, 2111, 2203, 2207, 2211, 2303, 2309, 2403, 2409, 2503, 2509, 2603] as const;

const FILE_SUFFIX = /\.(log|md|yml|ps1|exe|msi|pfx|cer|crt|json|xml|txt|cab|zip|dll|cmd|bat)$/;
const NOT_HOSTS = /^(microsoft\.\w+|\d+(\.\d+)+|e\.g|i\.e|a\.k\.a)$/;

/** The host names in a question (`cmg.contoso.com`, `GraniteFalls.cloudapp.net`), as typed. */
function hostsIn(question: string): { text: string; domain: HostDomain }[] {
  const found: { text: string; domain: HostDomain }[] = [];
  // A host name holds a full stop: most questions have none, and the pattern need not run.
  if (!question.includes('.')) return found;
  for (const match of question.matchAll(/(?<![\w@/.-])(\*\.)?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?![\w-]|\.[a-z0-9])/gi)) {
    const text = match[2].replace(/\.$/, '');
    const lower = text.toLowerCase();
    if (NOT_HOSTS.test(lower) || FILE_SUFFIX.test(lower) || !/\.[a-z]{2,}$/.test(lower)) continue;
    // A wildcard certificate names a domain, not a CMG: the prefix is still to be chosen.
    if (match[1]) continue;
    const domain: HostDomain = lower.endsWith('.usgovcloudapp.net')
      ? 'usgovcloudapp.net'
      : lower.endsWith('.cloudapp.net')
        ? 'cloudapp.net'
        : lower.endsWith('.cloudapp.azure.com')
          ? 'cloudapp.azure.com'
          : 'own';
    // "cloudapp.net" alone names the domain, not a CMG in it.
    if (['cloudapp.net', 'cloudapp.azure.com', 'usgovcloudapp.net', 'login.microsoftonline.com', 'sts.windows.net', 'learn.microsoft.com'].includes(lower)) continue;
    found.push({ text, domain });
  }
  return found;
}

/** Words that stand capitalised or after "for/named" in CMG questions without being a CMG's name. */
// The first line: words that follow "name" in a question about it ("what does the name look like", "the name format").
const NOT_A_NAME = new Set(
  (
    'look looks like format change changes become becomes stay stays length rules ' +
    'what which where when how will would should could is are the for in on at our we they their its it cmg cmgs azure vmss vm vms scale set schaalset ' +
    'service name servicenaam deployment implementatienaam fqdn url dns cname region regio microsoft configmgr sccm mecm memcm classic klassiek klassieke ' +
    'wat welke waar hoe wordt worden de het een voor in op bij onze wij we ze hun naam name be quick q hi hey hallo please pls graag van was dan die dat daar ' +
    'north south east west central noord zuid oost europa europe us vs asia azie uk wants want wil willen new nieuwe nieuw old oude ours ' +
    'a an my this that your you i ik mijn dit dat die deze je jij u uw gij ge and or en of if als then dan so dus but maar also ook ' +
    'production productie prod test lab clients client devices users the company bedrijf customer klant csp pki ca entra aad intune windows ' +
    'tls https http ssl cert certificate certificaat connection point verbindingspunt management gateway cloud ipv6 ipv4 key vault keyvault ' +
    'hello thanks dank bedankt team guys folks all everyone iedereen ok okay yes no ja nee not niet can kan do doe does did have has heb heeft ' +
    'e.g eg bijvoorbeeld bv example voorbeeld sure true false gov government overheid public publiek own eigen domain domein b2s a2_v2 a4_v2 a2v2 a4v2').split(' '),
);

/** Capitalised words of product names, weekdays and chat that are never a CMG's own name. */
const CAPITALISED_WORDS = new Set(
  ('dutch english nederlands engels teams intune windows azure microsoft entra defender autopilot office exchange configuration manager software center ' +
    'key vault storage network compute global administrator subscription owner full infrastructure enhanced resource government cloud services ' +
    'solution provider enforce convert ready lab standard large basic premium powershell bitlocker cmpivot wsus hyper proxy firewall help hulp ' +
    'monday tuesday wednesday thursday friday saturday sunday maandag dinsdag woensdag donderdag vrijdag zaterdag zondag sorry dear beste ' +
    'goedemorgen goedemiddag morning afternoon evening today vandaag tomorrow yesterday gisteren these those now nu still nog already just net ' +
    'only alleen every elke any some sommige many veel more meer less minder most meest his her haar when wanneer where waar why waarom who wie ' +
    'server servers site sites hoeveel welke hoelang kunnen kun moeten mogen zijn wordt worden question vraag vraagje quick snel update rollup hotfix preview technical current branch version versie build release tenant portal console').split(' '),
);

// Safe: each introducing word holds one of these (genaamd holds naam, named and prefixed their stems).
const INTRODUCED = new GuardedPattern(/\b(?:named|called|genaamd|heet|heten|(?:prefix|prefixed|voorvoegsel)(?:\s+(?:is|was|=|:))?|naam|name(?:d)?(?:\s+is)?)\s+["'\u201c\u2018]?([A-Za-z][A-Za-z0-9-]{2,23})["'\u201d\u2019]?/i, ['name', 'naam', 'prefix', 'called', 'heet', 'heten', 'voorvoegsel']);
// Safe: the chosen word must be followed by a name word (servicenaam and cmg-naam hold naam).
const CHOSEN = new GuardedPattern(/\b(?:put|use|pick|choose|take|kies|gebruik|neem|nemen)\s+["'\u201c\u2018]?([A-Za-z][A-Za-z0-9-]{2,23})["'\u201d\u2019]?\s+(?:as|als)\s+(?:the\s+|de\s+|our\s+|onze\s+)?(?:service ?name|servicenaam|prefix|naam|name|cmg[- ]?name|cmg[- ]?naam)/i, ['name', 'naam', 'prefix']);
// Safe: folding makes the typographic opening quotes plain, so a match leaves a plain quote in the folded text.
const QUOTED = new GuardedPattern(/["'\u201c\u2018]([A-Za-z][A-Za-z0-9-]{2,23})["'\u201d\u2019]/, ['"', "'"]);
// Safe: service name, servicenaam or prefix opens every match.
const NAMED = new GuardedPattern(/\b(?:service ?name|servicenaam|prefix)\s+(?:is|wordt|will be|becomes|=|:)?\s*["'\u201c\u2018]?([A-Za-z][A-Za-z0-9-]{2,23})\b/i, ['name', 'naam', 'prefix']);
// Safe: "for" or "voor" opens every match.
const FOR_LOWER_NAME = new GuardedPattern(/\b(?:for|voor)\s+([a-z][a-z0-9-]{2,23})\s+(?:in|op|at|te)\s/i, ['for', 'voor']);

/**
 * A capitalised name after "for", "cmg", "company" and the like, and any capitalised word, as
 * `prefixIn` scans for them. Global patterns read with `exec` from `lastIndex` 0 give what
 * `matchAll` gives (neither matches empty text), without the copy of the pattern and the iterator
 * `matchAll` makes per call (safe to share: `prefixIn` is synchronous and resets them each time).
 */
const FOR_NAME = /\b(?:for|voor|cmg|company|bedrijf|klant|customer|org|organisation|organization)\s+([A-Z][A-Za-z0-9-]{2,23})\b/g;
const CAPITALISED = /(^|[.?!:]\s+|.)\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*)\b/g;

/**
 * A bare CMG name: introduced by "named/called/prefix/genaamd", quoted, or a capitalised word after "for/voor".
 * `folded` is the folded whole question: the region taken out of `question` only left a space, so it holds every word `question` holds.
 */
function prefixIn(question: string, folded: string, isKnownWord: (word: string) => boolean): string | undefined {
  const introduced = INTRODUCED.exec(question, folded);
  if (introduced && isName(introduced[1])) return introduced[1];
  const chosen = CHOSEN.exec(question, folded);
  if (chosen && isName(chosen[1])) return chosen[1];
  const named = NAMED.exec(question, folded);
  if (named && isName(named[1]) && !isRegionWord(named[1])) return named[1];
  const quoted = QUOTED.exec(question, folded);
  if (quoted && isName(quoted[1]) && !isRegionWord(quoted[1])) return quoted[1];
  // "servicenaam voor contoso in VS-Oost": a lower-case name between "for" and the region.
  const before = FOR_LOWER_NAME.exec(question, folded);
  if (before && isName(before[1]) && !isRegionWord(before[1]) && !CAPITALISED_WORDS.has(fold(before[1]))) return before[1];
  // Both scans below need a capital A-Z, which a question typed in lower case (about half of them) lacks.
  if (!/[A-Z]/.test(question)) return undefined;
  // They read their patterns with `exec` from the start (see FOR_NAME).
  FOR_NAME.lastIndex = 0;
  for (let match = FOR_NAME.exec(question); match; match = FOR_NAME.exec(question)) {
    if (isName(match[1]) && !isRegionWord(match[1])) return match[1];
  }
  // A capitalised word that is not a common word: "Woodgrove wants their cmg in West US 2".
  // A word that opens a sentence is capitalised anyway: it counts only if it is no word we know.
  CAPITALISED.lastIndex = 0;
  for (let match = CAPITALISED.exec(question); match; match = CAPITALISED.exec(question)) {
    const word = match[2];
    const opensSentence = match[1] === '' || /[.?!:]/.test(match[1]);
    if (word.length < 3 || !isName(word) || isRegionWord(word) || CAPITALISED_WORDS.has(fold(word))) continue;
    if (opensSentence && isKnownWord(fold(word))) continue;
    return word;
  }
  return undefined;
}

function isName(word: string): boolean {
  const lowered = fold(word).replace(/[.-]+$/, '');
  if (NOT_A_NAME.has(lowered)) return false;
  // All-capitals short words are abbreviations (CMG, VMSS, URL), not prefixes.
  if (/^[A-Z0-9]{2,5}$/.test(word)) return false;
  return /^[a-z][a-z0-9-]{2,23}$/i.test(word);
}

function isRegionWord(word: string): boolean {
  return /^(north|south|east|west|central|noord|zuid|oost|centraal|europe|europa|asia|azie|us|vs|uk|india|japan|brazil|canada|france|germany|sweden|norway|switzerland|australia|korea|qatar|israel|mexico|poland|italy|spain|uae|africa|frankrijk|duitsland|zweden|noorwegen|zwitserland|australie|polen|italie|spanje|oostenrijk|belgie|belgium|denemarken|griekenland)$/i.test(fold(word));
}

/** Every word of every region name the catalog knows, so only runs of such words are looked up. */
const regionWordCache = new WeakMap<RegionCatalog, { regions: readonly Region[]; words: Set<string> }>();

/** The last catalog read and its words, looked at before the map: every question reads the one catalog the engine has. */
let lastCatalog: RegionCatalog | undefined;
let lastWords: { regions: readonly Region[]; words: Set<string> } | undefined;

function regionWords(catalog: RegionCatalog): Set<string> {
  // The catalog's own list, not a copy: a catalog whose regions change holds a new list.
  const regions = catalog.all();
  if (catalog === lastCatalog && lastWords?.regions === regions) return lastWords.words;
  const cached = regionWordCache.get(catalog);
  if (cached && cached.regions === regions) {
    lastCatalog = catalog;
    lastWords = cached;
    return cached.words;
  }
  const words = new Set<string>();
  for (const region of regions) {
    for (const name of [region.name, region.displayName, ...region.dutchNames]) {
      for (const word of fold(name).replace(/([a-z])(\d)/g, '$1 $2').split(/[^a-z0-9]+/)) if (word) words.add(word);
    }
  }
  const entry = { regions, words };
  regionWordCache.set(catalog, entry);
  lastCatalog = catalog;
  lastWords = entry;
  return words;
}

/** A character above ASCII (each half of a surrogate pair is one too). */
const NOT_ASCII = /[\u0080-\uffff]/;

/** Token bounds of the question being read, grown as needed (safe: `regionIn` is synchronous and not re-entered); saves an object per token. */
let tokenStarts = new Int32Array(64);
let tokenEnds = new Int32Array(64);
/** How many region tokens in a row end at each token, reused like the bounds above. */
let regionRunTo = new Int32Array(64);

/** Records a token's bounds at `count`, growing the scratch arrays when full. */
function putToken(count: number, start: number, end: number): void {
  if (count === tokenStarts.length) {
    const grow = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    tokenStarts = grow(tokenStarts);
    tokenEnds = grow(tokenEnds);
    regionRunTo = new Int32Array(tokenStarts.length);
  }
  tokenStarts[count] = start;
  tokenEnds[count] = end;
}

/** Fills the token bounds with the runs of ASCII letters and digits (what `/[A-Za-z0-9]+/g` matches); returns how many. */
function asciiTokens(text: string): number {
  let count = 0;
  let start = -1;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : 0;
    const alphanumeric = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (alphanumeric && start < 0) start = at;
    else if (!alphanumeric && start >= 0) {
      putToken(count++, start, at);
      start = -1;
    }
  }
  return count;
}

/** Fills the token bounds with the runs of letters and digits in any script; returns how many. */
function unicodeTokens(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) putToken(count++, match.index, match.index + match[0].length);
  return count;
}

/** Exported with `endsInRegionWord` for the check in guards.test.ts. */
export const LETTER_DIGIT = /[a-z]\d/;
const REGION_ENDINGS = ['us', 'europe', 'asia', 'india', 'central', 'east', 'west', 'north', 'south'];
export const PROGRAMMATIC_REGION = /^[a-z]+(?:us|europe|asia|india|central|east|west|north|south)\d?$/;

/** Whether a token ends, before one last digit, in a word PROGRAMMATIC_REGION ends in, after at least one character. */
export function endsInRegionWord(token: string): boolean {
  const last = token.charCodeAt(token.length - 1);
  const end = last >= 48 && last <= 57 ? token.length - 1 : token.length;
  for (const ending of REGION_ENDINGS) if (end > ending.length && token.startsWith(ending, end - ending.length)) return true;
  return false;
}

/** Region names in running text: the longest run of region words the catalog resolves exactly (any language). */
function regionIn(question: string, catalog: RegionCatalog): { region: Region; text: string } | undefined {
  const known = regionWords(catalog);
  // "westus2" and "eastus" are one token but two region words.
  // A token holds no space, so without a letter before a digit it is one word.
  // Safe: a letter before a digit needs a digit; the programmatic form needs a direction or area word at the end.
  const isRegionToken = (folded: string) =>
    (hasDigit(folded) && LETTER_DIGIT.test(folded) ? folded.replace(/([a-z])(\d)/g, '$1 $2').split(' ').every((part) => known.has(part)) : known.has(folded)) || (endsInRegionWord(folded) && PROGRAMMATIC_REGION.test(folded));
  // Each token is judged once; the runs below only look the answers up.
  // In plain ASCII the letters and digits are A-Z, a-z and 0-9, and folding them only lowers the case.
  const ascii = !NOT_ASCII.test(question);
  const count = ascii ? asciiTokens(question) : unicodeTokens(question);
  // Lowered once as a whole (the same positions in ASCII), so a token is one slice, not a slice lowered.
  const lowered = ascii ? question.toLowerCase() : question;
  const foldedToken = (i: number) => (ascii ? lowered.slice(tokenStarts[i], tokenEnds[i]) : fold(question.slice(tokenStarts[i], tokenEnds[i])));
  // Tokens i to i + length - 1 are all region words when at least `length` end at the last, so a run is checked without building it.
  for (let i = 0; i < count; i++) regionRunTo[i] = isRegionToken(foldedToken(i)) ? (i > 0 ? regionRunTo[i - 1] : 0) + 1 : 0;
  for (let length = 4; length >= 1; length--) {
    for (let i = 0; i + length <= count; i++) {
      if (regionRunTo[i + length - 1] < length) continue;
      const first = foldedToken(i);
      // A run starts with a word, not a bare number ("2 instances in West Europe").
      if (/^\d/.test(first)) continue;
      // One word must be a programmatic name or carry its direction ("westeurope", "eastus2"); "central" or "us" alone is not a region.
      if (length === 1 && !/^[a-z]+(?:europe|asia|us|india|central|east|west|north|south)\d?$/.test(first)) continue;
      const text = question.slice(tokenStarts[i], tokenEnds[i + length - 1]);
      // A region read past a typo is not taken from running text.
      const region = catalog.resolveExactly(text);
      if (region) return { region, text };
    }
  }
  return undefined;
}

/** A digit: what a version holds (for the check in guards.test.ts; the caller tests `hasDigit` once). */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
// Safe: technical preview and tech preview hold preview.
const PREVIEW = new GuardedPattern(/\b(?:tp|technical preview|tech preview)\s*-?\s*(\d{4})\b/, ['tp', 'preview']);
const VERSION = new GuardedPattern(/(?<![\d.,])(\d{4})(?![\d.,]\d)/g, DIGITS);

/** Whether the text holds four digits in a row, as every version does (a question with a digit often has one alone: "West US 2"). */
function hasFourDigits(text: string): boolean {
  let run = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    run = code >= 48 && code <= 57 ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}

function versionIn(folded: string): QuestionSlots['version'] {
  if (!hasFourDigits(folded)) return undefined;
  const preview = PREVIEW.exec(folded);
  if (preview) return { number: Number(preview[1]), preview: true };
  for (const match of folded.matchAll(VERSION.pattern)) {
    const number = Number(match[1]);
    if ((CB_VERSIONS as readonly number[]).includes(number)) return { number, preview: false };
  }
  return undefined;
}

const CLIENT_WORDS = 'clients?|devices?|apparaten|apparaat|toestellen|machines|werkplekken|endpoints?|pcs?|laptops?|computers?|systemen|users?|gebruikers|seats|werkstations|workstations';
// Safe: each client word holds one of these (apparaat and apparaten hold appara); the engine tests for a digit first.
const COUNT = new GuardedPattern(
  new RegExp(`(?<![\\w.,])(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s*(k|duizend|thousand|000)?\\s+(?:[a-z-]+\\s+){0,2}?(?:${CLIENT_WORDS})\\b`),
  ['client', 'device', 'appara', 'toestellen', 'machines', 'werkplekken', 'endpoint', 'pc', 'laptop', 'computer', 'systemen', 'user', 'gebruikers', 'seats', 'werkstations', 'workstations'],
);
// Safe: each instance word holds one of these (instances and instanties hold instan, vms and vm's hold vm).
const INSTANCE_COUNT = new GuardedPattern(/(?<![\w.,])(\d{1,2})\s*(?:x\s*)?(?:cmg[\s-]*)?(?:vm[\s-]*)?(?:instances?|instanties?|vms|vm's|nodes|virtuele machines|virtual machines)\b/, ['instan', 'vm', 'nodes', 'machines']);
// Safe: each size word holds one of these (standaardformaat and the rest hold standa, a2_v2 holds a2).
const LARGE = new GuardedPattern(/\b(large|groot|grote|a4_?v2)\b/, ['large', 'groot', 'grote', 'a4']);
const LAB = new GuardedPattern(/\b(lab|b2s)\b/, ['lab', 'b2s']);
const STANDARD = new GuardedPattern(/\b(standard|a2_?v2|standaardformaat|standaardgrootte|standaard ?(?:grootte|formaat|size|vm|maat))\b/, ['standa', 'a2']);
const CSP = new GuardedPattern(/\b(csp|cloud solution provider)\b/, ['csp', 'cloud solution provider']);
// Safe: every US Government form but gcc and overheid holds gov.
const US_GOV = new GuardedPattern(/\b(us ?gov\w*|gov ?cloud|government|gcc|overheid\w*|usgovcloudapp|azureusgovernmentcloud)\b/, ['gov', 'gcc', 'overheid']);

function parseCount(digits: string, multiplier: string | undefined): number {
  if (multiplier && multiplier !== '000') return Math.round(Number(digits.replace(',', '.')) * 1000);
  // Thousands separators differ by language (45,000 / 45.000 / 45 000); a group of exactly three
  // digits after the separator is a thousands group in both.
  return Number(digits.replace(/[.,\s](?=\d{3}(?:\D|$))/g, ''));
}

/** Reads the asker's own data from a question. */
export function questionSlots(question: string, options: { catalog?: RegionCatalog; isKnownWord?: (folded: string) => boolean; folded?: string } = {}): QuestionSlots {
  const catalog = options.catalog ?? defaultRegionCatalog;
  // The engine has the question folded already.
  const folded = options.folded ?? fold(question);
  const slots: QuestionSlots = {};
  const hosts = hostsIn(question);
  // The admin's certificate or service name comes first; a deployment name they quote is the target.
  const host = hosts.find((candidate) => candidate.domain !== 'cloudapp.azure.com') ?? hosts[0];
  const region = regionIn(question, catalog);
  if (host) slots.host = host;
  else {
    // The region's own words ("VS-West", "Noord-Europa") are not the CMG's name.
    const withoutRegion = region ? question.replace(region.text, ' ') : question;
    const prefix = prefixIn(withoutRegion, folded, options.isKnownWord ?? (() => false));
    if (prefix) slots.prefix = prefix;
  }
  if (region) slots.region = region;
  else if (host?.domain === 'cloudapp.azure.com') {
    // A deployment name carries its region: granitefalls.westeurope.cloudapp.azure.com.
    const label = host.text.split('.')[1] ?? '';
    const named = catalog.byName(label);
    if (named) slots.region = { region: named, text: label };
  }
  // Safe: a version, a client count and an instance count each hold a digit; most questions have none.
  const digits = hasDigit(folded);
  const version = digits ? versionIn(folded) : undefined;
  if (version) slots.version = version;
  const clients = digits ? COUNT.exec(folded) : null;
  if (clients) {
    const count = parseCount(clients[1], clients[2]);
    if (Number.isFinite(count) && count >= 1 && count <= 10_000_000) slots.clients = count;
  }
  const instances = digits ? INSTANCE_COUNT.exec(folded) : null;
  if (instances) {
    const count = Number(instances[1]);
    if (count >= 1 && count <= 99) slots.instances = count;
  }
  if (LARGE.test(folded)) slots.vmSize = 'large';
  else if (LAB.test(folded)) slots.vmSize = 'lab';
  else if (STANDARD.test(folded)) slots.vmSize = 'standard';
  if (CSP.test(folded)) slots.csp = true;
  if (US_GOV.test(folded)) slots.usGov = true;
  return slots;
}

/** The CMG name to compute with: the host's first label, or the bare prefix. */
export function prefixOf(slots: QuestionSlots): string | undefined {
  if (slots.host) return slots.host.text.split('.')[0];
  return slots.prefix;
}
