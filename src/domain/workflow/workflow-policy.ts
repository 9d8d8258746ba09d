import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { LadderPolicy } from '../escalation/ladder.js';
import type { FormatInstant } from '../notes/ticket-facts.js';
import type { SignalTags } from '../notes/note-signals.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { FirstLinePolicy } from '../registration/plan-first-line.js';
import type { TriagePolicy } from '../triage/classify.js';
import type { CustomFieldMapping } from './custom-fields.js';

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
