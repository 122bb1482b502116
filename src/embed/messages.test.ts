import { describe, expect, it } from 'vitest';
import { allowedSender, parentOrigins, readCommand } from './messages';

const own = 'https://cdn.example';

describe('who may drive an embedded iframe', () => {
  it('without ?parent= only the same origin may', () => {
    const parents = parentOrigins(new URLSearchParams('model=hashring'));
    expect(parents).toBeNull();
    expect(allowedSender(own, parents, own)).toBe(true);
    expect(allowedSender('https://docs.example', parents, own)).toBe(false);
  });

  it('?parent= lists the origins that may (repeated or comma-separated, normalized)', () => {
    const parents = parentOrigins(
      new URLSearchParams(
        'parent=https://docs.example/guide/page.html&parent=http://localhost:5173,https://b.example',
      ),
    );
    expect(parents).toEqual(['https://docs.example', 'http://localhost:5173', 'https://b.example']);
    expect(allowedSender('https://docs.example', parents, own)).toBe(true);
    expect(allowedSender('http://localhost:5173', parents, own)).toBe(true);
    // Listing parents replaces the same-origin default.
    expect(allowedSender(own, parents, own)).toBe(false);
    expect(allowedSender('https://docs.example.evil', parents, own)).toBe(false);
  });

  it('a ?parent= that is not an origin allows nobody', () => {
    const parents = parentOrigins(new URLSearchParams('parent=*&parent=null'));
    expect(parents).toEqual([]);
    expect(allowedSender(own, parents, own)).toBe(false);
    expect(allowedSender('null', parents, own)).toBe(false);
  });
});

describe('readCommand', () => {
  it('accepts play, pause, reset and seek with a time', () => {
    expect(readCommand({ type: 'ds-playground:play' })).toEqual({ type: 'ds-playground:play' });
    expect(readCommand({ type: 'ds-playground:pause', extra: 1 })).toEqual({
      type: 'ds-playground:pause',
    });
    expect(readCommand({ type: 'ds-playground:reset' })).toEqual({ type: 'ds-playground:reset' });
    expect(readCommand({ type: 'ds-playground:seek', ms: 1500 })).toEqual({
      type: 'ds-playground:seek',
      ms: 1500,
    });
  });

  it('ignores anything else', () => {
    for (const d of [
      null,
      'ds-playground:play',
      { type: 'other' },
      { type: 'ds-playground:seek' },
      { type: 'ds-playground:seek', ms: -1 },
      { type: 'ds-playground:seek', ms: '5' },
      { type: 'ds-playground:seek', ms: NaN },
      { type: 'ds-playground:height', height: 3 },
    ])
      expect(readCommand(d)).toBeNull();
  });
});
