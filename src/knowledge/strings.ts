import type { Localized } from '../i18n/language';

/** Words on the knowledge cards. Product terms stay English in the Dutch text. */
export interface KnowledgeStrings {
  sourceLabel: string;
  confidenceLabel: string;
  youAsked: string;
  followUpTitle: string;
  helpful: string;
  notHelpful: string;
  thanksUp: string;
  thanksDown: string;
  alreadyVoted: string;
  didYouMeanTitle: string;
  didYouMeanIntro: string;
  noneOfThese: string;
  noneRecorded: string;
  declineTitle: string;
  declineOutOfScope: string;
  declineUnsure: string;
  declineHarmful: string;
  declineEmpty: string;
  sizingTopic: string;
  sizingTitle: string;
  sizingSizes: Record<'lab' | 'standard' | 'large' | 'preRelease', string>;
  sizingBody: string;
  /** Singular and plural of the counted things ("1 CMG connection point", "2 CMG connection points"). */
  units: Record<'instance' | 'point', { one: string; other: string }>;
  /** The sizing's connection-point clause: one is enough, or how many it takes. */
  sizingPoints: { one: string; other: string };
  sizingHa: string;
  sizingTooMany: string;
  sizingPorts: string;
  sizingLab: string;
  unknownEntry: string;
  otherAnswersTitle: string;
  forYourSetup: string;
  helpButton: string;
  situation: SituationStrings;
}

/** The computed part of an answer: the asker's names, path and counts. */
export interface SituationStrings {
  deploymentName: string;
  cnameRecord: string;
  regionLabel: string;
  ownDomainSteps: string;
  cloudappSteps: string;
  connectionPoints: string;
  connectionPointsHa: string;
  tooManyInstances: string;
  /** The page that shows the certificate the asker's CMG presents. */
  metadataUrl: string;
  portsOne: string;
  portsMany: string;
  portsClassicOne: string;
  portsClassicMany: string;
  egress: string;
  usGovName: string;
  namesWithoutRegion: string;
}

export const knowledgeStrings: Localized<KnowledgeStrings> = {
  en: {
    sourceLabel: 'Source',
    confidenceLabel: 'Match',
    youAsked: 'You asked: {question}',
    followUpTitle: 'Other answers',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    thanksUp: 'Thanks, glad it helped.',
    thanksDown: 'Thanks, noted. We use this feedback to improve the answers.',
    alreadyVoted: 'Your vote on this answer is already noted.',
    didYouMeanTitle: 'Did you mean…',
    didYouMeanIntro: 'I found more than one answer that could fit. Pick the question you meant:',
    noneOfThese: 'None of these',
    noneRecorded: 'Thanks. I noted the question so the answers can be improved. Type **help** to see what else I can do.',
    declineTitle: 'I cannot answer that',
    declineOutOfScope: 'That is outside what I know. I answer questions about the Configuration Manager cloud management gateway (CMG) and its move to a virtual machine scale set.',
    declineUnsure: 'I am not sure what you mean, and I would rather not guess. Try asking again with the CMG term you have in mind (for example "connection point", "certificate" or "resource providers").',
    declineHarmful: 'I cannot help with that.',
    declineEmpty: 'Ask me a question about the cloud management gateway.',
    sizingTopic: 'Sizing and performance',
    sizingTitle: 'Sizing for {clients} clients',
    sizingSizes: {
      lab: 'Lab (B2s), 10 clients per instance',
      standard: 'Standard (A2_v2), 6,000 clients per instance',
      large: 'Large (A4_v2), 10,000 clients per instance',
      preRelease: 'scale set in 2010/2103, 2,000 clients per instance',
    },
    sizingBody: 'With **{size}**, {clients} clients need **{instances} {instanceUnit}** ({clients} ÷ {perInstance}, rounded up), {pointsClause} (one serves up to 4 instances). For high availability deploy at least **{recommended}** instances and **{connectionPoints}** connection points per CMG.',
    units: { instance: { one: 'VM instance', other: 'VM instances' }, point: { one: 'CMG connection point', other: 'CMG connection points' } },
    sizingPoints: { one: 'and **1 CMG connection point** is enough for that', other: 'and that takes **{points} CMG connection points**' },
    sizingHa: 'High availability means at least two instances and two connection points per CMG, as counted above.',
    sizingTooMany: 'That is more than the 16 instances one CMG can run: use **{cmgs} CMGs**, or a larger VM size (Large, from version 2107).',
    sizingPorts: 'Each client holds a notification port on its connection point server, and Windows Server allows 16,384 by default: plan **{portPoints} connection points** per CMG for this load, or raise the dynamic port range.',
    sizingLab: 'Lab (B2s) is for tests and proofs of concept only, never for production.',
    unknownEntry: 'That answer is no longer available. Please ask again.',
    otherAnswersTitle: 'Other answers',
    forYourSetup: 'For your setup',
    helpButton: 'Help',
    situation: {
      deploymentName: 'For **{prefix}** in {region} the scale-set deployment name is **{name}** (a classic CMG was {classic}).',
      cnameRecord: 'Point the CNAME in your public DNS from **{host}** to **{target}**:\n\n{record}',
      regionLabel: 'In {region} the region part of the name is **{label}**, for example {example}.',
      ownDomainSteps: 'Your certificate is in your own domain ({host}), so you keep it and change DNS:\n\n1. Deploy the new scale-set CMG in {region} with the same certificate; Azure names it **{target}**.\n2. At cutover, point the CNAME in public DNS from **{host}** to **{target}** ({record}).\n3. Wait **at least one day** (longer when clients are offline) so every client gets policy with the new CMG, then remove the old CMG.',
      cloudappSteps: 'Your service name {old} is in cloudapp.net, so you cannot keep it or convert it:\n\n1. Get a **new certificate** for a new service name, for example **{newName}** (from your internal PKI: a public CA cannot issue it), or better a name in your own domain.\n2. Create the new scale-set CMG with that certificate.\n3. Add a **second CMG connection point** for the new CMG.\n4. Wait **at least one day**, longer when clients are offline or switched off, so every client gets policy with the new CMG.\n5. Then delete the old CMG and its original connection point.',
      connectionPoints: 'With **{instances} {instanceUnit}** you need **{points} {pointUnit}**: one serves up to 4 instances.',
      connectionPointsHa: 'For high availability use at least two connection points anyway.',
      tooManyInstances: 'One CMG runs at most 16 VM instances ({instances} is more): split the load over more CMGs.',
      metadataUrl: 'To see the certificate your CMG presents, open **https://{host}/CCM_Proxy_MutualAuth/ServiceMetadata** in a browser on an internet client.',
      portsOne: 'With **one** VM instance the connection point uses HTTPS **443**.',
      portsMany: 'With **{instances} VM instances** the connection point uses HTTPS ports **10124-{last}**: 10124 for the first instance, one port per instance.',
      portsClassicOne: 'On a classic CMG with **one** VM instance the connection point first tries TCP-TLS **10140**; when that fails (an internet proxy), it falls back to HTTPS **443**.',
      portsClassicMany: 'On a classic CMG with **{instances} VM instances** the connection point first tries TCP-TLS **10140-{tcpLast}** (10140 for the first instance, one port per instance); when that fails (an internet proxy), it falls back to HTTPS **10124-{httpsLast}**.',
      egress: 'For **{clients} clients** plan roughly **{low}-{high} GB of egress a month** (100-300 MB per client: the low end with default client settings, the high end with aggressive ones); deployments come on top.',
      usGovName: 'In the US Government cloud a classic CMG with prefix **{prefix}** is named **{name}**.',
      namesWithoutRegion: 'For **{prefix}** a classic CMG is named **{classic}** (no region in it); on a scale set the region comes in: **{scaleSet}**.',
    },
  },
  nl: {
    sourceLabel: 'Bron',
    confidenceLabel: 'Overeenkomst',
    youAsked: 'Je vroeg: {question}',
    followUpTitle: 'Andere antwoorden',
    helpful: '👍 Nuttig',
    notHelpful: '👎 Niet nuttig',
    thanksUp: 'Bedankt, fijn dat het hielp.',
    thanksDown: 'Bedankt, genoteerd. We gebruiken deze feedback om de antwoorden te verbeteren.',
    alreadyVoted: 'Je stem op dit antwoord is al genoteerd.',
    didYouMeanTitle: 'Bedoelde je…',
    didYouMeanIntro: 'Er past meer dan één antwoord. Kies de vraag die je bedoelde:',
    noneOfThese: 'Geen van deze',
    noneRecorded: 'Bedankt. Ik heb de vraag genoteerd zodat de antwoorden beter worden. Typ **hulp** om te zien wat ik nog meer kan.',
    declineTitle: 'Daar kan ik geen antwoord op geven',
    declineOutOfScope: 'Dat valt buiten wat ik weet. Ik beantwoord vragen over de cloud management gateway (CMG) van Configuration Manager en de overstap naar een schaalset voor virtuele machines.',
    declineUnsure: 'Ik weet niet zeker wat je bedoelt en ik gok liever niet. Stel de vraag opnieuw met de CMG-term die je bedoelt (bijvoorbeeld "verbindingspunt", "certificaat" of "resourceproviders").',
    declineHarmful: 'Daar kan ik niet bij helpen.',
    declineEmpty: 'Stel me een vraag over de cloud management gateway.',
    sizingTopic: 'Capaciteit en prestaties',
    sizingTitle: 'Capaciteit voor {clients} clients',
    sizingSizes: {
      lab: 'Lab (B2s), 10 clients per instantie',
      standard: 'Standard (A2_v2), 6.000 clients per instantie',
      large: 'Large (A4_v2), 10.000 clients per instantie',
      preRelease: 'schaalset in 2010/2103, 2.000 clients per instantie',
    },
    sizingBody: 'Met **{size}** hebben {clients} clients **{instances} {instanceUnit}** nodig ({clients} ÷ {perInstance}, naar boven afgerond), {pointsClause} (één bedient maximaal 4 instanties). Zet voor hoge beschikbaarheid minstens **{recommended}** instanties en **{connectionPoints}** verbindingspunten per CMG neer.',
    units: { instance: { one: 'VM-instantie', other: 'VM-instanties' }, point: { one: 'CMG-verbindingspunt', other: 'CMG-verbindingspunten' } },
    sizingPoints: { one: 'en daarvoor volstaat **1 CMG-verbindingspunt**', other: 'en daarvoor heb je **{points} CMG-verbindingspunten** nodig' },
    sizingHa: 'Hoge beschikbaarheid betekent minstens twee instanties en twee verbindingspunten per CMG, zoals hierboven geteld.',
    sizingTooMany: 'Dat is meer dan de 16 instanties die één CMG kan draaien: gebruik **{cmgs} CMG\'s**, of een grotere VM-grootte (Large, vanaf versie 2107).',
    sizingPorts: 'Elke client houdt een meldingspoort open op de server van zijn verbindingspunt, en Windows Server staat standaard 16,384 (16.384) poorten toe: plan **{portPoints} verbindingspunten** per CMG voor deze belasting, of vergroot het dynamische poortbereik.',
    sizingLab: 'Lab (B2s) is alleen voor tests en proof-of-concepts, nooit voor productie.',
    unknownEntry: 'Dat antwoord bestaat niet meer. Stel de vraag opnieuw.',
    otherAnswersTitle: 'Andere antwoorden',
    forYourSetup: 'Voor jouw situatie',
    helpButton: 'Hulp',
    situation: {
      deploymentName: 'Voor **{prefix}** in {region} is de deploymentnaam op een schaalset **{name}** (een klassieke CMG was {classic}).',
      cnameRecord: 'Laat de CNAME in je publieke DNS van **{host}** naar **{target}** wijzen:\n\n{record}',
      regionLabel: 'In {region} is het regiodeel van de naam **{label}**, bijvoorbeeld {example}.',
      ownDomainSteps: 'Je certificaat staat in je eigen domein ({host}), dus je houdt het en past DNS aan:\n\n1. Implementeer de nieuwe schaalset-CMG in {region} met hetzelfde certificaat; Azure noemt hem **{target}**.\n2. Laat bij de overstap de CNAME in de publieke DNS van **{host}** naar **{target}** wijzen ({record}).\n3. Wacht **minstens één dag** (langer als clients offline zijn) zodat elke client beleid met de nieuwe CMG krijgt, en verwijder dan de oude CMG.',
      cloudappSteps: 'Je servicenaam {old} staat in cloudapp.net, dus die kun je niet houden of omzetten:\n\n1. Vraag een **nieuw certificaat** aan voor een nieuwe servicenaam, bijvoorbeeld **{newName}** (uit je interne PKI: een publieke CA kan dat niet uitgeven), of liever een naam in je eigen domein.\n2. Maak de nieuwe schaalset-CMG met dat certificaat.\n3. Voeg een **tweede CMG-verbindingspunt** toe voor de nieuwe CMG.\n4. Wacht **minstens één dag**, langer als clients offline of uitgeschakeld zijn, zodat elke client beleid met de nieuwe CMG krijgt.\n5. Verwijder daarna de oude CMG en zijn oorspronkelijke verbindingspunt.',
      connectionPoints: 'Met **{instances} {instanceUnit}** heb je **{points} {pointUnit}** nodig: één bedient maximaal 4 instanties.',
      connectionPointsHa: 'Gebruik voor hoge beschikbaarheid toch minstens twee verbindingspunten.',
      tooManyInstances: 'Eén CMG draait maximaal 16 VM-instanties ({instances} is meer): verdeel de belasting over meer CMG\'s.',
      metadataUrl: 'Het certificaat dat jouw CMG toont, zie je door **https://{host}/CCM_Proxy_MutualAuth/ServiceMetadata** te openen in een browser op een internetclient.',
      portsOne: 'Met **één** VM-instantie gebruikt het verbindingspunt HTTPS **443**.',
      portsMany: 'Met **{instances} VM-instanties** gebruikt het verbindingspunt HTTPS-poorten **10124-{last}**: 10124 voor de eerste instantie, één poort per instantie.',
      portsClassicOne: 'Bij een klassieke CMG met **één** VM-instantie probeert het verbindingspunt eerst TCP-TLS **10140**; lukt dat niet (een internetproxy), dan valt het terug op HTTPS **443**.',
      portsClassicMany: 'Bij een klassieke CMG met **{instances} VM-instanties** probeert het verbindingspunt eerst TCP-TLS **10140-{tcpLast}** (10140 voor de eerste instantie, één poort per instantie); lukt dat niet (een internetproxy), dan valt het terug op HTTPS **10124-{httpsLast}**.',
      egress: 'Voor **{clients} clients** reken je grofweg op **{low}-{high} GB uitgaand verkeer (egress) per maand** (100-300 MB per client: laag bij standaard clientinstellingen, hoog bij agressieve); implementaties komen daarbovenop.',
      usGovName: 'In de US Government-cloud heet een klassieke CMG met prefix **{prefix}** **{name}**.',
      namesWithoutRegion: 'Voor **{prefix}** heet een klassieke CMG **{classic}** (zonder regio); op een schaalset komt de regio erbij: **{scaleSet}**.',
    },
  },
};
