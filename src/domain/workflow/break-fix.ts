import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { hasMarker, noteMarker } from '../notes/render-notes.js';
import type { Triage } from '../triage/classify.js';
import type { RequestSnapshot } from './request-snapshot.js';
import type { EscalationRecord } from './workflow-state.js';

export interface BreakFixPolicy {
  /** Service instances standing for the Xurrent service itself. */
  xurrentServiceInstanceIds: readonly string[];
  /** Xurrent as a supplier organization (node id); null: the supplier is left to the agent. */
  supplierOrganizationId: string | null;
  /** `request`: the worker also registers a linked request at Xurrent's support and follows it. */
  mode?: 'supplier' | 'request';
  /**
   * `XURRENT_ESCALATION_TRIGGER`: `agent` (§4, level 1 first): forwarded only once an agent's note
   * holds an escalation tag; `automatic`: forwarded as soon as the request is complete. Absent: automatic.
   */
  trigger?: 'agent' | 'automatic';
  /** `XURRENT_ESCALATION_TAGS`, shown in the level-1 note. Absent: `#xurrent`. */
  tags?: readonly string[];
}

/** What the request's notes and first line say about forwarding (computed by the caller). */
export interface ForwardInputs {
  /** The agent's decision to forward (the tag note's time), or null. */
  agentForwardAtMs: number | null;
  /** First line still waits for details (automatic forwarding waits too). */
  incomplete: boolean;
}

export interface BreakFixPlan {
  internalNote: string | null;
  /** A note for the requester, when the contract has something to tell them. */
  publicNote: string | null;
  supplierId: string | null;
  status: string | null;
  records: EscalationRecord[];
}

const NONE: BreakFixPlan = { internalNote: null, publicNote: null, supplierId: null, status: null, records: [] };
/** The break-fix escalation's key in the workflow state (once per request). */
export const BREAK_FIX_KEY = 'xurrent:break_fix';
const KEY = BREAK_FIX_KEY;
const STOPPED = new Set(['completed', 'declined', 'rejected']);

/**
 * True for the requests the provider handles as the Xurrent Service's level 1 (§4: "every request
 * needing a higher level is forwarded"): incidents, RFCs and RFIs on its instances. An RFI is
 * forwarded only on an agent's decision, never automatically.
 */
export function isXurrentLevelOne(
  snapshot: Pick<RequestSnapshot, 'serviceInstanceId'>,
  triage: Triage,
  xurrentServiceInstanceIds: readonly string[],
): boolean {
  const onXurrent = snapshot.serviceInstanceId !== null && xurrentServiceInstanceIds.includes(snapshot.serviceInstanceId);
  return onXurrent && (triage.kind === 'incident' || triage.kind === 'rfc' || triage.kind === 'rfi');
}

/**
 * Break-fix: an incident on a service instance of the Xurrent service, or a request for change
 * there (then read as about Xurrent's standard functionality, §2.2), is escalated to Xurrent once,
 * when its trigger says so: under `agent` (the default, §4 level 1 first) when an agent's note
 * holds an escalation tag, dated at that note; until then an internal note (once) tells the agent
 * how to forward. Under `automatic`, as soon as first line has what it needs. Escalating: Xurrent becomes the supplier
 * (when configured), the request waits for it (`waiting_for`), and an internal note says so; in
 * request mode the note announces the linked request the worker registers and follows. For a Top
 * incident registered outside support hours the requester is told they may also contact Xurrent
 * directly (the contract's rule for Top outside office hours). Nothing happens to a closed request.
 */
export function planBreakFix(
  snapshot: RequestSnapshot,
  triage: Triage,
  done: ReadonlySet<string>,
  nowMs: number,
  context: { policy: BreakFixPolicy; calendar: BusinessCalendar; inputs?: ForwardInputs },
): BreakFixPlan {
  const applies = isXurrentLevelOne(snapshot, triage, context.policy.xurrentServiceInstanceIds);
  if (!applies || done.has(KEY) || STOPPED.has(snapshot.status)) return NONE;
  const inputs = context.inputs ?? { agentForwardAtMs: null, incomplete: false };
  const byAgent = (context.policy.trigger ?? 'automatic') === 'agent';
  if (!byAgent && triage.kind === 'rfi') return NONE;
  if (byAgent && inputs.agentForwardAtMs === null) return levelOnePlan(snapshot, triage, context.policy.tags ?? ['#xurrent']);
  if (!byAgent && inputs.incomplete) return NONE;
  const atMs = byAgent ? Math.min(inputs.agentForwardAtMs as number, nowMs) : nowMs;

  const record: EscalationRecord = { key: KEY, level: 'xurrent', target: null, atMs };
  const marker = noteMarker('esc', `${snapshot.id}:${KEY}`);
  if (hasMarker(snapshot.noteTexts, marker)) return { ...NONE, records: [record] };

  const { what } = wordingOf(triage);
  const lines = [
    byAgent ? `Escalated to Xurrent (break-fix) on the agent's decision: ${what}.` : `Escalated to Xurrent (break-fix): ${what}.`,
    context.policy.supplierOrganizationId
      ? 'Xurrent is set as supplier; the request waits for Xurrent.'
      : 'The request waits for Xurrent; set Xurrent as supplier.',
    context.policy.mode === 'request'
      ? "The support worker registers a linked request at Xurrent's support (its id goes into the supplier request ID) and notes its progress here until Xurrent completes it."
      : "Record Xurrent's reference in the supplier request ID and follow it up until Xurrent has fixed it.",
    marker,
  ];
  return {
    internalNote: lines.join('\n'),
    // The after-hours note to the requester is its own rule now (planXurrentContactNote), written at registration.
    publicNote: null,
    supplierId: context.policy.supplierOrganizationId,
    status: snapshot.status === 'waiting_for' ? null : 'waiting_for',
    records: [record],
  };
}

/** How the notes name a level-1 request by kind: what its forward says, and when it needs Xurrent. */
const WORDING = {
  incident: { what: 'this incident concerns the Xurrent service itself', needsMore: 'a defect in the Xurrent Service itself (break-fix)' },
  rfi: { what: 'this request for information needs Xurrent to answer it', needsMore: 'a question only Xurrent can answer' },
  rfc: {
    what: "this request for change concerns Xurrent's standard functionality",
    needsMore: "a change to Xurrent's standard functionality (configuration of this account is ours, and outside standard support)",
  },
} as const;
const wordingOf = (triage: Triage) => (triage.kind === 'incident' || triage.kind === 'rfi' ? WORDING[triage.kind] : WORDING.rfc);

/** The level-1 note (§4), once: the provider answers first; how an agent forwards. */
function levelOnePlan(snapshot: RequestSnapshot, triage: Triage, tags: readonly string[]): BreakFixPlan {
  const marker = noteMarker('level1', snapshot.id);
  if (hasMarker(snapshot.noteTexts, marker)) return NONE;
  const { needsMore } = wordingOf(triage);
  const note = [
    'Level 1 (contract §4): this request is about the Xurrent Service; the provider answers it first (simple questions, simple problems).',
    `To forward it to Xurrent when it needs more, e.g. ${needsMore}, add a note containing ${tags.join(' or ')}: the worker then escalates it to Xurrent and follows it up.`,
    marker,
  ].join('\n');
  return { ...NONE, internalNote: note };
}

export interface XurrentContactPolicy {
  /** `XURRENT_SUPPORT_CONTACT`: where the customer reaches Xurrent directly. */
  contact: string;
  locale: 'en' | 'nl';
  format: (ms: number | null) => string;
  /** `XURRENT_ESCALATION_TRIGGER`: under `automatic` the incident goes to Xurrent without waiting for office hours. */
  trigger?: 'agent' | 'automatic';
}

/**
 * §2.1: "Indien het gaat om Prioriteitsniveau Top verzoeken voor Xurrent Service (volledig
 * onbeschikbaar) buiten de normale kantooruren, kan Klant contact opnemen met Xurrent". A Top
 * incident on a Xurrent Service instance registered outside office hours gets, at once and whether
 * or not it is complete, a note to the requester (in `SUPPORT_LOCALE`) saying so, and what happens
 * next: the provider picks it up when office hours start and forwards it to Xurrent when it needs
 * Xurrent (level 1 first, §4), or, under the automatic trigger, that it is forwarded now. Once: the marker (also the former note's) and the flag
 * `xurrent_contact_advised`.
 */
export function planXurrentContactNote(
  snapshot: RequestSnapshot,
  triage: Triage,
  context: { xurrentServiceInstanceIds: readonly string[]; calendar: BusinessCalendar; policy: XurrentContactPolicy },
): { publicNote: string | null; advised: boolean } {
  const onXurrent = snapshot.serviceInstanceId !== null && context.xurrentServiceInstanceIds.includes(snapshot.serviceInstanceId);
  const outsideHours = context.calendar.businessMillisBetween(snapshot.createdAtMs, snapshot.createdAtMs + 1) === 0;
  if (!onXurrent || triage.kind !== 'incident' || triage.priority !== 'top' || !outsideHours) return { publicNote: null, advised: false };
  const marker = noteMarker('top-outside-hours', snapshot.id);
  if (hasMarker(snapshot.noteTexts, marker)) return { publicNote: null, advised: true };
  // The first business instant after registration: when office hours start again.
  const opensAt = context.calendar.addBusinessMillis(snapshot.createdAtMs, 1) - 1;
  const { contact, locale, format } = context.policy;
  const automatic = (context.policy.trigger ?? 'agent') === 'automatic';
  const next = {
    nl: automatic
      ? `Wat er nu gebeurt: wij sturen uw incident door naar Xurrent zodra het bevat wat Xurrent nodig heeft, en volgen het op; ons supportteam pakt het ook op zodra de kantooruren beginnen (${format(opensAt)}).`
      : `Wat er nu gebeurt: ons supportteam pakt uw incident op zodra de kantooruren beginnen (${format(opensAt)}) en stuurt het door naar Xurrent als Xurrent nodig is, en volgt het dan op.`,
    en: automatic
      ? `What happens next: we forward your incident to Xurrent as soon as it holds what Xurrent needs, and follow it up; our support team also picks it up when office hours start (${format(opensAt)}).`
      : `What happens next: our support team picks up your incident when office hours start (${format(opensAt)}), forwards it to Xurrent if it needs Xurrent, and then follows it up.`,
  };
  const text =
    locale === 'nl'
      ? [
          'Uw incident meldt dat de Xurrent Service volledig onbeschikbaar is, en is buiten onze kantooruren geregistreerd.',
          `Bij een volledige storing van Xurrent buiten kantooruren kunt u rechtstreeks contact opnemen met Xurrent: ${contact}.`,
          next.nl,
        ]
      : [
          'Your incident reports that the Xurrent service is completely unavailable, and was registered outside our office hours.',
          `For a complete outage of Xurrent outside office hours you may contact Xurrent directly: ${contact}.`,
          next.en,
        ];
  return { publicNote: [...text, marker].join('\n'), advised: true };
}

/**
 * Under the agent trigger the break-fix escalation is dated at the agent's tag note, also when the
 * record came from a rebuild (which dates it at the worker's own note): the sweep and a rebuild agree.
 */
export function datedForward(records: EscalationRecord[], forwardAtMs: number | null): EscalationRecord[] {
  if (forwardAtMs === null) return records;
  return records.map((r) => (r.key === BREAK_FIX_KEY && r.atMs > forwardAtMs ? { ...r, atMs: forwardAtMs } : r));
}
