import { settleWithin } from '../arm';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Region, RegionCatalog } from '../naming';
import type { BackgroundWork, Outbox, SharedCards } from '../ports';
import type { CardActionResult, CardReply, Reply, TurnInfo } from '../turn';
import type { NameChecksGateway } from './armNameChecks';
import { checkingCard, formCard, PreflightViewer, resultCard } from './preflightCards';
import { PreflightChecker, PreflightOutcome } from './preflightChecker';
import { checkInput, parseCommandText, PreflightInput } from './preflightRequest';
import { failedReads, PreflightRequest } from './preflightResult';
import type { NamePreflightSettings } from './settings';
import { preflightStrings } from './strings';
import type { PreflightRun, PreflightStart } from './verbs';

export interface NamePreflightDeps {
  settings: NamePreflightSettings;
  /** From the shared ARM settings: the subscription to check when none is given. */
  defaultSubscriptionId?: string;
  arm: NameChecksGateway;
  /** The app's one region catalog, shared with the service names (a region refresh reaches both). */
  regions: RegionCatalog;
  clock: Clock;
  outbox: Outbox;
  /** Replaces the "checking…" card with the result for everyone. */
  sharedCards: SharedCards;
  background: BackgroundWork;
  log: Logger;
}

/**
 * The name pre-flight as people use it: before ordering the certificate, ask whether the CMG's
 * names are free in Azure and its VM sizes offered (command, form, or the button on the
 * service-names card and the guidance checklist), and get one card that Azure's pace cannot
 * hold up. It only reads: nothing is registered, created or reserved.
 */
export class NamePreflight {
  private readonly checker: PreflightChecker;

  constructor(private readonly deps: NamePreflightDeps) {
    this.checker = new PreflightChecker(deps.arm, deps.clock, deps.settings.cacheSeconds);
  }

  /** `check names {name} {region} [{subscription id}]`: checks, or answers with the form saying what is missing. */
  async command(turn: TurnInfo, text: string | undefined): Promise<Reply[]> {
    const input = parseCommandText(text ?? '');
    const checked = checkInput(turn.lang, input, this.deps.regions, this.deps.defaultSubscriptionId);
    // Nothing typed yet: the plain form, without messages about fields nobody filled in.
    if (!input.name) return [formCard(turn.lang, { name: '', region: '', subscriptionId: '' })];
    if (!checked.ok) return [formCard(turn.lang, checked.form)];
    await this.post(turn, checked.request, checked.region);
    return [];
  }

  /** The button on the service-names card and the guidance checklist: check at once when a subscription is known, else post the form. */
  async start(turn: TurnInfo, data: PreflightStart): Promise<CardActionResult> {
    const input: PreflightInput = { name: data.name ?? '', region: data.region ?? '', subscriptionId: '' };
    const checked = checkInput(turn.lang, input, this.deps.regions, this.deps.defaultSubscriptionId);
    if (checked.ok) {
      await this.post(turn, checked.request, checked.region);
    } else {
      const form = formCard(turn.lang, checked.form);
      try {
        await this.deps.outbox.send(turn.conversation.id, form);
      } catch {
        // No way to post here (no stored conversation): show the form in place of the clicked card.
        return { kind: 'card', reply: form };
      }
    }
    // The card that was clicked stays as it is; the check arrives as its own message.
    return { kind: 'message', text: preflightStrings[turn.lang].postedBelow };
  }

  /** The form's button: the form again with messages, or the check posted below. */
  async run(turn: TurnInfo, data: PreflightRun): Promise<CardActionResult> {
    const input: PreflightInput = { name: data.name ?? '', region: data.region ?? '', subscriptionId: data.subscriptionId ?? '' };
    const checked = checkInput(turn.lang, input, this.deps.regions, this.deps.defaultSubscriptionId);
    if (!checked.ok) return { kind: 'card', reply: formCard(turn.lang, checked.form) };
    await this.post(turn, checked.request, checked.region);
    return { kind: 'message', text: preflightStrings[turn.lang].postedBelow };
  }

  /** Posts the result if Azure answers quickly, else a "checking…" card that the result replaces. */
  private async post(turn: TurnInfo, request: PreflightRequest, region: Region): Promise<void> {
    const viewer: PreflightViewer = { lang: turn.lang, timezone: turn.timezone };
    const work = this.check(request, turn.log);
    const early = await settleWithin(work, this.deps.settings.replyWithinMs);
    if (early) {
      await this.deps.outbox.send(turn.conversation.id, this.cardFor(early, region, viewer));
      return;
    }
    const conversationId = turn.conversation.id;
    const activityId = await this.deps.outbox.send(conversationId, checkingCard(turn.lang, request, region));
    void this.deps.background.run(
      'name pre-flight',
      async () => {
        const outcome = await work;
        await this.deps.sharedCards.update(`namePreflight:${activityId}`, async () => ({ card: { conversationId, activityId }, reply: this.cardFor(outcome, region, viewer) }), turn.log);
      },
      turn.log,
    );
  }

  /** A check whose failed reads are logged with ARM's status and code (people see only the message). */
  private async check(request: PreflightRequest, log: Logger): Promise<PreflightOutcome> {
    const outcome = await this.checker.check(request);
    const problems = failedReads(outcome.result);
    if (problems.length) {
      log.warn({ subscriptionId: request.subscriptionId, region: request.region, problems: problems.map((p) => ({ kind: p.kind, ...p.detail })) }, 'name pre-flight read failed');
    }
    return outcome;
  }

  private cardFor(outcome: PreflightOutcome, region: Region, viewer: PreflightViewer): CardReply {
    return resultCard(outcome.result, region, viewer, { fromCache: outcome.fromCache, now: this.deps.clock.now() });
  }
}
