// Reader on one subscription for the bot's identity: enough to read resource provider states
// for provider checks (Microsoft.Resources/subscriptions/providers/read), nothing more. Deployed
// by azure.bicep at subscription scope when readerSubscriptionId is given.
targetScope = 'subscription'

@description('Object (principal) id of the bot\'s managed identity.')
param principalId string

// Built-in role: Reader.
var readerRoleId = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, principalId, readerRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
