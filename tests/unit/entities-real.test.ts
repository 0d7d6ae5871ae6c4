/** Rules added after reading real agency articles (sentences here are our own). */
import { describe, expect, it } from 'vitest';
import { entitiesOf } from './entityArticle';

const run = (text: string, lang = 'ar') => entitiesOf(text, lang);
/** Every mention as `type:text` (titles marked `*`), in text order. */
const names = (doc: ReturnType<typeof run>) =>
  doc.entities
    .flatMap((e) =>
      e.mentions.map((m) => ({ at: m.start, s: `${e.type}:${doc.text.slice(m.start, m.end)}${m.kind === 'title' ? '*' : ''}` })),
    )
    .sort((a, b) => a.at - b.at)
    .map((x) => x.s);

describe('extractEntities: clitics on rule names and titles', () => {
  it('keys a body after لل like its other mentions: للمجلس البلدي … المجلس البلدي', () => {
    const doc = run('وقدم المقاولون عرضا للهيئة الملكية للجبيل وينبع. وقالت الهيئة الملكية للجبيل وينبع إنها ستدرسه.');
    const bodies = doc.entities.filter((e) => e.type === 'organization');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.mentions).toHaveLength(2);
  });

  it('does not take the و of a title word for a conjunction: وزيرة …', () => {
    const doc = run('وخلال زيارة وزيرة الخارجية الأمريكية هيلاري كلينتون إلى الرباط جرى توقيع اتفاق.');
    const role = doc.entities.find((e) => e.id === 'person:hillary-clinton')?.roles?.[0]?.text;
    expect(role).toBe('وزيرة الخارجية الأمريكية');
  });

  it('still strips the conjunction before a title: ووزيرة …', () => {
    const doc = run('وحضر اللقاء رجال أعمال ووزيرة الخارجية الأمريكية هيلاري كلينتون.');
    const role = doc.entities.find((e) => e.id === 'person:hillary-clinton')?.roles?.[0]?.text;
    expect(role).toBe('وزيرة الخارجية الأمريكية');
  });
});

describe('extractEntities: a given name in ة before a family name in ي', () => {
  it('reads a Maghrebi name after a spokesman of a body: … بوعزة الحمداوي', () => {
    const doc = run('وقال الناطق باسم حزب العدالة والتنمية بوعزة الحمداوي إن الحزب سيشارك.');
    expect(names(doc)).toContain('person:بوعزة الحمداوي');
  });

  it('does not read a preposition and a noun as a name: بضربة الأولى', () => {
    const doc = run('وقال المدرب إن الفريق فاز بضربة الجزاء الأخيرة.');
    expect(names(doc).filter((n) => n.startsWith('person:') && !n.endsWith('*'))).toEqual([]);
  });
});

describe('extractEntities: bodies named by what they are for, with ل and a construct', () => {
  it('reads ل + a noun in construct as the complement, and the head and adjectives later as the same body', () => {
    const doc = run('وقال المركز المغربي لحقوق الطفل إن الأرقام مقلقة. وأضاف المركز المغربي أن التقرير سينشر.');
    const bodies = doc.entities.filter((e) => e.type === 'organization');
    expect(bodies.map((e) => e.label.ar)).toEqual(['المركز المغربي لحقوق الطفل']);
    expect(bodies[0]!.mentions).toHaveLength(2);
  });

  it('does not take a verbal noun of purpose after ل: … لتحقيق الأهداف', () => {
    const doc = run('وأطلقت الهيئة الوطنية لتحقيق الأهداف برنامجا جديدا.');
    expect(names(doc)).not.toContain('organization:الهيئة الوطنية لتحقيق الأهداف');
  });
});

describe('extractEntities: compound nationality adjectives', () => {
  it('reads both words of الكوري الجنوبي as the nationality, so the title is not given to another president', () => {
    const doc = run('واستقبل الرئيس الأميركي جو بايدن وفدا. وقال مستشار للرئيس الكوري الجنوبي إن اللقاء مهم.');
    const biden = doc.entities.find((e) => e.id === 'person:joe-biden');
    expect(biden?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['جو بايدن']);
  });

  it('agrees in every word: الحكومة الكورية الجنوبية is one body with its country', () => {
    const doc = run('وأعلنت الحكومة الكورية الجنوبية خطة جديدة.');
    expect(names(doc)).toContain('organization:الحكومة الكورية الجنوبية');
  });
});

describe('extractEntities: a known person named in full with the father', () => {
  it('reads given name, بن and father, then the known surname, as the known person', () => {
    const doc = run('وقال وزير الخارجية الأسبق شون بن مايكل سبايسر إن الاجتماع سيعقد في موعده.');
    const known = doc.entities.find((e) => e.id === 'person:sean-spicer');
    expect(known?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['شون بن مايكل سبايسر']);
    expect(doc.entities.filter((e) => e.type === 'person')).toHaveLength(1);
  });

  it('keeps a different given name before a known surname apart', () => {
    const doc = run('وقال الوزير الأستاذ رشيد بن عبد الله ظريف إن الاجتماع سيعقد.');
    expect(
      doc.entities.some(
        (e) =>
          e.id === 'person:mohammad-javad-zarif' &&
          e.mentions.length > 0 &&
          doc.text.slice(e.mentions[0]!.start, e.mentions[0]!.end).startsWith('رشيد'),
      ),
    ).toBe(false);
  });
});

describe('extractEntities: an apposition after a person already read', () => {
  it('gives the role and lets the family name with the article link later', () => {
    const doc = run('وقال خالد الزعبي المتحدث باسم وزارة الزراعة إن المحصول جيد. وأضاف الزعبي أن الأسعار ستنخفض.');
    const p = doc.entities.find((e) => e.type === 'person');
    expect(p?.roles?.[0]?.text.startsWith('المتحدث باسم')).toBe(true);
    expect(p?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['خالد الزعبي', 'الزعبي']);
  });
});

describe('extractEntities: given names that look definite, and common words that are places', () => {
  it('reads a given name in ال right after a title as the name, not the title complement: الوزير الياس …', () => {
    const doc = run('وقال الوزير الياس حنا إن الخطة جاهزة.');
    expect(names(doc)).toContain('person:الياس حنا');
  });

  it('does not read the noun مشهد (scene) as the city without a place noun', () => {
    expect(names(run('وشارك الآلاف في مشهد حضاري من الاحتجاج.'))).toEqual([]);
    expect(names(run('ووصل الوفد إلى مدينة مشهد شرق البلاد.'))).toContain('place:مشهد');
  });
});

describe('extractEntities: a proper head with a name in ال and what the body is for', () => {
  it('reads مركز + a name with the article + لل complement as one body, without a disagreeing adjective', () => {
    const doc = run('وقال مدير مركز الزيتونة للدراسات الاستراتيجية السياسي إن التقرير جاهز.');
    expect(names(doc)).toContain('organization:مركز الزيتونة للدراسات الاستراتيجية');
  });

  it('leaves a proper head before a definite noun alone without the complement', () => {
    const doc = run('وزار الوفد مركز المدينة صباحا.');
    expect(names(doc).filter((n) => n.startsWith('organization:'))).toEqual([]);
  });
});

describe('extractEntities: a country named like its adjective', () => {
  it('reads السعودية after a feminine definite noun as the adjective, elsewhere as the country', () => {
    const doc = run('وقال موظف في السفارة السعودية إن الوفد عاد إلى السعودية أمس.');
    const sa = doc.entities.find((e) => e.id === 'place:SA');
    expect(sa?.mentions).toHaveLength(1);
    expect(doc.text.slice(sa!.mentions[0]!.start - 4, sa!.mentions[0]!.start)).toBe('إلى ');
  });
});

describe('extractEntities (English): East Asian family names', () => {
  it('links the first word of a person the text calls Chinese: spokesman Liu Jianchao … Liu', () => {
    const doc = run(
      'The plan is unacceptable, said Chinese foreign ministry spokesman Liu Jianchao. Liu added that talks would go on.',
      'en',
    );
    const p = doc.entities.find((e) => e.type === 'person');
    expect(p?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Liu Jianchao', 'Liu']);
  });

  it('keeps Western order for others: spokesman Mark Toner … Toner, not Mark', () => {
    const doc = run('The plan is unacceptable, said State Department spokesman Mark Toner. Mark Twain was not mentioned.', 'en');
    const p = doc.entities.find((e) => e.label.en === 'Mark Toner');
    expect(p?.mentions).toHaveLength(1);
  });
});

describe('extractEntities: a counted nationality that reads like a country', () => {
  it('reads 12 روسيا as twelve Russians, and روسيا elsewhere as Russia', () => {
    const doc = run('ووجهت روسيا انتقادات بعد توجيه الاتهام إلى 14 روسيا بالقرصنة.');
    expect(doc.entities.find((e) => e.id === 'place:RU')?.mentions).toHaveLength(1);
  });
});

describe('extractEntities: علي after an honorific', () => {
  it('reads الدكتور علي + a family name as a person, and links the family name later', () => {
    const doc = run('وقال رئيس النقابة الدكتور علي الخطيب إن الإضراب نجح. وأضاف الخطيب أن الرد منتظر.');
    expect(names(doc)).toEqual(['person:علي الخطيب', 'person:الخطيب']);
  });

  it('does not read علي (for على) after a non-honorific title as a name', () => {
    const doc = run('وشدد الوزير علي الحاجة إلى الإصلاح.');
    expect(names(doc).filter((n) => !n.endsWith('*'))).toEqual([]);
  });
});
