import { format, Lang } from '../i18n/language';
import { formatTime } from '../i18n/time';
import type { ArmProblem } from './armProblem';
import { armStrings, ProblemText } from './strings';

/**
 * A failure in the reader's words: what happened and the fix, with the permission a refused read
 * needed and, when Azure said how long to wait, the time to try again in the reader's zone.
 */
export function describeArmProblem(problem: ArmProblem, lang: Lang, timezone: string | undefined, now: Date): ProblemText {
  const s = armStrings[lang];
  const text = s.problems[problem.kind];
  const values = { permission: problem.detail.permission ?? s.defaultReadPermission };
  let fix = format(text.fix, values);
  const seconds = problem.detail.retryAfterSeconds;
  if (problem.kind === 'throttled' || (problem.kind === 'unavailable' && seconds)) {
    const at = problem.detail.retryAt ? Date.parse(problem.detail.retryAt) : seconds ? now.getTime() + seconds * 1000 : undefined;
    const left = at === undefined ? 0 : Math.ceil((at - now.getTime()) / 1000);
    // Once the wait is over, any time is good to try again.
    const retry = at !== undefined && left > 0 ? format(s.retryAt, { time: formatTime(new Date(at).toISOString(), lang, timezone), seconds: left }) : s.retryLater;
    fix = `${fix} ${retry}`.trim();
  }
  return { title: text.title, body: format(text.body, values), fix };
}
