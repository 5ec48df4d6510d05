import { TeamsInfo } from 'botbuilder';
import type { Member, MemberDirectory } from '../cutover/ports';
import { stripControls } from '../text/controls';
import { ConversationAccess, withConversation } from './withConversation';

/**
 * Finds the members (Teams user id `29:…` and display name) of people known by their Entra
 * object id, by asking the channel for each as a member of the conversation (Teams accepts the
 * object id as the member id). People who are not members are left out: they could not see the
 * card anyway. Any other failure rejects, so the caller never mistakes a half-finished lookup
 * for the whole answer.
 */
export class TeamsMemberDirectory implements MemberDirectory {
  constructor(private readonly access: ConversationAccess) {}

  async members(conversationId: string, aadObjectIds: readonly string[]): Promise<Map<string, Member>> {
    if (aadObjectIds.length === 0) return new Map();
    return withConversation(this.access, conversationId, async (context) => {
      const found = new Map<string, Member>();
      for (const aadObjectId of aadObjectIds) {
        try {
          const member = await TeamsInfo.getMember(context, aadObjectId);
          if (member?.id) found.set(aadObjectId, { id: member.id, ...(member.name ? { name: stripControls(member.name) } : {}) });
        } catch (error) {
          // 404 "member not found" is the normal answer for someone outside this conversation.
          if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        }
      }
      return found;
    });
  }
}
