declare module 'virtual:lessons' {
  import type { LessonMeta } from './phases';
  import type { LessonNode } from './tree';
  export const lessons: LessonMeta[];
  export const loaders: Record<
    string,
    () => Promise<{ default: { frontmatter: unknown; tree: LessonNode[] } }>
  >;
}
