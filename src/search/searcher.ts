/**
 * Query execution over a loaded index: one MiniSearch search per query word (exact surface, stem,
 * prefix for the word being typed, fuzzy for long words and for names), entity aliases expanded to the
 * passages that mention the entity, words combined with AND (falling back to the best partial
 * matches), phrases checked in the original text, filters, then highlights computed by re-tokenising
 * the original text of the hits that are returned.
 */
import { Analyzer, tokenize } from './analyze';
import { Postings, type TermQuery } from './postings';
import type { SearchFilters, SearchHit, SearchOptions, SearchResults } from './engine';
import { plainWord } from './lexicon';
import { parseQuery, type QueryWord } from './query';
import type { SearchSource } from './source';
import type { MentionRef, Unit } from './units';

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
/** Units whose words (offsets and search forms) are kept for highlighting: the same hits come back keystroke after keystroke. */
const TOKEN_CACHE = 4096;
/**
 * Finished words whose scores are kept: while the next word is typed, they are not scored again. The
 * word being typed changes on every keystroke and is not kept (its arrays would only feed the GC).
 */
const WORD_CACHE = 16;

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

/** The k-th largest of `values[id]` over `ids` (k ≤ ids.length), with a min-heap of k: no sort of them all. */
function kthLargest(ids: number[], values: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (const id of ids) {
    const v = values[id]!;
    if (size < k) {
      // Sift up.
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= v) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = v;
    } else if (v > heap[0]!) {
      // Replace the smallest, sift down.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= k) break;
        const c = l + 1 < k && heap[l + 1]! < heap[l]! ? l + 1 : l;
        if (heap[c]! >= v) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = v;
    }
  }
  return heap[0]!;
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

/** One word's direct matches, kept until the entities it names are known. */
interface WordResult {
  units: Int32Array;
  scores: Float64Array;
  /** Entity unit → score, for the entities the word matched. */
  entities: Map<number, number>;
  /** Entity unit → the matched terms that name it. */
  naming: Map<number, string[]>;
  /** Index terms matched (for highlights). */
  terms: string[];
}

/** A unit's words: offsets in its text and the search forms of each (surfaces and stems). */
interface UnitWords {
  start: Int32Array;
  end: Int32Array;
  forms: string[][];
}

export class Searcher {
  readonly analyzer: Analyzer;
  private postings: Postings | null = null;
  private readonly nameForms = new Map<number, string[][][]>();
  private readonly unitWords = new Map<number, UnitWords>();
  private readonly words = new Map<string, WordResult>();
  /** Per-unit scratch arrays, reused across searches (cleared through the touched lists). */
  private readonly mask: Int32Array;
  private readonly total: Float64Array;
  private readonly best: Float64Array;

  constructor(
    private readonly source: SearchSource,
    analyzer: Analyzer,
  ) {
    this.analyzer = analyzer;
    const n = source.size;
    this.mask = new Int32Array(n);
    this.total = new Float64Array(n);
    this.best = new Float64Array(n);
  }

  /** Connects the scoring of the loaded index (done once by the loader). */
  attach(postings: Postings): this {
    this.postings = postings;
    return this;
  }

  /**
   * Drops every cache: the sharded index answered a run from data still missing (shardStore.ts), so
   * word forms, word scores, names' forms and units' words may have been worked out from placeholders.
   */
  forget(): void {
    this.analyzer.forget();
    this.words.clear();
    this.unitWords.clear();
    this.nameForms.clear();
  }

  /** What the current run cached (keys), while a run is noted (`startRun`). */
  private journal: { words: string[]; units: number[]; names: number[] } | null = null;

  /**
   * Starts noting what the run about to start caches, so that `forgetRun` can drop only that: what
   * earlier runs cached came from loaded data (a run that missed something dropped its own), and
   * dropping every cache on each miss meant that nearly every keystroke at 10,000 documents, which
   * fetches the documents of its new hits, started again from empty caches.
   */
  startRun(): void {
    this.journal = { words: [], units: [], names: [] };
    this.analyzer.startJournal();
  }

  /** Drops what was cached since `startRun` (the run read data still missing), and stops noting. */
  forgetRun(): void {
    const j = this.journal;
    this.journal = null;
    this.analyzer.forgetJournal();
    if (!j) return;
    for (const k of j.words) this.words.delete(k);
    for (const id of j.units) this.unitWords.delete(id);
    for (const id of j.names) this.nameForms.delete(id);
  }

  /** Stops noting (the run read only loaded data: what it cached stays). */
  endRun(): void {
    this.journal = null;
    this.analyzer.stopJournal();
  }

  /**
   * Searches; see engine.ts for the result shape. `limit` cuts each group to its best `limit` hits
   * (the same hits, in the same order, as the first ones without it; `total` still counts them all).
   */
  search(query: string, filters: SearchFilters = {}, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? Infinity;
    const empty: SearchResults = { query, entities: [], statements: [], passages: [], total: 0 };
    const parsed = parseQuery(query, this.analyzer);
    const qwords = parsed.words.slice(0, MAX_WORDS);
    if (!this.postings || qwords.length === 0) return empty;
    const full = (1 << qwords.length) - 1;
    const entityTerms = new Map<number, Set<string>>();
    const highlight = new Set<string>();
    const perWord: WordResult[] = qwords.map((w) => {
      const word = this.scoreWord(w);
      for (const [id, terms] of word.naming) {
        const set = entityTerms.get(id) ?? new Set<string>();
        for (const t of terms) set.add(t);
        entityTerms.set(id, set);
      }
      for (const t of word.terms) highlight.add(t);
      return word;
    });
    // Entities named by the query lend their mentions to passages and statements.
    const covered = new Set<number>();
    for (const [id, terms] of entityTerms) if (this.isNamed(id, terms)) covered.add(id);
    const expanded = new Set<number>();
    const firstEntity = this.source.firstEntity;
    for (const id of covered) {
      const entity = this.source.entity(id - firstEntity);
      if (!filters.types?.length || filters.types.includes(entity.type)) expanded.add(id - firstEntity);
    }
    const touched = this.combine(perWord, covered, expanded);
    try {
      const groups = { entity: [] as number[], statement: [] as number[], passage: [] as number[] };
      for (const id of touched) {
        if (id >= firstEntity) groups.entity.push(id);
        else if (id >= this.source.firstStatement) groups.statement.push(id);
        else groups.passage.push(id);
      }
      const statements = this.pick(groups.statement, full, parsed.phrases, filters, LIMITS.statement);
      const passages = this.pick(groups.passage, full, parsed.phrases, filters, LIMITS.passage);
      const entities = this.pickEntities(groups.entity, full, covered, parsed.phrases, filters);
      const counts = {
        entities: Math.min(entities.length, LIMITS.entity),
        statements: statements.top.length,
        passages: passages.top.length,
      };
      statements.top.length = Math.min(statements.top.length, limit);
      passages.top.length = Math.min(passages.top.length, limit);
      const span = (id: number) => this.spanHit(id, this.total[id]!, highlight, expanded, parsed.phrases);
      return {
        query,
        entities: entities.slice(0, Math.min(LIMITS.entity, limit)).map(([id, score]) => this.entityHit(id, score, filters)),
        statements: statements.top.map(span),
        passages: passages.top.map(span),
        total: entities.length + statements.count + passages.count,
        ...(options.limit === undefined ? {} : { counts }),
      };
    } finally {
      for (const id of touched) {
        this.mask[id] = 0;
        this.total[id] = 0;
      }
    }
  }

  /** One word's matches, from the cache when the same finished word was scored lately (as typing goes on). */
  private scoreWord(w: QueryWord): WordResult {
    const key = `${w.surface}\u0000${w.stem}`;
    const cached = w.prefix ? undefined : this.words.get(key);
    if (cached) {
      // Most recently used last: the first entry is the one to drop.
      this.words.delete(key);
      this.words.set(key, cached);
      return cached;
    }
    const scored = this.postings!.score(this.subQueries(w));
    // A typo may name an entity (a name one letter off); a real word that is merely close to a name may not.
    const exists = this.analyzer.lexicon.isKnown(w.surface) || this.analyzer.lexicon.isKnown(w.stem);
    const names = (t: string) => !exists || t === w.surface || t === w.stem || (w.prefix && t.startsWith(w.surface));
    const entities = new Map<number, number>();
    const naming = new Map<number, string[]>();
    for (const [id, terms] of scored.entityTerms) {
      entities.set(id, scored.score[id]!);
      naming.set(id, [...terms].filter(names));
    }
    const units = Int32Array.from(scored.touched);
    const scores = new Float64Array(units.length);
    for (let k = 0; k < units.length; k++) scores[k] = scored.score[units[k]!]!;
    const result: WordResult = { units, scores, entities, naming, terms: [...scored.terms] };
    this.postings!.clear();
    if (w.prefix) return result;
    if (this.words.size >= WORD_CACHE) this.words.delete(this.words.keys().next().value!);
    this.words.set(key, result);
    this.journal?.words.push(key);
    return result;
  }

  /** A unit's words and their search forms (cached: the same hits come back on every keystroke). */
  private wordsOf(id: number, text: string): UnitWords {
    let words = this.unitWords.get(id);
    if (!words) {
      const tokens = tokenize(text);
      words = {
        start: Int32Array.from(tokens, (t) => t.start),
        end: Int32Array.from(tokens, (t) => t.end),
        forms: tokens.map((t) => [...new Set(this.analyzer.forms(t.text).flatMap((f) => [f.surface, f.stem]))]),
      };
      if (this.unitWords.size >= TOKEN_CACHE) this.unitWords.delete(this.unitWords.keys().next().value!);
      this.unitWords.set(id, words);
      this.journal?.units.push(id);
    }
    return words;
  }

  /** One word's sub-queries: exact, stem, prefix while typing, fuzzy for long words and names. */
  private subQueries(w: QueryWord): TermQuery[] {
    const queries: TermQuery[] = [{ term: w.surface, source: 1, boost: 1 }];
    if (w.stem !== w.surface) queries.push({ term: w.stem, source: 2, boost: STEM_WEIGHT });
    const length = [...w.surface].length;
    const numeric = /^\d/.test(w.surface);
    if (w.prefix && length >= 3) queries.push({ term: w.surface, source: 1, boost: 1, prefix: true });
    else if (w.prefix && length === 2 && !numeric)
      queries.push({ term: w.surface, source: 1, boost: 1, prefix: true, fields: ['name'] });
    // Fuzzy distance as MiniSearch computes it: round(0.2 × UTF-16 length), at most two edits.
    if (!numeric && length >= 5)
      queries.push({ term: w.surface, source: 1, boost: 1, fuzzy: Math.min(2, Math.round(w.surface.length * 0.2)) });
    // Names are a small vocabulary: one typo is safe there from four letters (a name missing a long vowel).
    else if (!numeric && length === 4) queries.push({ term: w.surface, source: 1, boost: 1, fuzzy: 1, fields: ['name'] });
    return queries;
  }

  /**
   * Adds up the words: each word's score in a unit is its best, direct or through an entity it names
   * (the mention's passage and statements, a title or pronoun at half credit). Returns the units touched.
   */
  private combine(perWord: WordResult[], covered: Set<number>, expanded: Set<number>): number[] {
    const touched: number[] = [];
    const mu = expanded.size ? this.source.mentions : null;
    const best = this.best;
    perWord.forEach((word, i) => {
      const bit = 1 << i;
      const seen: number[] = [];
      for (let k = 0; k < word.units.length; k++) {
        const id = word.units[k]!;
        seen.push(id);
        best[id] = word.scores[k]!;
      }
      if (mu) {
        for (const [id, score] of word.entities) {
          const e = id - this.source.firstEntity;
          if (!covered.has(id) || !expanded.has(e)) continue;
          const direct = score * EXPANSION;
          const indirect = direct * INDIRECT;
          const [from, to] = mu.range(e);
          for (let k = from; k < to; k++) {
            const unit = mu.unit[k]!;
            const credit = mu.indirect[k] ? indirect : direct;
            if (best[unit] === 0) seen.push(unit);
            if (credit > best[unit]!) best[unit] = credit;
          }
        }
      }
      for (const id of seen) {
        if (this.mask[id] === 0) touched.push(id);
        this.mask[id]! |= bit;
        this.total[id]! += best[id]!;
        best[id] = 0;
      }
    });
    return touched;
  }

  /** The forms of each word of each name of an entity (cached). */
  private formsOfNames(id: number): string[][][] {
    let forms = this.nameForms.get(id);
    if (!forms) {
      const entity = this.source.entity(id - this.source.firstEntity);
      forms = entity.names.map((n) =>
        tokenize(n)
          .map((t) => this.analyzer.forms(t.text).flatMap((f) => [f.surface, f.stem]))
          .filter((f) => f.length > 0),
      );
      this.nameForms.set(id, forms);
      this.journal?.names.push(id);
    }
    return forms;
  }

  /** True when the matched terms cover every word of one of the entity's names or aliases. */
  private isNamed(id: number, terms: Set<string>): boolean {
    return this.formsOfNames(id).some((name) => name.length > 0 && name.every((word) => word.some((f) => terms.has(f))));
  }

  /**
   * AND over the query words, or the best partial matches when nothing matches them all: how many
   * units qualify, and the best `limit` of them (a threshold from a numeric sort, then a sort of the few).
   */
  private pick(ids: number[], full: number, phrases: string[][], filters: SearchFilters, limit: number) {
    const filtered = Object.values(filters).some(
      (v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length),
    );
    const kept =
      filtered || phrases.length
        ? ids.filter((id) => this.passes(this.source.unit(id), filters) && this.hasPhrases(id, phrases))
        : ids;
    let best = 0;
    let all = false;
    for (const id of kept) {
      const m = this.mask[id]!;
      if (m === full) all = true;
      best = Math.max(best, popcount(m));
    }
    const need = all ? popcount(full) : best;
    const chosen = need > 0 ? kept.filter((id) => popcount(this.mask[id]!) >= need) : [];
    let top = chosen;
    if (chosen.length > limit) {
      const threshold = kthLargest(chosen, this.total, limit);
      // Copies of one text tie by the thousand: of the units at the threshold, the lowest numbers.
      top = chosen.filter((id) => this.total[id]! > threshold);
      const ties = Int32Array.from(chosen.filter((id) => this.total[id] === threshold)).sort();
      for (const id of ties.subarray(0, limit - top.length)) top.push(id);
    }
    top.sort((a, b) => this.total[b]! - this.total[a]! || a - b);
    return { count: chosen.length, top: top.slice(0, limit) };
  }

  private pickEntities(ids: number[], full: number, covered: Set<number>, phrases: string[][], filters: SearchFilters) {
    return ids
      .filter((id) => this.mask[id] === full || covered.has(id))
      .filter((id) => {
        const e = this.source.entity(id - this.source.firstEntity);
        if (filters.types?.length && !filters.types.includes(e.type)) return false;
        if (phrases.length && !phrases.every((p) => e.names.some((n) => this.phraseAt(n, 0, p) !== null))) return false;
        if (!filters.doc && !filters.from && !filters.to) return true;
        return this.mentionsWithin(id - this.source.firstEntity, filters).length > 0;
      })
      .map((id): [number, number] => [id, this.total[id]! * ENTITY_WEIGHT * (covered.has(id) ? 1.5 : 1)])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }

  /** An entity's mentions in the documents and dates the filters keep (only called with such a filter). */
  private mentionsWithin(index: number, filters: SearchFilters): readonly MentionRef[] {
    return this.source
      .entityMentions(index)
      .filter((m) => this.docPasses(m.doc, filters) && this.datePasses(this.source.docDate(m.doc), filters));
  }

  private docPasses(doc: number, filters: SearchFilters): boolean {
    return !filters.doc || this.source.docId(doc) === filters.doc;
  }

  private datePasses(date: string | null | undefined, filters: SearchFilters, end = date): boolean {
    if (!filters.from && !filters.to) return true;
    if (!date || !end) return false;
    return (!filters.from || end >= filters.from) && (!filters.to || date <= filters.to);
  }

  /** Document, date and speaker filters for passages and statements. */
  private passes(unit: Unit, filters: SearchFilters): boolean {
    if (!this.docPasses(unit.doc, filters)) return false;
    const date = this.source.docDate(unit.doc);
    if (unit.kind === 'statement') {
      const st = this.source.statement(unit.doc, unit.ref);
      if (filters.speaker && st.speaker !== filters.speaker) return false;
      return this.datePasses(st.when.start ?? date, filters, st.when.end ?? st.when.start ?? date);
    }
    if (
      filters.speaker &&
      !this.source.statements(unit.doc).some((st) => st.speaker === filters.speaker && st.start < unit.end && unit.start < st.end)
    )
      return false;
    return this.datePasses(date, filters);
  }

  private hasPhrases(id: number, phrases: string[][]): boolean {
    if (phrases.length === 0) return true;
    const text = this.source.text(id);
    const start = this.source.unit(id).start;
    return phrases.every((p) => this.phraseAt(text, start, p) !== null);
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

  private spanHit(id: number, score: number, terms: Set<string>, expanded: Set<number>, phrases: string[][]): SearchHit {
    const unit = this.source.unit(id);
    const text = this.source.text(id);
    const marks: Range[] = [];
    const mu = this.source.mentions;
    if (expanded.size && mu) {
      for (const k of mu.inUnit(id)) if (expanded.has(mu.entity[k]!)) marks.push([mu.start[k]!, mu.end[k]!]);
    }
    const words = this.wordsOf(id, text);
    for (let i = 0; i < words.forms.length; i++) {
      if (words.forms[i]!.some((f) => terms.has(f))) marks.push([unit.start + words.start[i]!, unit.start + words.end[i]!]);
    }
    for (const p of phrases) {
      const at = this.phraseAt(text, unit.start, p);
      if (at) marks.push(at);
    }
    const statement = unit.kind === 'statement' ? this.source.statement(unit.doc, unit.ref).id : undefined;
    const docId = this.source.docId(unit.doc);
    return {
      kind: unit.kind,
      key: statement ? `statement:${statement}` : `passage:${docId}:${unit.start}-${unit.end}`,
      doc: docId,
      start: unit.start,
      end: unit.end,
      score,
      highlights: merge(marks),
      ...(statement ? { statement } : {}),
      ...this.source.display?.(id),
    };
  }

  private entityHit(id: number, score: number, filters: SearchFilters): SearchHit {
    const index = id - this.source.firstEntity;
    const e = this.source.entity(index);
    let first: MentionRef | undefined;
    let doc = '';
    let count: number;
    if (!filters.doc && !filters.from && !filters.to) {
      // Every mention counts: the source knows the count and where the entity is first named.
      const summary = this.source.entitySummary(index);
      ({ first, count } = summary);
      doc = summary.firstDoc;
    } else {
      const mentions = this.mentionsWithin(index, filters);
      // Show the entity where it is named, not where a title or pronoun stands for it.
      first = mentions.find((m) => !m.indirect) ?? mentions[0];
      doc = first ? this.source.docId(first.doc) : '';
      count = mentions.length;
    }
    return {
      kind: 'entity',
      key: `entity:${e.id}`,
      doc,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
      score,
      highlights: first ? [[first.start, first.end]] : [],
      entity: e.id,
      mentions: count,
    };
  }
}
