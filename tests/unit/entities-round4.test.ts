import { describe, expect, it } from 'vitest';
import { entitiesOf, type EntitiesOf } from './entityArticle';

/** Every non-title mention as `type:text`, in text order. */
const names = (doc: EntitiesOf) =>
  doc.entities
    .flatMap((e) =>
      e.mentions
        .filter((m) => m.kind !== 'title')
        .map((m) => ({ at: m.start, s: `${e.type}:${doc.text.slice(m.start, m.end)}` })),
    )
    .sort((a, b) => a.at - b.at)
    .map((x) => x.s);

describe('extractEntities: a nationality adjective used as a noun, then a name', () => {
  const doc = entitiesOf(
    'وفي نهائي البطولة تغلب الصربي يانكو ميلوفيتش على البلجيكي كزافييه دوبوا ، ثم سجل هدف التعادل للبرازيلي كلاوديو . وقال الأميركي نفسه إن الفوز مستحق .',
    'ar',
  );

  it('reads a foreign first name with a long vowel after ي, or ending in ييه', () => {
    expect(names(doc)).toContain('person:يانكو ميلوفيتش');
    expect(names(doc)).toContain('person:كزافييه دوبوا');
  });

  it('reads one word after `للبرازيلي` closed by punctuation, though named once', () => {
    expect(names(doc)).toContain('person:كلاوديو');
  });

  it('reads no name in a pronoun form after the adjective', () => {
    expect(names(doc).some((n) => n.includes('نفسه'))).toBe(false);
  });

  it('reads no name after an adjective that describes a noun before it, or before an imperfect verb', () => {
    const other = entitiesOf('وقال المصدر الفرنسي يونس إن الجيش الإسرائيلي يتهم الحركة بخرق الهدنة .', 'ar');
    expect(names(other).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('English: a nationality before a capitalised name', () => {
    const en = entitiesOf(
      'In the final, Serbian Janko Milovic beat Belgian Xavier Dubois, and the Brazilian Claudio scored.',
      'en',
    );
    expect(names(en)).toEqual(expect.arrayContaining(['person:Janko Milovic', 'person:Xavier Dubois']));
  });
});
