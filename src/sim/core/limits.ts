/** Limits of the scenario format, shared by the zod schema and the page's JSON checks. */
export const MAX_SEED = 4294967295;
export const MAX_INPUTS = 10000;
/** A day of virtual time is far beyond any lesson; it bounds replay cost. */
export const MAX_TIME_MS = 86_400_000;
/** Lines of the durable event log the host and the page keep; older ones are dropped. */
export const LOG_HISTORY_LIMIT = 5000;
/** Metric samples the host and the page keep (the latest, before the current time). */
export const SERIES_WINDOW = 1200;
