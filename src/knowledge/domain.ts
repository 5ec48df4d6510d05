import { GuardedPattern } from './guards';
import type { QuestionSlots } from './slots';
import { canonicalTokens, contentWords, fold, glossedText } from './text';

/**
 * Whether a question is about the CMG at all, before any entry is ranked:
 * - `core`: it names the CMG or something only the CMG has (connection point, scale set,
 *   cloudapp names, CMG logs and error codes, a Configuration Manager version);
 * - `foreign`: without such a term it names a neighbouring product (PXE, co-management sliders,
 *   VPN gateways, Exchange certificates, Teams): those questions are not ours however well their
 *   other words match;
 * - `secondary`: only general terms (certificate, management point, Entra, region): answered
 *   when an entry explains the question well;
 * - `none`: nothing of the CMG's world.
 */
export type CmgDomain = 'core' | 'foreign' | 'secondary' | 'none';

const CORE_CANONICALS = new Set(['xcmg', 'xcmgcp', 'xscp', 'xvmss', 'xclassic', 'xservicename', 'xdeployname', 'xclouddp', 'xcontentenabled', 'xanalyzer', 'xtcptls', 'xibcm', 'xrp', 'xkeyvault', 'xbulktoken']);

/** Canonical tokens so general that they never place a question anywhere ("client", "cost", "wizard"). */
const GENERIC_CANONICALS = new Set(['xclient', 'xcost', 'xdelete', 'xwizard', 'xinternet', 'xpolicy', 'xvm', 'xsubscription', 'xregion', 'xalert', 'xthreshold', 'xlog', 'xport', 'xga', 'xmax', 'xmicrosoft', 'xreduce', 'xfail', 'xrenew', 'xprogress', 'xslow', 'xrestrict', 'xconsole', 'xconfigmgr', 'xhostname', 'xdownload', 'xdetermine', 'xsetup', 'xhandle', 'xduration', 'xretired', 'xbefore', 'xafter', 'xlettercase', 'xversus', 'xcreate']);

const CORE_TEXT =
  /cloudapp|cmgconnector|cmgservice|cmgsetup|cmgcontentservice|ccm_proxy|ccm_sts|sms_cloud_proxyconnector|cloudmgr|\bmise\d*\b|0x2f8f|\b12175\b|microsoft\.(?:keyvault|storage|network|compute|classiccompute)\b|\b101[2-5]\d\b|cloud ?services? \(?(?:extended support|uitgebreide ondersteuning|klassiek|classic)|extended support|uitgebreide ondersteuning|basic (?:sku )?(?:public |publiek |dynamisch )*ip|enablecertpaddingcheck|cve-2013-3900|enforce tls|current branch|\bb2s\b|\ba[24]_?v2\b|usgovcloudapp/;

const SECONDARY_TEXT = /\b(?:cname|pki|ipv6|ipv4|bitlocker|cmpivot|autopilot|expressroute|cdn|branchcache|fqdn|a2_?v2|a4_?v2|b2s|rdp|cmdlets?|pfx|dns|dhe|cipher\w*|tls|https|public ip|publiek ip)\b/;

/** Words of a version's lifecycle: with Configuration Manager named, a question about it is ours. */
const LIFECYCLE_TEXT = /\b(?:supported|support|ondersteund|ondersteuning|lifecycle|levenscyclus|end of life|eol|upgrade\w*|versions?|versies?)\b/;

/** The lifecycle of something else around Configuration Manager (its SQL database, Windows). */
const OTHER_LIFECYCLE_TEXT = /\b(?:sql|database|databank|windows|os|adk|server 20\d\d)\b/;

/** Neighbouring products and small talk: a question about these and nothing CMG-specific is not ours. */
const FOREIGN_TEXT =
  /\b(?:pxe|wds|slider|schuifregelaar\w*|workloads?|vpn[ -]?gateway\w*|aks|kubernetes|front ?door|application gateway|app gateway|reservations?|compliance ?polic(?:y|ies)|nalevingsbeleid\w*|teams|exchange|adfs|sharepoint|outlook|onedrive|printers?|koffie|coffee|lunch|weather|weerbericht|joke|mop|poem|gedicht|recipe|recept|iis|sql server|windows server|hyper-v|vmware|citrix|avd|virtual desktop|host pools?|office|word|excel|powerpoint|pull[- ]?(?:distributiepunt\w*|distribution points?|dps?)|bastion|private link|private endpoints?|privé-?eindpunt\w*|expressroute[- ]?circuit\w*|vnet[- ]?peering|peering)\b/;

/**
 * Questions the facts never answer, with or without "CMG" in them: Azure reservations and savings
 * plans, Azure's own monitoring and SIEM (Log Analytics, Sentinel), Microsoft licensing.
 */
// Safe: reserved, reservations and reserveringen hold reserv; licence, license and licentie hold licen.
const FOREIGN_EVEN_WITH_CMG = new GuardedPattern(
  /\b(?:reserved (?:vm )?instances?|azure reservations?|reserveringen|savings plans?|besparingsplan\w*|log analytics|sentinel|kql|licen[cs]\w*|licentie\w*|ems e[35]|(?:m|microsoft )365 e[35])\b/,
  ['reserv', 'savings plan', 'besparingsplan', 'log analytics', 'sentinel', 'kql', 'licen', 'ems e', '365 e'],
);

export function cmgDomainOf(question: string, slots: QuestionSlots): CmgDomain {
  const folded = fold(question);
  const words = contentWords(question);
  // A client count with a sizing or egress word is a CMG sizing question ("instances for 18000 clients", "egress for 8000 clients").
  const sizing = slots.clients !== undefined && words.some((word) => word === 'xinstance' || word === 'xvmsize' || word === 'xsizing' || word === 'xegress');
  const coreWord = words.some((word) => CORE_CANONICALS.has(word));
  // "When does SQL Server 2016 extended support end?": a neighbouring product's lifecycle, though "extended support" is a CMG term too.
  if (!coreWord && FOREIGN_TEXT.test(folded)) return 'foreign';
  if (FOREIGN_EVEN_WITH_CMG.test(folded)) return 'foreign';
  if (coreWord || CORE_TEXT.test(folded) || slots.version || sizing) return 'core';
  // "How long is a ConfigMgr version supported?": the product's lifecycle is ours (section 19), though no CMG word is in it.
  if (words.includes('xconfigmgr') && LIFECYCLE_TEXT.test(folded) && !OTHER_LIFECYCLE_TEXT.test(folded)) return 'secondary';
  if (words.some((word) => canonicalTokens.has(word) && !GENERIC_CANONICALS.has(word)) || SECONDARY_TEXT.test(glossedText(question)) || slots.region || slots.host) return 'secondary';
  return 'none';
}

/** Whether one word of an ask names something of the CMG's world on its own ("do I need a cname?"). */
export function isDomainTerm(word: string): boolean {
  return canonicalTokens.has(word) || CORE_TEXT.test(word) || SECONDARY_TEXT.test(word);
}
