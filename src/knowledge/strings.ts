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
  sizingHa: string;
  sizingTooMany: string;
  sizingPorts: string;
  sizingLab: string;
  unknownEntry: string;
}

export const knowledgeStrings: Localized<KnowledgeStrings> = {
  en: {
    sourceLabel: 'Source',
    confidenceLabel: 'Match',
    youAsked: 'You asked: {question}',
    followUpTitle: 'Related questions',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    thanksUp: 'Thanks, glad it helped.',
    thanksDown: 'Thanks, noted. We use this feedback to improve the answers.',
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
    sizingBody: 'With **{size}**, {clients} clients need **{instances} VM instance(s)** ({clients} ÷ {perInstance}, rounded up). Deploy **{recommended}** per CMG and **{connectionPoints} CMG connection points** (one serves up to 4 instances).',
    sizingHa: 'For high availability use at least two instances and two connection points, which is included above.',
    sizingTooMany: 'That is more than the 16 instances one CMG can run: use **{cmgs} CMGs**, or a larger VM size (Large, from version 2107).',
    sizingPorts: 'Each client holds a notification port on its connection point server, and Windows Server allows 16,384 by default: plan **{portPoints} connection points** per CMG for this load, or raise the dynamic port range.',
    sizingLab: 'Lab (B2s) is for tests and proofs of concept only, never for production.',
    unknownEntry: 'That answer is no longer available. Please ask again.',
  },
  nl: {
    sourceLabel: 'Bron',
    confidenceLabel: 'Overeenkomst',
    youAsked: 'Je vroeg: {question}',
    followUpTitle: 'Gerelateerde vragen',
    helpful: '👍 Nuttig',
    notHelpful: '👎 Niet nuttig',
    thanksUp: 'Bedankt, fijn dat het hielp.',
    thanksDown: 'Bedankt, genoteerd. We gebruiken deze feedback om de antwoorden te verbeteren.',
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
    sizingBody: 'Met **{size}** hebben {clients} clients **{instances} VM-instantie(s)** nodig ({clients} ÷ {perInstance}, naar boven afgerond). Zet er **{recommended}** per CMG neer en **{connectionPoints} CMG connection points** (één bedient maximaal 4 instanties).',
    sizingHa: 'Voor hoge beschikbaarheid gebruik je minstens twee instanties en twee verbindingspunten; dat is hierboven meegenomen.',
    sizingTooMany: 'Dat is meer dan de 16 instanties die één CMG kan draaien: gebruik **{cmgs} CMG\'s**, of een grotere VM-grootte (Large, vanaf versie 2107).',
    sizingPorts: 'Elke client houdt een meldingspoort open op de server van zijn verbindingspunt, en Windows Server staat standaard 16,384 (16.384) poorten toe: plan **{portPoints} verbindingspunten** per CMG voor deze belasting, of vergroot het dynamische poortbereik.',
    sizingLab: 'Lab (B2s) is alleen voor tests en proof-of-concepts, nooit voor productie.',
    unknownEntry: 'Dat antwoord bestaat niet meer. Stel de vraag opnieuw.',
  },
};
