import { CloudAdapter, TeamsInfo } from 'botbuilder';
import type { MemberDirectory } from '../cutover/ports';
import { DeliveryError } from '../turn';
import type { ConversationReferences } from './conversationReferences';

/**
 * Finds the Teams user ids (`29:…`) of people known by their Entra object id, by asking the
 * channel for each as a member of the conversation (Teams accepts the object id as the member
 * id). People who are not members are left out: they could not see the card anyway.
 */
export class TeamsMemberDirectory implements MemberDirectory {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly references: ConversationReferences,
    /** The bot's app id; '' in anonymous local mode. */
    private readonly appId: string,
  ) {}

  async teamsUserIds(conversationId: string, aadObjectIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (aadObjectIds.length === 0) return found;
    const stored = await this.references.get(conversationId);
    if (!stored) throw new DeliveryError(`No conversation reference for ${conversationId}: the bot is not installed there (any more).`, 404);
    await this.adapter.continueConversationAsync(this.appId, stored.reference, async (context) => {
      for (const aadObjectId of aadObjectIds) {
        try {
          const member = await TeamsInfo.getMember(context, aadObjectId);
          if (member?.id) found.set(aadObjectId, member.id);
        } catch (error) {
          // 404 "member not found" is the normal answer for someone outside this conversation.
          if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        }
      }
    });
    return found;
  }
}
