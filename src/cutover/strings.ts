import type { Localized } from '../i18n/language';
import type { AuditAction, PlanStatus } from './plan';

/** Every sentence the cutover capability shows, in English and Dutch, with the same keys. */
export interface CutoverStrings {
  planTitle: string;
  /** `short` names the status inside a sentence ("already in status …"); `long` says what it means on the card. */
  status: Record<PlanStatus, { short: string; long: string }>;
  action: Record<AuditAction, string>;
  facts: {
    cmg: string;
    region: string;
    certificate: string;
    certOwnDomain: string;
    certCloudapp: string;
    oldName: string;
    newName: string;
    cname: string;
    connectionPoint: string;
    connectionPointValue: string;
    planned: string;
    waiting: string;
    waitingValue: string;
    requestedBy: string;
    decideBy: string;
    providerCheck: string;
    revision: string;
    notes: string;
    approvers: string;
    approvals: string;
    approvalsValue: string;
  };
  /** `{names}` of the approvers found; `{count}` approvers not found in the conversation. */
  approversUnknown: string;
  approversNoneKnown: string;
  votesTitle: string;
  vote: string;
  openButtons: string;
  escalatedText: string;
  requestedAgainText: string;
  previousPlanText: string;
  decided: string;
  decidedReason: string;
  takeover: string;
  waitingOver: string;
  noApprovers: string;
  buttons: {
    approve: string;
    reject: string;
    reasonLabel: string;
    reasonPlaceholder: string;
    cancel: string;
    edit: string;
    done: string;
    oldRemoved: string;
    oldRemovedConfirm: string;
    oldRemovedYes: string;
    history: string;
    removalCheck: string;
    cancelConfirm: string;
    cancelYes: string;
    doneEarlyYes: string;
    requestAgain: string;
    showPlan: string;
  };
  notices: {
    approved: string;
    rejected: string;
    cancelled: string;
    done: string;
    closed: string;
    edited: string;
    notApprover: string;
    selfApproval: string;
    notRequester: string;
    notParticipant: string;
    wrongStatus: string;
    staleRevision: string;
    waitingPeriod: string;
    approvedPartly: string;
    alreadyApproved: string;
    alreadyRejected: string;
    doneEarly: string;
    alreadyRequestedAgain: string;
    requestedAgain: string;
    alreadyEscalated: string;
  };
  nudge: {
    title: string;
    body: string;
    escalationTitle: string;
    escalationBody: string;
    /** Approvers who cannot be mentioned (not found in the conversation). */
    unresolvedOne: string;
    unresolvedMany: string;
    nobodyMentioned: string;
    approvalsSoFar: string;
  };
  quota: { tooManyOpen: string; tooManyOpenForPerson: string };
  /** A plan whose requester is one of the approvers and that too few others could approve: `{required}`, `{available}`. */
  tooFewApprovers: string;
  /** The CNAME check when a cutover is marked done: `{host}`, `{target}`, `{newName}`, `{time}`. */
  cnameCheck: Record<'scaleSet' | 'classic' | 'other' | 'unresolved', string>;
  checklist: {
    title: string;
    intro: string;
    waitingOver: string;
    waitingRunning: string;
    cnameOk: string;
    cnameClassic: string;
    cnameOther: string;
    cnameUnresolved: string;
    cnameUnknown: string;
    endpointOk: string;
    endpointMismatch: string;
    endpointUntrusted: string;
    endpointExpired: string;
    endpointFailed: string;
    endpointRefused: string;
    endpointUnresolved: string;
    endpointUnknown: string;
    allClear: string;
    notClear: string;
  };
  notFound: string;
  someone: string;
  system: string;
  form: {
    title: string;
    editTitle: string;
    intro: string;
    cmgName: string;
    cmgPlaceholder: string;
    region: string;
    regionPlaceholder: string;
    certificatePath: string;
    certOwnDomain: string;
    certCloudapp: string;
    plannedDate: string;
    plannedTime: string;
    waitingDays: string;
    notes: string;
    submit: string;
    submitEdit: string;
    problemsTitle: string;
    fieldsBelow: string;
  };
  problems: {
    regionMissing: string;
    regionUnknown: string;
    regionAmbiguous: string;
    ownDomainNeedsFullName: string;
    pathConflict: string;
    cmgMissing: string;
    dateMissing: string;
    timeMissing: string;
    plannedInvalid: string;
    plannedPast: string;
    waitingInvalid: string;
    notesTooLong: string;
  };
  created: string;
  createdElsewhere: string;
  alreadyCreated: string;
  deliveryFailed: string;
  list: { title: string; empty: string; hint: string; line: string };
  history: {
    title: string;
    entry: string;
    reason: string;
    start: string;
    earlier: string;
    escalated: string;
    linkedTo: string;
    linkedFrom: string;
    approvals: string;
  };
}

export const cutoverStrings: Localized<CutoverStrings> = {
  en: {
    planTitle: 'Cutover plan {id}: {cmg}',
    status: {
      pending: { short: 'Waiting for approval', long: 'Waiting for approval' },
      approved: { short: 'Approved', long: 'Approved: ready for cutover' },
      rejected: { short: 'Rejected', long: 'Rejected' },
      cancelled: { short: 'Cancelled', long: 'Cancelled' },
      expired: { short: 'Expired', long: 'Expired: no decision in time' },
      done: { short: 'Cutover done', long: 'Cutover done: waiting period running' },
      closed: { short: 'Closed', long: 'Closed: old CMG removed' },
    },
    action: {
      created: 'requested',
      edited: 'edited',
      approved: 'approved',
      rejected: 'rejected',
      cancelled: 'cancelled',
      expired: 'expired',
      done: 'marked the cutover done',
      oldCmgRemoved: 'confirmed the old CMG removed',
      escalated: 'added the backup approvers',
      requestedAgain: 'requested it again',
    },
    facts: {
      cmg: 'CMG',
      region: 'Region',
      certificate: 'Certificate',
      certOwnDomain: 'Own domain: {domain} (switch the DNS CNAME)',
      certCloudapp: 'cloudapp.net: new certificate for {domain}',
      oldName: 'Old service name (classic)',
      newName: 'New service name (scale set)',
      cname: 'CNAME at cutover',
      connectionPoint: 'CMG connection point',
      connectionPointValue: 'Add a second CMG connection point for the new CMG',
      planned: 'Planned for',
      waiting: 'Waiting period',
      waitingValue: '{days} after the new CMG takes over, before the old CMG and its CMG connection point are removed',
      requestedBy: 'Requested by',
      decideBy: 'Decision needed by',
      providerCheck: 'Provider check',
      revision: 'Plan revision',
      notes: 'Notes',
      approvers: 'May approve',
      approvals: 'Approvals',
      approvalsValue: '{approvals} of {required} needed',
    },
    approversUnknown: '{names} and {count} more set by the bot administrator',
    approversNoneKnown: '{count} approvers set by the bot administrator',
    votesTitle: 'Decisions so far',
    vote: '{name}: {outcome}, {time}',
    openButtons:
      'I could not look up every approver in this conversation, so Approve and Reject are shown to everyone here. Only the approvers named on this card can decide; anyone else is refused.',
    escalatedText: 'Backup approvers were added on {time} because nobody had decided.',
    requestedAgainText: 'Requested again as cutover plan {id}.',
    previousPlanText: 'Requested again after cutover plan {id} expired.',
    decided: '{outcome} by {name} on {time}',
    decidedReason: 'Reason: {reason}',
    takeover: 'The new CMG took over on {time}. The old CMG may be removed from {until}.',
    waitingOver: 'The waiting period is over: the old CMG and its CMG connection point may be removed now.',
    noApprovers: 'No approvers are configured (APPROVER_IDS), so nobody can approve this plan yet. Ask the bot administrator to add them.',
    buttons: {
      approve: 'Approve',
      reject: 'Reject',
      reasonLabel: 'Reason (optional)',
      reasonPlaceholder: 'Why you approve or reject',
      cancel: 'Cancel plan',
      edit: 'Edit plan',
      done: 'Cutover done',
      oldRemoved: 'Confirm the removal',
      oldRemovedConfirm: 'Confirm that the old CMG and its original CMG connection point are deleted in the Configuration Manager console.',
      oldRemovedYes: 'Yes, both are removed',
      history: 'History',
      removalCheck: 'Old CMG removed',
      cancelConfirm: 'Cancel this plan? Approvers can no longer decide on it, and it cannot be opened again.',
      cancelYes: 'Yes, cancel the plan',
      doneEarlyYes: 'Yes, it was done early',
      requestAgain: 'Request again',
      showPlan: 'Show the plan',
    },
    notices: {
      approved: 'You approved this plan.',
      rejected: 'You rejected this plan.',
      cancelled: 'You cancelled this plan.',
      done: 'Cutover recorded. I will remind this conversation when the waiting period is over.',
      closed: 'The plan is closed. Well done.',
      edited: 'Plan updated; it needs approval again.',
      notApprover: 'Only approvers can approve or reject this plan. Nothing was changed.',
      selfApproval: 'You requested this plan, so another approver must decide on it. Nothing was changed.',
      notRequester: 'Only {name}, who requested this plan, can do that. Nothing was changed.',
      notParticipant: 'Only the requester or an approver can do that. Nothing was changed.',
      wrongStatus: 'This plan is already in status "{status}". Nothing was changed.',
      staleRevision: 'The plan was changed after this card was sent. Review the current plan (revision {revision}) below before you decide. Nothing was changed.',
      waitingPeriod:
        'Not yet: {left} of the waiting period is left (until {until}). Clients that have not refreshed policy still use the old CMG. Nothing was changed.',
      approvedPartly: 'You approved this plan. It has {approvals} of the {required} approvals it needs.',
      alreadyApproved: 'You already approved this revision of the plan; each approver counts once. Nothing was changed.',
      alreadyRejected: 'You already rejected this revision of the plan. Nothing was changed.',
      doneEarly: 'The cutover is planned for {time}. Was it really done already? Press "Yes, it was done early" to record it now.',
      alreadyRequestedAgain: 'This plan was already requested again as cutover plan {id}. Nothing was changed.',
      requestedAgain: 'Requested again as cutover plan {id}; it is waiting for approval.',
      alreadyEscalated: 'The backup approvers were already added. Nothing was changed.',
    },
    nudge: {
      title: 'Cutover plan {id} is still waiting for approval',
      body: '{mentions}: please approve or reject cutover plan {id} for {cmg}. It has waited {waited}; a decision is needed by {deadline}.',
      escalationTitle: 'Cutover plan {id}: backup approvers added',
      escalationBody: '{mentions}: cutover plan {id} for {cmg} has waited {waited} without a decision, so I added you as approvers. Please approve or reject it by {deadline}.',
      unresolvedOne: 'One approver is not in this conversation, so I could not mention them.',
      unresolvedMany: '{count} approvers are not in this conversation, so I could not mention them.',
      nobodyMentioned: 'Approvers',
      approvalsSoFar: 'Approvals so far: {approvals} of {required}.',
    },
    quota: {
      tooManyOpen: 'This conversation already has {max} open cutover plans. Finish or cancel one before you plan another. Type **cutovers** to see them.',
      tooManyOpenForPerson: 'You already have {max} open cutover plans in this conversation. Finish or cancel one before you plan another. Type **cutovers** to see them.',
    },
    tooFewApprovers:
      'A cutover plan needs {required} approvals, but only {available} of the approvers may decide on a plan you request (nobody approves their own). Ask another admin to request it, or ask the bot administrator to add approvers or lower the number of approvals required.',
    cnameCheck: {
      scaleSet: 'CNAME check on {time}: {host} already points at the new name {target}.',
      classic: 'CNAME check on {time}: {host} still points at the old name {target}. Switch the CNAME to {newName}.',
      other: 'CNAME check on {time}: {host} points at {target}, not at the new name {newName}.',
      unresolved: 'CNAME check on {time}: {host} does not resolve right now. Check the DNS record; it should point at {newName}.',
    },
    checklist: {
      title: 'Before you remove the old CMG',
      intro: 'I checked these just now:',
      waitingOver: '✓ The waiting period is over: it ended on {until}.',
      waitingRunning: '✗ The waiting period runs until {until}: {left} left.',
      cnameOk: '✓ {host} points at the scale-set name {newName}.',
      cnameClassic: '✗ {host} still points at the old name {target}.',
      cnameOther: '✗ {host} points at {target}, not at {newName}.',
      cnameUnresolved: '✗ {host} does not resolve right now.',
      cnameUnknown: '? Check that {host} points at {newName}: I cannot look it up from here.',
      endpointOk: '✓ {host} presents a trusted certificate for its name.',
      endpointMismatch: '✗ {host} presents a certificate for another name.',
      endpointUntrusted: '✗ {host} presents a certificate that is not trusted.',
      endpointExpired: '✗ {host} presents an expired certificate.',
      endpointFailed: '✗ I could not reach {host}: no TLS handshake on the CMG port.',
      endpointRefused: '✗ {host} resolves to an address I may not check, such as a private one.',
      endpointUnresolved: '✗ {host} does not resolve, so I could not reach its endpoint.',
      endpointUnknown: '? Check that {host} presents the CMG certificate: I cannot reach it from here.',
      allClear: 'Everything is in place. Confirm below once the old CMG and its CMG connection point are deleted.',
      notClear: 'Not everything is in place yet. Clients may still need the old CMG.',
    },
    notFound: 'I have no cutover plan {id}. Type **cutovers** to list the open plans in this conversation.',
    someone: 'someone',
    system: 'CMG Assistant',
    form: {
      title: 'Plan a cutover',
      editTitle: 'Edit cutover plan {id}',
      intro: 'I compute the old and new service names and the CNAME record, and team leads approve the plan in chat before anything is switched.',
      cmgName: 'CMG name or certificate name',
      cmgPlaceholder: 'GraniteFalls.contoso.com',
      region: 'Azure region of the new CMG',
      regionPlaceholder: 'East US or eastus',
      certificatePath: 'Server authentication certificate',
      certOwnDomain: 'In our own domain (cutover = DNS CNAME switch)',
      certCloudapp: 'In cloudapp.net (new certificate, new CMG and a second CMG connection point)',
      plannedDate: 'Planned date ({zone})',
      plannedTime: 'Planned time ({zone})',
      waitingDays: 'Waiting period in days before removing the old CMG (at least 1; more when clients are often offline)',
      notes: 'Notes (optional)',
      submit: 'Request approval',
      submitEdit: 'Save and request approval again',
      problemsTitle: 'Please fix:',
      fieldsBelow: 'Each field below that needs a change says what to fix.',
    },
    problems: {
      regionMissing: 'Type the Azure region of the new CMG, for example East US.',
      regionUnknown: 'I do not know the region "{input}".{suggestions}',
      regionAmbiguous: '"{input}" matches several regions: {candidates}. Type the one you mean.',
      ownDomainNeedsFullName: 'For a certificate in your own domain, type its full name (for example {prefix}.contoso.com), so I can compute the CNAME record.',
      pathConflict: '{name} is in {actual}, but you chose the other certificate option. Pick the option that matches the certificate.',
      cmgMissing: 'Type the CMG name or the name of its certificate, for example GraniteFalls.contoso.com.',
      dateMissing: 'Enter the planned date, for example 2026-01-10.',
      timeMissing: 'Enter the planned time, for example 22:00.',
      plannedInvalid: 'That date and time do not exist in {zone}, for example because the clocks move forward then. Pick another time.',
      plannedPast: 'The planned time {time} is in the past.',
      waitingInvalid: 'The waiting period must be a whole number of days from 1 to 90: clients pick up the new CMG at their next policy refresh (every 24 hours by default).',
      notesTooLong: 'Keep the notes under {max} characters.',
    },
    created: 'Cutover plan {id} for {cmg} is waiting for approval.',
    createdElsewhere: 'Cutover plan {id} for {cmg} is waiting for approval; I posted it to the approvers.',
    alreadyCreated: 'This form was already used for cutover plan {id}.',
    deliveryFailed: 'I saved cutover plan {id}, but could not post the approval card ({reason}). Make sure I am installed in the approvers\' conversation, then type **cutover status {id}**.',
    list: {
      title: 'Open cutover plans',
      empty: 'There are no open cutover plans in this conversation. Type **plan cutover** to start one.',
      hint: 'Type **cutover status** and a plan\'s id, for example **cutover status {id}**, to see the history of a plan.',
      line: '{cmg} → {newName}, planned {planned}',
    },
    history: {
      title: 'Cutover plan {id}: history',
      entry: '{who} {action}',
      reason: 'reason: {reason}',
      start: 'new',
      earlier: '{count} earlier entries are not shown.',
      escalated: 'nobody had decided after {waited}; added: {names}',
      linkedTo: 'as cutover plan {id}',
      linkedFrom: 'requested again after cutover plan {id} expired',
      approvals: '{approvals} of {required} approvals',
    },
  },
  nl: {
    planTitle: 'Overstapplan {id}: {cmg}',
    status: {
      pending: { short: 'Wacht op goedkeuring', long: 'Wacht op goedkeuring' },
      approved: { short: 'Goedgekeurd', long: 'Goedgekeurd: klaar voor de overstap' },
      rejected: { short: 'Afgewezen', long: 'Afgewezen' },
      cancelled: { short: 'Geannuleerd', long: 'Geannuleerd' },
      expired: { short: 'Verlopen', long: 'Verlopen: niet op tijd besloten' },
      done: { short: 'Overstap uitgevoerd', long: 'Overstap uitgevoerd: wachttijd loopt' },
      closed: { short: 'Afgesloten', long: 'Afgesloten: oude CMG verwijderd' },
    },
    action: {
      created: 'heeft aangevraagd',
      edited: 'heeft gewijzigd',
      approved: 'heeft goedgekeurd',
      rejected: 'heeft afgewezen',
      cancelled: 'heeft geannuleerd',
      expired: 'verlopen',
      done: 'heeft de overstap als uitgevoerd gemeld',
      oldCmgRemoved: 'heeft bevestigd dat de oude CMG is verwijderd',
      escalated: 'heeft de reservegoedkeurders toegevoegd',
      requestedAgain: 'heeft het opnieuw aangevraagd',
    },
    facts: {
      cmg: 'CMG',
      region: 'Regio',
      certificate: 'Certificaat',
      certOwnDomain: 'Eigen domein: {domain} (DNS-CNAME omzetten)',
      certCloudapp: 'cloudapp.net: nieuw certificaat voor {domain}',
      oldName: 'Oude servicenaam (klassiek)',
      newName: 'Nieuwe servicenaam (schaalset)',
      cname: 'CNAME bij de overstap',
      connectionPoint: 'CMG-verbindingspunt',
      connectionPointValue: 'Voeg een tweede CMG-verbindingspunt toe voor de nieuwe CMG',
      planned: 'Gepland op',
      waiting: 'Wachttijd',
      waitingValue: '{days} nadat de nieuwe CMG het overneemt, voordat de oude CMG en zijn CMG-verbindingspunt worden verwijderd',
      requestedBy: 'Aangevraagd door',
      decideBy: 'Besluit nodig vóór',
      providerCheck: 'Providercontrole',
      revision: 'Versie van het plan',
      notes: 'Opmerkingen',
      approvers: 'Mag goedkeuren',
      approvals: 'Goedkeuringen',
      approvalsValue: '{approvals} van de {required} nodig',
    },
    approversUnknown: '{names} en nog {count} ingesteld door de beheerder van de bot',
    approversNoneKnown: '{count} goedkeurders ingesteld door de beheerder van de bot',
    votesTitle: 'Besluiten tot nu toe',
    vote: '{name}: {outcome}, {time}',
    openButtons:
      'Ik kon niet elke goedkeurder in dit gesprek opzoeken, dus Goedkeuren en Afwijzen zijn hier voor iedereen zichtbaar. Alleen de goedkeurders op deze kaart kunnen beslissen; iedereen anders wordt geweigerd.',
    escalatedText: 'Op {time} zijn reservegoedkeurders toegevoegd omdat niemand had beslist.',
    requestedAgainText: 'Opnieuw aangevraagd als overstapplan {id}.',
    previousPlanText: 'Opnieuw aangevraagd nadat overstapplan {id} was verlopen.',
    decided: '{outcome} door {name} op {time}',
    decidedReason: 'Reden: {reason}',
    takeover: 'De nieuwe CMG nam het over op {time}. De oude CMG mag worden verwijderd vanaf {until}.',
    waitingOver: 'De wachttijd is voorbij: de oude CMG en zijn CMG-verbindingspunt mogen nu worden verwijderd.',
    noApprovers: 'Er zijn geen goedkeurders ingesteld (APPROVER_IDS), dus niemand kan dit plan nog goedkeuren. Vraag de beheerder van de bot ze toe te voegen.',
    buttons: {
      approve: 'Goedkeuren',
      reject: 'Afwijzen',
      reasonLabel: 'Reden (optioneel)',
      reasonPlaceholder: 'Waarom je goedkeurt of afwijst',
      cancel: 'Plan annuleren',
      edit: 'Plan wijzigen',
      done: 'Overstap uitgevoerd',
      oldRemoved: 'Verwijdering bevestigen',
      oldRemovedConfirm: 'Bevestig dat de oude CMG en zijn oorspronkelijke CMG-verbindingspunt in de Configuration Manager-console zijn verwijderd.',
      oldRemovedYes: 'Ja, beide zijn verwijderd',
      history: 'Geschiedenis',
      removalCheck: 'Oude CMG verwijderd',
      cancelConfirm: 'Dit plan annuleren? Goedkeurders kunnen er dan niet meer over beslissen en het kan niet opnieuw worden geopend.',
      cancelYes: 'Ja, annuleer het plan',
      doneEarlyYes: 'Ja, het is eerder uitgevoerd',
      requestAgain: 'Opnieuw aanvragen',
      showPlan: 'Plan tonen',
    },
    notices: {
      approved: 'Je hebt dit plan goedgekeurd.',
      rejected: 'Je hebt dit plan afgewezen.',
      cancelled: 'Je hebt dit plan geannuleerd.',
      done: 'Overstap vastgelegd. Ik herinner dit gesprek eraan wanneer de wachttijd voorbij is.',
      closed: 'Het plan is afgesloten. Goed gedaan.',
      edited: 'Plan bijgewerkt; het moet opnieuw worden goedgekeurd.',
      notApprover: 'Alleen goedkeurders kunnen dit plan goedkeuren of afwijzen. Er is niets gewijzigd.',
      selfApproval: 'Je hebt dit plan zelf aangevraagd, dus een andere goedkeurder moet erover beslissen. Er is niets gewijzigd.',
      notRequester: 'Alleen {name}, die dit plan heeft aangevraagd, kan dat doen. Er is niets gewijzigd.',
      notParticipant: 'Alleen de aanvrager of een goedkeurder kan dat doen. Er is niets gewijzigd.',
      wrongStatus: 'Dit plan heeft al de status "{status}". Er is niets gewijzigd.',
      staleRevision: 'Het plan is gewijzigd nadat deze kaart is verstuurd. Bekijk het huidige plan (versie {revision}) hieronder voordat je beslist. Er is niets gewijzigd.',
      waitingPeriod:
        'Nog niet: er is nog {left} wachttijd over (tot {until}). Clients die hun beleid nog niet hebben vernieuwd, gebruiken de oude CMG nog. Er is niets gewijzigd.',
      approvedPartly: 'Je hebt dit plan goedgekeurd. Het heeft {approvals} van de {required} goedkeuringen die nodig zijn.',
      alreadyApproved: 'Je hebt deze versie van het plan al goedgekeurd; elke goedkeurder telt één keer. Er is niets gewijzigd.',
      alreadyRejected: 'Je hebt deze versie van het plan al afgewezen. Er is niets gewijzigd.',
      doneEarly: 'De overstap is gepland op {time}. Is hij echt al uitgevoerd? Druk op "Ja, het is eerder uitgevoerd" om dat nu vast te leggen.',
      alreadyRequestedAgain: 'Dit plan is al opnieuw aangevraagd als overstapplan {id}. Er is niets gewijzigd.',
      requestedAgain: 'Opnieuw aangevraagd als overstapplan {id}; het wacht op goedkeuring.',
      alreadyEscalated: 'De reservegoedkeurders zijn al toegevoegd. Er is niets gewijzigd.',
    },
    nudge: {
      title: 'Overstapplan {id} wacht nog op goedkeuring',
      body: '{mentions}: keur overstapplan {id} voor {cmg} goed of wijs het af. Het wacht al {waited}; er is een besluit nodig vóór {deadline}.',
      escalationTitle: 'Overstapplan {id}: reservegoedkeurders toegevoegd',
      escalationBody: '{mentions}: overstapplan {id} voor {cmg} wacht al {waited} zonder besluit, dus ik heb jullie als goedkeurders toegevoegd. Keur het goed of wijs het af vóór {deadline}.',
      unresolvedOne: 'Eén goedkeurder zit niet in dit gesprek, dus ik kon die niet vermelden.',
      unresolvedMany: '{count} goedkeurders zitten niet in dit gesprek, dus ik kon ze niet vermelden.',
      nobodyMentioned: 'Goedkeurders',
      approvalsSoFar: 'Goedkeuringen tot nu toe: {approvals} van de {required}.',
    },
    quota: {
      tooManyOpen: 'Dit gesprek heeft al {max} open overstapplannen. Rond er een af of annuleer er een voordat je een nieuwe plant. Typ **overstappen** om ze te zien.',
      tooManyOpenForPerson: 'Je hebt al {max} open overstapplannen in dit gesprek. Rond er een af of annuleer er een voordat je een nieuwe plant. Typ **overstappen** om ze te zien.',
    },
    tooFewApprovers:
      'Een overstapplan heeft {required} goedkeuringen nodig, maar van de goedkeurders mogen er maar {available} beslissen over een plan dat jij aanvraagt (niemand keurt zijn eigen plan goed). Laat een andere beheerder het aanvragen, of vraag de beheerder van de bot goedkeurders toe te voegen of minder goedkeuringen te vereisen.',
    cnameCheck: {
      scaleSet: 'CNAME-controle op {time}: {host} wijst al naar de nieuwe naam {target}.',
      classic: 'CNAME-controle op {time}: {host} wijst nog naar de oude naam {target}. Zet de CNAME om naar {newName}.',
      other: 'CNAME-controle op {time}: {host} wijst naar {target}, niet naar de nieuwe naam {newName}.',
      unresolved: 'CNAME-controle op {time}: {host} is nu niet op te zoeken. Controleer het DNS-record; het moet naar {newName} wijzen.',
    },
    checklist: {
      title: 'Voordat je de oude CMG verwijdert',
      intro: 'Dit heb ik zojuist gecontroleerd:',
      waitingOver: '✓ De wachttijd is voorbij: hij eindigde op {until}.',
      waitingRunning: '✗ De wachttijd loopt tot {until}: nog {left}.',
      cnameOk: '✓ {host} wijst naar de schaalsetnaam {newName}.',
      cnameClassic: '✗ {host} wijst nog naar de oude naam {target}.',
      cnameOther: '✗ {host} wijst naar {target}, niet naar {newName}.',
      cnameUnresolved: '✗ {host} is nu niet op te zoeken.',
      cnameUnknown: '? Controleer dat {host} naar {newName} wijst: ik kan het hier niet opzoeken.',
      endpointOk: '✓ {host} toont een vertrouwd certificaat voor zijn naam.',
      endpointMismatch: '✗ {host} toont een certificaat voor een andere naam.',
      endpointUntrusted: '✗ {host} toont een certificaat dat niet wordt vertrouwd.',
      endpointExpired: '✗ {host} toont een verlopen certificaat.',
      endpointFailed: '✗ Ik kon {host} niet bereiken: geen TLS-handshake op de CMG-poort.',
      endpointRefused: '✗ {host} wijst naar een adres dat ik niet mag controleren, zoals een privéadres.',
      endpointUnresolved: '✗ {host} is niet op te zoeken, dus ik kon zijn eindpunt niet bereiken.',
      endpointUnknown: '? Controleer dat {host} het CMG-certificaat toont: ik kan het hier niet bereiken.',
      allClear: 'Alles is in orde. Bevestig hieronder zodra de oude CMG en zijn CMG-verbindingspunt zijn verwijderd.',
      notClear: 'Nog niet alles is in orde. Clients hebben de oude CMG mogelijk nog nodig.',
    },
    notFound: 'Ik heb geen overstapplan {id}. Typ **overstappen** voor de open plannen in dit gesprek.',
    someone: 'iemand',
    system: 'CMG Assistant',
    form: {
      title: 'Overstap plannen',
      editTitle: 'Overstapplan {id} wijzigen',
      intro: 'Ik bereken de oude en nieuwe servicenamen en het CNAME-record, en teamleiders keuren het plan in de chat goed voordat er iets wordt omgezet.',
      cmgName: 'CMG-naam of certificaatnaam',
      cmgPlaceholder: 'GraniteFalls.contoso.com',
      region: 'Azure-regio van de nieuwe CMG',
      regionPlaceholder: 'VS-Oost of eastus',
      certificatePath: 'Certificaat voor serververificatie',
      certOwnDomain: 'In ons eigen domein (overstap = DNS-CNAME omzetten)',
      certCloudapp: 'In cloudapp.net (nieuw certificaat, nieuwe CMG en een tweede CMG-verbindingspunt)',
      plannedDate: 'Geplande datum ({zone})',
      plannedTime: 'Gepland tijdstip ({zone})',
      waitingDays: 'Wachttijd in dagen voordat de oude CMG wordt verwijderd (minstens 1; langer als clients vaak offline zijn)',
      notes: 'Opmerkingen (optioneel)',
      submit: 'Goedkeuring aanvragen',
      submitEdit: 'Opslaan en opnieuw goedkeuring aanvragen',
      problemsTitle: 'Pas dit aan:',
      fieldsBelow: 'Bij elk veld hieronder dat een wijziging nodig heeft, staat wat je moet aanpassen.',
    },
    problems: {
      regionMissing: 'Typ de Azure-regio van de nieuwe CMG, bijvoorbeeld VS-Oost.',
      regionUnknown: 'Ik ken de regio "{input}" niet.{suggestions}',
      regionAmbiguous: '"{input}" past bij meerdere regio\'s: {candidates}. Typ de regio die je bedoelt.',
      ownDomainNeedsFullName: 'Typ voor een certificaat in je eigen domein de volledige naam (bijvoorbeeld {prefix}.contoso.com), zodat ik het CNAME-record kan berekenen.',
      pathConflict: '{name} staat in {actual}, maar je koos de andere certificaatoptie. Kies de optie die bij het certificaat past.',
      cmgMissing: 'Typ de naam van de CMG of van zijn certificaat, bijvoorbeeld GraniteFalls.contoso.com.',
      dateMissing: 'Vul de geplande datum in, bijvoorbeeld 2026-01-10.',
      timeMissing: 'Vul het geplande tijdstip in, bijvoorbeeld 22:00.',
      plannedInvalid: 'Die datum en tijd bestaan niet in {zone}, bijvoorbeeld omdat de klok dan vooruit gaat. Kies een ander tijdstip.',
      plannedPast: 'Het geplande tijdstip {time} ligt in het verleden.',
      waitingInvalid: 'De wachttijd moet een heel aantal dagen van 1 tot 90 zijn: clients zien de nieuwe CMG bij hun volgende beleidsvernieuwing (standaard elke 24 uur).',
      notesTooLong: 'Houd de opmerkingen korter dan {max} tekens.',
    },
    created: 'Overstapplan {id} voor {cmg} wacht op goedkeuring.',
    createdElsewhere: 'Overstapplan {id} voor {cmg} wacht op goedkeuring; ik heb het naar de goedkeurders gestuurd.',
    alreadyCreated: 'Dit formulier is al gebruikt voor overstapplan {id}.',
    deliveryFailed: 'Ik heb overstapplan {id} opgeslagen, maar kon de goedkeuringskaart niet plaatsen ({reason}). Zorg dat ik in het gesprek van de goedkeurders ben geïnstalleerd en typ daarna **overstap status {id}**.',
    list: {
      title: 'Open overstapplannen',
      empty: 'Er zijn geen open overstapplannen in dit gesprek. Typ **plan overstap** om er een te beginnen.',
      hint: 'Typ **overstap status** en de id van een plan, bijvoorbeeld **overstap status {id}**, voor de geschiedenis van een plan.',
      line: '{cmg} → {newName}, gepland op {planned}',
    },
    history: {
      title: 'Overstapplan {id}: geschiedenis',
      entry: '{who} {action}',
      reason: 'reden: {reason}',
      start: 'nieuw',
      earlier: '{count} eerdere regels worden niet getoond.',
      escalated: 'niemand had na {waited} beslist; toegevoegd: {names}',
      linkedTo: 'als overstapplan {id}',
      linkedFrom: 'opnieuw aangevraagd nadat overstapplan {id} was verlopen',
      approvals: '{approvals} van de {required} goedkeuringen',
    },
  },
};
