/**
 * The ceiling for the turn benchmark: a plain echo bot on the same stack as CMG Assistant
 * (restify 12, the bot's bounded body reader and authenticating endpoint, botbuilder's
 * CloudAdapter, anonymous). Whatever CMG Assistant adds per turn shows up as the ratio against this.
 */
import { ActivityHandler } from 'botbuilder';
import { activityEndpoint, createAdapter } from '../src/bot/adapter';
import { silentLog } from '../src/log';
import { createServer } from '../src/server';

export async function startEchoBot(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = createAdapter({ appType: 'SingleTenant' });
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const http = createServer(activityEndpoint(adapter, (context) => bot.run(context), silentLog), { check: async () => undefined }, { maxBodyBytes: 256 * 1024, readyCacheMs: 0, log: silentLog });
  const running = await http.listen(port, '127.0.0.1');
  return { url: running.url, close: () => running.close(1000) };
}
