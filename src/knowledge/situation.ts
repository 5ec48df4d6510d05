import { format, Lang } from '../i18n/language';
import { cnameRecordLine, computeServiceNames } from '../naming';
import type { Region } from '../naming';
import { plainText } from '../text/markdown';
import type { ComputeKind, KbEntry } from './entry';
import { featureVerdict } from './features';
import { computeSizing, INSTANCES_PER_CONNECTION_POINT, MAX_INSTANCES } from './sizing';
import { prefixOf, QuestionSlots } from './slots';
import { knowledgeStrings } from './strings';
import { supportNote, versionVerdict } from './timeline';

/**
 * The part of an answer computed for the asker's own data: their deployment name and CNAME
 * record, their cloudapp.net path, their instance and connection-point counts, the verdict for
 * their version. Each line is card Markdown; text the admin typed is escaped.
 */
export interface Situation {
  /** A title for the section when the computation is the answer ("Sizing for 45,000 clients"). */
  title?: string;
  lines: string[];
}

const EMPTY: Situation = { lines: [] };

export function situationFor(entry: KbEntry, slots: QuestionSlots, lang: Lang): Situation {
  const parts: Situation[] = [];
  if (slots.version) for (const feature of entry.timeline) parts.push({ lines: [versionVerdict(feature, slots.version, lang)] });
  for (const kind of entry.compute) parts.push(compute(kind, slots, lang, entry));
  const title = parts.find((part) => part.title)?.title;
  return { title, lines: parts.flatMap((part) => part.lines) };
}

/** The support note for an old or preview version, once per answer (LIFE-04). */
export function versionNote(slots: QuestionSlots, lang: Lang): string | undefined {
  return slots.version ? supportNote(slots.version, lang) : undefined;
}

function compute(kind: ComputeKind, slots: QuestionSlots, lang: Lang, entry: KbEntry): Situation {
  switch (kind) {
    case 'names':
      return names(slots, lang);
    case 'migration':
      return slots.host?.domain === 'cloudapp.net' ? cloudappPath(slots, lang) : slots.host?.domain === 'own' ? cname(slots, lang) : EMPTY;
    case 'cname':
      return cname(slots, lang);
    case 'ownDomainPath':
      return ownDomainPath(slots, lang);
    case 'cloudappPath':
      return cloudappPath(slots, lang);
    case 'sizing':
      return sizing(slots, lang);
    case 'connectionPoints':
      return connectionPoints(slots, lang);
    case 'ports':
      // The classic entry (PORT-06) tries TCP-TLS first; a scale set uses HTTPS only.
      return entry.facts.includes('PORT-06') ? classicPorts(slots, lang) : ports(slots, lang);
    case 'egress':
      return egress(slots, lang);
    case 'features':
      return { lines: (slots.features ?? []).map((feature) => featureVerdict(feature, lang)) };
    case 'metadataUrl':
      return slots.host ? { lines: [format(knowledgeStrings[lang].situation.metadataUrl, { host: plainText(slots.host.text.toLowerCase()) })] } : EMPTY;
  }
}

/**
 * 30,000 / 30.000, as `toLocaleString` with the same locale writes it; one formatter per language,
 * made once, instead of the one `toLocaleString` sets up for every number it writes.
 */
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = { en: new Intl.NumberFormat('en-US'), nl: new Intl.NumberFormat('nl-NL') };
const number = (value: number, lang: Lang) => NUMBER_FORMATS[lang === 'nl' ? 'nl' : 'en'].format(value);

/** The asker's names on a scale set, or undefined when the question gave no name or region. */
function computedNames(slots: QuestionSlots) {
  const prefix = prefixOf(slots);
  if (!prefix || !slots.region) return undefined;
  const nameOrCertificate = slots.host && slots.host.domain !== 'cloudapp.azure.com' ? slots.host.text : prefix;
  const names = computeServiceNames({ nameOrCertificate, region: slots.region.region });
  return names.ok ? names : undefined;
}

function regionName(region: Region, lang: Lang): string {
  // The name the reader knows (Dutch portal name for Dutch readers) and the label that goes into DNS.
  const known = lang === 'nl' && region.dutchNames.length > 0 ? region.dutchNames[0] : region.displayName;
  return `${known} (${region.name})`;
}

function names(slots: QuestionSlots, lang: Lang): Situation {
  const s = knowledgeStrings[lang].situation;
  const prefix = prefixOf(slots);
  // The classic US Government cloud has its own domain (NAME-09).
  if (slots.usGov && prefix && !slots.region) return { lines: [format(s.usGovName, { prefix: plainText(prefix), name: plainText(`${prefix.toLowerCase()}.usgovcloudapp.net`) })] };
  const computed = computedNames(slots);
  if (computed) {
    const lines = [format(s.deploymentName, { prefix: plainText(computed.prefix), region: regionName(computed.region, lang), name: computed.scaleSetNameLowerCase, classic: plainText(computed.classicName.toLowerCase()) })];
    if (computed.cname) lines.push(format(s.cnameRecord, { host: plainText(computed.cname.host), target: computed.cname.target.toLowerCase(), record: plainText(cnameRecordLine({ host: computed.cname.host, target: computed.cname.target.toLowerCase() })) }));
    return { lines };
  }
  // A name without a region: the classic name is known; the scale-set name waits for the region (NAME-02, NAME-03).
  if (prefix && !slots.region) {
    const lower = prefix.toLowerCase();
    return { lines: [format(s.namesWithoutRegion, { prefix: plainText(prefix), classic: plainText(`${lower}.cloudapp.net`), scaleSet: plainText(`${lower}.{region}.cloudapp.azure.com`) })] };
  }
  if (slots.region) {
    return { lines: [format(s.regionLabel, { region: regionName(slots.region.region, lang), label: slots.region.region.name, example: `${prefix ? plainText(prefix.toLowerCase()) : '{prefix}'}.${slots.region.region.name}.cloudapp.azure.com` })] };
  }
  return EMPTY;
}

function cname(slots: QuestionSlots, lang: Lang): Situation {
  const s = knowledgeStrings[lang].situation;
  const computed = computedNames(slots);
  if (!computed?.cname) return names(slots, lang);
  const target = computed.cname.target.toLowerCase();
  return { lines: [format(s.cnameRecord, { host: plainText(computed.cname.host), target, record: plainText(cnameRecordLine({ host: computed.cname.host, target })) })] };
}

function ownDomainPath(slots: QuestionSlots, lang: Lang): Situation {
  const s = knowledgeStrings[lang].situation;
  const computed = computedNames(slots);
  if (!computed?.cname) return names(slots, lang);
  const target = computed.cname.target.toLowerCase();
  return {
    lines: [
      format(s.ownDomainSteps, {
        host: plainText(computed.cname.host),
        target,
        record: plainText(cnameRecordLine({ host: computed.cname.host, target })),
        region: regionName(computed.region, lang),
      }),
    ],
  };
}

function cloudappPath(slots: QuestionSlots, lang: Lang): Situation {
  const s = knowledgeStrings[lang].situation;
  const prefix = prefixOf(slots);
  if (!prefix) return EMPTY;
  const region = slots.region?.region;
  const newName = region ? `${prefix.toLowerCase()}.${region.name}.cloudapp.azure.com` : `${prefix.toLowerCase()}.{region}.cloudapp.azure.com`;
  const old = slots.host?.domain === 'cloudapp.net' ? slots.host.text : `${prefix}.cloudapp.net`;
  return { lines: [format(s.cloudappSteps, { old: plainText(old), newName: plainText(newName), region: region ? regionName(region, lang) : '' })] };
}

function sizing(slots: QuestionSlots, lang: Lang): Situation {
  if (!slots.clients) return slots.instances ? connectionPoints(slots, lang) : EMPTY;
  const s = knowledgeStrings[lang];
  const preRelease = slots.version !== undefined && !slots.version.preview && (slots.version.number === 2010 || slots.version.number === 2103);
  const result = computeSizing({ clients: slots.clients, size: slots.vmSize ?? 'standard', preRelease });
  const size = result.preRelease ? s.sizingSizes.preRelease : s.sizingSizes[result.size];
  const lines = [
    format(s.sizingBody, {
      size,
      clients: number(result.clients, lang),
      instances: number(result.instances, lang),
      perInstance: number(result.clientsPerInstance, lang),
      recommended: result.recommendedInstances,
      instanceUnit: unit(s.units.instance, result.instances),
      pointsClause: format(unit(s.sizingPoints, result.loadConnectionPoints), { points: result.loadConnectionPoints }),
      connectionPoints: result.connectionPoints,
    }),
  ];
  if (result.cmgs > 1) lines.push(format(s.sizingTooMany, { cmgs: result.cmgs }));
  if (result.connectionPointsForPorts > result.connectionPoints) lines.push(format(s.sizingPorts, { portPoints: result.connectionPointsForPorts }));
  if (result.size === 'lab' && !result.preRelease) lines.push(s.sizingLab);
  return { title: format(s.sizingTitle, { clients: number(result.clients, lang) }), lines };
}

/** The counted thing in the singular for one, else the plural (English and Dutch alike). */
function unit(forms: { one: string; other: string }, count: number): string {
  return count === 1 ? forms.one : forms.other;
}

function connectionPoints(slots: QuestionSlots, lang: Lang): Situation {
  if (!slots.instances) return slots.clients ? sizing(slots, lang) : EMPTY;
  const s = knowledgeStrings[lang].situation;
  const { units } = knowledgeStrings[lang];
  const instances = Math.min(slots.instances, MAX_INSTANCES);
  const points = Math.ceil(instances / INSTANCES_PER_CONNECTION_POINT);
  const lines = [format(s.connectionPoints, { instances, points, instanceUnit: unit(units.instance, instances), pointUnit: unit(units.point, points) })];
  if (slots.instances > MAX_INSTANCES) lines.unshift(format(s.tooManyInstances, { instances: slots.instances }));
  if (points < 2) lines.push(s.connectionPointsHa);
  return { lines };
}

function ports(slots: QuestionSlots, lang: Lang): Situation {
  if (!slots.instances) return EMPTY;
  const s = knowledgeStrings[lang].situation;
  const instances = Math.min(slots.instances, MAX_INSTANCES);
  if (instances === 1) return { lines: [s.portsOne] };
  return { lines: [format(s.portsMany, { instances, last: 10123 + instances })] };
}

function classicPorts(slots: QuestionSlots, lang: Lang): Situation {
  if (!slots.instances) return EMPTY;
  const s = knowledgeStrings[lang].situation;
  const instances = Math.min(slots.instances, MAX_INSTANCES);
  if (instances === 1) return { lines: [s.portsClassicOne] };
  return { lines: [format(s.portsClassicMany, { instances, tcpLast: 10139 + instances, httpsLast: 10123 + instances })] };
}

/** COST-03: about 100-300 MB of egress per client a month. */
function egress(slots: QuestionSlots, lang: Lang): Situation {
  if (!slots.clients) return EMPTY;
  const s = knowledgeStrings[lang].situation;
  const gb = (mb: number) => number(Math.round((slots.clients as number) * mb / 100) / 10, lang);
  return { lines: [format(s.egress, { clients: number(slots.clients, lang), low: gb(100), high: gb(300) })] };
}
