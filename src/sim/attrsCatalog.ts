/**
 * The scenario catalog as the page's attribute reader (`src/widget/scenarioAttrs.ts`) needs it,
 * built from the zod metas: what Node uses (the CLI and the lesson claim checks) where the page
 * uses the JSON catalog.
 */
import { catalog, modelIds } from './catalog';
import { modelInfo } from './core/info';
import { parseScenario } from './core/scenario';

export const ZOD_ATTRS_CATALOG = {
  modelIds,
  modelInfo: (id: string) => {
    const meta = catalog(id);
    return meta && modelInfo(meta);
  },
  checkScenario: (raw: unknown) => parseScenario(raw, catalog, modelIds()),
};
