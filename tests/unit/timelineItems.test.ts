import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/app/i18n.svelte';
import { formatItemDate } from '../../src/timeline/dates';
import {
  EVENTS_LANE,
  firstWords,
  itemConcerns,
  timelineItems,
  timelineLanes,
  UNKNOWN_LANE,
  undatedDocuments,
} from '../../src/timeline/items';
import { fixtureCorpus } from './timelineFixture';
import { manifestOf } from '../../src/model/digest';

describe('timelineItems(manifestOf(corpus))', () => {
  const corpus = fixtureCorpus();
  const items = timelineItems(manifestOf(corpus));
  const byId = new Map(items.map((i) => [i.id, i]));

  it('lists every statement and event, in time order, same day by position in the text, undated last', () => {
    expect(items.map((i) => i.id)).toEqual([
      'st-un',
      'st-fox',
      'st-kremlin',
      'st-official',
      'st-k1',
      'st-k2',
      'st-slutsky',
      'ev-meeting',
      'ev-call',
      'st-undated',
    ]);
  });

  it('puts speakers in lanes: entity id, unknown speakers together, events apart', () => {
    expect(byId.get('st-kremlin')?.lane).toBe('organization:kremlin');
    expect(byId.get('st-official')?.lane).toBe(UNKNOWN_LANE);
    expect(byId.get('ev-call')?.lane).toBe(EVENTS_LANE);
  });

  it('marks reported, future and undated items honestly', () => {
    expect(byId.get('st-kremlin')).toMatchObject({ reported: true, future: false, undated: false, precision: 'day' });
    expect(byId.get('st-fox')).toMatchObject({ reported: false, expr: 'يوم الخميس الماضي' });
    expect(byId.get('ev-meeting')).toMatchObject({ future: true, start: '2017-01-28', end: null });
    expect(byId.get('st-undated')).toMatchObject({ undated: true, start: null, end: null, expr: 'Yesterday' });
  });

  it('labels a statement with the first words of what was said, not the cue', () => {
    expect(byId.get('st-kremlin')?.label).toBe('الطرفين أظهرا عزمهما على العمل المشترك.');
  });

  it('knows which entities an item concerns: speaker, chain, participants', () => {
    const kremlin = byId.get('st-kremlin')!;
    expect(itemConcerns(kremlin, 'organization:rt')).toBe(true);
    expect(itemConcerns(kremlin, 'person:putin')).toBe(false);
    expect(itemConcerns(byId.get('ev-call')!, 'person:putin')).toBe(true);
  });

  it('a group speaker concerns each of its members', () => {
    const c = fixtureCorpus();
    const doc = c.documents[0]!;
    doc.statements.push({
      ...doc.statements[0]!,
      id: 'st-both',
      speaker: null,
      speakerKind: 'group',
      speakers: ['person:putin', 'person:trump'],
      chain: [],
    });
    const both = timelineItems(manifestOf(c)).find((i) => i.id === 'st-both')!;
    expect(itemConcerns(both, 'person:trump')).toBe(true);
  });

  it('timelineLanes orders named speakers by count, then unknown, then events; labels in the interface language', () => {
    const lanes = timelineLanes(items, manifestOf(corpus), 'en');
    expect(lanes[0]).toEqual({ key: 'person:klintsevich', label: 'Frants Klintsevich', count: 2 });
    expect(lanes.slice(-2).map((l) => l.key)).toEqual([UNKNOWN_LANE, EVENTS_LANE]);
    expect(timelineLanes(items, manifestOf(corpus), 'ar')[0]?.label).toBe('فرانتس كلينتسيفيتش');
  });

  it('undatedDocuments finds documents without a publication date', () => {
    expect(undatedDocuments(manifestOf(corpus)).map((d) => d.id)).toEqual(['seeds~undated']);
  });
});

describe('firstWords', () => {
  it('cuts after n words with an ellipsis, collapsing whitespace', () => {
    expect(firstWords('a  b\nc d', 3)).toBe('a b c…');
    expect(firstWords('a b', 3)).toBe('a b');
  });
});

describe('formatItemDate', () => {
  const en = new I18n('en');
  const ar = new I18n('ar');
  const base = { reported: false, undated: false } as const;
  it('says a day, a month, a year or a range, as precise as known', () => {
    expect(formatItemDate({ ...base, start: '2017-01-28', end: '2017-01-28', precision: 'day' }, en)).toBe('28 January 2017');
    expect(formatItemDate({ ...base, start: '2017-01-01', end: '2017-01-31', precision: 'month' }, en)).toBe('January 2017');
    expect(formatItemDate({ ...base, start: '2015-01-01', end: '2015-12-31', precision: 'year' }, en)).toBe('2015');
    expect(formatItemDate({ ...base, start: '2017-01-26', end: '2017-01-28', precision: 'range' }, en)).toMatch(
      /26\s*–\s*28 January 2017/,
    );
    expect(formatItemDate({ ...base, start: '2017-01-28', end: '2017-01-28', precision: 'day' }, ar)).toContain('يناير');
  });
  it('says "reported on" for statements dated by publication', () => {
    expect(formatItemDate({ ...base, reported: true, start: '2017-01-28', end: '2017-01-28', precision: 'day' }, en)).toBe(
      'reported on 28 January 2017',
    );
  });
  it('says open bounds and undated plainly, never inventing a date', () => {
    expect(formatItemDate({ ...base, start: '2017-01-28', end: null, precision: 'unknown' }, en)).toBe('from 28 January 2017 on');
    expect(formatItemDate({ ...base, start: null, end: '2017-01-28', precision: 'unknown' }, en)).toBe('before 28 January 2017');
    expect(formatItemDate({ ...base, undated: true, start: null, end: null, precision: 'unknown', expr: 'Yesterday' }, en)).toBe(
      '“Yesterday”, with no publication date to anchor it',
    );
    expect(formatItemDate({ ...base, undated: true, start: null, end: null, precision: 'unknown' }, en)).toBe('date unknown');
  });
});
