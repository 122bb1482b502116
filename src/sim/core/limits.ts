/** Limits of the scenario format, shared by the zod schema and the page's JSON checks. */
export const MAX_SEED = 4294967295;
export const MAX_INPUTS = 10000;
/** `param-*` attributes one link or element may give: no model has half as many params. */
export const MAX_PARAM_ATTRS = 64;
/** A day of virtual time is far beyond any lesson; it bounds replay cost. */
export const MAX_TIME_MS = 86_400_000;
/**
 * A scenario's JSON text (a share link decoded, a file, the editor's text) may be at most this
 * long: 10,000 inputs fit in well under it, and checking it stays far below a frame's budget.
 */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** A file opened in the page (a scenario, a history) may be at most this many bytes. */
export const MAX_FILE_BYTES = 2_000_000;
/** A scenario nests five levels at most (a partition's groups); anything deeper is not one. */
export const MAX_JSON_DEPTH = 32;
/** Lines of the durable event log the host and the page keep; older ones are dropped. */
export const LOG_HISTORY_LIMIT = 5000;
/** Metric samples the host and the page keep (the latest, before the current time). */
export const SERIES_WINDOW = 1200;
