/**
 * The word lists the rules use (titles, organization head nouns, nationality adjectives, stop
 * words, given names), read from src/pipeline/data/ and folded once into look-up tables.
 */
import givenNames from '../data/given-names.json';
import moreGivenNames from '../data/given-names-common.json';
import nisba from '../data/nisba.json';
import reportingVerbs from '../data/reporting-verbs.json';
import speakerNouns from '../data/speaker-nouns.json';
import orgHeads from '../data/org-heads.json';
import stopwords from '../data/stopwords.json';
import titles from '../data/titles.json';
import { normalize } from '../../search/normalize';
import { cldrNisba } from './nisbaCldr';

/** A title cue: its words (normalised, split) and what kind of office it names. */
export interface TitleCue {
  words: string[];
  classes: string[];
  dual: boolean;
  counterpart: boolean;
  /** Honorifics and monarchs' titles name a person, not an office: one name word after them need not recur. */
  lone: boolean;
}

/** Folded look-up tables for the rules. */
export interface Lexicon {
  /** Title cues by first word, longest first. Arabic keys are normalised, English keys as written. */
  titles: Map<string, TitleCue[]>;
  orgHeads: Set<string>;
  properHeads: Set<string>;
  /** `صحيفة`، `نادي`: the name after them is tagged without the head (`صحيفة الأهرام` → `الأهرام`). */
  descriptiveHeads: Set<string>;
  /** `شركة`، `وكالة`: the same before a proper name only (`شركة موتورولا` → `موتورولا`). */
  descriptiveProperHeads: Set<string>;
  /** Armed-force heads: `قوات حزب الله` names the known body, not a new one. */
  armedHeads: Set<string>;
  /** Heads of sub-bodies: `مفوضية الاتحاد الأفريقي` is a body of its own. */
  subBodies: Set<string>;
  definiteHeads: Set<string>;
  /** Definite heads named by a relational adjective: `البنك التجاري`، `الحزب الشيوعي`. */
  adjectiveHeads: Set<string>;
  /** Definite heads that are bodies only with adjectives and a `لل` complement: `المرصد الوطني للمناخ`. */
  forHeads: Set<string>;
  placeHeads: Set<string>;
  /** `اتفاق`، `معاهدة`: a known place after them names an agreement (`اتفاق الطائف`). */
  agreementHeads: Set<string>;
  /** `فريق`، `منتخب`: confirm a known club after them. */
  teamHeads: Set<string>;
  /** Indefinite nouns that continue a title's complement (`وزير خارجية فرنسا`). */
  complements: Set<string>;
  /** Adjectives of a title's holder (`الراحل`، `المفدى`): not a name after an honorific. */
  titleAdjectives: Set<string>;
  enOrgHeads: Set<string>;
  enOfHeads: Set<string>;
  enPlaceHeads: Set<string>;
  /** Last words of a portfolio, not a name: `African Affairs`, `Human Rights`. */
  enPortfolios: Set<string>;
  /** Nationality adjective (normalised; English lowercase) → country code. */
  nisba: Map<string, string>;
  stop: Set<string>;
  enStop: Set<string>;
  given: Set<string>;
  /** Given names that are also common words: a name only before a word that is not definite. */
  ambiguousGiven: Set<string>;
  enGiven: Set<string>;
  /** Past singular reporting verbs (`قال`، `أضافت`): a name often follows. */
  speechVerbs: Set<string>;
  /** Nouns for unnamed sources and documents (`مصدر`، `بيان`): speakers that are not names. */
  speakerNouns: Set<string>;
}

const words = (s: string) => normalize(s).split(/\s+/).filter(Boolean);

function titleMap(
  list: { words: string[]; classes: string[]; dual?: boolean; counterpart?: boolean; lone?: boolean }[],
  arabic: boolean,
) {
  const map = new Map<string, TitleCue[]>();
  for (const t of list) {
    for (const w of t.words) {
      const forms = arabic ? words(w) : w.split(/\s+/);
      const variants = [forms];
      // Indefinite and definite forms of the first word: رئيس / الرئيس.
      if (arabic && !forms[0]!.startsWith('ال') && !/[ها]$/.test(forms[0]!)) variants.push([`ال${forms[0]}`, ...forms.slice(1)]);
      for (const v of variants) {
        const cue = { words: v, classes: t.classes, dual: !!t.dual, counterpart: !!t.counterpart, lone: !!t.lone };
        const list2 = map.get(v[0]!) ?? [];
        list2.push(cue);
        map.set(v[0]!, list2);
      }
    }
  }
  for (const l of map.values()) l.sort((a, b) => b.words.length - a.words.length);
  return map;
}

/** Feminine, dual, plural and definite forms of a nationality adjective. */
export function nisbaForms(base: string): string[] {
  // Every word of a compound adjective agrees: `الكورية الجنوبية`، `الكوريين الشماليين`.
  const parts = normalize(base).split(' ');
  const out: string[] = [];
  for (const suffix of ['', 'ه', 'ان', 'ين', 'ون', 'تان', 'تين']) {
    out.push(parts.map((p) => p + suffix).join(' '));
    out.push(parts.map((p) => `ال${p}${suffix}`).join(' '));
  }
  return out;
}

let cached: Lexicon | undefined;

/** The folded lexicon (built once). */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const nisbaMap = new Map<string, string>();
  for (const [code, entry] of Object.entries(nisba as Record<string, unknown>)) {
    if (code.startsWith('$')) continue;
    const e = entry as { ar: string[]; arPlural?: string[]; en: string[] };
    for (const a of e.ar) for (const f of nisbaForms(a)) nisbaMap.set(f, code);
    for (const p of e.arPlural ?? []) for (const f of [normalize(p), `ال${normalize(p)}`]) nisbaMap.set(f, code);
    for (const w of e.en) nisbaMap.set(w.toLowerCase(), code);
  }
  // Regular adjectives of the other countries; the curated file wins.
  for (const [code, a] of cldrNisba()) for (const f of nisbaForms(a)) if (!nisbaMap.has(f)) nisbaMap.set(f, code);
  const norms = (l: string[]) => new Set(l.map((w) => normalize(w)));
  cached = {
    titles: new Map([...titleMap(titles.ar, true), ...titleMap(titles.en, false)]),
    orgHeads: norms(orgHeads.ar.heads),
    properHeads: norms(orgHeads.ar.proper),
    descriptiveHeads: norms(orgHeads.ar.descriptive),
    descriptiveProperHeads: norms(orgHeads.ar.descriptiveProper),
    armedHeads: norms(orgHeads.ar.armed),
    subBodies: norms(orgHeads.ar.subBodies),
    definiteHeads: norms(orgHeads.ar.definite),
    adjectiveHeads: norms(orgHeads.ar.adjective),
    forHeads: norms(orgHeads.ar.forHeads),
    placeHeads: norms(orgHeads.ar.places),
    teamHeads: norms(orgHeads.ar.teams),
    agreementHeads: norms(orgHeads.ar.agreements),
    complements: norms(titles.complements),
    titleAdjectives: norms(titles.adjectives),
    enOrgHeads: new Set(orgHeads.en.heads),
    enOfHeads: new Set(orgHeads.en.ofHeads),
    enPlaceHeads: new Set(orgHeads.en.places),
    enPortfolios: new Set(orgHeads.en.portfolios),
    nisba: nisbaMap,
    stop: norms(stopwords.ar),
    enStop: new Set(stopwords.en.map((w) => w.toLowerCase())),
    given: norms([
      ...givenNames.ar,
      ...givenNames.ambiguous,
      ...moreGivenNames.male,
      ...moreGivenNames.female,
      ...moreGivenNames.foreign,
      ...moreGivenNames.ambiguous,
    ]),
    ambiguousGiven: norms([...givenNames.ambiguous, ...moreGivenNames.ambiguous]),
    enGiven: new Set(givenNames.en),
    speechVerbs: norms(reportingVerbs.ar.verbs.flatMap((v) => v.sg)),
    speakerNouns: norms(
      [speakerNouns.unnamed, speakerNouns.group, speakerNouns.document, speakerNouns.speechNouns].flatMap((l) => l.ar),
    ),
  };
  return cached;
}
