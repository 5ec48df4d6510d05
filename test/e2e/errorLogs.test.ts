import { startTestBot } from '../harness/app';

const SECRET = 'arm-Secret~9xQ_not-real-42';

describe('the log of a failed turn when secrets are configured', () => {
  it('keeps the error\'s type, message and stack, and still never shows a secret', async () => {
    const bot = await startTestBot({ ARM_CREDENTIAL: 'ClientSecret', ARM_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47', ARM_CLIENT_ID: '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a', ARM_CLIENT_SECRET: SECRET });
    try {
      // Closing the real store makes every write fail, as a lost disk or database would.
      await bot.app.store.close();
      const client = bot.client();
      await client.say(`help me, my secret is ${SECRET}`);
      const [failed] = bot.logs.entries().filter((line) => line.msg === 'turn failed');
      const err = failed.err as { type?: string; message?: string; stack?: string };
      expect(err.type).toEqual(expect.any(String));
      expect(err.message).toEqual(expect.stringMatching(/\w/));
      expect(err.stack).toContain('    at ');
      expect(bot.logs.text).not.toContain(SECRET);
    } finally {
      await bot.stop();
    }
  });
});
