/** A target field as the GraphQL schema parses it (schema/graphql/common.ts): an instant, or why there is none. */
type XurrentTarget = { kind: 'at'; iso: string } | { kind: string };

/**
 * Xurrent's own response and resolution target instants of a request (epoch ms), from its affected
 * SLAs: the one the provider is accountable for (`accountability: provider`), else the first.
 * Null for a target Xurrent gives no instant for (clock stopped, best effort, none).
 */
export function xurrentDuesOf(
  slas: readonly { accountability?: string | null | undefined; responseTargetAt: XurrentTarget; resolutionTargetAt: XurrentTarget }[],
): { response: number | null; resolution: number | null } {
  const sla = slas.find((s) => s.accountability === 'provider') ?? slas[0];
  const instant = (target: XurrentTarget | undefined) => (target && 'iso' in target ? Date.parse(target.iso) : null);
  return { response: instant(sla?.responseTargetAt), resolution: instant(sla?.resolutionTargetAt) };
}
