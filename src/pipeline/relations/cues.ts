/**
 * The relation cue data (src/pipeline/data/relation-cues.json), validated and compiled once into
 * regular expressions over folded text. Rules live in the matchers; words live in the data.
 */
import * as v from 'valibot';
import raw from '../data/relation-cues.json';
import { describeIssues, type EntityType } from '../../model/schema';
import { fold } from './fold';
import { PhraseIndex } from './phrases';

const Words = v.array(v.pipe(v.string(), v.minLength(1)));
const EntityTypes = v.array(v.picklist(['person', 'organization', 'place', 'other']));
const Shape = v.picklist(['role', 'pair', 'speech', 'relay', 'against', 'place']);

const CueSchema = v.object({
  type: v.string(),
  shape: Shape,
  ar: Words,
  en: Words,
  body: v.optional(EntityTypes),
  bodyGap: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  possessive: v.optional(v.boolean()),
  vso: v.optional(v.boolean()),
  part: v.optional(v.string()),
  order: v.optional(v.picklist(['cue-reporter-source', 'reporter-cue-source', 'source-cue-reporter'])),
  via: v.optional(v.object({ ar: Words, en: Words })),
});

const ByLang = v.object({ ar: Words, en: Words });

export const RelationCuesSchema = v.object({
  $comment: v.optional(v.string()),
  types: v.record(v.string(), v.object({ directed: v.boolean(), weight: v.number() })),
  cues: v.array(CueSchema),
  located: v.object({ $comment: v.optional(v.string()), ar: Words, en: Words }),
  between: v.object({
    $comment: v.optional(v.string()),
    ar: Words,
    en: Words,
    dualAr: Words,
    dualEn: Words,
    with: ByLang,
    and: ByLang,
  }),
  parts: v.object({ $comment: v.optional(v.string()), ar: Words, en: Words }),
  titles: v.object({ $comment: v.optional(v.string()), ar: Words, en: Words }),
});

export type RelationCues = v.InferOutput<typeof RelationCuesSchema>;
export type CueShape = v.InferOutput<typeof Shape>;
export type Lang = 'ar' | 'en';

/** One cue entry compiled for one language. */
export interface CompiledCue {
  index: number;
  type: string;
  shape: CueShape;
  lang: Lang;
  body: EntityType[];
  bodyGap: number;
  possessive: boolean;
  /** Verb first, then the speaker, then the addressee with a glued ل (speech cues). */
  vso: boolean;
  part?: string;
  order?: 'cue-reporter-source' | 'reporter-cue-source' | 'source-cue-reporter';
  via: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular-expression source for one data word on folded text (clitics, glued prefix, boundaries). */
export function wordPattern(word: string, lang: Lang): string {
  const glued = word.endsWith('+');
  const folded = fold(glued ? word.slice(0, -1) : word).trim();
  const body = folded.split(/\s+/).map(escape).join('\\s+');
  const end = glued ? '' : '(?![\\p{L}\\p{N}])';
  if (lang === 'en') return `(?<![\\p{L}\\p{N}])${body}${end}`;
  // Arabic: optional و/ف then ب/ك/ل; ل before ال drops the alef (للبيت).
  const clitic = folded.startsWith('ال') ? `(?:[وف]?[بك]?${body}|[وف]?لل${body.slice(2)})` : `(?:[وف]?[بلك]?${body})`;
  return `(?<![\\p{L}\\p{N}])${clitic}${end}`;
}

/** One regular expression that matches any of the words (longest first). */
export function wordsPattern(words: readonly string[], lang: Lang, flags = 'gu'): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((w) => wordPattern(w, lang)).join('|'), flags);
}

/** Validates the cue data, naming the file on error. */
export function parseRelationCues(data: unknown): RelationCues {
  const result = v.safeParse(RelationCuesSchema, data);
  if (!result.success) {
    throw new Error(`Isnad: src/pipeline/data/relation-cues.json: ${describeIssues(result.issues)}`);
  }
  for (const cue of result.output.cues) {
    if (!(cue.type in result.output.types)) {
      throw new Error(`Isnad: src/pipeline/data/relation-cues.json: cue type "${cue.type}" is not listed in "types"`);
    }
    if (cue.shape === 'role' && !cue.body?.length) {
      throw new Error(`Isnad: src/pipeline/data/relation-cues.json: role cue "${cue.type}" needs "body"`);
    }
  }
  return result.output;
}

/** Compiles every cue entry for both languages. */
export function compileCues(cues: RelationCues): CompiledCue[] {
  const out: CompiledCue[] = [];
  cues.cues.forEach((c, index) => {
    for (const lang of ['ar', 'en'] as const) {
      if (c[lang].length === 0) continue;
      out.push({
        index,
        type: c.type,
        shape: c.shape,
        lang,
        body: c.body ?? [],
        bodyGap: c.bodyGap ?? 0,
        possessive: c.possessive ?? false,
        vso: c.vso ?? false,
        part: c.part,
        order: c.order,
        via: c.via?.[lang] ?? [],
      });
    }
  });
  return out;
}

/** An index that finds every cue word of the data in folded text. */
export function indexCues(cues: RelationCues, compiled: readonly CompiledCue[]): PhraseIndex<CompiledCue> {
  const index = new PhraseIndex<CompiledCue>();
  for (const c of compiled) for (const w of cues.cues[c.index]![c.lang]) index.add(w, c.lang, c);
  return index;
}

/** The project's cue data, validated and compiled once. */
export const RELATION_CUES: RelationCues = parseRelationCues(raw);
export const COMPILED_CUES: CompiledCue[] = compileCues(RELATION_CUES);
export const CUE_INDEX: PhraseIndex<CompiledCue> = indexCues(RELATION_CUES, COMPILED_CUES);
