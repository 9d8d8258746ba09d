import type { Scenario } from './scenario-schema.js';

const REGISTRATION_SETTINGS = /^(COMPLETENESS_|ROUTING_RULES$|REGISTRATION_TEAM_ID$)/;

/**
 * Scenarios written before first-line registration create requests without a description; read
 * under the default completeness rules every such incident would be asked for one and paused. A
 * scenario takes part in registration when it describes a request or sets a registration variable;
 * otherwise the runner turns the completeness check off (`COMPLETENESS_RULES=none`) so it runs as
 * written.
 */
export function withRegistrationDefault(scenario: Scenario): Scenario['config'] {
  const describes = scenario.steps.some((step) => step.create?.description !== undefined);
  const configures = Object.keys(scenario.config).some((key) => REGISTRATION_SETTINGS.test(key));
  return describes || configures ? scenario.config : { ...scenario.config, COMPLETENESS_RULES: 'none' };
}
