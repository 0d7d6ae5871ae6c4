import { describe, expect, it } from 'vitest';
import { textRuns } from '../../src/reader/runs';

const text = 'قال الرئيس سامي نور اليوم';

describe('textRuns', () => {
  it('covers the span exactly, in order', () => {
    const runs = textRuns(text, 0, text.length, { mentions: [{ entity: 'p', type: 'person', start: 11, end: 19 }] });
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.find((r) => r.mention)!.text).toBe('سامي نور');
  });
  it('keeps the longest of overlapping mentions', () => {
    const runs = textRuns(text, 0, text.length, {
      mentions: [
        { entity: 'short', type: 'person', start: 16, end: 19 },
        { entity: 'long', type: 'person', start: 11, end: 19 },
      ],
    });
    expect(runs.filter((r) => r.mention).map((r) => r.mention!.entity)).toEqual(['long']);
  });
  it('cuts runs at the selected span and flags them', () => {
    const runs = textRuns(text, 0, text.length, { mentions: [], selected: { start: 4, end: 10 } });
    expect(runs.filter((r) => r.selected).map((r) => r.text)).toEqual(['الرئيس']);
  });
  it('marks only the first piece of a mention cut by a selection as its head', () => {
    const runs = textRuns(text, 0, text.length, {
      mentions: [{ entity: 'p', type: 'person', start: 11, end: 19 }],
      selected: { start: 0, end: 15 },
    });
    const pieces = runs.filter((r) => r.mention);
    expect(pieces).toHaveLength(2);
    expect(pieces.map((p) => p.mentionHead)).toEqual([true, false]);
  });
});
