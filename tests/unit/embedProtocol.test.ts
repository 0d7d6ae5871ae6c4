import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrameMessage, parseHostMessage } from '../../src/share/embedProtocol';

describe('parseHostMessage', () => {
  it('accepts a navigate message with a query string', () => {
    expect(parseHostMessage({ type: 'isnad:navigate', version: 1, search: '?view=graph' })).toEqual({
      type: 'isnad:navigate',
      version: 1,
      search: '?view=graph',
    });
  });
  it('refuses other versions, types, shapes and hostile strings', () => {
    expect(parseHostMessage({ type: 'isnad:navigate', version: 2, search: '' })).toBeNull();
    expect(parseHostMessage({ type: 'isnad:eval', version: 1, search: '' })).toBeNull();
    expect(parseHostMessage({ type: 'isnad:navigate', version: 1, search: 'javascript:alert(1)' })).toBeNull();
    expect(parseHostMessage({ type: 'isnad:navigate', version: 1, search: `?q=${'x'.repeat(5000)}` })).toBeNull();
    expect(parseHostMessage('isnad:navigate')).toBeNull();
    expect(parseHostMessage(null)).toBeNull();
    expect(parseHostMessage([1])).toBeNull();
  });
  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.anything(), (x) => void parseHostMessage(x)));
  });
});

describe('parseFrameMessage', () => {
  it('accepts heights and rounds them up', () => {
    expect(parseFrameMessage({ type: 'isnad:height', version: 1, height: 512.2 })).toEqual({
      type: 'isnad:height',
      version: 1,
      height: 513,
    });
  });
  it('refuses absurd heights', () => {
    for (const height of [-1, Infinity, NaN, 1e9, '500'])
      expect(parseFrameMessage({ type: 'isnad:height', version: 1, height })).toBeNull();
  });
  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.anything(), (x) => void parseFrameMessage(x)));
  });
});
