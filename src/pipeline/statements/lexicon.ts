/**
 * The statements stage's vocabulary, read from data/reporting-verbs.json and
 * data/speaker-nouns.json and normalised once, so rules compare normalised tokens to sets.
 */
import verbs from '../data/reporting-verbs.json';
import nouns from '../data/speaker-nouns.json';
import titles from '../data/titles.json';
import { normWords, withoutConjunction } from './tokens';

export type GramNumber = 'sg' | 'dual' | 'pl';
export type SpeakerKind = 'entity' | 'group' | 'document' | 'unnamed';

/** What a reporting word is and how it behaves. */
export interface Cue {
  lemma: string;
  number: GramNumber;
  /** A participle (مضيفا): continues the previous speaker. */
  participle: boolean;
  /** Continues the previous speaker's speech when it has no subject (أضاف، تابع). */
  continues: boolean;
  /** Preposition before the content (normalised), if the verb takes one. */
  prep: string | null;
  /** Also a common noun: counts only where a clause starts. */
  ambiguous: boolean;
  /** Present tense (يقول). */
  present: boolean;
}

const one = (w: string) => normWords(w).join(' ');
const set = (list: readonly string[]) => new Set(list.map(one));

const AR_CUES = new Map<string, Cue>();
for (const v of verbs.ar.verbs) {
  const base = {
    lemma: v.lemma,
    continues: 'continues' in v && v.continues === true,
    prep: 'prep' in v && typeof v.prep === 'string' ? one(v.prep) : null,
    ambiguous: 'ambiguous' in v && v.ambiguous === true,
  };
  const add = (forms: readonly string[] | undefined, number: GramNumber, participle: boolean, present: boolean) => {
    for (const f of forms ?? []) AR_CUES.set(one(f), { ...base, number, participle, present });
  };
  add(v.sg, 'sg', false, false);
  add(v.dual, 'dual', false, false);
  add(v.pl, 'pl', false, false);
  add('present' in v ? v.present : [], 'sg', false, true);
  add(v.participles, 'sg', true, false);
}

/** Answers of `arabicCue` by token form: every word of every sentence is asked, and words repeat. */
const CUE_OF = new Map<string, { cue: Cue; prefixed: boolean } | null>();
const CUE_OF_MAX = 50_000;

/** The Arabic cue a token spells, with or without a leading و/ف; `prefixed` says which. Do not modify the answer. */
export function arabicCue(norm: string): { cue: Cue; prefixed: boolean } | null {
  let found = CUE_OF.get(norm);
  if (found !== undefined) return found;
  const direct = AR_CUES.get(norm);
  const bare = direct ? null : withoutConjunction(norm);
  const cue = bare ? AR_CUES.get(bare) : undefined;
  found = direct ? { cue: direct, prefixed: false } : cue ? { cue, prefixed: true } : null;
  if (CUE_OF.size >= CUE_OF_MAX) CUE_OF.clear();
  CUE_OF.set(norm, found);
  return found;
}

export const AR = {
  relayVerbs: set(verbs.ar.relay.verbs),
  relayFrom: one(verbs.ar.relay.from),
  quoteWords: set(verbs.ar.relay.quoteWords),
  sources: verbs.ar.sources.map((p) => p.flatMap(normWords)).sort((a, b) => b.length - a.length),
  complementizers: set(verbs.ar.complementizers),
  openers: set(verbs.ar.clauseOpeners),
  pluperfect: set(verbs.ar.pluperfect),
  prepositions: set(verbs.ar.prepositions),
  speechNouns: set(nouns.speechNouns.ar),
  addressees: set(nouns.addressees.ar),
  adjuncts: set(nouns.adjunctPrepositions.ar),
};

export const EN = {
  verbs: new Set(verbs.en.verbs),
  participles: new Set(verbs.en.participles),
  objectVerbs: new Set(verbs.en.objectVerbs),
  sources: verbs.en.sources,
  pronouns: new Map(Object.entries(verbs.en.pronouns) as [string, string][]),
  speechNouns: new Set(nouns.speechNouns.en),
  adjuncts: new Set(nouns.adjunctPrepositions.en),
};

const KIND_WORDS: Record<'ar' | 'en', Map<string, Exclude<SpeakerKind, 'entity'>>> = { ar: new Map(), en: new Map() };
for (const kind of ['unnamed', 'group', 'document'] as const) {
  for (const w of nouns[kind].ar) KIND_WORDS.ar.set(one(w), kind);
  for (const w of nouns[kind].en) KIND_WORDS.en.set(w.toLowerCase(), kind);
}
const DUAL = { ar: set(nouns.dual.ar), en: new Set(nouns.dual.en) };

/** The kind a head word gives a speaker phrase (`مسؤول` → unnamed), or null for a name or title. */
export function kindOfWord(word: string, lang: 'ar' | 'en'): Exclude<SpeakerKind, 'entity'> | null {
  if (lang === 'en') return KIND_WORDS.en.get(word.toLowerCase()) ?? null;
  const norm = one(word);
  for (const w of [norm, withoutConjunction(norm), norm.replace(/^ال/, '')]) {
    const k = w ? KIND_WORDS.ar.get(w) : undefined;
    if (k) return k;
  }
  return null;
}

/** Does the word mean exactly two speakers (الرئيسان، both)? */
export function isDualWord(word: string, lang: 'ar' | 'en'): boolean {
  return lang === 'en' ? DUAL.en.has(word.toLowerCase()) : DUAL.ar.has(one(word));
}

/** First words of person titles (data/titles.json, the entities stage's list): وزير، مبعوث، spokesman. */
const TITLE_HEADS: Record<'ar' | 'en', Set<string>> = { ar: new Set(), en: new Set() };
for (const lang of ['ar', 'en'] as const) {
  const list = (titles as unknown as Record<string, { words?: string[] }[]>)[lang] ?? [];
  for (const entry of list) {
    for (const w of entry.words ?? []) {
      const first = normWords(w)[0];
      if (first) TITLE_HEADS[lang].add(first.replace(/^ال/, ''));
    }
  }
}

/** Is the word the head of a person's title (so the phrase names a person even without a name)? */
export function isTitleWord(word: string, lang: 'ar' | 'en'): boolean {
  const norm = one(word);
  return TITLE_HEADS[lang].has(lang === 'ar' ? norm.replace(/^ال/, '') : norm);
}
