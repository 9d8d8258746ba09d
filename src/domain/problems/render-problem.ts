import type { FormatInstant } from '../notes/ticket-facts.js';
import type { ProblemReason } from './detect-problem.js';
import type { IncidentTimeline } from './incident-timeline.js';

const REASON_TEXT: Record<ProblemReason, string> = {
  top_incident: 'Top incident',
  repeated_incidents: 'Repeated incidents',
};

/** The problem's subject: the reason and the service instance (or, without one, the incident). */
export function renderProblemSubject(reason: ProblemReason, groupName: string | null, incidentLabel: string): string {
  return `${REASON_TEXT[reason]} on ${groupName ?? `incident ${incidentLabel}`}: root-cause analysis`;
}

export interface RcaNoteInput {
  reason: ProblemReason;
  why: string;
  groupName: string | null;
  rcaDueMs: number;
  incidents: readonly IncidentTimeline[];
  /** Business ms in [from, to) of the support calendar. */
  businessMillisBetween: (fromMs: number, toMs: number) => number;
  format: FormatInstant;
  marker: string;
}

/** The first note of a problem: why it exists, the incident timeline, the RCA questions, where the report goes. */
export function renderRcaNote(input: RcaNoteInput): string {
  const lines = [
    `Support worker: problem opened (${input.reason}) — ${input.why}${input.groupName ? ` on ${input.groupName}` : ''}.`,
    `Root-cause analysis due: ${input.format(input.rcaDueMs)}.`,
    '',
    'Incident timeline (durations in business time from registration):',
    ...input.incidents.flatMap((incident) => renderIncident(incident, input)),
    '',
    ...renderAnalysisQuestions(),
    '',
    'RCA report: add it to this problem as a note containing #rca (RCA_REPORT_TAGS): until then the RCA counts as due or overdue, even when the problem is solved. Record the known error and workaround, then set the problem to solved; the linked incidents are told the outcome.',
    input.marker,
  ];
  return lines.join('\n');
}

/** A short note on the problem when later incidents are linked to it. */
export function renderLinkNote(labels: readonly string[], why: string, marker: string): string {
  return [`Support worker: linked ${labels.map((l) => `incident ${l}`).join(', ')} — ${why}.`, marker].join('\n');
}

function renderIncident(incident: IncidentTimeline, input: RcaNoteInput): string[] {
  const since = (atMs: number | null) =>
    atMs === null ? '' : ` (+${formatBusinessDuration(input.businessMillisBetween(incident.registeredAtMs, atMs))})`;
  const lines = [
    `- Incident ${incident.label}: ${incident.subject}`,
    `  Registered: ${input.format(incident.registeredAtMs)}`,
    `  Responded: ${incident.respondedAtMs === null ? 'not yet' : input.format(incident.respondedAtMs)}${since(incident.respondedAtMs)}`,
    `  Resolved: ${incident.resolvedAtMs === null ? 'not yet' : input.format(incident.resolvedAtMs)}${since(incident.resolvedAtMs)}`,
  ];
  for (const e of incident.escalations)
    lines.push(`  Escalated (${e.level.replaceAll('_', ' ')}${e.target ? `, ${e.target}` : ''}): ${input.format(e.atMs)}${since(e.atMs)}`);
  return lines;
}

function renderAnalysisQuestions(): string[] {
  return [
    'Questions of the analysis:',
    '1. What is the root cause, and which evidence confirms it?',
    '2. Do the linked incidents share that cause?',
    '3. Why did monitoring, testing or change control not prevent or detect it earlier?',
    '4. What workaround applies until the fix, and is it a known error?',
    '5. Which structural fix (change) prevents recurrence, by whom and by when?',
  ];
}

/** Business milliseconds as "2h 15m" (days are not used: a business day's length depends on the calendar). */
export function formatBusinessDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours}h ${minutes % 60}m business` : `${minutes}m business`;
}
