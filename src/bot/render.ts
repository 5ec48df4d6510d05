import { ActivityTypes, Attachment, CardFactory, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { renderCard } from '../rendering/cardTemplates';
import type { CardReply, Reply } from '../turn';

export function cardAttachment(reply: CardReply): Attachment {
  return CardFactory.adaptiveCard(renderCard(reply.template, reply.data));
}

/** Turns a capability's reply into a message activity. */
export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  const activity = MessageFactory.attachment(cardAttachment(reply));
  // Shown in notifications and chat lists, where a card has no text of its own.
  activity.summary = reply.summary;
  activity.type = ActivityTypes.Message;
  return activity;
}
