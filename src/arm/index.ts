/** Azure Resource Manager access shared by the provider check and the name pre-flight: identity, cloud, limits, failures and their messages. */
export { ArmConnection } from './armConnection';
export type { ArmOverrides } from './armConnection';
export { ArmBusyError, ArmProblem, classifyArmError, CONFIGURATION_PROBLEMS, RetryAfterTooLongError } from './armProblem';
export type { ArmCallContext, ArmOperation, ArmProblemDetail, ArmProblemKind } from './armProblem';
export { AZURE_CLOUDS, cloudProfile } from './azureCloud';
export type { AzureCloudName } from './azureCloud';
export { describeArmProblem } from './describeProblem';
export { readArmSettings } from './settings';
export type { ArmIdentitySettings, ArmSettings } from './settings';
export { SingleFlight } from './singleFlight';
export { armStrings } from './strings';
export type { ProblemText } from './strings';
export { parseSubscriptionId, SUBSCRIPTION_ID_FORMAT } from './subscriptionId';
export { settleWithin } from './settleWithin';
