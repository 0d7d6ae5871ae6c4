import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/pipeline/entities';
import { loadKnowledge } from '../../src/pipeline/knowledge';
import { readSeed } from '../../src/pipeline/read';
import { segment } from '../../src/pipeline/segment';

const knowledge = loadKnowledge();
const run = (text: string, lang = 'ar') =>
  extractEntities(
    segment(readSeed(new TextEncoder().encode(`عنوان\n\n${text}`), 'a.txt', { defaults: { lang, date: '2020-01-01' } })),
    knowledge,
  );
/** Every non-title mention as `type:text`, in text order. */
const names = (doc: ReturnType<typeof run>) =>
  doc.entities
    .flatMap((e) =>
      e.mentions
        .filter((m) => m.kind !== 'title')
        .map((m) => ({ at: m.start, s: `${e.type}:${doc.text.slice(m.start, m.end)}` })),
    )
    .sort((a, b) => a.at - b.at)
    .map((x) => x.s);

describe('extractEntities: lineage names around a known person', () => {
  it('reads a son named after his known father as one person: X بن <known person>', () => {
    const doc = run('واستقبل الشيخ سلطان بن حمد بن خليفة آل ثاني وفدا من رجال الأعمال.');
    expect(names(doc)).toContain('person:سلطان بن حمد بن خليفة آل ثاني');
    expect(doc.entities.some((e) => e.id === 'person:hamad-bin-khalifa')).toBe(false);
  });

  it('still reads the known person alone', () => {
    const doc = run('وبعث حمد بن خليفة آل ثاني برقية تهنئة.');
    expect(doc.entities.map((e) => e.id)).toContain('person:hamad-bin-khalifa');
  });
});
