/**
 * The compact element tree a lesson compiles to: a string is text; an array is
 * [tag, props (React names) or null, ...children]. Built at build time from hast, rendered by
 * LessonBody with a few lines instead of a general hast-to-React runtime.
 */
export type LessonNode = string | [string, Record<string, unknown> | null, ...LessonNode[]];
