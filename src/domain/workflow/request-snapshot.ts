import type { AuthoredNote } from '../notes/note-signals.js';

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
  /** The same notes with their authors (absent: read as notes of unknown authors). */
  notes?: readonly AuthoredNote[];
  /** Xurrent's `providerNotAccountable` (absent: false). */
  providerNotAccountable?: boolean;
  /** The request's requested-for, requested-by and created-by persons (node ids). */
  requesterIds?: readonly string[];
  /**
   * The customer's accounts as the request names them: the account it lives in and its requested-for
   * person's (`Request.account`, `Person.account`); the provider's own may be among them (absent: none known).
   */
  customerAccountIds?: readonly string[] | undefined;
  /**
   * Who changed the status to what, as the webhook envelopes said (newest first; absent: none recorded),
   * with that person's account when it was learned (null or absent: unknown).
   */
  statusActors?: readonly { status: string; personNodeId: string; atMs: number; accountId?: string | null | undefined }[] | undefined;
  /** The linked problem as far as the root cause goes, or null/absent. */
  problem?: LinkedProblem | null;
}

/** A problem linked to the request: its analysis tells when the root cause was determined. */
export interface LinkedProblem {
  id: string;
  status: string | null;
  knownError: boolean;
  workaround: string | null;
  updatedAtMs: number | null;
}
