import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/schema';
import verbs from '../../src/pipeline/data/reporting-verbs.json';
import nouns from '../../src/pipeline/data/speaker-nouns.json';
import events from '../../src/pipeline/data/event-words.json';
import { readSeed } from '../../src/pipeline/read';
import { segment } from '../../src/pipeline/segment';
import { extractStatements } from '../../src/pipeline/statements';
import type { EntityDocument } from '../../src/pipeline/types';
import { normalize } from '../../src/search/normalize';

/** A document with hand-made entities: each name is found in the text and every occurrence is a mention. */
function docOf(
  text: string,
  names: Record<string, [Entity['type'], ...string[]]>,
  meta: { lang?: string; date?: string | null; outlet?: string } = {},
): EntityDocument {
  const seg = segment(
    readSeed(new TextEncoder().encode(text), 't.txt', {
      defaults: {
        lang: meta.lang ?? 'ar',
        date: meta.date === undefined ? '2017-01-28' : meta.date,
        outlet: meta.outlet ?? 'SANA',
      } as never,
    }),
  );
  const entities: Entity[] = Object.entries(names).map(([id, [type, ...forms]]) => {
    const mentions = forms.flatMap((f) =>
      [...text.matchAll(new RegExp(f, 'g'))].map((m) => ({ start: m.index, end: m.index + f.length })),
    );
    return { id, type, label: { ar: forms[0] }, aliases: forms, mentions };
  });
  return { ...seg, entities };
}

const TITLE = 'عنوان الخبر\n\n';
const content = (d: ReturnType<typeof extractStatements>, i: number) =>
  d.text.slice(d.statements[i]!.content!.start, d.statements[i]!.content!.end);

describe('extractStatements (Arabic)', () => {
  it('reads قال SPEAKER إن with a direct quote, the speaker entity and today', () => {
    const d = extractStatements(
      docOf(`${TITLE}قال وزير الخارجية زيد عمرو اليوم إن “الوضع خطير”.`, { 'person:zaid': ['person', 'زيد عمرو'] }),
    );
    expect(d.statements).toHaveLength(1);
    const s = d.statements[0]!;
    expect(s.speaker).toBe('person:zaid');
    expect(s.cue?.text).toBe('قال');
    expect(s.direct).toBe(true);
    expect(content(d, 0)).toBe('“الوضع خطير”');
    expect(s.when).toMatchObject({ start: '2017-01-28', end: '2017-01-28', precision: 'day' });
    expect(s.when.reported).toBeUndefined();
    expect(d.text.slice(s.start, s.end)).toContain('قال وزير');
  });

  it('builds the isnad SANA ← RT ← Kremlin from نقل … عن … قوله, and carries the speaker on to واصفا', () => {
    const text = `${TITLE}ونقل موقع روسيا اليوم عن الكرملين قوله إن “المحادثة كانت مثمرة” واصفا اللقاء بـ “البناء”.`;
    const d = extractStatements(
      docOf(text, {
        'org:rt': ['organization', 'روسيا اليوم'],
        'org:kremlin': ['organization', 'الكرملين'],
        'org:sana': ['organization', 'SANA'],
      }),
    );
    expect(d.statements).toHaveLength(2);
    const [a, b] = d.statements;
    expect(a!.chain!.map((c) => c.entity)).toEqual([null, 'org:rt', 'org:kremlin']);
    expect(a!.chain![0]!.text).toBe('SANA');
    expect(a!.speaker).toBe('org:kremlin');
    expect(a!.when.reported).toBe(true); // روسيا اليوم is an outlet, not a date
    expect(b!.speaker).toBe('org:kremlin');
    expect(b!.implicit).toBe(true);
    expect(b!.chain!.map((c) => c.entity)).toEqual([null, 'org:rt', 'org:kremlin']);
  });

  it('marks an unnamed source, a group and a document', () => {
    const text = `${TITLE}ونقلت وكالة الأنباء عن مسؤول بارز قوله إن القرار نهائي. وأعرب أعضاء في البرلمان عن قلقهم. وأشار البيان إلى أن الجانبين اتفقا.`;
    const d = extractStatements(docOf(text, {}));
    expect(d.statements.map((s) => [s.speakerKind, s.speaker])).toEqual([
      ['unnamed', null],
      ['group', null],
      ['document', null],
    ]);
    expect(d.statements[0]!.speakerText?.text).toBe('مسؤول بارز');
  });

  it('reads a subject before the verb (وكان X قد أكد) and a past weekday', () => {
    const text = `${TITLE}وكان الوزير سالم قد أكد يوم الخميس الماضي أن المحادثات مستمرة.`;
    const d = extractStatements(docOf(text, { 'person:salem': ['person', 'الوزير سالم'] }));
    expect(d.statements[0]!.speaker).toBe('person:salem');
    expect(d.statements[0]!.when).toMatchObject({ start: '2017-01-26', end: '2017-01-26' });
  });

  it('gives a dual speaker (الرئيسان، وشددا) the two persons named before', () => {
    const text = `${TITLE}اتصل الرئيس أحمد بالرئيس خالد. ولفت الرئيسان إلى أن التعاون مهم وشددا على “ضرورة التنسيق”.`;
    const d = extractStatements(docOf(text, { 'person:ahmad': ['person', 'أحمد'], 'person:khaled': ['person', 'خالد'] }));
    expect(d.statements).toHaveLength(2);
    for (const s of d.statements) {
      expect(s.speakerKind).toBe('group');
      expect(s.speaker).toBeNull();
      expect(s.speakers).toEqual(['person:ahmad', 'person:khaled']);
    }
  });

  it('keeps relative times relative when the document has no publication date', () => {
    const d = extractStatements(
      docOf(`${TITLE}وقال الوزير أمس إن الاجتماع انتهى. وأضاف أن الوفد غادر. وقال المتحدث إن الأمر انتهى.`, {}, { date: null }),
    );
    expect(d.statements[0]!.when).toMatchObject({ start: null, end: null, relative: true, expr: { text: 'أمس' } });
    // وأضاف continues yesterday's words; a new statement with no time is "reported", undated.
    expect(d.statements[1]!.when).toMatchObject({ start: null, end: null, relative: true });
    expect(d.statements[2]!.when).toMatchObject({ start: null, end: null, reported: true });
  });

  it('gives stable ids that do not depend on offsets', () => {
    const a = extractStatements(docOf(`${TITLE}وقال الوزير إن الاجتماع انتهى.`, {}));
    const b = extractStatements(docOf(`${TITLE}سطر آخر.\n\nوقال الوزير إن الاجتماع انتهى.`, {}));
    expect(a.statements[0]!.id).toMatch(/^t:st-[0-9a-f]{8}$/);
    expect(b.statements.at(-1)!.id).toBe(a.statements[0]!.id);
  });

  it('does not take a noun-like present tense mid-sentence for a report', () => {
    const d = extractStatements(docOf(`${TITLE}لا يوجد دليل يشير إلى أن الهجوم وقع.`, {}));
    expect(d.statements).toHaveLength(0);
  });
});

describe('extractStatements (English)', () => {
  const en = { lang: 'en', date: '1997-04-10', outlet: 'AFP' };
  it('reads "X said Thursday that …" and a quote before "he said"', () => {
    const text = `Title\n\nWhite House spokesman Tom Reed said Tuesday that the era is over.\n\n"It's clear we must move on," he said.`;
    const d = extractStatements(docOf(text, { 'person:reed': ['person', 'Tom Reed', 'Reed'] }, en));
    expect(d.statements).toHaveLength(2);
    expect(d.statements[0]).toMatchObject({
      speaker: 'person:reed',
      direct: false,
      when: { start: '1997-04-08', end: '1997-04-08' },
    });
    expect(content(d, 0)).toBe('the era is over');
    expect(d.statements[1]).toMatchObject({ speaker: 'person:reed', direct: true, implicit: true });
    expect(content(d, 1)).toBe('"It\'s clear we must move on,"');
  });

  it('reads "according to" and "a senior official said"', () => {
    const text = `Title\n\nThe talks failed, according to the foreign ministry.\n\nA senior official said the offer stands.`;
    const d = extractStatements(docOf(text, {}, en));
    expect(d.statements.map((s) => [s.speakerText?.text, s.speakerKind])).toEqual([
      ['the foreign ministry', 'entity'],
      ['A senior official', 'unnamed'],
    ]);
    expect(content(d, 0)).toBe('The talks failed');
  });
});

describe('data files', () => {
  it('reporting-verbs.json: every Arabic form is unique after normalisation and every entry has forms', () => {
    const seen = new Map<string, string>();
    for (const v of verbs.ar.verbs) {
      const forms = [...v.sg, ...v.dual, ...v.pl, ...(('present' in v ? v.present : undefined) ?? []), ...v.participles];
      expect(forms.length, v.lemma).toBeGreaterThan(0);
      for (const f of forms) {
        const n = normalize(f);
        expect(seen.get(n), `${f} in ${v.lemma} and ${seen.get(n)}`).toBeUndefined();
        seen.set(n, v.lemma);
      }
    }
    for (const w of verbs.en.verbs) expect(w).toMatch(/^[a-z]+$/);
  });
  it('speaker-nouns.json: kinds do not overlap except dual words, which are groups', () => {
    const ar = (list: string[]) => new Set(list.map(normalize));
    const unnamed = ar(nouns.unnamed.ar);
    const group = ar(nouns.group.ar);
    const document = ar(nouns.document.ar);
    for (const w of unnamed) expect(group.has(w) || document.has(w), w).toBe(false);
    for (const w of group) expect(document.has(w), w).toBe(false);
    for (const w of nouns.dual.ar) expect(group.has(normalize(w)), w).toBe(true);
  });
  it('event-words.json: every kind has Arabic and English triggers', () => {
    for (const [kind, t] of Object.entries(events.kinds)) {
      expect(t.ar.length, kind).toBeGreaterThan(0);
      expect(t.en.length, kind).toBeGreaterThan(0);
    }
  });
});

describe('stableId', () => {
  it('numbers repeated keys base, base-2, base-3 and stays linear in the number of repeats', async () => {
    const { stableId } = await import('../../src/pipeline/statements/ids');
    const used = new Set<string>();
    const ids = [stableId('d:st', 'same', used), stableId('d:st', 'same', used), stableId('d:st', 'same', used)];
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(ids[2]).toBe(`${ids[0]}-3`);
    for (let i = 0; i < 20_000; i++) stableId('d:st', 'same', used);
    expect(used.size).toBe(20_003);
  });
});
