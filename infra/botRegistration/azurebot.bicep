// The Azure Bot: registers the bot's managed identity with the Bot Framework and turns on the
// Microsoft Teams channel. Usable on its own for a bot hosted elsewhere (then pass the identity
// and the public messaging endpoint of that host).

@maxLength(64)
@description('Resource name of the Azure Bot (unique in Azure).')
param botServiceName string

@maxLength(42)
param botDisplayName string

@description('The bot\'s user-assigned managed identity: resource id, client id and tenant.')
param identityResourceId string
param identityClientId string
param identityTenantId string

@description('https://<host>/api/messages')
param messagingEndpoint string

// F0: Teams is a standard channel, free at any volume; S1 only matters for premium channels.
@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output botServiceId string = bot.id
