import type { Clock } from '../clock';
import { Lang, LANGUAGES } from '../i18n/language';
import type { BackgroundWork } from '../ports';
import type { Store } from '../storage/store';
import { CardActionResult, CardReply, messageCard, TurnInfo } from '../turn';
import { AnswerEngine, EngineAnswer } from './answerEngine';
import { AnswerIndex } from './answerIndex';
import { answerCard, declineCard, didYouMeanCard, entryCard } from './cards';
import { CurationLog } from './curationLog';
import type { KbEntry } from './entry';
import { loadKnowledgeBase, outOfScopeQuestions } from './knowledgeBase';
import type { ServiceNameQuestion } from './serviceNameQuestion';
import type { KnowledgeSettings } from './settings';
import { knowledgeStrings } from './strings';


/**
 * How long an unanswered question waits to be written, so the questions of a busy moment are
 * written one after another in one piece of background work rather than each on its own turn.
 */
const UNANSWERED_WRITE_DELAY_MS = 200;
/** Unanswered questions waiting at most; beyond that (a flood of them) they are counted in the log, not kept. */
const MAX_WAITING_UNANSWERED = 1_000;

interface WaitingUnanswered {
  question: string;
  lang: Lang;
  reason: 'outOfScope' | 'unsure' | 'noneOfThese';
  /** Its turn, for the conversation and, only if the write fails, the turn's logger (made on first use). */
  turn: TurnInfo;
}

/** What the free-text row shows: a card, a short decline with a Help button, or a hand-over. */
export type KnowledgeReply =
  | { kind: 'card'; reply: CardReply }
  | { kind: 'decline'; lang: Lang; reply: CardReply }
  | { kind: 'serviceName'; lang: Lang; question: ServiceNameQuestion };

/**
 * CMG planning answers: builds the index once, answers free-text questions in the asker's
 * language, and records feedback and unanswered questions for curation.
 */
export class Knowledge {
  readonly entries: KbEntry[];
  private readonly byId: Map<string, KbEntry>;
  private readonly engine: AnswerEngine;
  private readonly log: CurationLog;
  private readonly background: BackgroundWork | undefined;

  /** Unanswered questions not yet written (only with background work: see the constructor). */
  private readonly waiting: WaitingUnanswered[] = [];
  private writeTimer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dropped = 0;

  /**
   * With `background`, an unanswered question is written after its reply has gone, as background
   * work that shutdown awaits: the reply does not wait for storage, and storage that fails costs
   * a log line, not the reply. Without it (scripts, the knowledge benchmark), each is written
   * before `ask` returns.
   */
  constructor(
    store: Store,
    clock: Clock,
    private readonly settings: KnowledgeSettings = { recordUnanswered: true },
    { entries = loadKnowledgeBase(), outOfScope = outOfScopeQuestions(), background }: { entries?: KbEntry[]; outOfScope?: readonly string[]; background?: BackgroundWork } = {},
  ) {
    this.background = background;
    this.entries = entries;
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    this.engine = new AnswerEngine(new AnswerIndex(entries, outOfScope));
    this.log = new CurationLog(store, clock);
  }

  /** The engine's decision alone (no storage), for tests and the benchmark. */
  classify(question: string, lang: Lang): EngineAnswer {
    return this.engine.answer(question, lang);
  }

  async ask(turn: TurnInfo, question: string): Promise<KnowledgeReply> {
    const result = this.engine.answer(question, turn.lang);
    const s = knowledgeStrings[result.lang];
    switch (result.kind) {
      case 'answer':
        return { kind: 'card', reply: answerCard(result.lang, result, question) };
      case 'didYouMean':
        return { kind: 'card', reply: didYouMeanCard(result.lang, result.candidates, question) };
      case 'serviceName':
        return { kind: 'serviceName', lang: result.lang, question: result.question };
      case 'decline': {
        if (result.reason === 'outOfScope' || result.reason === 'unsure') await this.recordUnanswered(question, result.lang, result.reason, turn);
        const body = { empty: s.declineEmpty, harmful: s.declineHarmful, outOfScope: s.declineOutOfScope, unsure: s.declineUnsure }[result.reason];
        return { kind: 'decline', lang: result.lang, reply: declineCard(result.lang, body) };
      }
    }
  }

  /**
   * 👍/👎: records the vote (one per person per answer) and thanks the admin with a short
   * message only they see, so the answer card stays as it is and the channel gets no noise.
   */
  async feedback(turn: TurnInfo, data: Record<string, unknown>): Promise<CardActionResult> {
    const lang = langOf(data, turn);
    const entry = this.byId.get(String(data.entryId ?? ''));
    if (!entry) return { kind: 'message', text: knowledgeStrings[lang].unknownEntry };
    const vote = data.vote === 'down' ? 'down' : 'up';
    const outcome = await this.log.recordFeedback(entry.id, vote, lang, turn.conversation.id, turn.user.aadObjectId ?? turn.user.id);
    const s = knowledgeStrings[lang];
    if (outcome === 'same') return { kind: 'message', text: s.alreadyVoted };
    return { kind: 'message', text: vote === 'up' ? s.thanksUp : s.thanksDown };
  }

  /** An other answer or "Did you mean" choice: the chosen entry's answer, posted as a new message. */
  async show(turn: TurnInfo, data: Record<string, unknown>): Promise<CardActionResult> {
    const lang = langOf(data, turn);
    const entry = this.byId.get(String(data.entryId ?? ''));
    if (!entry) return { kind: 'message', text: knowledgeStrings[lang].unknownEntry };
    return { kind: 'card', reply: entryCard(lang, entry, this.byId) };
  }

  /** "None of these": the question goes on the curation list. */
  async noneOfThese(turn: TurnInfo, data: Record<string, unknown>): Promise<CardActionResult> {
    const lang = langOf(data, turn);
    const question = typeof data.question === 'string' ? data.question : '';
    // One count per person and wording: the button stays on the card and can be pressed again.
    if (this.settings.recordUnanswered && question.trim() && (await this.log.firstNoneOfThese(question, turn.user.aadObjectId ?? turn.user.id))) {
      await this.recordUnanswered(question, lang, 'noneOfThese', turn);
    }
    return { kind: 'card', reply: messageCard('', knowledgeStrings[lang].noneRecorded) };
  }

  /** The curation report over what has been recorded, the questions still waiting included. */
  async report(limit?: number) {
    await this.flush();
    return this.log.report(limit);
  }

  /** Writes the unanswered questions still waiting; resolves when none is left (shutdown, the report, tests). */
  async flush(): Promise<void> {
    while (this.waiting.length > 0 || this.writing) await this.startWriting();
  }

  private async recordUnanswered(question: string, lang: Lang, reason: WaitingUnanswered['reason'], turn: TurnInfo): Promise<void> {
    if (!this.settings.recordUnanswered) return;
    if (!this.background) return this.log.recordUnanswered(question, lang, reason, turn.conversation.id);
    if (this.waiting.length >= MAX_WAITING_UNANSWERED) {
      // One line per flood, not one per question left out.
      if (this.dropped++ === 0) turn.log.warn({ waiting: this.waiting.length }, 'too many unanswered questions waiting to be written; more are not recorded until they are');
      return;
    }
    this.waiting.push({ question, lang, reason, turn });
    this.scheduleWriting();
  }

  private scheduleWriting(): void {
    if (this.writeTimer || this.writing) return;
    this.writeTimer = setTimeout(() => void this.startWriting(), UNANSWERED_WRITE_DELAY_MS).unref();
  }

  /**
   * Writes what is waiting, one at a time and in order, taking questions that arrive meanwhile
   * too; one writing at a time. When it is done, questions that came after its last one wait for
   * the next.
   */
  private startWriting(): Promise<void> {
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    // Only a Knowledge with background work keeps questions waiting.
    const background = this.background;
    if (!background) return Promise.resolve();
    this.writing ??= background.run('unanswered questions', async () => {
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
        try {
          await this.log.recordUnanswered(next.question, next.lang, next.reason, next.turn.conversation.id);
        } catch (error) {
          next.turn.log.warn({ err: error }, 'could not record an unanswered question');
        }
      }
      this.dropped = 0;
    }).then(() => {
      this.writing = undefined;
      if (this.waiting.length > 0) this.scheduleWriting();
    });
    return this.writing;
  }
}

/** Card data is not trusted: only a known language code is taken from it. */
function langOf(data: Record<string, unknown>, turn: TurnInfo): Lang {
  return LANGUAGES.includes(data.lang as Lang) ? (data.lang as Lang) : turn.lang;
}
