/**
 * The CORS lab's scenario table: every scenario the lab page offers, in display order.
 * Each one has a unique path `/s/<id>` on the API, so its requests (and preflights) are identifiable
 * in CDP logs, webRequest events and the server's hit counter.
 */
import type { Scenario, ScenarioGroup } from './scenario-types';
import { CACHE_SCENARIOS } from './scenarios/cache';
import { CREDENTIAL_SCENARIOS } from './scenarios/credentials';
import { ELEMENT_AND_NETWORK_SCENARIOS } from './scenarios/elements-and-network';
import { EXPOSURE_SCENARIOS } from './scenarios/exposure';
import { HOSTILE_SCENARIOS } from './scenarios/hostile';
import { ORIGIN_CHECK_SCENARIOS } from './scenarios/origin-checks';
import { PREFLIGHT_SCENARIOS } from './scenarios/preflight';
import { REDIRECT_SCENARIOS } from './scenarios/redirects';

export type * from './scenario-types';

/** Display order of the groups on the lab page. */
export const GROUP_ORDER: readonly ScenarioGroup[] = [
  'blocked', 'allowed', 'credentialed', 'preflighted', 'cached', 'redirected', 'exposure', 'network', 'not-cors',
];

const ALL: readonly Scenario[] = [
  ...ORIGIN_CHECK_SCENARIOS,
  ...CREDENTIAL_SCENARIOS,
  ...PREFLIGHT_SCENARIOS,
  ...CACHE_SCENARIOS,
  ...REDIRECT_SCENARIOS,
  ...ELEMENT_AND_NETWORK_SCENARIOS,
  ...EXPOSURE_SCENARIOS,
  ...HOSTILE_SCENARIOS,
];

/** All scenarios, sorted by group (stable within a group). */
export const SCENARIOS: readonly Scenario[] = [...ALL].sort(
  (a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group),
);

const BY_ID = new Map(SCENARIOS.map((scenario) => [scenario.id, scenario]));

export function findScenario(id: string): Scenario | undefined {
  return BY_ID.get(id);
}

/** Like findScenario, for ids that must exist (tests); throws with the unknown id. */
export function getScenario(id: string): Scenario {
  const scenario = BY_ID.get(id);
  if (!scenario) throw new Error(`unknown lab scenario: ${id}`);
  return scenario;
}
