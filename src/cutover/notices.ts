import { format, Lang } from '../i18n/language';
import type { Refusal } from './lifecycle';
import type { CutoverPlan } from './plan';
import { cutoverStrings } from './strings';
import { formatDuration, formatTime } from '../i18n/time';
import { nameOf, Notice } from './views';

/** Why an action was refused, as the sentence the person who pressed the button reads. */
export function refusalNotice(refusal: Refusal, plan: CutoverPlan, lang: Lang): Notice {
  const n = cutoverStrings[lang].notices;
  switch (refusal.code) {
    case 'notApprover':
      return { text: n.notApprover, tone: 'attention' };
    case 'selfApproval':
      return { text: n.selfApproval, tone: 'attention' };
    case 'notRequester':
      return { text: format(n.notRequester, { name: nameOf(plan.requester, cutoverStrings[lang]) }), tone: 'attention' };
    case 'notParticipant':
      return { text: n.notParticipant, tone: 'attention' };
    case 'wrongStatus':
      return { text: format(n.wrongStatus, { status: cutoverStrings[lang].status[refusal.status].short }), tone: 'warning' };
    case 'staleRevision':
      return { text: format(n.staleRevision, { revision: refusal.current }), tone: 'warning' };
    case 'waitingPeriod':
      return {
        text: format(n.waitingPeriod, { left: formatDuration(refusal.leftMs, lang), until: formatTime(refusal.until, lang, plan.timezone) }),
        tone: 'warning',
      };
    case 'alreadyVoted':
      return { text: refusal.outcome === 'approved' ? n.alreadyApproved : n.alreadyRejected, tone: 'warning' };
    case 'doneEarly':
      return { text: format(n.doneEarly, { time: formatTime(refusal.plannedAt, lang, plan.timezone) }), tone: 'warning' };
    case 'alreadyRequestedAgain':
      return { text: format(n.alreadyRequestedAgain, { id: refusal.planId }), tone: 'warning' };
    case 'alreadyEscalated':
      return { text: n.alreadyEscalated, tone: 'warning' };
  }
}
