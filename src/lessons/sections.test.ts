import { describe, expect, it } from 'vitest';
import { sectionsOf } from './sections';
import type { LessonNode } from './tree';

const p = (text: string): LessonNode => ['p', null, text];
const widget = (id: string): LessonNode => ['ds-widget', { 'data-id': id }];

describe('lesson sections', () => {
  it('gives each widget the text after it, and the first widget the text before it too', () => {
    const s = sectionsOf([p('intro'), widget('a'), p('about a'), p('more'), widget('b'), p('b')]);
    expect(s.map((x) => x.widgetId)).toEqual(['a', 'b']);
    expect(s[0]!.before).toEqual([p('intro')]);
    expect(s[0]!.after).toEqual([p('about a'), p('more')]);
    expect(s[1]!.before).toEqual([]);
    expect(s[1]!.after).toEqual([p('b')]);
  });

  it('keeps a lesson without widgets as one plain block', () => {
    const s = sectionsOf([p('one'), p('two')]);
    expect(s).toEqual([{ widgetId: null, before: [p('one'), p('two')], widget: null, after: [] }]);
  });

  it('names a widget without an id "widget", as the directive does', () => {
    expect(sectionsOf([['ds-widget', null]])[0]!.widgetId).toBe('widget');
  });
});
