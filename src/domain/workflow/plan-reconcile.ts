import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { dueEscalations, nextEscalation, type LadderPolicy, type TargetKind, type TargetProgress } from '../escalation/ladder.js';
import { diffTicketFacts, type FormatInstant, type TicketFacts } from '../notes/ticket-facts.js';
import { hasMarker, noteMarker, renderChangeNote, renderStartNote } from '../notes/render-notes.js';
import type { TargetClock } from '../sla/evaluate-target.js';
import type { RequestCategory, RequestEvent, RequestStatus } from '../sla/request-history.js';
import { computeSlaClock, type SlaClock } from '../sla/sla-clock.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import { planFirstLine, type FirstLinePolicy } from '../registration/plan-first-line.js';
import { triageRequest, type TriagePolicy } from '../triage/classify.js';
import { customFieldsFor, type CustomFieldMapping, type CustomFieldValue } from './custom-fields.js';
import { BREAK_FIX_KEY, planBreakFix, planXurrentContactNote } from './break-fix.js';
import { agentForwardAtMs } from '../break-fix/forward-decision.js';
import { planCustomerEscalations, withCustomerEscalations } from '../escalation/customer-escalation.js';
import { readRcaRequest } from '../problems/rca-request.js';
import { renderEscalationNote } from './escalation-notes.js';
import { observeRequest } from './observe-request.js';
import type { RequestSnapshot } from './request-snapshot.js';
import { toTicketFacts } from './ticket-facts-of.js';
import type { EscalationRecord, WorkflowState } from './workflow-state.js';
import { inSlaScope, policyOfRule, ruleOf, type SlaScope } from './decided-rule.js';
import { readNoteSignals, workerPersonIdsOf, type SignalTags } from '../notes/note-signals.js';
import { withSignals, problemRootCauseAtMs, readSignalMarkers, signalMarkersToWrite } from './request-signals.js';
import { respondedAtOf } from '../reports/records-of-history.js';
import { planRootCauseReminder } from './root-cause-reminder.js';

export interface EscalationPolicy {
  serviceSupportManagerId: string | null;
  ctoId: string | null;
  mode: 'watch' | 'assign';
}

export interface WorkflowPolicy {
  triage: TriagePolicy;
  sla: SlaPolicy;
  calendar: BusinessCalendar;
  ladder: LadderPolicy;
  escalation: EscalationPolicy;
  formatInstant: FormatInstant;
  customFields: CustomFieldMapping;
  /** Xurrent as supplier for break-fix escalations (node id), or null. */
  xurrentSupplierId: string | null;
  /** Break-fix mode (`XURRENT_ESCALATION_MODE`); supplier when omitted. */
  xurrentEscalationMode?: 'supplier' | 'request';
  /** Who forwards a Xurrent Service request (`XURRENT_ESCALATION_TRIGGER`); automatic when omitted (the configuration's default is agent). */
  xurrentEscalationTrigger?: 'agent' | 'automatic';
  /** `XURRENT_ESCALATION_TAGS`: an agent's note holding one forwards. Absent: `#xurrent`. */
  xurrentEscalationTags?: readonly string[];
  /** `ESCALATION_CUES`: a requester's note holding one escalates (§2.8). Absent: the defaults. */
  escalationCues?: readonly string[];
  /** `XURRENT_SUPPORT_CONTACT` (§2.1). Absent: support@xurrent.com. */
  xurrentSupportContact?: string;
  /** `SUPPORT_LOCALE` of notes to requesters. Absent: en. */
  locale?: 'en' | 'nl';
  /** `RCA_REQUEST_CUES`: a requester's note holding one after a breach asks for an RCA (§3.3). Absent: the defaults. */
  rcaRequestCues?: readonly string[];
  /** First-line registration: completeness check and routing (absent: first line does nothing). */
  firstLine?: FirstLinePolicy;
  /** `SLA_SERVICE_INSTANCE_IDS` (null: unset); the Xurrent Service's instances come from `triage`. Absent: null. */
  slaServiceInstanceIds?: readonly string[] | null;
  /** The provider's Xurrent account (`XURRENT_ACCOUNT`): whose people's notes and status changes are the provider's. */
  providerAccountId?: string | null;
  /** `ROOT_CAUSE_TAGS`, `EXCUSE_TAGS` and the withdrawal tag. Absent: the defaults. */
  signalTags?: SignalTags;
  /** `ROOT_CAUSE_REMINDER` in business ms (null: no nudge). Absent: null. */
  rootCauseReminderMs?: number | null;
}

export const DEFAULT_RCA_REQUEST_CUES: readonly string[] = ['rca', 'root cause', 'hoofdoorzaak', 'oorzaakanalyse', 'oorzaak analyse'];

export const DEFAULT_ESCALATION_CUES: readonly string[] = ['escalate', 'escalatie', 'escaleren'];

export const DEFAULT_SIGNAL_TAGS: SignalTags = {
  rootCause: ['#rootcause', '#hoofdoorzaak'],
  excuse: ['#excused', '#uitgesloten'],
  unexcuse: ['#unexcused'],
};

/** What the worker should write to the request, remember, and schedule. */
export interface ReconcilePlan {
  state: WorkflowState;
  facts: TicketFacts;
  /** New internal notes, joined into one (Xurrent takes one internal note per update); null when none. */
  internalNote: string | null;
  watchersToAdd: string[];
  assignMemberId: string | null;
  /** Custom field values to write, when facts changed and fields are configured; empty otherwise. */
  customFields: CustomFieldValue[];
  /** A note to the requester (visible to them), or null. */
  publicNote: string | null;
  /** Break-fix: the supplier to set and the status to move to, or null. */
  supplierId: string | null;
  status: string | null;
  /** First line's routing: the team to assign, or null. */
  teamId: string | null;
  /** When the completeness reminder should wake the request; null: no timer. */
  reminderAtMs: number | null;
  /** When the root-cause nudge of a Top incident is due; null: none pending. */
  rootCauseReminderAtMs?: number | null;
  /** When each target's clock next needs a look (its next escalation threshold); null: no timer. */
  timers: Record<TargetKind, number | null>;
  escalated: EscalationRecord[];
}

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
  const observed = observeRequest(snapshot, previous, priority, nowMs);
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
    policy: { contact: policy.xurrentSupportContact ?? 'support@xurrent.com', locale: policy.locale ?? 'en', format: policy.formatInstant },
  });
  const extraFlags = [
    ...(forwarded && triage.kind === 'rfc' ? (['forwarded_to_xurrent'] as const) : []),
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

/** The response and the root cause that count, from the history (sorted), as the clock reads them. */
function decidedSignals(
  events: readonly RequestEvent[],
  responseBy: 'person' | 'status',
): { respondedAtMs: number | null; rootCauseAtMs: number | null } {
  const ordered = [...events].sort((a, b) => a.at - b.at);
  let completed = false;
  let rootCauseAtMs: number | null = null;
  for (const event of ordered) {
    if (event.kind === 'status-changed') completed = event.status === 'completed';
    if (event.kind === 'root-cause-recorded' && !completed) {
      rootCauseAtMs = event.at;
      break;
    }
  }
  return { respondedAtMs: respondedAtOf(ordered, responseBy), rootCauseAtMs };
}

/**
 * Under the agent trigger the break-fix escalation is dated at the agent's tag note, also when the
 * record came from a rebuild (which dates it at the worker's own note): the sweep and a rebuild agree.
 */
function datedForward(records: EscalationRecord[], forwardAtMs: number | null): EscalationRecord[] {
  if (forwardAtMs === null) return records;
  return records.map((r) => (r.key === BREAK_FIX_KEY && r.atMs > forwardAtMs ? { ...r, atMs: forwardAtMs } : r));
}

function planEscalations(snapshot: RequestSnapshot, previous: WorkflowState, clock: SlaClock, nowMs: number, policy: WorkflowPolicy) {
  const none = { notes: [] as string[], records: [] as EscalationRecord[], watchers: [] as string[], assignee: null as string | null };
  if (!clock.hasClock) return { ...none, timers: { response: null, resolution: null } };
  const targets: Record<TargetKind, TargetClock> = { response: clock.response, resolution: clock.resolution };
  const progress = (Object.keys(targets) as TargetKind[])
    .filter((kind) => targets[kind].state !== 'not-started')
    .map((kind): TargetProgress => ({
      target: kind,
      allowedMs: targets[kind].targetMs,
      elapsedMs: targets[kind].elapsedMs,
      stopped: targets[kind].stopped,
    }));
  const done = new Set(previous.escalations.map((e) => e.key));
  const result = { ...none };

  for (const step of dueEscalations(progress, done, policy.ladder)) {
    const marker = noteMarker('esc', `${snapshot.id}:${step.key}`);
    done.add(step.key);
    result.records.push({
      key: step.key,
      level: step.level,
      target: step.target,
      atMs: nowMs,
      ...(step.level === 'warning' ? {} : { reason: 'breach' as const }),
    });
    if (hasMarker(snapshot.noteTexts, marker)) continue;
    const personId =
      step.level === 'cto'
        ? policy.escalation.ctoId
        : step.level === 'service_support_manager'
          ? policy.escalation.serviceSupportManagerId
          : null;
    const person = personId ? { id: personId, mode: policy.escalation.mode } : null;
    const context = {
      priority: clock.priority,
      dueAtMs: targets[step.target].shownDueAt,
      warningPercent: policy.ladder.warningPercent,
      l2AfterPercent: policy.ladder.l2AfterPercent,
      person,
    };
    result.notes.push(renderEscalationNote(step, context, policy.formatInstant, marker));
    if (person?.mode === 'watch') result.watchers.push(person.id);
    if (person?.mode === 'assign') result.assignee = person.id;
  }

  const timers: Record<TargetKind, number | null> = { response: null, resolution: null };
  for (const p of progress) {
    const next = targets[p.target].state === 'paused' ? undefined : nextEscalation(p, done, policy.ladder);
    timers[p.target] = next ? policy.calendar.addBusinessMillis(nowMs, next.atElapsedMs - p.elapsedMs) : null;
  }
  return { ...result, timers };
}
