/**
 * What the language rules find before speakers, times and chains are resolved: a reporting
 * cue with the spans around it. Offsets are UTF-16 indices into the document text.
 */
import type { GramNumber } from './lexicon';

export interface Range {
  start: number;
  end: number;
}

export interface RawStatement {
  /** Index of the sentence in the document. */
  sentence: number;
  cue: Range;
  lemma: string;
  /** verb: قال/said; participle: مضيفا/adding; relay: نقل … عن; source: حسب/according to. */
  form: 'verb' | 'participle' | 'relay' | 'source';
  number: GramNumber;
  /** The words naming the speaker, when the text names one here. */
  speaker: Range | null;
  /** A pronoun stands for the speaker (he said): resolve from context. */
  pronoun: boolean;
  /** Relays between the publisher and the speaker, outermost first (روسيا اليوم in نقل موقع روسيا اليوم عن …). */
  relays: Range[];
  /** Whom it was said to (لشبكة فوكس نيوز, told Congress). */
  to: Range | null;
  /** Start of the whole statement (cue, or the speaker when it comes first). */
  start: number;
  content: Range;
  /** The content was set by the rule and must not be cut at the next cue (quote before "he said"). */
  fixedContent?: boolean;
  /** Where a time expression dates the statement itself rather than what it is about. */
  frame: Range[];
  /** A verb such as أضاف that continues the previous speech when it has no subject. */
  continues: boolean;
}
