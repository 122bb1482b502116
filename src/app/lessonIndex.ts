/** The lesson list from the build, in course order. */
import { lessons as all } from 'virtual:lessons';
import type { LessonMeta } from '../lessons/phases';

export const LESSONS: readonly LessonMeta[] = [...all].sort(
  (a, b) => a.phase - b.phase || a.order - b.order || a.id.localeCompare(b.id),
);

/** Listed lessons (not hidden fixtures), in order. */
export const LISTED = LESSONS.filter((l) => !l.hidden);

export const lessonById = (id: string): LessonMeta | undefined => LESSONS.find((l) => l.id === id);
