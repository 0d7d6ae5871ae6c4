import { describe, expect, it } from 'vitest';
import { chainArrow, chainText } from '../../src/timeline/chain';
import { moveFocus, moveForKey } from '../../src/timeline/keys';

describe('moveForKey', () => {
  it('follows time as drawn: ArrowRight is later in English, earlier in Arabic', () => {
    expect(moveForKey('ArrowRight', 'ltr')).toBe('next');
    expect(moveForKey('ArrowRight', 'rtl')).toBe('previous');
    expect(moveForKey('ArrowLeft', 'rtl')).toBe('next');
    expect(moveForKey('Home', 'rtl')).toBe('first');
    expect(moveForKey('a', 'ltr')).toBeNull();
  });
});

describe('moveFocus', () => {
  const order = ['a', 'b', 'c', 'd'];
  const placed = new Map([
    ['a', { x: 10, x2: 10, y: 10 }],
    ['b', { x: 100, x2: 100, y: 10 }],
    ['c', { x: 90, x2: 90, y: 40 }],
    ['d', { x: 300, x2: 300, y: 40 }],
  ]);
  it('moves in time order and stops at the ends', () => {
    expect(moveFocus('next', 'a', order, placed)).toBe('b');
    expect(moveFocus('previous', 'a', order, placed)).toBe('a');
    expect(moveFocus('next', 'd', order, placed)).toBe('d');
    expect(moveFocus('last', 'a', order, placed)).toBe('d');
    expect(moveFocus('next', null, order, placed)).toBe('a');
  });
  it('up and down go to the nearest mark in the next row', () => {
    expect(moveFocus('down', 'b', order, placed)).toBe('c');
    expect(moveFocus('up', 'd', order, placed)).toBe('b');
    expect(moveFocus('up', 'a', order, placed)).toBe('a');
  });
});

describe('chainText', () => {
  const chain = [
    { entity: 'organization:sana', text: 'سانا' },
    { entity: 'organization:rt', text: 'روسيا اليوم' },
    { entity: null, text: 'الكرملين' },
  ];
  const names: Record<string, string> = { 'organization:sana': 'SANA', 'organization:rt': 'RT' };
  it('names the links outermost first with arrows pointing back at the publisher', () => {
    expect(chainText(chain, 'ltr', (id, t) => names[id] ?? t)).toBe('SANA ← RT ← الكرملين');
    expect(chainText(chain, 'rtl', (_id, t) => t)).toBe('سانا → روسيا اليوم → الكرملين');
    expect(chainArrow('rtl')).toBe('→');
  });
});
