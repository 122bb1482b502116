/**
 * Attributes to a scenario on the page (URL query strings, lesson directives, embed attributes),
 * with the page's model descriptions and its JSON check: see scenarioAttrs.ts.
 */
import type { Parsed } from '../sim/core/errors';
import type { Scenario } from '../sim/core/types';
import { checkScenario } from './checkScenario';
import { modelIds, modelInfo } from './models';
import { scenarioFromAttrsWith, type Attrs } from './scenarioAttrs';

export { asAttributeError, type Attrs } from './scenarioAttrs';

export const scenarioFromAttrs = (a: Attrs, defaultModel?: string): Parsed<Scenario> =>
  scenarioFromAttrsWith({ modelIds, modelInfo, checkScenario }, a, defaultModel);
