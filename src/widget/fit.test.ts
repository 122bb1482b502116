import { describe, expect, it } from 'vitest';
import { DRAWING_MIN_HEIGHT_PX, fitDrawingHeight } from './fit';

describe('lesson drawing height', () => {
  it('is at most what the lesson asked for and what the screen leaves', () => {
    expect(fitDrawingHeight(300, 1280, 900)).toBe(300);
    expect(fitDrawingHeight(500, 1280, 900)).toBe(450);
    expect(fitDrawingHeight(500, 390, 844)).toBe(304);
  });

  it('never goes below a readable drawing, nor above the height asked for', () => {
    expect(fitDrawingHeight(500, 1280, 400)).toBe(DRAWING_MIN_HEIGHT_PX);
    expect(fitDrawingHeight(220, 1280, 400)).toBe(220);
  });
});
