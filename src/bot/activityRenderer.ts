import { Activity, ActivityTypes, Attachment, CardFactory, MessageFactory } from 'botbuilder';
import { stripControls } from '../text/controls';
import type { CardReply, Reply } from '../turn';
import type { AdaptiveCard, CardRenderer } from './cardRenderer';

/** Turns a capability's reply into what the channel takes: a message activity, or a card for an invoke response. */
export class ActivityRenderer {
  constructor(private readonly cards: CardRenderer) {}

  card(reply: CardReply): AdaptiveCard {
    return this.cards.render(reply);
  }

  attachment(reply: CardReply): Attachment {
    return CardFactory.adaptiveCard(this.cards.render(reply));
  }

  activity(reply: Reply): Partial<Activity> {
    if (reply.kind === 'text') return MessageFactory.text(reply.text);
    const activity = MessageFactory.attachment(this.attachment(reply));
    // Shown in notifications and chat lists, where a card has no text of its own. Plain text there
    // (no markdown), but it may quote names from outside (a subscription's display name, a note):
    // no control or bidi-override characters.
    activity.summary = stripControls(reply.summary);
    activity.type = ActivityTypes.Message;
    return activity;
  }
}
