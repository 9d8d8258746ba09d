import { diffTicketFacts } from '../notes/ticket-facts.js';
import { hasMarker, noteMarker, renderChangeNote, renderStartNote } from '../notes/render-notes.js';
import type { RequestCategory, RequestStatus } from '../sla/request-history.js';
import { computeSlaClock, type SlaClock } from '../sla/sla-clock.js';
import { planFirstLine } from '../registration/plan-first-line.js';
import { triageRequest } from '../triage/classify.js';
import { customFieldsFor } from './custom-fields.js';
import { BREAK_FIX_KEY, datedForward, planBreakFix, planXurrentContactNote } from './break-fix.js';
import { agentForwardAtMs } from '../break-fix/forward-decision.js';
import { planCustomerEscalations, withCustomerEscalations } from '../escalation/customer-escalation.js';
import { readRcaRequest } from '../problems/rca-request.js';
import { observeRequest } from './observe-request.js';
import type { RequestSnapshot } from './request-snapshot.js';
import { toTicketFacts } from './ticket-facts-of.js';
import type { WorkflowState } from './workflow-state.js';
import { inSlaScope, policyOfRule, ruleOf, type SlaScope } from './decided-rule.js';
import { readNoteSignals, workerPersonIdsOf } from '../notes/note-signals.js';
import { withSignals, problemRootCauseAtMs, readSignalMarkers, signalMarkersToWrite, decidedSignals } from './request-signals.js';
import { planRootCauseReminder } from './root-cause-reminder.js';
import { planEscalations } from './plan-escalations.js';
import type { ReconcilePlan } from './reconcile-plan.js';
import { DEFAULT_ESCALATION_CUES, DEFAULT_RCA_REQUEST_CUES, DEFAULT_SIGNAL_TAGS, type WorkflowPolicy } from './workflow-policy.js';

export type { EscalationPolicy, WorkflowPolicy } from './workflow-policy.js';
export { DEFAULT_ESCALATION_CUES, DEFAULT_RCA_REQUEST_CUES, DEFAULT_SIGNAL_TAGS } from './workflow-policy.js';
export type { ReconcilePlan } from './reconcile-plan.js';

/**
 * Converges on a request's current state: classifies it, extends its SLA history, evaluates the
 * clock at `nowMs`, and decides the notes (start note once, a short note whenever the facts
 * change), escalations (each step of the ladder once per target) and timers. Running it twice on
 * the same input yields nothing new the second time: notes carry markers, and markers found on
 * the request count as written even when `previous` was lost.
 */
export function planReconcile(snapshot: RequestSnapshot, previous: WorkflowState, nowMs: number, policy: WorkflowPolicy): ReconcilePlan {
  const triage = triageRequest(
    { category: snapshot.category, impact: snapshot.impact, serviceInstanceId: snapshot.serviceInstanceId, teamId: snapshot.teamId },
    policy.triage,
  );
  const priority = triage.kind === 'incident' ? triage.priority : null;
  const scope: SlaScope = {
    slaServiceInstanceIds: policy.slaServiceInstanceIds ?? null,
    xurrentServiceInstanceIds: policy.triage.xurrentServiceInstanceIds,
  };
  const rule = ruleOf(previous, policy.sla, scope);
  const inSla = inSlaScope(snapshot.serviceInstanceId, rule);
  const observed = observeRequest(snapshot, previous, priority, nowMs, policy.providerAccountId ?? null);
  const firstLine = planFirstLine({ ...snapshot, priority }, previous, observed, nowMs, policy.firstLine);
  const notes = snapshot.notes ?? [];
  const signals = readNoteSignals(
    notes,
    {
      providerAccountId: policy.providerAccountId ?? null,
      workerPersonIds: workerPersonIdsOf(notes),
      requesterIds: new Set(snapshot.requesterIds ?? []),
    },
    policy.signalTags ?? DEFAULT_SIGNAL_TAGS,
  );
  // What the worker decided live and marked on the request counts too: a rebuild after a loss converges on it.
  const marked = readSignalMarkers(snapshot.id, snapshot.noteTexts);
  const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const withNotes = withSignals(
    firstLine.events,
    {
      respondedAtMs: earliest(signals.respondedAtMs, marked.respondedAtMs),
      rootCauseAtMs: earliest(signals.rootCauseAtMs, marked.rootCauseAtMs),
      problemRootCauseAtMs: problemRootCauseAtMs(snapshot, nowMs),
    },
    nowMs,
  );
  const events = withNotes;
  const slaPolicy = policyOfRule(rule, policy.sla);
  const clock: SlaClock = inSla
    ? computeSlaClock({ category: (snapshot.category ?? 'other') as RequestCategory, events }, nowMs, policy.calendar, slaPolicy)
    : { hasClock: false, reason: 'outside-sla' };
  const authorship = {
    providerAccountId: policy.providerAccountId ?? null,
    workerPersonIds: workerPersonIdsOf(notes),
    requesterIds: new Set(snapshot.requesterIds ?? []),
  };
  const xurrentTags = policy.xurrentEscalationTags ?? ['#xurrent'];
  const forwardAtMs =
    (policy.xurrentEscalationTrigger ?? 'automatic') === 'agent' ? agentForwardAtMs(notes, authorship, xurrentTags) : null;
  const breakFix = planBreakFix(snapshot, triage, new Set(previous.escalations.map((e) => e.key)), nowMs, {
    policy: {
      xurrentServiceInstanceIds: policy.triage.xurrentServiceInstanceIds,
      supplierOrganizationId: policy.xurrentSupplierId,
      mode: policy.xurrentEscalationMode ?? 'supplier',
      trigger: policy.xurrentEscalationTrigger ?? 'automatic',
      tags: xurrentTags,
    },
    calendar: policy.calendar,
    // Automatic forwarding waits until first line has what it needs; an agent's decision does not.
    inputs: { agentForwardAtMs: forwardAtMs, incomplete: firstLine.incomplete },
  });
  const forwarded = breakFix.records.length > 0 || previous.escalations.some((e) => e.key === BREAK_FIX_KEY);
  const contact = planXurrentContactNote(snapshot, triage, {
    xurrentServiceInstanceIds: policy.triage.xurrentServiceInstanceIds,
    calendar: policy.calendar,
    policy: {
      contact: policy.xurrentSupportContact ?? 'support@xurrent.com',
      locale: policy.locale ?? 'en',
      format: policy.formatInstant,
      trigger: policy.xurrentEscalationTrigger ?? 'automatic',
    },
  });
  const extraFlags = [
    ...(forwarded && triage.kind !== 'incident' ? (['forwarded_to_xurrent'] as const) : []),
    ...(contact.advised ? (['xurrent_contact_advised'] as const) : []),
  ];
  const shownTriage = extraFlags.length > 0 ? { ...triage, flags: [...triage.flags, ...extraFlags] } : triage;
  const facts = toTicketFacts(shownTriage, clock, { outsideSla: !inSla });
  const written = (marker: string) => hasMarker(snapshot.noteTexts, marker);
  const reminder = planRootCauseReminder(
    snapshot,
    previous,
    { inSla, rule, clock, events, nowMs },
    { ...policy, rootCauseTags: (policy.signalTags ?? DEFAULT_SIGNAL_TAGS).rootCause },
  );
  const notesToWrite: string[] = [];

  let factsVersion = previous.factsVersion;
  const changes = previous.facts === null ? [] : diffTicketFacts(previous.facts, facts, policy.formatInstant);
  const factsChanged = previous.facts === null || changes.length > 0;
  if (triage.kind !== 'other') {
    const startMarker = noteMarker('start', snapshot.id);
    if (previous.facts === null && !written(startMarker)) {
      notesToWrite.push(
        renderStartNote(
          facts,
          policy.formatInstant,
          startMarker,
          inSla && rule.resolutionClockStart === 'root_cause'
            ? { rootCauseTags: (policy.signalTags ?? DEFAULT_SIGNAL_TAGS).rootCause }
            : {},
        ),
      );
    } else if (previous.facts !== null) {
      const marker = noteMarker('facts', `${snapshot.id}:${factsVersion + 1}`);
      if (changes.length > 0) {
        factsVersion += 1;
        if (!written(marker)) notesToWrite.push(renderChangeNote(changes, marker));
      }
    }
  }

  notesToWrite.push(...firstLine.internalNotes);
  const escalation = planEscalations(snapshot, previous, clock, nowMs, policy);
  notesToWrite.push(...escalation.notes);
  const customer = planCustomerEscalations(snapshot.id, notes, snapshot.noteTexts, authorship, {
    cues: policy.escalationCues ?? DEFAULT_ESCALATION_CUES,
    ...policy.escalation,
  });
  notesToWrite.push(...customer.notes);
  const rcaAsk = readRcaRequest(
    snapshot.id,
    notes,
    snapshot.noteTexts,
    facts,
    authorship,
    policy.rcaRequestCues ?? DEFAULT_RCA_REQUEST_CUES,
  );
  if (rcaAsk.firstLineNote) notesToWrite.push(rcaAsk.firstLineNote);
  const known = new Set(previous.escalations.map((e) => e.key));
  const newCustomer = customer.records.filter((r) => !known.has(r.key));
  if (reminder.note) notesToWrite.push(reminder.note);
  const watchersToAdd = [...new Set([...escalation.watchers, ...reminder.watchers, ...customer.watchers])];
  if (breakFix.internalNote) notesToWrite.push(breakFix.internalNote);
  // Write down the response and root-cause instants decided now, for a rebuild (request-signals.ts).
  const decided = decidedSignals(events, rule.responseBy);
  const toMark = {
    respondedAtMs: rule.responseBy === 'person' ? decided.respondedAtMs : null,
    rootCauseAtMs: rule.resolutionClockStart === 'root_cause' ? decided.rootCauseAtMs : null,
  };
  const markers = inSla && clock.hasClock ? signalMarkersToWrite(snapshot.id, toMark, snapshot.noteTexts) : [];
  if (markers.length > 0 && notesToWrite.length > 0) notesToWrite[notesToWrite.length - 1] += `\n${markers.join('\n')}`;
  else if (markers.length > 0) notesToWrite.push(['Support worker: SLA instants recorded.', ...markers].join('\n'));
  const publicNotes = [contact.publicNote, firstLine.publicNote, breakFix.publicNote].filter((note): note is string => note !== null);
  // The worker's own status writes are recorded as its own (they never count as the response).
  const ownStatus = breakFix.status ?? firstLine.status;
  const stateEvents = breakFix.status
    ? [...events, { kind: 'status-changed' as const, at: nowMs, status: breakFix.status as RequestStatus, by: 'worker' as const }]
    : events;
  return {
    state: {
      version: 1,
      observed: {
        status: ownStatus ?? snapshot.status,
        category: snapshot.category,
        priority: facts.priority,
        updatedAtMs: snapshot.updatedAtMs,
        notAccountable: snapshot.providerNotAccountable ?? false,
      },
      events: stateEvents,
      facts,
      factsVersion,
      escalations: withCustomerEscalations(
        datedForward([...previous.escalations, ...escalation.records, ...breakFix.records], forwardAtMs),
        customer.records,
      ),
      notesWritten: previous.notesWritten + notesToWrite.length + publicNotes.length,
      registration: firstLine.state,
      rule,
      excused: signals.excused,
      rootCauseRemindedAtMs: reminder.remindedAtMs,
      rcaRequest: rcaAsk.request,
    },
    facts,
    internalNote: notesToWrite.length > 0 ? notesToWrite.join('\n\n') : null,
    watchersToAdd,
    assignMemberId: escalation.assignee ?? customer.assignee,
    customFields: triage.kind !== 'other' && factsChanged ? customFieldsFor(facts, policy.customFields) : [],
    timers: escalation.timers,
    escalated: [...escalation.records, ...breakFix.records, ...newCustomer],
    publicNote: publicNotes.length > 0 ? publicNotes.join('\n\n') : null,
    supplierId: breakFix.supplierId,
    // On completion the break-fix escalation (waiting_for) follows the resume straight away.
    status: breakFix.status ?? firstLine.status,
    teamId: firstLine.teamId,
    reminderAtMs: firstLine.reminderAtMs,
    rootCauseReminderAtMs: reminder.atMs,
  };
}
