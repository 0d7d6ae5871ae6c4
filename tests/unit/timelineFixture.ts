/**
 * A hand-made corpus with the seed's shape for the timeline tests: many statements on the
 * publication day (2017-01-28), one reaching back to a 2015 UN speech, a meeting planned for
 * later, a statement dated "last Thursday", and a document with no publication date whose
 * "yesterday" must stay relative.
 */
import type { Corpus, Entity, IsnadDocument, IsnadEvent, Statement, When } from '../../src/model/schema';

interface Part {
  text: string;
  start: number;
  end: number;
}

/** Builds a document's text sentence by sentence, remembering where each one is. */
function textBuilder() {
  let text = '';
  const add = (s: string): Part => {
    if (text) text += ' ';
    const start = text.length;
    text += s;
    return { text: s, start, end: start + s.length };
  };
  return { add, text: () => text };
}

const day = (d: string, reported = false): When => ({ start: d, end: d, precision: 'day', ...(reported ? { reported } : {}) });

function entity(id: string, type: Entity['type'], ar: string, en: string): Entity {
  return { id, type, label: { ar, en }, aliases: [ar], mentions: [] };
}

function statement(
  id: string,
  part: Part,
  speaker: string | null,
  when: When,
  extra: Partial<Statement> = {},
  quote = '',
): Statement {
  const from = quote ? part.text.indexOf(quote) : 0;
  return {
    id,
    speaker,
    start: part.start,
    end: part.end,
    content: { start: part.start + Math.max(0, from), end: part.end },
    when,
    ...extra,
  };
}

function baseDoc(id: string, text: string, date: string | null, lang: 'ar' | 'en'): IsnadDocument {
  return {
    id,
    file: `seeds/${id}.txt`,
    meta: { date, lang, outlet: lang === 'ar' ? 'SANA' : 'Wire' },
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    text,
    textOffset: 0,
    blocks: [{ id: `${id}-b0`, kind: 'paragraph', start: 0, end: text.length }],
    sentences: [],
    entities: [],
    relations: [],
    statements: [],
    events: [],
  };
}

/** The seed-shaped Arabic document, published 2017-01-28. */
export function seedLikeDoc(): IsnadDocument {
  const b = textBuilder();
  const kremlin = b.add('ونقل موقع روسيا اليوم عن الكرملين قوله إن الطرفين أظهرا عزمهما على العمل المشترك.');
  const official = b.add('ونقلت فرانس برس عن مسؤول بارز قوله إن ترامب قد يوقع الأمر.');
  const fox = b.add('وقال ترامب لشبكة فوكس نيوز يوم الخميس الماضي علينا أن نتخلص من داعش.');
  const k1 = b.add('وقال كلينتسيفيتش في حال وجود تنسيق فعال يمكن هزيمة الإرهابيين خلال شهر واحد.');
  const k2 = b.add('وأضاف كلينتسيفيتش هذا سيكون سهلا جدا إذا تم تكاتف الجهود.');
  const slutsky = b.add('وقال سلوتسكي إن التحالف الواسع هو الذي دعا إليه الرئيس بوتين في عام 2015.');
  const un = b.add('دعا بوتين من منبر الجمعية العامة للأمم المتحدة إلى تحالف واسع ضد الإرهاب.');
  const meeting = b.add('واتفق الرئيسان على إجراء لقاء خاص بينهما مستقبلا.');
  const call = b.add('أجرى الرئيسان اتصالا هاتفيا استمر 40 دقيقة.');
  const doc = baseDoc('seeds~seed-like', b.text(), '2017-01-28', 'ar');
  const sana = { entity: 'organization:sana', text: 'سانا' };
  doc.entities = [
    entity('organization:kremlin', 'organization', 'الكرملين', 'the Kremlin'),
    entity('organization:rt', 'organization', 'روسيا اليوم', 'RT'),
    entity('organization:sana', 'organization', 'سانا', 'SANA'),
    entity('person:trump', 'person', 'دونالد ترامب', 'Donald Trump'),
    entity('person:putin', 'person', 'فلاديمير بوتين', 'Vladimir Putin'),
    entity('person:klintsevich', 'person', 'فرانتس كلينتسيفيتش', 'Frants Klintsevich'),
    entity('person:slutsky', 'person', 'ليونيد سلوتسكي', 'Leonid Slutsky'),
  ];
  const exprAt = (p: Part, words: string) => {
    const start = p.start + p.text.indexOf(words);
    return { start, end: start + words.length, text: words };
  };
  doc.statements = [
    statement(
      'st-kremlin',
      kremlin,
      'organization:kremlin',
      day('2017-01-28', true),
      {
        cue: exprAt(kremlin, 'قوله'),
        direct: false,
        chain: [sana, { entity: 'organization:rt', text: 'روسيا اليوم' }, { entity: 'organization:kremlin', text: 'الكرملين' }],
        speakerKind: 'entity',
      },
      'الطرفين',
    ),
    statement('st-official', official, null, day('2017-01-28', true), {
      speakerText: exprAt(official, 'مسؤول بارز'),
      speakerKind: 'unnamed',
      chain: [sana, { entity: null, text: 'فرانس برس' }, { entity: null, text: 'مسؤول بارز' }],
    }),
    statement('st-fox', fox, 'person:trump', { ...day('2017-01-26'), expr: exprAt(fox, 'يوم الخميس الماضي') }, { direct: true }),
    statement('st-k1', k1, 'person:klintsevich', day('2017-01-28', true), {
      chain: [sana, { entity: 'organization:rt', text: 'روسيا اليوم' }, { entity: 'person:klintsevich', text: 'كلينتسيفيتش' }],
    }),
    statement('st-k2', k2, 'person:klintsevich', day('2017-01-28', true)),
    statement('st-slutsky', slutsky, 'person:slutsky', day('2017-01-28', true)),
    statement('st-un', un, 'person:putin', {
      start: '2015-01-01',
      end: '2015-12-31',
      precision: 'year',
      expr: exprAt(slutsky, 'في عام 2015'),
    }),
  ];
  const events: IsnadEvent[] = [
    {
      id: 'ev-meeting',
      kind: 'meeting',
      label: 'لقاء خاص بين بوتين وترامب',
      start: meeting.start,
      end: meeting.end,
      participants: ['person:putin', 'person:trump'],
      when: { start: '2017-01-28', end: null, precision: 'unknown' },
      future: true,
    },
    {
      id: 'ev-call',
      kind: 'call',
      label: 'اتصال هاتفي',
      start: call.start,
      end: call.end,
      participants: ['person:putin', 'person:trump'],
      when: day('2017-01-28'),
    },
  ];
  doc.events = events;
  return doc;
}

/** An English document with no publication date: its "yesterday" stays relative. */
export function undatedDoc(): IsnadDocument {
  const b = textBuilder();
  const s = b.add('Yesterday the minister said that talks would resume.');
  const doc = baseDoc('seeds~undated', b.text(), null, 'en');
  doc.entities = [entity('person:minister', 'person', 'الوزير', 'The minister')];
  doc.statements = [
    statement('st-undated', s, 'person:minister', {
      start: null,
      end: null,
      precision: 'unknown',
      relative: true,
      expr: { start: 0, end: 9, text: 'Yesterday' },
    }),
  ];
  return doc;
}

/** The two documents as a corpus. */
export function fixtureCorpus(): Corpus {
  return { schemaVersion: 1, generator: 'test', documents: [seedLikeDoc(), undatedDoc()] };
}
