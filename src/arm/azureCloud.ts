/** The Azure clouds a CMG can live in, named as `az cloud list` names them. */
export type AzureCloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export const AZURE_CLOUDS: readonly AzureCloudName[] = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'];

export interface CloudProfile {
  authorityHost: string;
  armEndpoint: string;
  /** Must match the ARM endpoint's audience: a public-cloud token is refused by US Government ARM. */
  tokenScope: string;
}

const PROFILES: Record<AzureCloudName, CloudProfile> = {
  AzureCloud: {
    authorityHost: 'https://login.microsoftonline.com',
    armEndpoint: 'https://management.azure.com',
    tokenScope: 'https://management.azure.com/.default',
  },
  AzureUSGovernment: {
    authorityHost: 'https://login.microsoftonline.us',
    armEndpoint: 'https://management.usgovcloudapi.net',
    tokenScope: 'https://management.usgovcloudapi.net/.default',
  },
  AzureChinaCloud: {
    authorityHost: 'https://login.chinacloudapi.cn',
    armEndpoint: 'https://management.chinacloudapi.cn',
    tokenScope: 'https://management.chinacloudapi.cn/.default',
  },
};

export function cloudProfile(cloud: AzureCloudName): CloudProfile {
  return PROFILES[cloud];
}
