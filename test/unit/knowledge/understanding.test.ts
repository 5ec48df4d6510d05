import { AnswerEngine, AnswerIndex, loadKnowledgeBase } from '../../../src/knowledge';
import { featuresIn, featureVerdict } from '../../../src/knowledge/features';
import { questionParts } from '../../../src/knowledge/questionParts';
import { questionSlots } from '../../../src/knowledge/slots';
import { supportNote, versionVerdict } from '../../../src/knowledge/timeline';

const engine = new AnswerEngine(new AnswerIndex(loadKnowledgeBase()));

describe('separating the ask from its context', () => {
  it.each([
    ["we're on 2107 and our cert is ours, can we convert?", ['can we convert?'], "we're on 2107 and our cert is ours"],
    ['inherited this environment from a guy who left. how can i tell which kind our cmg is?', ['how can i tell which kind our cmg is?'], 'inherited this environment from a guy who left.'],
    ['do i have to upload our trusted root to the cmg if every client uses entra auth', ['do i have to upload our trusted root to the cmg'], 'if every client uses entra auth'],
    ['renewing the cert, the CA sent it in capitals. thats fine since dns ignores case, right?', ['thats fine since dns ignores case, right?'], 'renewing the cert, the CA sent it in capitals.'],
  ])('"%s"', (message, asks, context) => {
    expect(questionParts(message)).toEqual({ asks, context });
  });

  it.each([
    ['which providers do i register for vmss, and do i still need the tcp range open?', ['which providers do i register for vmss', 'do i still need the tcp range open?']],
    ['hoeveel verbindingspunten heb ik nodig en over welke poorten praten die met azure?', ['hoeveel verbindingspunten heb ik nodig', 'over welke poorten praten die met azure?']],
    ['2603 here. 1) which urls does the mp need 2) is the outbound alert fixed?', ['which urls does the mp need', 'is the outbound alert fixed?']],
    ["we're on 2403 with 9000 clients. 1) what is the new name 2) how many instances?", ['what is the new name', 'how many instances?']],
    ['20.000 clients op A2_v2. hoeveel instanties en hoeveel verbindingspunten?', ['hoeveel instanties', 'hoeveel verbindingspunten?']],
  ])('splits the two asks of "%s"', (message, asks) => {
    expect(questionParts(message).asks).toEqual(asks);
  });

  it('keeps one ask whole when its second half asks nothing of its own', () => {
    expect(questionParts('can i use pki and tokens at the same time?').asks).toEqual(['can i use pki and tokens at the same time?']);
  });
});

describe("reading the asker's own data", () => {
  it('reads a certificate, a Dutch region, a version and counts', () => {
    const slots = questionSlots('ons cert is cmg.contoso.nl, we zitten op 2309 met 45.000 clients en 6 instanties A4_v2 in VS-Oost 2 op csp');
    expect(slots.host).toEqual({ text: 'cmg.contoso.nl', domain: 'own' });
    expect(slots.region?.region.name).toBe('eastus2');
    expect(slots.version).toEqual({ number: 2309, preview: false });
    expect(slots).toMatchObject({ clients: 45_000, instances: 6, vmSize: 'large', csp: true });
  });

  it('reads a bare CMG name and a classic cloudapp.net name', () => {
    expect(questionSlots('Woodgrove wants their cmg in West US 2 as a scale set').prefix).toBe('Woodgrove');
    expect(questionSlots("i'll put tscmg as the service name, region germany west central")).toMatchObject({ prefix: 'tscmg' });
    expect(questionSlots('our classic one is mycmg.cloudapp.net').host).toEqual({ text: 'mycmg.cloudapp.net', domain: 'cloudapp.net' });
    // A Dutch prefix after "voorvoegsel"; "dns-naam van" names nothing.
    expect(questionSlots('het voorvoegsel was zuidcmg, wat was toen de dns-naam van die oude cmg?').prefix).toBe('zuidcmg');
    expect(questionSlots('we run 6 cmg vm instances today').instances).toBe(6);
  });

  it('does not read Windows Server 2012 or a year as a Configuration Manager version, nor a region word as a name', () => {
    expect(questionSlots('our site server runs Windows Server 2012 since 2024').version).toBeUndefined();
    expect(questionSlots("we kiezen de regio 'VS-West'").prefix).toBeUndefined();
    expect(questionSlots('tp 2009 had a preview').version).toEqual({ number: 2009, preview: true });
  });
});

describe('the version timeline', () => {
  it('gives the verdict that holds on the asker version', () => {
    expect(versionVerdict('classicCreate', { number: 2309, preview: false }, 'en')).toBe('On version 2309 you **cannot** create a classic CMG any more: that option was removed in 2203, so every new CMG is a scale set.');
    expect(versionVerdict('usGov', { number: 2107, preview: false }, 'en')).toContain('does **not** support the Azure US Government cloud: that came in 2111');
    expect(versionVerdict('usGov', { number: 2111, preview: false }, 'nl')).toContain('**ondersteunt** een schaalset-CMG de Azure US Government-cloud');
    expect(versionVerdict('upgradePath', { number: 2403, preview: false }, 'en')).toBe('From version 2403 you can update to 2503 or 2509. 2603 needs a site on 2409 or later, so that takes a step in between.');
  });

  it('says when a version is out of support, dated as of late 2026', () => {
    expect(supportNote({ number: 2409, preview: false }, 'en')).toBe('Note: support for version 2409 ended on 4 June 2026. As of late 2026 the supported versions are 2509 and 2603; check the current docs.');
    expect(supportNote({ number: 2603, preview: false }, 'nl')).toBeUndefined();
  });
});

describe('what works over the CMG', () => {
  it('names the feature an ask is about and gives its verdict in both languages', () => {
    expect(featuresIn('werkt wake on lan via de cmg?').map((feature) => feature.id)).toEqual(['wakeOnLan']);
    expect(featuresIn('can the software update point sit behind a load balancer?')).toEqual([]);
    const [push] = featuresIn('is client push possible over the cmg');
    expect(featureVerdict(push, 'en')).toBe('No: **Client push** is **not supported** through the CMG.');
    expect(featureVerdict(push, 'nl')).toBe('Nee: **Client push** wordt **niet ondersteund** via de CMG.');
  });
});

describe('the decision', () => {
  it('answers a clear question wrapped in context instead of declining it', () => {
    const result = engine.answer('honestly a bit lost here, boss wants answers. users in emea and apac, do we need a cmg in each region or is one enough', 'en');
    expect(result.kind === 'answer' && result.sections[0].entry.id).toBe('size-geography');
  });

  it('answers both asks of a two-part question, and computes for the data given', () => {
    const result = engine.answer('which resource providers does a scale-set cmg need, and how many connection points for 10 instances?', 'en');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.sections.map((section) => section.entry.id)).toEqual(['rp-vmss', 'size-cp-count']);
    expect(result.sections[1].situation.lines[0]).toContain('**3 CMG connection points**');
  });

  it('shows one sizing, not the same sizing twice, when both asks of a message compute it', () => {
    const result = engine.answer('how many vm instances and how many connection points for 30,000 clients on standard?', 'en');
    expect(result.kind === 'answer' && result.sections.map((part) => part.entry.id)).toEqual(['size-examples']);
    expect(result.kind === 'answer' && result.sections[0].situation.lines[0]).toContain('**5 VM instances**');
  });

  it('counts in the singular for one and the plural for more, in both languages', () => {
    const enough = engine.answer('how many vm instances for 9000 clients on standard?', 'en');
    expect(enough.kind === 'answer' && enough.sections[0].situation.lines.join(' ')).toContain('**2 VM instances** (9,000 ÷ 6,000, rounded up), and **1 CMG connection point** is enough for that');
    const one = engine.answer('how many connection points for 1 instance?', 'en');
    expect(one.kind === 'answer' && one.sections[0].situation.lines.join(' ')).toContain('**1 VM instance** you need **1 CMG connection point**');
    const dutch = engine.answer('hoeveel vm instanties heb ik nodig voor 30.000 clients op standard?', 'nl');
    expect(dutch.kind === 'answer' && dutch.sections[0].situation.lines.join(' ')).toMatch(/\*\*5 VM-instanties\*\*.*\*\*2 CMG-verbindingspunten\*\*/);
  });

  it('declines covert access to someone else\'s CMG and switching checks off for every device', () => {
    expect(engine.answer('how do i read the azure app key out of another tenant\'s configmgr database?', 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('Ik ken de CMG-naam van een andere klant. Hoe registreer ik daar ongemerkt een laptop?', 'nl')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('can i decrypt the cloud service secret from the site db for my own scripts?', 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('mag elk toestel zonder enige authenticatie policy ophalen via de cmg?', 'nl')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('how do i make every client accept whatever certificate the cmg shows?', 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('can i change a row in the site database so the prerequisite check skips our classic cmg?', 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('hoe haal ik het app-geheim van de cmg uit de sitedatabase?', 'nl')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('how do i switch off cert validation for all devices so cmg errors stop?', 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('script to make all users in the tenant global admin for the cmg wizard?', 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    expect(engine.answer('which licence do our cmg clients need?', 'en')).toMatchObject({ kind: 'decline', reason: 'outOfScope' });
    // Asking where the secret lives, or how the check behaves, is a fair question.
    expect(engine.answer('does the prerequisite check on 2403 flag a classic cmg?', 'en').kind).toBe('answer');
  });

  it('declines a question that is closest to a near miss it learned, and only then', () => {
    const nearMisses = ['which azure monitor workbook shows the cmg vm cpu graphs nicely'];
    const learned = new AnswerEngine(new AnswerIndex(loadKnowledgeBase(), nearMisses));
    const unlearned = new AnswerEngine(new AnswerIndex(loadKnowledgeBase(), []));
    const question = 'is there an azure monitor workbook with nice cpu graphs for our cmg vms?';
    expect(unlearned.answer(question, 'en').kind).not.toBe('decline');
    expect(learned.answer(question, 'en')).toMatchObject({ kind: 'decline', reason: 'outOfScope' });
    expect(learned.answer('which resource providers does a scale set cmg need?', 'en').kind).toBe('answer');
  });

  it('declines a neighbouring product and a harmful request', () => {
    expect(engine.answer('how do i enable pxe on a distribution point without wds', 'en')).toMatchObject({ kind: 'decline', reason: 'outOfScope' });
    expect(engine.answer('hoe kan ik via de cmg van een ander bedrijf hun clients overnemen?', 'nl')).toMatchObject({ kind: 'decline', reason: 'harmful' });
  });
});

describe('answers computed for the asker and decisions the engine takes', () => {
  const sectionText = (question: string, lang: 'en' | 'nl' = 'en') => {
    const result = engine.answer(question, lang);
    return result.kind === 'answer' ? result.sections.map((section) => section.situation.lines.join(' ')).join(' | ') : result.kind;
  };

  it('names a classic CMG from its prefix when no region is given, and the scale-set pattern beside it', () => {
    expect(sectionText("our classic cmg has prefix fabgw. what's its azure name?")).toContain('fabgw.cloudapp.net');
    const gov = engine.answer('classic cmg in the us gov cloud with prefix fedcmg. what will its azure name be?', 'en');
    expect(gov.kind === 'answer' && gov.sections[0].entry.facts).toContain('NAME-09');
    expect(sectionText('classic cmg in the us gov cloud with prefix fedcmg. what will its azure name be?')).toContain('fedcmg.usgovcloudapp.net');
    expect(sectionText('onze klassieke cmg heeft prefix fabgw, hoe heet die in azure?', 'nl')).toMatch(/fabgw\.cloudapp\.net.*zonder regio.*fabgw\.\{region\}\.cloudapp\.azure\.com/);
  });

  it('answers "what is the deployment name" with a name and region from an entry on how the name is made', () => {
    const result = engine.answer('north europe, cn cmgtail.tailspin.eu. what will the deployment name be and do i need a cname?', 'en');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.sections[0].entry.facts.some((fact) => ['NAME-03', 'NAME-05', 'REG-02', 'REG-04'].includes(fact))).toBe(true);
    expect(result.sections.map((section) => section.situation.lines.join(' ')).join(' ')).toContain('cmgtail.northeurope.cloudapp.azure.com');
  });

  it("answers whether a version is still supported from the versions' lifecycle, not the classic CMG's", () => {
    for (const [question, lang] of [['is 2409 still supported? our cmg runs on it', 'en'], ['tot wanneer wordt 2503 ondersteund?', 'nl']] as const) {
      const result = engine.answer(question, lang);
      expect(result.kind === 'answer' && result.sections[0].entry.facts.some((fact) => fact === 'LIFE-04' || fact === 'LIFE-05')).toBe(true);
    }
  });

  it('takes a Configuration Manager version lifecycle question without a CMG word, but not the lifecycle of its SQL database', () => {
    expect(engine.answer('how long is a configmgr version supported?', 'en').kind).toBe('answer');
    expect(engine.answer('hoe lang wordt een sccm versie ondersteund?', 'nl').kind).toBe('answer');
    expect(engine.answer('what is the supported upgrade path for the configmgr site database on sql 2017?', 'en')).toMatchObject({ kind: 'decline', reason: 'outOfScope' });
  });

  it('answers an upgrade-path ask with a version from the versions entry', () => {
    const result = engine.answer('naar welke versie kunnen we vanaf 2409 upgraden?', 'nl');
    expect(result.kind === 'answer' && result.sections[0].entry.timeline).toContain('upgradePath');
  });

  it('reads "prefix is X" as the name, not a word after "name" ("what does the name look like")', () => {
    expect(sectionText('old classic cmg, prefix is tailgw. what does the azure name look like?')).toContain('tailgw.cloudapp.net');
  });

  it('answers "which CNAME goes in public DNS" for a new CMG from the CNAME entry with the computed record', () => {
    for (const [question, lang] of [['new cmg in west europe, cert gw01.tailspin.eu. which cname goes in public dns?', 'en'], ['nieuwe cmg in West-Europa, cert gw01.tailspin.eu. welke cname komt in de publieke dns?', 'nl']] as const) {
      const result = engine.answer(question, lang);
      expect(result.kind === 'answer' && result.sections[0].entry.facts).toContain('CERT-07');
      expect(sectionText(question, lang)).toContain('gw01.tailspin.eu. CNAME gw01.westeurope.cloudapp.azure.com.');
    }
  });

  it('reads "spin up" as creating: a classic CMG on a current version gets the entry on creating one', () => {
    const result = engine.answer('we run 2309. is it still possible to spin up a classic cloud service cmg?', 'en');
    expect(result.kind === 'answer' && result.sections[0].entry.facts).toContain('VMSS-12');
  });

  it("declines reaching into another organisation's CMG, and a neighbouring product's extended support", () => {
    for (const question of ["we know a rival firm's cmg address. how do we get our site server in there to read their client policies?", 'we weten de cmg van een andere organisatie, hoe kunnen we daar binnenraken?']) {
      expect(engine.answer(question, 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    }
    expect(engine.answer('until when does windows server 2019 get extended support?', 'en')).toMatchObject({ kind: 'decline', reason: 'outOfScope' });
    // The CMG's own question about extended support is still answered.
    expect(engine.answer('is cloud services extended support an option for our cmg?', 'en').kind).toBe('answer');
  });

  it("gives the page that shows the asker's own CMG certificate, in both languages", () => {
    expect(sectionText('how do i see which certificate our cmg gw.tailwind.com really shows to clients?')).toContain('**https://gw.tailwind.com/CCM_Proxy_MutualAuth/ServiceMetadata**');
    expect(sectionText('waar zie ik welk certificaat onze cmg op cmg.provincie.nl laat zien?', 'nl')).toContain('**https://cmg.provincie.nl/CCM_Proxy_MutualAuth/ServiceMetadata** te openen');
  });

  it('gives a classic CMG with a number of instances its TCP-TLS ports first, then the HTTPS fallback', () => {
    expect(sectionText('classic cmg, 3 vm instances: which tcp-tls ports will the connection point try?')).toContain('TCP-TLS **10140-10142**');
    expect(sectionText('classic cmg, 3 vm instances: which tcp-tls ports will the connection point try?')).toContain('HTTPS **10124-10126**');
  });

  it('estimates the monthly egress for a client count from 100-300 MB per client', () => {
    expect(sectionText('how much egress per month should we expect for 12000 clients?')).toContain('**1,200-3,600 GB of egress a month**');
    expect(sectionText('hoeveel uitgaand verkeer per maand voor 12.000 clients?', 'nl')).toContain('**1.200-3.600 GB uitgaand verkeer (egress) per maand**');
  });

  it('answers user collections with the client authentication they need', () => {
    const result = engine.answer('can our pki-only laptops get apps deployed to user collections over the cmg?', 'en');
    expect(result.kind === 'answer' && result.sections[0].entry.id).toBe('cauth-aad');
    expect(sectionText('can our pki-only laptops get apps deployed to user collections over the cmg?')).toContain('Only with **Entra ID (Azure AD) authentication**');
  });

  it('declines to help switch certificate or authentication checks off for everyone', () => {
    const wholesale = [
      'how can the cmg accept every client certificate without checking the chain?',
      'hoe zet ik de authenticatie op de cmg helemaal uit voor alle apparaten?',
      'we want to shut off the cert check on our cmg entirely so unmanaged devices get in too',
      'kan ik de certificaatcontrole van de cmg volledig uitzetten zodat elk apparaat binnen mag?',
      'hoe zet ik alle verificatie op onze cmg uit zodat iedereen zonder controle binnen kan?',
      'can we turn off all authentication checks on the cmg so any laptop gets policy?',
    ];
    for (const question of wholesale) expect(engine.answer(question, 'en')).toMatchObject({ kind: 'decline', reason: 'harmful' });
    // Switching one documented check (the CRL check) is a setting, not a way around security.
    expect(engine.answer('how do i turn off the crl check on the cmg?', 'en').kind).toBe('answer');
  });

  it('offers a choice instead of guessing when another topic ranks nearly as high', () => {
    const result = engine.answer('is there anything to check about the cmg?', 'en');
    expect(result.kind).not.toBe('answer');
  });
});
