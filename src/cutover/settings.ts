import { Env, readInt, readOptional } from '../env';

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
}

export function readCutoverSettings(env: Env): CutoverSettings {
  return {
    approvalExpiryHours: readInt(env, 'CUTOVER_APPROVAL_EXPIRY_HOURS', 72, 1, 24 * 30),
    approvalConversationId: readOptional(env, 'CUTOVER_APPROVAL_CONVERSATION_ID'),
    defaultWaitingDays: readInt(env, 'CUTOVER_DEFAULT_WAITING_DAYS', 2, 1, 90),
    expirySweepSeconds: readInt(env, 'CUTOVER_EXPIRY_SWEEP_SECONDS', 60, 0, 86400),
  };
}
