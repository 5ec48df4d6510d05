import { Env, readDecimal, readGuidList, readInt, readOptional } from '../env';

/** How cutover approvals behave; read from the environment once at start-up. */
export interface CutoverSettings {
  /**
   * Hours a plan may wait for a decision before it expires. Three days covers a weekend; an
   * approval much older than that probably no longer reflects the situation in Azure.
   */
  approvalExpiryHours: number;
  /** Where approval cards go instead of the requester's conversation (the bot must be installed there). */
  approvalConversationId?: string;
  /** Pre-filled waiting period: clients refresh policy every 24 hours, so one day is the minimum. */
  defaultWaitingDays: number;
  /**
   * How often open plans are checked for expiry, so the shared card says "expired" even when
   * nobody opens it; 0 turns the sweep off (plans still expire whenever they are read).
   */
  expirySweepSeconds: number;
  /**
   * Hours a plan may wait before the undecided approvers get a nudge (and again every as many
   * hours until a decision or expiry); decimals allowed (0.01 is 36 seconds, for trial runs); 0 is off.
   */
  nudgeHours: number;
  /** Backup approvers (Entra object ids), added to the approvers once a plan has waited `escalateAfterHours`. */
  escalationIds: string[];
  /** Hours a plan waits before the backup approvers are added and mentioned; decimals allowed. */
  escalateAfterHours: number;
  /** Distinct approvals a plan needs; any rejection rejects it. */
  approvalsRequired: number;
  /** Open plans (waiting, approved or in the waiting period) one conversation may have at once. */
  maxOpenPlans: number;
  /** Open plans one person may have requested in one conversation at once. */
  maxOpenPlansPerPerson: number;
}

export function readCutoverSettings(env: Env): CutoverSettings {
  return {
    approvalExpiryHours: readInt(env, 'CUTOVER_APPROVAL_EXPIRY_HOURS', 72, 1, 24 * 30),
    approvalConversationId: readOptional(env, 'CUTOVER_APPROVAL_CONVERSATION_ID'),
    defaultWaitingDays: readInt(env, 'CUTOVER_DEFAULT_WAITING_DAYS', 2, 1, 90),
    expirySweepSeconds: readInt(env, 'CUTOVER_EXPIRY_SWEEP_SECONDS', 60, 0, 86400),
    nudgeHours: readDecimal(env, 'CUTOVER_APPROVAL_NUDGE_HOURS', 8, 0, 24 * 30),
    escalationIds: readGuidList(env, 'CUTOVER_ESCALATION_IDS'),
    escalateAfterHours: readDecimal(env, 'CUTOVER_ESCALATE_AFTER_HOURS', 24, 0.001, 24 * 30),
    approvalsRequired: readInt(env, 'CUTOVER_APPROVALS_REQUIRED', 1, 1, 10),
    maxOpenPlans: readInt(env, 'CUTOVER_MAX_OPEN_PLANS', 20, 1, 500),
    maxOpenPlansPerPerson: readInt(env, 'CUTOVER_MAX_OPEN_PLANS_PER_PERSON', 5, 1, 100),
  };
}
