import type { Simulator } from '../simulator/index.js';
import type { ProblemRecord } from '../simulator/store.js';
import type { WorkflowStore } from '../state/workflow-store.js';
import { rcaPromisesOf, reasonsOf } from '../domain/problems/rca-promises.js';
import { DEFAULT_RCA_REPORT_TAGS } from '../domain/problems/rca-report.js';
import { rcaFactsOf } from '../domain/problems/rca-coverage.js';
import { buildReport, type ProblemOutcome, type RequestOutcome } from './build-report.js';
import type { ScenarioReport } from './report.js';

/**
 * Why the worker opened a problem: its source id when the simulator keeps one (the problem issue
 * may add it), else its subject ("repeated incidents …" or a top incident's problem).
 */
function reasonOf(problem: ProblemRecord): ProblemOutcome['reason'] {
  const extra = problem as ProblemRecord & { source?: string; sourceID?: string };
  const text = `${extra.sourceID ?? ''} ${extra.source ?? ''} ${problem.subject}`;
  return /repeat/i.test(text) ? 'repeated_incidents' : 'top_incident';
}

function rcaDueOf(problem: ProblemRecord): number | null {
  const target = (problem as ProblemRecord & { analysisTargetAt?: string | null }).analysisTargetAt;
  return target ? Date.parse(target) : null;
}

/**
 * Reads the end state of a scenario: the worker's state of each request from Redis, the requests,
 * notes and problems from the simulator, and the number of GraphQL calls the service made (the
 * runner's own changes go straight to the store, so every logged call is the service's).
 */
export async function collectReport(deps: {
  sim: Simulator;
  store: WorkflowStore;
  refs: ReadonlyMap<string, string>;
  customers?: ReadonlyMap<string, string>;
}): Promise<ScenarioReport> {
  const { sim, store, refs } = deps;
  const refOfRequest = new Map([...refs].map(([ref, id]) => [id, ref]));
  const problemRefs = new Map([...sim.store.problems.keys()].map((id, index) => [id, `p${index + 1}`]));

  const requests: RequestOutcome[] = [];
  for (const [ref, id] of refs) {
    const record = sim.store.requests.get(id);
    if (!record) throw new Error(`request ${ref} (${id}) vanished from the simulator`);
    const workerNotes = record.noteIds.filter((noteId) => sim.store.notes.get(noteId)?.personId === sim.demo.apiUserId).length;
    const state = await store.load(id);
    const routedTeamId = state.registration?.routedTeamId ?? null;
    const routedTo = routedTeamId ? (sim.store.teams.get(routedTeamId)?.name ?? routedTeamId) : null;
    const problemRef = record.problemId ? (problemRefs.get(record.problemId) ?? null) : null;
    const nameOf = (personId: string) => sim.store.people.get(personId)?.name ?? personId;
    const customer = deps.customers?.get(ref) ?? null;
    requests.push({
      ref,
      status: record.status,
      problemRef,
      workerNotes,
      state: state.observed ? state : null,
      routedTo,
      nameOf,
      customer,
    });
  }

  const problems: ProblemOutcome[] = [...sim.store.problems.values()].map((problem) => {
    // The reasons the worker promised an RCA for, from the markers of its notes on the problem.
    const reasons = reasonsOf(rcaPromisesOf(problem.noteIds.map((id) => sim.store.notes.get(id)?.text ?? '')));
    const reason = reasons[0] ?? reasonOf(problem);
    return {
      ref: problemRefs.get(problem.id) as string,
      reason,
      reasons: reasons.length > 0 ? reasons : [reason],
      requestRefs: problem.requestIds.flatMap((id) => refOfRequest.get(id) ?? []),
      rcaDueMs: rcaDueOf(problem),
      // The report covering every promise (each dated at or after its promise, §2.3); null while one is owed.
      rcaReportAtMs: rcaFactsOf(
        problem.noteIds.flatMap((id) => sim.store.notes.get(id) ?? []).map((n) => ({ text: n.text, createdAtMs: Date.parse(n.createdAt) })),
        DEFAULT_RCA_REPORT_TAGS,
      ).coveredAtMs,
    };
  });
  const xurrentCalls = sim.calls.filter((call) => call.kind !== 'oauth').length;
  return buildReport(requests, problems, xurrentCalls);
}
