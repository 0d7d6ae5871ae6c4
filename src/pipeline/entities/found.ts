/** What the recognisers find before entities are assembled: spans of names and titles. */
import type { EntityType } from '../../model/schema';
import type { GazetteerEntry } from './gazetteer';

/** A role the text gives the person named next to it. */
export interface FoundRole {
  text: string;
  start: number;
  end: number;
  /** Gazetteer or rule key of the body the role is held in. */
  of?: string;
  classes: string[];
  nationality?: string;
}

/** A recognised span: a name (from the gazetteer or a rule) or a title that refers to a person. */
export interface Found {
  /** Token range [tok, tokEnd). */
  tok: number;
  tokEnd: number;
  /** Span in the original text, without attached clitics. */
  start: number;
  end: number;
  type: EntityType;
  /** Entity key: the gazetteer id, or `rule:<type>:<normalised name>`. */
  key: string;
  kind: 'name' | 'alias' | 'title';
  source: 'gazetteer' | 'rule';
  entry?: GazetteerEntry;
  /** An ambiguous short name, kept only if the entity is confirmed elsewhere. */
  weak?: boolean;
  /** A title right before it confirms a weak name. */
  confirmed?: boolean;
  nationality?: string;
  role?: FoundRole;
  /** For title mentions: the office classes and the nationalities they carry. */
  classes?: string[];
  nationalities?: string[];
  dual?: boolean;
  /** Keys this title mention was resolved to (two for `الرئيسان`). */
  targets?: string[];
}
