declare module 'virtual:lessons' {
  import type { LessonMeta } from './schema';
  import type { Root } from 'hast';
  export const lessons: LessonMeta[];
  export const loaders: Record<
    string,
    () => Promise<{ default: { frontmatter: unknown; hast: Root } }>
  >;
}
