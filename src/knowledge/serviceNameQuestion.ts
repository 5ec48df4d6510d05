import { fold } from './text';

/** A question that asks for a computed CMG name, for the service-names capability to answer. */
export interface ServiceNameQuestion {
  kind: 'serviceName';
  /** The prefix or certificate CN the admin named, as typed. */
  cmgName: string;
  /** The region as typed (English or Dutch display name, or a programmatic name). */
  regionText: string;
}

const DIRECTIONS = 'north|south|east|west|central|southeast|northeast|southwest|northwest|north central|south central|west central';
const PLACES = 'us|usa|europe|asia|india|uk|japan|australia|brazil|canada|france|germany|norway|switzerland|uae|korea|africa|sweden|poland|italy|spain|israel|mexico|qatar';
const REGION_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:${DIRECTIONS})\\s+(?:${PLACES})(?:\\s*\\d)?\\b`, 'i'),
  new RegExp(`\\b(?:${PLACES})\\s+(?:${DIRECTIONS}|east\\s*2|west\\s*2|west\\s*3)(?:\\s*\\d)?\\b`, 'i'),
  /\b(?:eastus2?|westus[23]?|centralus|northcentralus|southcentralus|westcentralus|northeurope|westeurope|uksouth|ukwest|swedencentral|francecentral|germanywestcentral|southeastasia|eastasia|australiaeast|canadacentral|canadaeast|japaneast|norwayeast|switzerlandnorth|polandcentral|italynorth|spaincentral)\b/i,
  /\b(?:vs|verenigde staten)\s*-\s*(?:oost|west|centraal|noord-centraal|zuid-centraal|west-centraal)(?:\s*\d)?\b/i,
  /\b(?:vs)\s+(?:oost|west|centraal)(?:\s*\d)?\b/i,
  /\b(?:west|noord|oost|zuid|zuidoost)\s*-\s*(?:europa|azie|azië)\b/i,
  /\b(?:west|noord|oost|zuid|zuidoost)\s+(?:europa|azie|azië)\b/i,
  /\b(?:europa|azie|azië)\s*-\s*(?:west|noord|oost|zuid)\b/i,
  /\b(?:zweden|frankrijk|duitsland|canada|australie|australië|japan|noorwegen|zwitserland|vk|verenigd koninkrijk)\s*-?\s*(?:centraal|oost|west|zuid|noord|west-centraal)\b/i,
];

/** Whether the text names an Azure region in English, Dutch or programmatic form. */
export function mentionsRegion(text: string): boolean {
  return REGION_PATTERNS.some((pattern) => pattern.test(text));
}

const ASKS_FOR_NAME = /\b(service ?name|servicenaam|service-naam|deployment ?name|deploymentnaam|implementatienaam|fqdn|url|dns[- ]?name|dns-naam|hostname|host name|cmg[- ]naam|cmg[- ]name|naam|name|cname|heten|heet|called)\b/;

/** Words that can stand capitalised in such a question without being the CMG's name. */
const NOT_A_NAME = new Set(
  ('what which where when how will would should could is are the for in on at our we they their its it cmg cmgs azure vmss vm scale set schaalset ' +
    'service name servicenaam deployment implementatienaam fqdn url dns cname region regio microsoft configmgr sccm mecm classic klassiek ' +
    'wat welke waar hoe wordt worden de het een voor in op bij onze wij we ze hun naam name be quick q hi hey hallo please pls graag ' +
    'north south east west central noord zuid oost europa europe us vs asia azie uk wants want wil willen new nieuwe our ours').split(' '),
);

/**
 * Recognises "what will the service name be for Contoso in West Europe": it needs a region, a
 * word asking for a name, and a name-like word. Without a name it is a general naming
 * question and stays with the knowledge base.
 */
export function serviceNameQuestion(question: string): ServiceNameQuestion | undefined {
  const folded = fold(question);
  if (!ASKS_FOR_NAME.test(folded)) return undefined;
  const region = REGION_PATTERNS.map((pattern) => pattern.exec(question)).find((match) => match);
  if (!region) return undefined;
  const withoutRegion = question.slice(0, region.index) + ' ' + question.slice(region.index + region[0].length);
  const cmgName = nameIn(withoutRegion);
  if (!cmgName) return undefined;
  return { kind: 'serviceName', cmgName, regionText: region[0].trim() };
}

function nameIn(text: string): string | undefined {
  // A name introduced by "for/voor/named/called/genaamd/prefix", in any case.
  const introduced = /\b(?:for|voor|named|called|genaamd|heet|prefix)\s+["'“]?([A-Za-z][\w.-]{1,62})/i.exec(text);
  if (introduced && isName(introduced[1])) return trimName(introduced[1]);
  // Otherwise a capitalised word or a host name (cmg.litware.com) that is not a common word.
  for (const match of text.matchAll(/\b([A-Z][A-Za-z0-9-]{2,23}|[a-z][a-z0-9-]*(?:\.[a-z0-9-]+){2,})\b/g)) {
    if (isName(match[1])) return trimName(match[1]);
  }
  return undefined;
}

function isName(word: string): boolean {
  const lowered = fold(word).replace(/[.-]+$/, '');
  if (NOT_A_NAME.has(lowered)) return false;
  if (/^(?:[a-z]+)$/.test(word) && word.length < 3) return false;
  // All-capitals short words are abbreviations (CMG, VMSS, URL), not prefixes.
  if (/^[A-Z0-9]{2,5}$/.test(word)) return false;
  return true;
}

function trimName(word: string): string {
  return word.replace(/[.,;:!?'"”]+$/, '');
}
