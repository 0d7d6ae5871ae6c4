/**
 * Build-time half of search: corpus → `SearchBundle` (the serialized index), called by the Vite
 * plugin and by the CLI. Runs in Node and in the browser alike (no file access).
 */
import MiniSearch from 'minisearch';
import type { Corpus } from '../model/schema';
import { Analyzer, tokenize } from './analyze';
import { miniSearchOptions, OPTIONS_FINGERPRINT, SEARCH_BUNDLE_VERSION, type IndexDoc, type SearchBundle } from './engine';
import { buildLexicon, corpusVocabulary, plainWord, protectedWords } from './lexicon';
import { collectUnits, corpusFingerprint, type Units } from './units';

/** The index documents of a corpus, numbered as `collectUnits` numbers them. */
export function indexDocuments(corpus: Corpus, u: Units): IndexDoc[] {
  return u.units.map((unit, id): IndexDoc => {
    if (unit.kind === 'entity') return { id, name: u.entities[unit.ref]!.names.join('\n') };
    const doc = corpus.documents[unit.doc]!;
    if (unit.kind === 'passage') {
      const text = doc.text.slice(unit.start, unit.end);
      return unit.head ? { id, head: text } : { id, text };
    }
    const st = doc.statements[unit.ref]!;
    const span = st.content ?? st;
    const speaker = u.entities.find((e) => e.id === st.speaker);
    const speakerNames = [...(speaker?.names ?? []), st.speakerText?.text ?? ''].filter(Boolean).join('\n');
    return { id, content: doc.text.slice(span.start, span.end), speaker: speakerNames };
  });
}

/**
 * Builds the search bundle: `protectedNames` are the gazetteer's names and aliases (knowledge.names());
 * the corpus's own entities are added to them. Only protected words that occur in the corpus are kept.
 */
export function buildSearchBundle(corpus: Corpus, protectedNames: string[]): SearchBundle {
  const { index, shipped } = buildIndex(corpus, protectedNames);
  return {
    format: 'isnad-search',
    version: SEARCH_BUNDLE_VERSION,
    options: OPTIONS_FINGERPRINT,
    corpus: corpusFingerprint(corpus),
    protected: [...shipped].sort(),
    index: index.toJSON(),
  };
}

/** The MiniSearch index of a corpus, its units, and the protected words shipped with it. */
export function buildIndex(
  corpus: Corpus,
  protectedNames: string[],
): { index: MiniSearch<IndexDoc>; units: Units; shipped: Set<string> } {
  const u = collectUnits(corpus);
  const persons = u.entities.filter((e) => e.type === 'person').flatMap((e) => e.names);
  const others = u.entities.filter((e) => e.type !== 'person').flatMap((e) => e.names);
  const protectedSet = protectedWords([...protectedNames, ...others], persons);
  const vocabulary = corpusVocabulary(corpus);
  for (const e of u.entities) for (const n of e.names) for (const t of tokenize(n)) vocabulary.add(plainWord(t.text));
  const shipped = new Set([...protectedSet].filter((w) => vocabulary.has(w)));
  const analyzer = new Analyzer(buildLexicon(vocabulary, shipped));
  const index = new MiniSearch<IndexDoc>(miniSearchOptions(analyzer));
  index.addAll(indexDocuments(corpus, u));
  return { index, units: u, shipped };
}
