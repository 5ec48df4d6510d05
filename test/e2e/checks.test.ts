import { startTestBot, TestBot } from '../harness/app';
import { action, buttons } from '../harness/cardWalk';
import { LocalTlsServer, makeCertificate, makeServerChain } from '../harness/certificates';
import { LocalDns } from '../harness/dnsServer';
import { cardOf, cardText, invokeCard, TeamsClient } from '../harness/teams';
import { checkTargets } from './checkTargetsHelpers';

/**
 * The live checks end to end: Teams messages in over HTTP, cards out, with the bot's real
 * node:dns resolver pointed at a DNS server on loopback and its real TLS handshake going to a
 * TLS server on loopback.
 */
describe('live CMG checks over HTTP', () => {
  const targets = checkTargets(['GraniteFalls.contoso.com']);
  let bot: TestBot;

  beforeAll(async () => {
    targets.dns
      .set('GraniteFalls.contoso.com', { cname: 'granitefalls.eastus.cloudapp.azure.com' })
      .set('granitefalls.eastus.cloudapp.azure.com', { a: ['127.0.0.1'] })
      .set('Classic.contoso.com', { cname: 'classic.cloudapp.net' })
      .set('classic.cloudapp.net', { a: ['20.50.2.2'] })
      .set('classic.westeurope.cloudapp.azure.com', { a: ['20.50.2.3'] })
      .set('elsewhere.contoso.com', { cname: 'www.fabrikam.net' })
      .set('www.fabrikam.net', { a: ['20.50.2.4'] })
      .set('empty.contoso.com', {})
      .set('slow.contoso.com', { cname: 'granitefalls.eastus.cloudapp.azure.com', delayMs: 5000 });
    bot = await startTestBot({ ...targets.settings(), DNS_TIMEOUT_MS: '200', CHECKS_DEADLINE_MS: '3000' });
  });
  afterAll(async () => {
    await bot.stop();
  });

  async function ask(client: TeamsClient, text: string, on: TestBot = bot): Promise<Record<string, unknown>> {
    const before = on.connector.sent(client.conversationId).length;
    expect((await client.say(text)).status).toBe(200);
    const sent = on.connector.sent(client.conversationId);
    expect(sent).toHaveLength(before + 1);
    const card = cardOf(sent[before]);
    expect(card).toBeDefined();
    return card!;
  }

  describe('check cname', () => {
    it('sees the switch to the scale-set name for the given region, and explains the case difference (English)', async () => {
      const card = await ask(bot.client(), 'check cname GraniteFalls.contoso.com East US');
      const text = cardText(card);
      expect(text).toContain('CNAME check for GraniteFalls.contoso.com');
      expect(text).toContain('Points at the scale-set name');
      expect(text).toContain('→ CNAME granitefalls.eastus.cloudapp.azure.com');
      expect(text).toContain('→ A 127.0.0.1');
      expect(text).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
      expect(text).toMatch(/differ only in upper and lower case\. DNS ignores case, so this is not an error/);
      expect(action(card, 'checks.cname').data).toEqual({ serviceName: 'GraniteFalls.contoso.com', region: 'eastus' });
      expect(action(card, 'checks.endpoint').data).toEqual({ serviceName: 'GraniteFalls.contoso.com' });
    });

    it('gives the same verdict in Dutch, for the Dutch region name', async () => {
      const text = cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer cname GraniteFalls.contoso.com VS-Oost'));
      expect(text).toContain('CNAME-controle voor GraniteFalls.contoso.com');
      expect(text).toContain('Verwijst naar de schaalsetnaam');
      expect(text).toContain('dus dit is geen fout');
    });

    it('finds the region in the chain when none is typed', async () => {
      const text = cardText(await ask(bot.client(), 'check cname GraniteFalls.contoso.com'));
      expect(text).toContain('Points at the scale-set name');
      expect(text).toContain('I took the region East US from the chain.');
    });

    it('says a chain to the classic name is not switched yet, in both languages', async () => {
      const en = cardText(await ask(bot.client(), 'check cname Classic.contoso.com West Europe'));
      expect(en).toContain('Still points at the classic name');
      expect(en).toContain('change the CNAME to Classic.WestEurope.CloudApp.Azure.com');
      const nl = cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer cname Classic.contoso.com West-Europa'));
      expect(nl).toContain('Verwijst nog naar de klassieke naam');
      expect(nl).toContain('Wijzig de CNAME naar Classic.WestEurope.CloudApp.Azure.com');
    });

    it('"Check again" shows the new state after the record changed', async () => {
      const client = bot.client();
      const card = await ask(client, 'check cname Classic.contoso.com West Europe');
      targets.dns.set('Classic.contoso.com', { cname: 'classic.westeurope.cloudapp.azure.com' });
      try {
        const again = invokeCard(await client.invoke('checks.cname', action(card, 'checks.cname').data));
        expect(cardText(again)).toContain('Points at the scale-set name');
      } finally {
        targets.dns.set('Classic.contoso.com', { cname: 'classic.cloudapp.net' });
      }
    });

    it('calls a chain to something else by its name, in both languages', async () => {
      expect(cardText(await ask(bot.client(), 'check cname elsewhere.contoso.com East US'))).toContain(
        'elsewhere.contoso.com points at www.fabrikam.net, which is neither the classic name nor the scale-set name of this CMG.',
      );
      expect(cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer cname elsewhere.contoso.com VS-Oost'))).toContain('Verwijst naar een andere naam');
    });

    it('gives NXDOMAIN, no answer and a timeout each their own message', async () => {
      const nxdomain = cardText(await ask(bot.client(), 'check cname missing.contoso.com East US'));
      expect(nxdomain).toContain('Name not found (NXDOMAIN)');
      expect(buttons(await ask(bot.client(), 'check cname missing.contoso.com')).map((b) => b.verb)).toEqual(['checks.cname']);
      expect(cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer cname missing.contoso.com'))).toContain('Naam niet gevonden (NXDOMAIN)');
      expect(cardText(await ask(bot.client(), 'check cname empty.contoso.com'))).toContain('exists in DNS but has no CNAME and no address records');
      const slow = cardText(await ask(bot.client(), 'check cname slow.contoso.com'));
      expect(slow).toContain('DNS did not answer in time');
      expect(cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer cname slow.contoso.com'))).toContain('DNS antwoordde niet op tijd');
    });

    it('asks for a name instead of an IP address, and for a known region', async () => {
      expect(cardText(await ask(bot.client(), 'check cname 169.254.169.254'))).toMatch(/"169\\?\.254\.169\.254" is an IP address/);
      expect(cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer cname'))).toContain('Typ de servicenaam na de opdracht');
      expect(cardText(await ask(bot.client(), 'check cname GraniteFalls.contoso.com Narnia'))).toContain('I do not know the region "Narnia"');
      expect(targets.dns.questions.some((question) => question.includes('169.254'))).toBe(false);
    });

    it('logs the target and the verdict', async () => {
      await ask(bot.client(), 'check cname GraniteFalls.contoso.com East US');
      const entry = bot.logs.entries().filter((line) => line.msg === 'live check' && line.check === 'cname').pop();
      expect(entry).toMatchObject({ target: 'GraniteFalls.contoso.com', result: 'scaleSet' });
    });
  });

  describe('check certificate', () => {
    const html = (pem: string) => pem.trim().split(/\r?\n/).join('<br>');

    it('reports CN, expiry, key and the CMG names for a pasted PEM that arrived as HTML (English)', async () => {
      const card = await ask(bot.client(), `check certificate East US <p>${html(targets.chain.server.cert)}</p>`);
      const text = cardText(card);
      expect(text).toContain('Certificate check: GraniteFalls.contoso.com');
      expect(text).toContain('Fits a CMG');
      expect(text).toContain('RSA key of 2048 bits: supported');
      expect(text).toContain('Contoso Test Root CA');
      expect(text).toMatch(/Valid for 3\d\d more days/);
      expect(text).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
      expect(text).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.EastUS.CloudApp.Azure.com.');
      expect(text).toContain('including upper and lower case');
    });

    it('flags a 1024-bit key and a cloudapp.net CN, in Dutch', async () => {
      const weak = await makeCertificate({ cn: 'GraniteFalls.cloudapp.net', keySize: 1024, eku: { serverAuth: true } });
      const text = cardText(await ask(bot.client({ locale: 'nl-NL' }), `controleer certificaat ${weak.cert}`));
      expect(text).toContain('Zo niet bruikbaar voor een CMG');
      expect(text).toContain('RSA-sleutel van 1024 bits: de CMG ondersteunt alleen 2048 of 4096 bits');
      expect(text).toContain('cloudapp.net, een domein van Microsoft waarin je geen CNAME kunt maken');
    });

    it('flags the same in English', async () => {
      const weak = await makeCertificate({ cn: 'GraniteFalls.cloudapp.net', keySize: 1024 });
      const text = cardText(await ask(bot.client(), `check certificate ${weak.cert}`));
      expect(text).toContain('the CMG supports 2048 or 4096 bits only');
      expect(text).toContain('This certificate is in cloudapp.net');
    });

    it('checks the server certificate of a chain pasted root first (as openssl or a CA bundle writes it), in both languages', async () => {
      const intermediate = await makeCertificate({ cn: 'Contoso Issuing CA', isCa: true, issuer: targets.chain.ca });
      const server = await makeCertificate({ cn: 'GraniteFalls.contoso.com', dnsNames: ['GraniteFalls.contoso.com'], eku: { serverAuth: true }, issuer: intermediate });
      const pasted = [targets.chain.ca.cert, intermediate.cert, server.cert].map(html).join('<br>');
      const en = cardText(await ask(bot.client(), `check certificate East US <p>${pasted}</p>`));
      expect(en).toContain('Certificate check: GraniteFalls.contoso.com');
      expect(en).toContain('Fits a CMG');
      expect(en).not.toContain('This is a CA certificate');
      expect(en).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.EastUS.CloudApp.Azure.com.');
      expect(en).toContain('The paste holds 2 more certificate(s), probably the chain; I checked the server certificate');
      const nl = cardText(await ask(bot.client({ locale: 'nl-NL' }), `controleer certificaat VS-Oost <p>${pasted}</p>`));
      expect(nl).toContain('Certificaatcontrole: GraniteFalls.contoso.com');
      expect(nl).not.toContain('Dit is een CA-certificaat');
      expect(nl).toContain('ik heb het servercertificaat gecontroleerd');
    });

    it('keeps the typed region when the paste starts with openssl\'s own lines (Bag Attributes, subject=, issuer=)', async () => {
      const openssl = ['Bag Attributes', '    localKeyID: 01 00 00 00', '    friendlyName: GraniteFalls CMG', 'subject=CN = GraniteFalls.contoso.com', 'issuer=CN = Contoso Test Root CA', targets.chain.server.cert].join('\n');
      const en = cardText(await ask(bot.client(), `check certificate West Europe<br>${html(openssl)}`));
      expect(en).toContain('Deployment name in West Europe');
      expect(en).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.WestEurope.CloudApp.Azure.com.');
      expect(en).not.toContain('I do not know the region');
      const nl = cardText(await ask(bot.client({ locale: 'nl-NL' }), `controleer certificaat West-Europa<br>${html(openssl)}`));
      expect(nl).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.WestEurope.CloudApp.Azure.com.');
    });

    it('explains how to paste when no certificate came with the command', async () => {
      expect(cardText(await ask(bot.client(), 'check certificate'))).toContain('Paste the certificate');
      expect(cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer certificaat'))).toContain('Plak het certificaat');
    });

    it('refuses a pasted private key without echoing or logging it, with or without the command', async () => {
      const keyBody = targets.chain.server.key.split('\n')[3];
      for (const [locale, text, expected] of [
        ['en-US', `check certificate ${targets.chain.server.cert}\n${targets.chain.server.key}`, 'Private key refused'],
        ['nl-NL', `<p>${html(targets.chain.server.key)}</p>`, 'Privésleutel geweigerd'],
        ['en-US', `what is wrong with this? ${targets.chain.server.key}`, 'treat the key as exposed'],
      ]) {
        const client = bot.client({ locale });
        const card = await ask(client, text);
        expect(cardText(card)).toContain(expected);
        expect(JSON.stringify(bot.connector.sent(client.conversationId))).not.toContain(keyBody);
      }
      expect(bot.logs.text).not.toContain(keyBody);
      expect(bot.logs.text).not.toContain('PRIVATE KEY');
      expect(bot.logs.entries().some((line) => line.refused === 'private key')).toBe(true);
    });
  });

  describe('check endpoint', () => {
    it('reports what the local TLS server presents, without sending a request (English)', async () => {
      const before = targets.tls.handshakes;
      const card = await ask(bot.client(), 'check endpoint GraniteFalls.contoso.com');
      const text = cardText(card);
      expect(text).toContain('Endpoint check: GraniteFalls.contoso.com');
      expect(text).toContain('Presents a trusted certificate for this name');
      expect(text).toMatch(/TLSv1\.[23]/);
      expect(text).toContain('The certificate covers GraniteFalls.contoso.com.');
      expect(text).toContain('`https://GraniteFalls.contoso.com/CCM_Proxy_MutualAuth/ServiceMetadata`');
      await targets.tls.handshakesReach(before + 1);
      expect(targets.tls.bytesReceived).toBe(0);
      expect(action(card, 'checks.cname').data).toEqual({ serviceName: 'GraniteFalls.contoso.com' });
    });

    it('reports it in Dutch, and flags a certificate for another name', async () => {
      const other = await makeCertificate({ cn: 'other.fabrikam.com', dnsNames: ['other.fabrikam.com'], eku: { serverAuth: true }, issuer: targets.chain.ca });
      targets.tls.present(other);
      try {
        const text = cardText(await ask(bot.client({ locale: 'nl-NL' }), 'controleer eindpunt GraniteFalls.contoso.com'));
        expect(text).toContain('Eindpuntcontrole: GraniteFalls.contoso.com');
        expect(text).toContain('Toont een certificaat dat clients weigeren');
        expect(text).toContain('Het certificaat dekt GraniteFalls.contoso.com niet: het noemt other.fabrikam.com.');
      } finally {
        targets.tls.present(targets.chain.server);
      }
    });

    it('the CNAME card\'s button runs the endpoint check', async () => {
      const client = bot.client();
      const card = await ask(client, 'check cname GraniteFalls.contoso.com East US');
      const result = invokeCard(await client.invoke('checks.endpoint', action(card, 'checks.endpoint').data));
      expect(cardText(result)).toContain('Presents a trusted certificate for this name');
    });

    it('checks the card data like typed text', async () => {
      const result = invokeCard(await bot.client().invoke('checks.endpoint', { serviceName: 'https://169.254.169.254/' }));
      expect(cardText(result)).toContain('is an IP address');
    });
  });
});

describe('live checks without CHECKS_ALLOW_PRIVATE_ADDRESSES', () => {
  let dns: LocalDns;
  let tls: LocalTlsServer;
  let bot: TestBot;

  beforeAll(async () => {
    const { server } = await makeServerChain(['GraniteFalls.contoso.com']);
    tls = await new LocalTlsServer(server).start();
    dns = await new LocalDns().start();
    dns
      .set('GraniteFalls.contoso.com', { cname: 'granitefalls.eastus.cloudapp.azure.com' })
      .set('granitefalls.eastus.cloudapp.azure.com', { a: ['127.0.0.1'] })
      .set('metadata.contoso.com', { a: ['169.254.169.254'] });
    bot = await startTestBot({ DNS_SERVERS: dns.server, DNS_TIMEOUT_MS: '200', CMG_PROBE_PORT: String(tls.port) });
  });
  afterAll(async () => {
    await bot.stop();
    await tls.stop();
    await dns.stop();
  });

  async function ask(client: TeamsClient, text: string): Promise<string> {
    const before = bot.connector.sent(client.conversationId).length;
    await client.say(text);
    return cardText(cardOf(bot.connector.sent(client.conversationId)[before]));
  }

  it('refuses an endpoint whose name resolves to 127.0.0.1, and never connects', async () => {
    const text = await ask(bot.client(), 'check endpoint GraniteFalls.contoso.com');
    expect(text).toContain('Not checked: internal address');
    expect(text).toContain('GraniteFalls.contoso.com resolves to a loopback address');
    expect(text).not.toContain('127.0.0.1');
    expect(tls.connections).toBe(0);
  });

  it('refuses the metadata address in Dutch', async () => {
    const text = await ask(bot.client({ locale: 'nl-NL' }), 'controleer eindpunt metadata.contoso.com');
    expect(text).toContain('verwijst naar een adres van het type cloudmetadataservice');
    expect(tls.connections).toBe(0);
  });

  it('still checks the CNAME, but does not show the internal address', async () => {
    const text = await ask(bot.client(), 'check cname GraniteFalls.contoso.com East US');
    expect(text).toContain('Points at the scale-set name');
    expect(text).toContain('1 private or internal address(es), which I do not show');
    expect(text).not.toContain('127.0.0.1');
  });
});
