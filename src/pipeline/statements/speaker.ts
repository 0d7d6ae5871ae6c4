/**
 * Who a speaker phrase names: an entity (through the mentions inside it), or a group, a
 * document or an unnamed source (through its head word, see data/speaker-nouns.json).
 */
import type { Range } from './raw';
import { isDualWord, isTitleWord, kindOfWord, type SpeakerKind } from './lexicon';
import type { MentionIndex, MentionRef } from './mentions';
import type { TokenCache } from './tokenCache';
import { tokenize, type Token } from './tokens';

export interface Speaker {
  entity: string | null;
  kind: SpeakerKind;
  /** For a group: the entities it is made of, when the text names them. */
  members?: string[];
  /** A group of exactly two (الرئيسان), whose members may be found earlier in the text. */
  dual?: boolean;
}

const TYPE_RANK: Record<string, number> = { person: 0, organization: 1, place: 2, other: 3 };

/** Picks the entity a phrase is about: a person before an organisation, the named one before a title. */
function bestEntity(mentions: MentionRef[]): string | null {
  if (mentions.length === 0) return null;
  const sorted = [...mentions].sort(
    (a, b) =>
      TYPE_RANK[a.type]! - TYPE_RANK[b.type]! ||
      Number(a.kind === 'title') - Number(b.kind === 'title') ||
      (a.type === 'person' ? b.end - a.end : a.start - b.start),
  );
  return sorted[0]!.entity;
}

/** The head word that decides a phrase's kind: first word in Arabic, last before "of" in English. */
function headKind(words: Token[], lang: 'ar' | 'en'): { kind: SpeakerKind | null; dual: boolean } {
  if (words.length === 0) return { kind: null, dual: false };
  if (lang === 'ar') {
    const head = words[0]!.text;
    return { kind: kindOfWord(head, 'ar'), dual: isDualWord(head, 'ar') };
  }
  const of = words.findIndex((w) => w.norm === 'of');
  const head = words[of > 0 ? of - 1 : words.length - 1]!.text;
  const first = words[0]!.norm;
  return {
    kind: kindOfWord(head, 'en') ?? (first === 'both' ? 'group' : null),
    dual: isDualWord(first, 'en') || first === 'both',
  };
}

/** Resolves a speaker phrase (`tokens`: the document's tokens, when already cut). */
export function speakerOf(text: string, range: Range, lang: 'ar' | 'en', mentions: MentionIndex, tokens?: TokenCache): Speaker {
  const inside = mentions.within(range.start, range.end);
  const persons = [...new Set(inside.filter((m) => m.type === 'person').map((m) => m.entity))];
  const words = (tokens ? tokens.span(range.start, range.end) : tokenize(text, range.start, range.end)).filter((t) => t.word);
  const { kind, dual } = headKind(words, lang);
  if (kind === 'group' || dual) {
    return { entity: null, kind: 'group', ...(persons.length > 0 ? { members: persons } : {}), ...(dual ? { dual } : {}) };
  }
  // "المتحدث باسم وزارة الخارجية سامي نور": a spokesman word with a name is that person.
  if (kind === 'unnamed' && persons.length > 0) return { entity: bestEntity(inside), kind: 'entity' };
  if (kind === 'unnamed' || kind === 'document') {
    // "a senior official" names nobody; but "the statement of the Kremlin" stays a document too.
    return { entity: null, kind };
  }
  // "مبعوث الأمم المتحدة": a title with no person named is not the body it serves.
  if (persons.length === 0 && words[0] && isTitleWord(words[0].text, lang)) return { entity: null, kind: 'entity' };
  return { entity: bestEntity(inside), kind: 'entity' };
}

/** Ends a speaker phrase with its last name in it (`دي ميستورا استعداده` → `دي ميستورا`). */
export function trimToMentions(range: Range, mentions: MentionIndex): Range {
  const inside = mentions.within(range.start, range.end).filter((m) => m.start >= range.start);
  if (inside.length === 0) return range;
  const end = Math.max(...inside.map((m) => Math.min(m.end, range.end)));
  return { start: range.start, end };
}
