// CMG Assistant in Azure: one resource group, everything the bot needs, no secrets anywhere.
// The bot signs in to the Bot Framework, Table Storage and Azure Resource Manager with one
// user-assigned managed identity; nothing here creates a password or an account key.
//
//   az deployment group create --resource-group <rg> --template-file infra/azure.bicep \
//     --parameters resourceBaseName=<4-20 letters/digits> [approverIds=...] [readerSubscriptionId=...]
//
// The Agents Toolkit deploys it from m365agents.yml with infra/azure.parameters.json.
// API versions: the newest generally available ones known when this was written.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name (letters, digits, hyphens). Site and bot names must be unique in Azure.')
param resourceBaseName string

@description('Region of every resource except the Azure Bot, which is global.')
param location string = resourceGroup().location

// Always On (below) needs Basic or higher; B1 is the smallest plan that keeps the bot awake.
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'P0v3', 'P1v3'])
@description('App Service plan size.')
param appServicePlanSku string = 'B1'

@maxLength(42)
@description('Name of the bot in the Azure portal.')
param botDisplayName string = 'CMG Assistant'

@description('APPROVER_IDS: Entra object ids (comma-separated) who may approve cutover plans. Can be set later in the app settings.')
param approverIds string = ''

@description('''Optional subscription the bot may read for provider checks: its identity gets Reader
there, the least privilege that lets it read resource provider states (not register them), and it
becomes the default subscription of "check providers". Empty: no role is granted. The deploying
account needs Owner, User Access Administrator or Role Based Access Control Administrator on it.''')
param readerSubscriptionId string = ''

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps the bot\'s telemetry (30 are included in the price).')
param logRetentionDays int = 30

// Globally unique names where Azure wants them; stable for one resource group.
var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var storageAccountName = take('st${toLower(replace(resourceBaseName, '-', ''))}${suffix}', 24)
// Built-in role: Storage Table Data Contributor (read, write, delete tables and entities).
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The bot uses its managed identity; with keys off, no connection string can be leaked.
    allowSharedKeyAccess: false
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServicePlanSku }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // The staged package (npm run stage:appservice) is ready to run: no build on the server.
      appCommandLine: 'node --enable-source-maps dist/src/index.js'
      alwaysOn: true // reminders are sent by a timer in the process; an idle-unloaded site sends none
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Exactly the settings the bot reads in this mode (test/unit/deploy/infra.test.ts compares them
      // with the configuration code and .env.example). App Service itself sets PORT.
      appSettings: [
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'STORAGE', value: 'azure' }
        { name: 'AZURE_STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        // Read by @azure/identity (Table Storage sign-in): this identity, and only managed identity.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'AZURE_TOKEN_CREDENTIALS', value: 'ManagedIdentityCredential' }
        { name: 'ARM_CREDENTIAL', value: 'ManagedIdentity' }
        { name: 'ARM_CLIENT_ID', value: identity.properties.clientId }
        { name: 'PROVIDER_DEFAULT_SUBSCRIPTION_ID', value: readerSubscriptionId }
        { name: 'APPROVER_IDS', value: approverIds }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
      ]
    }
  }
}

module botRegistration './botRegistration/azurebot.bicep' = {
  name: 'cmg-assistant-bot-registration'
  params: {
    botServiceName: resourceBaseName
    botDisplayName: botDisplayName
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    identityTenantId: identity.properties.tenantId
    messagingEndpoint: 'https://${site.properties.defaultHostName}/api/messages'
  }
}

// Registering resource providers needs more (Contributor, or a custom role with
// <namespace>/register/action); that is left to the subscription's admin to grant, deliberately.
module providerReader './providerReader.bicep' = if (!empty(readerSubscriptionId)) {
  name: 'cmg-assistant-provider-reader'
  scope: subscription(readerSubscriptionId)
  params: {
    principalId: identity.properties.principalId
  }
}

// Written by the Agents Toolkit into env/.env.<environment> under these names.
output AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = site.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${site.properties.defaultHostName}'
