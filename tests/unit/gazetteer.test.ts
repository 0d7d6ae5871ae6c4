import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_FILES, parseGazetteer, parseGazetteers, mergeCountries, loadKnowledge } from '../../src/pipeline/knowledge';
import { cldrCountries } from '../../src/pipeline/entities/gazetteer';
import { lexicon, nisbaForms } from '../../src/pipeline/entities/lexicon';
import { normalize } from '../../src/search/normalize';

const text = readFileSync('src/pipeline/data/gazetteer.json', 'utf8');
const files = GAZETTEER_FILES.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('parseGazetteer', () => {
  it('accepts the project gazetteer: unique ids, types matching id prefixes', () => {
    const entries = parseGazetteer(text);
    expect(entries.length).toBeGreaterThan(400);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries)
      expect(e.id.split(':')[0]).toBe({ person: 'person', organization: 'org', place: 'place', other: 'other' }[e.type]);
  });

  it('has Arabic and English names and the spelling variants news uses', () => {
    const names = loadKnowledge().names();
    for (const n of [
      'ترامب',
      'ترمب',
      'سورية',
      'سوريا',
      'داعش',
      'تنظيم الدولة',
      'Donald Trump',
      'Reuters',
      'ا ف ب',
      'أ ف ب',
      'الكرملين',
    ])
      expect(names).toContain(n);
  });

  it('gives no two entries the same normalised name unless one is marked weak (across all the files)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of parseGazetteers(files)) {
      for (const n of [...e.ar, ...e.en]) {
        const k = normalize(n);
        const other = seen.get(k);
        if (other && other !== e.id) clashes.push(`${n}: ${other} / ${e.id}`);
        seen.set(k, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no English variant hidden by an earlier one of the same entry that differs only in case', () => {
    // The index keeps the first name per normalised form, so `NARAL` before `Naral` made `Naral` dead.
    const dead: string[] = [];
    for (const e of parseGazetteer(text)) {
      const seen = new Set<string>();
      for (const n of e.en) {
        const k = normalize(n);
        if (seen.has(k) && e.en.find((x) => normalize(x) === k) !== n) dead.push(`${e.id}: ${n}`);
        seen.add(k);
      }
    }
    expect(dead).toEqual([]);
  });

  it('reads every curated file: the bodies file adds clubs, banks, religious bodies, rivers and mountains', () => {
    const ids = new Set(parseGazetteers(files).map((e) => e.id));
    for (const id of ['org:fifa', 'org:ecb', 'org:shia-muslims', 'org:al-merrikh', 'place:indian-ocean', 'place:atlas-mountains'])
      expect(ids).toContain(id);
    const names = loadKnowledge().names();
    for (const n of ['المحيط الهندي', 'البنك المركزي الأوروبي', 'Federal Reserve']) expect(names).toContain(n);
  });

  it('stops on an id defined in two files, naming the second file and its line', () => {
    const a = { file: 'a.json', text: '[\n{"id": "org:x", "type": "organization", "ar": ["س"]}\n]' };
    const b = {
      file: 'b.json',
      text: '[\n{"id": "org:y", "type": "organization", "ar": ["ص"]},\n{"id": "org:x", "type": "organization", "ar": ["ع"]}\n]',
    };
    expect(() => parseGazetteers([a, b])).toThrow('b.json line 3: id "org:x" is already defined in a.json');
  });

  it('stops on a bad entry with the file, line and reason', () => {
    const bad = '[\n{"id": "person:a", "type": "person", "ar": ["أ"]},\n{"id": "org:b", "type": "person", "ar": ["ب"]}\n]';
    expect(() => parseGazetteer(bad, 'src/pipeline/data/gazetteer.json')).toThrow(
      'Isnad: src/pipeline/data/gazetteer.json line 3: type "person" does not match id "org:b" (expected "organization")',
    );
    expect(() => parseGazetteer('[\n{"id": "person:a", "type": "person"}\n]', 'g.json')).toThrow(
      'g.json line 2: entry "person:a" has no name',
    );
    expect(() => parseGazetteer('[\n{"id": "person:a", "type": "person", "ar": ["x"], "wikidata": "123"}\n]', 'g.json')).toThrow(
      'line 2: wikidata',
    );
    expect(() => parseGazetteer('[\n{"id": "person:a",,}\n]', 'g.json')).toThrow(/g\.json line 2: not valid JSON/);
  });
});

describe('cldrCountries', () => {
  it('takes countries from CLDR with place:CODE ids and leaves out historic codes', () => {
    const countries = cldrCountries();
    const sy = countries.find((c) => c.id === 'place:SY')!;
    expect(sy.ar).toContain('سوريا');
    expect(sy.en).toContain('Syria');
    expect(countries.some((c) => c.id === 'place:SU' || c.id === 'place:ZZ')).toBe(false);
  });

  it('merges CLDR names into the curated country entries (mergeCountries)', () => {
    const merged = mergeCountries(parseGazetteer(text));
    const sy = merged.find((e) => e.id === 'place:SY')!;
    expect(sy.ar[0]).toBe('سورية');
    expect(sy.ar).toContain('سوريا');
  });
});

describe('lexicon', () => {
  it('folds nationality adjectives with their forms: الروسية → RU (nisbaForms)', () => {
    expect(nisbaForms('روسي')).toContain('الروسيه');
    expect(lexicon().nisba.get('الامريكيين')).toBe('US');
    expect(lexicon().nisba.get('russian')).toBe('RU');
  });
});
