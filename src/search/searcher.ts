/**
 * Query execution over a loaded index: one MiniSearch search per query word (exact surface, stem,
 * prefix for the word being typed, fuzzy for long words and for names), entity aliases expanded to the
 * passages that mention the entity, words combined with AND (falling back to the best partial
 * matches), phrases checked in the original text, filters, then highlights computed by re-tokenising
 * the original text of the hits that are returned.
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import type { Corpus } from '../model/schema';
import { Analyzer, tokenize } from './analyze';
import type { IndexDoc, SearchFilters, SearchHit, SearchResults } from './engine';
import { plainWord } from './lexicon';
import { parseQuery, type QueryWord } from './query';
import type { Lexicon } from './stem';
import type { EntityRef, Unit, Units } from './units';

/** How much of an entity's score a passage gets for mentioning it. */
const EXPANSION = 0.8;
/** A title or pronoun that refers to the entity counts for less than its name. */
const INDIRECT = 0.5;
/** Entity hits weigh more than passages in a merged list (the CLI): names first. */
const ENTITY_WEIGHT = 2;
/** Stem-only matches weigh less than matches of the word itself. */
const STEM_WEIGHT = 0.7;
/** Group sizes returned. */
const LIMITS = { entity: 20, statement: 50, passage: 100 } as const;
/** At most this many query words are combined (a bit mask per unit). */
const MAX_WORDS = 30;

interface Match {
  mask: number;
  /** Sum over the query words of each word's best score (a name said twice is not twice as relevant). */
  score: number;
  best: number[];
  terms: Set<string>;
  marks: [number, number][];
}

type Range = [number, number];

function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

export class Searcher {
  readonly analyzer: Analyzer;
  private index: MiniSearch<IndexDoc> | null = null;
  /** First passage unit of each document. */
  private readonly sentenceBase: number[] = [];
  /** First statement unit of each document. */
  private readonly statementBase: number[] = [];
  private readonly nameForms = new Map<number, string[][][]>();

  constructor(
    private readonly corpus: Corpus,
    private readonly u: Units,
    lexicon: Lexicon,
  ) {
    this.analyzer = new Analyzer(lexicon);
    let base = 0;
    let statements = u.firstStatement;
    for (const doc of corpus.documents) {
      this.sentenceBase.push(base);
      base += doc.sentences.length;
      this.statementBase.push(statements);
      statements += doc.statements.length;
    }
  }

  /** Connects the loaded index (done once by `loadSearchEngine`). */
  attach(index: MiniSearch<IndexDoc>): this {
    this.index = index;
    return this;
  }

  /** Searches; see engine.ts for the result shape. */
  search(query: string, filters: SearchFilters = {}): SearchResults {
    const empty: SearchResults = { query, entities: [], statements: [], passages: [], total: 0 };
    const parsed = parseQuery(query, this.analyzer);
    const qwords = parsed.words.slice(0, MAX_WORDS);
    if (!this.index || qwords.length === 0) return empty;
    const full = (1 << qwords.length) - 1;
    const matches = new Map<number, Match>();
    const entityTerms = new Map<number, Set<string>>();
    const perWord: SearchResult[][] = qwords.map((w) => this.matchWord(w));
    perWord.forEach((results, i) => {
      const w = qwords[i]!;
      // A typo may name an entity (بوتن); a real word that is merely close to a name may not.
      const exists = this.analyzer.lexicon.isKnown(w.surface) || this.analyzer.lexicon.isKnown(w.stem);
      const naming = (t: string) => !exists || t === w.surface || t === w.stem || (w.prefix && t.startsWith(w.surface));
      for (const r of results) {
        this.add(matches, r.id as number, i, r.score, r.terms);
        if (r.id >= this.u.firstEntity) {
          const set = entityTerms.get(r.id) ?? new Set<string>();
          for (const t of r.terms) if (naming(t)) set.add(t);
          entityTerms.set(r.id, set);
        }
      }
    });
    // Entities named by the query lend their mentions to passages and statements.
    const covered = new Set<number>();
    for (const [id, terms] of entityTerms) if (this.isNamed(id, terms)) covered.add(id);
    perWord.forEach((results, i) => {
      for (const r of results) {
        if (!covered.has(r.id)) continue;
        const entity = this.u.entities[this.u.units[r.id]!.ref]!;
        if (filters.types?.length && !filters.types.includes(entity.type)) continue;
        this.expand(matches, entity, i, r.score * EXPANSION);
      }
    });
    const groups = { entity: [] as [number, Match][], statement: [] as [number, Match][], passage: [] as [number, Match][] };
    for (const [id, m] of matches) groups[this.u.units[id]!.kind].push([id, m]);
    const hits = {
      entity: this.pickEntities(groups.entity, full, covered, parsed.phrases, filters),
      statement: this.pick(groups.statement, full, parsed.phrases, filters),
      passage: this.pick(groups.passage, full, parsed.phrases, filters),
    };
    return {
      query,
      entities: hits.entity.slice(0, LIMITS.entity).map(([id, m]) => this.entityHit(id, m, filters)),
      statements: hits.statement.slice(0, LIMITS.statement).map(([id, m]) => this.spanHit(id, m, parsed.phrases)),
      passages: hits.passage.slice(0, LIMITS.passage).map(([id, m]) => this.spanHit(id, m, parsed.phrases)),
      total: hits.entity.length + hits.statement.length + hits.passage.length,
    };
  }

  /** One word against the index: exact, stem, prefix while typing, fuzzy for long words and names. */
  private matchWord(w: QueryWord): SearchResult[] {
    const weights = new Map<string, number>([[w.stem, STEM_WEIGHT]]);
    weights.set(w.surface, 1);
    const queries: Query[] = [w.surface];
    if (w.stem !== w.surface) queries.push(w.stem);
    const length = [...w.surface].length;
    const numeric = /^\d/.test(w.surface);
    if (w.prefix && length >= 3) queries.push({ queries: [w.surface], prefix: true });
    else if (w.prefix && length === 2 && !numeric) queries.push({ queries: [w.surface], prefix: true, fields: ['name'] });
    if (!numeric && length >= 5) queries.push({ queries: [w.surface], fuzzy: 0.2, maxFuzzy: 2 });
    // Names are a small vocabulary: one typo is safe there from four letters (ماكرن → ماكرون).
    else if (!numeric && length === 4) queries.push({ queries: [w.surface], fuzzy: 1, maxFuzzy: 1, fields: ['name'] });
    return this.index!.search(
      { combineWith: 'OR', queries },
      { tokenize: (s) => [s], processTerm: (t) => t, boostTerm: (t) => weights.get(t) ?? 1 },
    );
  }

  private add(matches: Map<number, Match>, id: number, word: number, score: number, terms: Iterable<string> = [], mark?: Range) {
    let m = matches.get(id);
    if (!m) {
      m = { mask: 0, score: 0, best: [], terms: new Set(), marks: [] };
      matches.set(id, m);
    }
    m.mask |= 1 << word;
    const before = m.best[word] ?? 0;
    if (score > before) {
      m.best[word] = score;
      m.score += score - before;
    }
    for (const t of terms) m.terms.add(t);
    if (mark) m.marks.push(mark);
  }

  /** The forms of each word of each name of an entity (cached). */
  private formsOfNames(id: number): string[][][] {
    let forms = this.nameForms.get(id);
    if (!forms) {
      const entity = this.u.entities[this.u.units[id]!.ref]!;
      forms = entity.names.map((n) =>
        tokenize(n)
          .map((t) => this.analyzer.forms(t.text).flatMap((f) => [f.surface, f.stem]))
          .filter((f) => f.length > 0),
      );
      this.nameForms.set(id, forms);
    }
    return forms;
  }

  /** True when the matched terms cover every word of one of the entity's names or aliases. */
  private isNamed(id: number, terms: Set<string>): boolean {
    return this.formsOfNames(id).some((name) => name.length > 0 && name.every((word) => word.some((f) => terms.has(f))));
  }

  /** Credits every passage and statement that mentions the entity. */
  private expand(matches: Map<number, Match>, entity: EntityRef, word: number, score: number) {
    for (const m of entity.mentions) {
      const doc = this.corpus.documents[m.doc]!;
      const credit = m.indirect ? score * INDIRECT : score;
      const s = doc.sentences.findIndex((x) => x.start <= m.start && m.end <= x.end);
      if (s >= 0) this.add(matches, this.sentenceBase[m.doc]! + s, word, credit, [], [m.start, m.end]);
      doc.statements.forEach((st, i) => {
        if (st.start <= m.start && m.end <= st.end)
          this.add(matches, this.statementUnit(m.doc, i), word, credit, [], [m.start, m.end]);
      });
    }
  }

  private statementUnit(doc: number, index: number): number {
    return this.statementBase[doc]! + index;
  }

  /** AND over the query words, or the best partial matches when nothing matches them all. */
  private pick(list: [number, Match][], full: number, phrases: string[][], filters: SearchFilters): [number, Match][] {
    const kept = list.filter(([id]) => this.passes(this.u.units[id]!, filters) && this.hasPhrases(this.u.units[id]!, phrases));
    let best = 0;
    for (const [, m] of kept) best = Math.max(best, popcount(m.mask));
    const need = kept.some(([, m]) => m.mask === full) ? popcount(full) : best;
    return kept.filter(([, m]) => popcount(m.mask) >= need && need > 0).sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  }

  private pickEntities(list: [number, Match][], full: number, covered: Set<number>, phrases: string[][], filters: SearchFilters) {
    return list
      .filter(([id, m]) => m.mask === full || covered.has(id))
      .filter(([id]) => {
        const e = this.u.entities[this.u.units[id]!.ref]!;
        if (filters.types?.length && !filters.types.includes(e.type)) return false;
        if (phrases.length && !phrases.every((p) => e.names.some((n) => this.phraseAt(n, 0, p) !== null))) return false;
        return this.mentionsWithin(e, filters).length > 0 || (!filters.doc && !filters.from && !filters.to);
      })
      .map(([id, m]): [number, Match] => [id, { ...m, score: m.score * ENTITY_WEIGHT * (covered.has(id) ? 1.5 : 1) }])
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  }

  private mentionsWithin(e: EntityRef, filters: SearchFilters) {
    return e.mentions.filter(
      (m) => this.docPasses(m.doc, filters) && this.datePasses(this.corpus.documents[m.doc]!.meta.date, filters),
    );
  }

  private docPasses(doc: number, filters: SearchFilters): boolean {
    return !filters.doc || this.corpus.documents[doc]?.id === filters.doc;
  }

  private datePasses(date: string | null | undefined, filters: SearchFilters, end = date): boolean {
    if (!filters.from && !filters.to) return true;
    if (!date || !end) return false;
    return (!filters.from || end >= filters.from) && (!filters.to || date <= filters.to);
  }

  /** Document, date and speaker filters for passages and statements. */
  private passes(unit: Unit, filters: SearchFilters): boolean {
    if (!this.docPasses(unit.doc, filters)) return false;
    const doc = this.corpus.documents[unit.doc]!;
    if (unit.kind === 'statement') {
      const st = doc.statements[unit.ref]!;
      if (filters.speaker && st.speaker !== filters.speaker) return false;
      return this.datePasses(st.when.start ?? doc.meta.date, filters, st.when.end ?? st.when.start ?? doc.meta.date);
    }
    if (
      filters.speaker &&
      !doc.statements.some((st) => st.speaker === filters.speaker && st.start < unit.end && unit.start < st.end)
    )
      return false;
    return this.datePasses(doc.meta.date, filters);
  }

  private hasPhrases(unit: Unit, phrases: string[][]): boolean {
    if (phrases.length === 0) return true;
    const text = this.corpus.documents[unit.doc]!.text.slice(unit.start, unit.end);
    return phrases.every((p) => this.phraseAt(text, unit.start, p) !== null);
  }

  /** The span of a phrase's words, consecutive in the text (marks, clitics and spaces aside), or null. */
  private phraseAt(text: string, offset: number, phrase: string[]): Range | null {
    const tokens = tokenize(text);
    const want = phrase.map((w) => this.keys(w));
    for (let i = 0; i + want.length <= tokens.length; i++) {
      if (want.every((keys, j) => this.keys(tokens[i + j]!.text).some((k) => keys.includes(k)))) {
        return [offset + tokens[i]!.start, offset + tokens[i + want.length - 1]!.end];
      }
    }
    return null;
  }

  /** What two words must share to be the same word in a phrase: plain form or a search form. */
  private keys(word: string): string[] {
    return [plainWord(word), ...this.analyzer.forms(word).flatMap((f) => [f.surface, f.stem])];
  }

  private spanHit(id: number, m: Match, phrases: string[][]): SearchHit {
    const unit = this.u.units[id]!;
    const doc = this.corpus.documents[unit.doc]!;
    const text = doc.text.slice(unit.start, unit.end);
    const marks: Range[] = [...m.marks];
    for (const t of tokenize(text)) {
      if (this.analyzer.forms(t.text).some((f) => m.terms.has(f.surface) || m.terms.has(f.stem))) {
        marks.push([unit.start + t.start, unit.start + t.end]);
      }
    }
    for (const p of phrases) {
      const at = this.phraseAt(text, unit.start, p);
      if (at) marks.push(at);
    }
    const statement = unit.kind === 'statement' ? doc.statements[unit.ref]!.id : undefined;
    return {
      kind: unit.kind,
      key: statement ? `statement:${statement}` : `passage:${doc.id}:${unit.start}-${unit.end}`,
      doc: doc.id,
      start: unit.start,
      end: unit.end,
      score: m.score,
      highlights: merge(marks),
      ...(statement ? { statement } : {}),
    };
  }

  private entityHit(id: number, m: Match, filters: SearchFilters): SearchHit {
    const e = this.u.entities[this.u.units[id]!.ref]!;
    const mentions = this.mentionsWithin(e, filters);
    // Show the entity where it is named, not where a title or pronoun stands for it.
    const first = mentions.find((m) => !m.indirect) ?? mentions[0];
    const doc = first ? this.corpus.documents[first.doc]!.id : '';
    return {
      kind: 'entity',
      key: `entity:${e.id}`,
      doc,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
      score: m.score,
      highlights: first ? [[first.start, first.end]] : [],
      entity: e.id,
      mentions: mentions.length,
    };
  }
}
