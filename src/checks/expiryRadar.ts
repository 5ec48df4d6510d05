import type { TurnInfo } from '../turn';

/**
 * The expiry radar: a certificate or endpoint check offers "Remind us before it expires", and the
 * reminders capability schedules the reminders. This folder only names what it hands over, so the
 * reminders capability can implement it without the checks knowing how reminders work.
 */

/** The certificate a check found, as the reminders need it. */
export interface ExpiringCertificate {
  /** Its common name, or the checked service name when it has none. */
  name: string;
  /** Tells one certificate from its renewal, so the same one is never scheduled twice. */
  fingerprint256: string;
  validTo: Date;
}

export interface ExpiryReminders {
  /**
   * Schedules the reminders 30 and 7 days before `validTo` in the turn's conversation, once per
   * certificate and conversation; answers with the text the person sees on the card.
   */
  remindBeforeExpiry(turn: TurnInfo, certificate: ExpiringCertificate): Promise<string>;
}
