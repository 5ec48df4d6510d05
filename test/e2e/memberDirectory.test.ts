import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../src/bot/adapter';
import { ConversationReferences } from '../../src/bot/conversationReferences';
import { TeamsMemberDirectory } from '../../src/bot/memberDirectory';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { LocalConnector } from '../harness/connector';
import { BOT, teamsUser } from '../harness/teams';

/**
 * The approver lookup behind a cutover card's personal views, against the local connector: a
 * failure inside the proactive callback must reach the caller, never a silently shorter list.
 */
describe('TeamsMemberDirectory', () => {
  const lee = teamsUser('Lee Lead');
  const kim = teamsUser('Kim Approver');
  const outsider = teamsUser('Ola Outsider');
  let connector: LocalConnector;
  let store: SqliteStore;
  let dir: string;
  let directory: TeamsMemberDirectory;
  const conversationId = '19:approvals@thread.v2';

  beforeEach(async () => {
    connector = await new LocalConnector().start();
    connector.roster = [lee, kim];
    dir = mkdtempSync(join(tmpdir(), 'cmg-members-'));
    store = new SqliteStore(join(dir, 'bot.db'));
    const references = new ConversationReferences(store);
    await references.save(conversationId, {
      reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: conversationId, isGroup: true, conversationType: 'groupChat', name: '' }, bot: BOT },
      updatedAt: new Date().toISOString(),
    });
    directory = new TeamsMemberDirectory({ adapter: createAdapter({ appType: 'SingleTenant' }), references, appId: '' });
  });

  afterEach(async () => {
    await store.close();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps the Entra ids of members to their Teams ids and leaves non-members out', async () => {
    const found = await directory.members(conversationId, [lee.aadObjectId, outsider.aadObjectId, kim.aadObjectId]);
    expect(Object.fromEntries(found)).toEqual({ [lee.aadObjectId]: { id: lee.id, name: lee.name }, [kim.aadObjectId]: { id: kim.id, name: kim.name } });
  });

  it('rejects when the channel fails a lookup, instead of answering with the members found before it', async () => {
    connector.memberFault = (userId) => (userId === kim.aadObjectId.toLowerCase() ? 403 : undefined);
    await expect(directory.members(conversationId, [lee.aadObjectId, kim.aadObjectId])).rejects.toMatchObject({ name: 'DeliveryError', status: 403 });
  });

  it('rejects with 404 for a conversation the bot has no reference for', async () => {
    await expect(directory.members('19:unknown@thread.v2', [lee.aadObjectId])).rejects.toMatchObject({ status: 404 });
  });
});
