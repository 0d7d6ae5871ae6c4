/**
 * Test helper for the entity tests: runs the stage on one article of our own (a title line, then the
 * text), with the project's gazetteer and lexicon loaded once.
 */
import { extractEntities } from '../../src/pipeline/entities';
import { loadKnowledge } from '../../src/pipeline/knowledge';
import { readSeed } from '../../src/pipeline/read';
import { segment } from '../../src/pipeline/segment';

const knowledge = loadKnowledge();

/** The entities of `text`, read as an article in `lang` published on `date`. */
export function entitiesOf(text: string, lang: string, date = '2020-01-01') {
  return extractEntities(
    segment(readSeed(new TextEncoder().encode(`عنوان\n\n${text}`), 'a.txt', { defaults: { lang, date } })),
    knowledge,
  );
}

export type EntitiesOf = ReturnType<typeof entitiesOf>;

/** Every non-title mention as `type:text`, in text order (what most entity tests compare). */
export function mentionNames(doc: EntitiesOf): string[] {
  return doc.entities
    .flatMap((e) =>
      e.mentions
        .filter((m) => m.kind !== 'title')
        .map((m) => ({ at: m.start, s: `${e.type}:${doc.text.slice(m.start, m.end)}` })),
    )
    .sort((a, b) => a.at - b.at)
    .map((x) => x.s);
}
