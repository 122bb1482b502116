/** What directive components need from the lesson around them. */
import { createContext, useContext } from 'react';
import type { Scenario } from '../sim/core/types';

export interface LessonContextValue {
  lessonId: string;
  model: string | undefined;
  onShare(s: Scenario, t: number): void;
}

export const LessonContext = createContext<LessonContextValue>({
  lessonId: '',
  model: undefined,
  onShare: () => {},
});

export const useLessonContext = (): LessonContextValue => useContext(LessonContext);
