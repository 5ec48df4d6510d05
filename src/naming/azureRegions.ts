import type { Region } from './region';

/**
 * The built-in catalog of Azure public-cloud regions: every physical region that
 * `az account list-locations` lists for the public cloud (canary/EUAP locations and logical
 * geographies such as `europe` are left out, because nothing can be deployed there).
 *
 * Dutch names: there is no canonical Dutch list (the Dutch docs are machine-translated and vary),
 * so each region carries the form the Dutch portal uses ("VS - oost") and, where docs use
 * another order, that one too ("Europa - west"). Matching ignores case, spaces and hyphens, so
 * "VS-Oost" and "vs oost" need no entry of their own; a compact variant is still listed for display.
 *
 * Rows: programmatic name, English display name, Dutch names.
 */
const ROWS: readonly (readonly [string, string, readonly string[]])[] = [
  // United States
  ['eastus', 'East US', ['VS - oost']],
  ['eastus2', 'East US 2', ['VS - oost 2']],
  ['centralus', 'Central US', ['VS - centraal']],
  ['northcentralus', 'North Central US', ['VS - noord-centraal']],
  ['southcentralus', 'South Central US', ['VS - zuid-centraal']],
  ['westcentralus', 'West Central US', ['VS - west-centraal']],
  ['westus', 'West US', ['VS - west']],
  ['westus2', 'West US 2', ['VS - west 2']],
  ['westus3', 'West US 3', ['VS - west 3']],
  // Americas
  ['canadacentral', 'Canada Central', ['Canada - centraal']],
  ['canadaeast', 'Canada East', ['Canada - oost']],
  ['brazilsouth', 'Brazil South', ['Brazilië - zuid']],
  ['brazilsoutheast', 'Brazil Southeast', ['Brazilië - zuidoost']],
  ['mexicocentral', 'Mexico Central', ['Mexico - centraal']],
  ['chilecentral', 'Chile Central', ['Chili - centraal']],
  // Europe
  ['northeurope', 'North Europe', ['Noord-Europa', 'Europa - noord']],
  ['westeurope', 'West Europe', ['West-Europa', 'Europa - west']],
  ['uksouth', 'UK South', ['VK - zuid', 'Verenigd Koninkrijk - zuid']],
  ['ukwest', 'UK West', ['VK - west', 'Verenigd Koninkrijk - west']],
  ['francecentral', 'France Central', ['Frankrijk - centraal']],
  ['francesouth', 'France South', ['Frankrijk - zuid']],
  ['germanywestcentral', 'Germany West Central', ['Duitsland - west-centraal']],
  ['germanynorth', 'Germany North', ['Duitsland - noord']],
  ['swedencentral', 'Sweden Central', ['Zweden - centraal']],
  ['swedensouth', 'Sweden South', ['Zweden - zuid']],
  ['norwayeast', 'Norway East', ['Noorwegen - oost']],
  ['norwaywest', 'Norway West', ['Noorwegen - west']],
  ['switzerlandnorth', 'Switzerland North', ['Zwitserland - noord']],
  ['switzerlandwest', 'Switzerland West', ['Zwitserland - west']],
  ['polandcentral', 'Poland Central', ['Polen - centraal']],
  ['italynorth', 'Italy North', ['Italië - noord']],
  ['spaincentral', 'Spain Central', ['Spanje - centraal']],
  ['austriaeast', 'Austria East', ['Oostenrijk - oost']],
  ['belgiumcentral', 'Belgium Central', ['België - centraal']],
  ['denmarkeast', 'Denmark East', ['Denemarken - oost']],
  ['greececentral', 'Greece Central', ['Griekenland - centraal']],
  // Asia Pacific
  ['eastasia', 'East Asia', ['Oost-Azië', 'Azië - oost']],
  ['southeastasia', 'Southeast Asia', ['Zuidoost-Azië', 'Azië - zuidoost']],
  ['australiaeast', 'Australia East', ['Australië - oost']],
  ['australiasoutheast', 'Australia Southeast', ['Australië - zuidoost']],
  ['australiacentral', 'Australia Central', ['Australië - centraal']],
  ['australiacentral2', 'Australia Central 2', ['Australië - centraal 2']],
  ['japaneast', 'Japan East', ['Japan - oost']],
  ['japanwest', 'Japan West', ['Japan - west']],
  ['koreacentral', 'Korea Central', ['Korea - centraal']],
  ['koreasouth', 'Korea South', ['Korea - zuid']],
  ['centralindia', 'Central India', ['India - centraal']],
  ['southindia', 'South India', ['India - zuid']],
  ['westindia', 'West India', ['India - west']],
  ['jioindiacentral', 'Jio India Central', ['Jio India - centraal']],
  ['jioindiawest', 'Jio India West', ['Jio India - west']],
  ['indonesiacentral', 'Indonesia Central', ['Indonesië - centraal']],
  ['malaysiawest', 'Malaysia West', ['Maleisië - west']],
  ['malaysiasouth', 'Malaysia South', ['Maleisië - zuid']],
  ['newzealandnorth', 'New Zealand North', ['Nieuw-Zeeland - noord']],
  ['taiwannorth', 'Taiwan North', ['Taiwan - noord']],
  ['taiwannorthwest', 'Taiwan Northwest', ['Taiwan - noordwest']],
  // Middle East and Africa
  ['uaenorth', 'UAE North', ['VAE - noord', 'Verenigde Arabische Emiraten - noord']],
  ['uaecentral', 'UAE Central', ['VAE - centraal', 'Verenigde Arabische Emiraten - centraal']],
  ['qatarcentral', 'Qatar Central', ['Qatar - centraal']],
  ['israelcentral', 'Israel Central', ['Israël - centraal']],
  ['southafricanorth', 'South Africa North', ['Zuid-Afrika - noord']],
  ['southafricawest', 'South Africa West', ['Zuid-Afrika - west']],
];

/** "VS - oost" → "VS-Oost": the compact, capitalised form the seed and many admins write. */
function compactDutch(name: string): string {
  return name.replace(/\s*-\s*(\p{L})/gu, (_whole, letter: string) => '-' + letter.toUpperCase());
}

export const AZURE_PUBLIC_REGIONS: readonly Region[] = ROWS.map(([name, displayName, dutch]) => ({
  name,
  displayName,
  dutchNames: [...new Set(dutch.flatMap((d) => [d, compactDutch(d)]))],
}));
