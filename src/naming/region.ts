/** An Azure public region as admins meet it: in CLI/ARM output, the English portal and the Dutch portal. */
export interface Region {
  /** Programmatic location name, as ARM and `az account list-locations` write it, e.g. `eastus`. */
  name: string;
  /** English display name, e.g. `East US`. */
  displayName: string;
  /** Names a Dutch portal or Dutch documentation uses, e.g. `VS - oost`, `VS-Oost`. */
  dutchNames: string[];
}

/**
 * The region segment of a scale-set deployment name, written the way the product documentation
 * writes it (`EastUS`, `WestEurope`): the English display name without spaces. DNS ignores case,
 * so this is the same host as the programmatic name (`eastus`).
 */
export function regionLabel(region: Region): string {
  return region.displayName.replace(/\s+/g, '');
}
