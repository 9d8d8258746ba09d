/** A request as the worker read it from Xurrent just now: plain values, instants in epoch ms. */
export interface RequestSnapshot {
  /** Xurrent node id. */
  id: string;
  /** The number agents see. */
  requestId: string | null;
  subject: string | null;
  category: string | null;
  impact: string | null;
  status: string;
  createdAtMs: number;
  updatedAtMs: number;
  serviceInstanceId: string | null;
  teamId: string | null;
  memberId: string | null;
  /** Texts of the request's notes, where the worker finds the markers of what it already wrote. */
  noteTexts: readonly string[];
}
