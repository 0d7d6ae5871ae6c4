import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rawCues from '../../src/pipeline/data/relation-cues.json';
import type { Statement } from '../../src/model/schema';
import { extractRelations } from '../../src/pipeline/relations';
import { parseRelationCues } from '../../src/pipeline/relations/cues';
import { fold, foldWithMap } from '../../src/pipeline/relations/fold';
import { roleType } from '../../src/pipeline/relations/fromStages';
import { makeDoc, type EntitySpec } from '../fixtures/articles/relations/fixture';

const FIXTURES = 'tests/fixtures/articles/relations';
const idOf = (r: { type: string; source: string; target: string }) => `${r.type}:${r.source}->${r.target}`;

describe('relation-cues.json', () => {
  const cues = parseRelationCues(rawCues);

  it('validates, and every cue names a listed type', () => {
    for (const c of cues.cues) expect(Object.keys(cues.types)).toContain(c.type);
  });

  it('has cues for every typed relation, Arabic first', () => {
    const typed = Object.keys(cues.types).filter((t) => t !== 'mentioned-with');
    for (const t of typed) {
      expect(
        cues.cues.some((c) => c.type === t && c.ar.length > 0),
        t,
      ).toBe(true);
    }
  });

  it('has no empty or duplicate words within a cue', () => {
    for (const c of cues.cues) {
      for (const lang of ['ar', 'en'] as const) {
        const folded = c[lang].map((w) => fold(w).trim());
        expect(folded.every((w) => w.length > 0)).toBe(true);
        expect(new Set(folded).size, `${c.type} ${lang}`).toBe(folded.length);
      }
    }
  });

  it('refuses a cue of an unknown type, naming the file', () => {
    const bad = { ...cues, cues: [{ type: 'likes', shape: 'pair', ar: ['يحب'], en: [] }] };
    expect(() => parseRelationCues(bad)).toThrow(/relation-cues\.json.*likes/);
  });
});

describe('foldWithMap', () => {
  it("foldWithMap('الأمريكى') → الامريكي, mapping back to the original offsets", () => {
    const f = foldWithMap('الأمريـكى');
    expect(f.text).toBe('الامريكي');
    expect(f.map[6]).toBe(7); // the tatweel before ك is dropped
    expect(f.map[f.text.length]).toBe(9);
  });
  it('keeps taa marbuta apart from haa (نائبة is not نائبه)', () => {
    expect(fold('نائبة')).not.toBe(fold('نائبه'));
  });
});

describe('extractRelations on test articles', () => {
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
  it.each(names)('%s: finds every expected relation and none of the absent ones', (name) => {
    const spec = JSON.parse(readFileSync(join(FIXTURES, name.replace(/\.txt$/, '.json')), 'utf8')) as {
      lang: string;
      entities: EntitySpec[];
      expected: { type: string; source: string; target: string }[];
      absent: { type: string; source: string; target: string }[];
    };
    const doc = extractRelations(makeDoc(readFileSync(join(FIXTURES, name), 'utf8'), spec.entities, { lang: spec.lang }));
    const ids = doc.relations.map((r) => r.id);
    for (const e of spec.expected) expect(ids).toContain(idOf(e));
    for (const e of spec.absent) expect(ids).not.toContain(idOf(e));
  });
});

describe('extractRelations on the seed with oracle entities', () => {
  const gold = JSON.parse(readFileSync('tests/fixtures/gold/seed-relations.json', 'utf8')) as {
    entities: EntitySpec[];
    relations: { type: string; source: string; target: string; from?: string }[];
  };
  const doc = extractRelations(makeDoc(readFileSync('seeds/000_3a34eed36ca8e033.txt', 'utf8'), gold.entities));

  it('finds every gold relation the text states (those from the statements stage need its chains), typed', () => {
    const ids = new Set(doc.relations.map((r) => r.id));
    const undirected = (r: { type: string; source: string; target: string }) =>
      idOf(r.source < r.target ? r : { ...r, source: r.target, target: r.source });
    for (const g of gold.relations.filter((r) => r.from !== 'statements')) {
      expect(ids.has(idOf(g)) || ids.has(undirected(g)), idOf(g)).toBe(true);
    }
  });

  it('gives stable ids, sorted ends for undirected types, counts and evidence inside the text', () => {
    for (const r of doc.relations) {
      expect(r.id).toBe(idOf(r));
      if (!r.directed) expect(r.source < r.target).toBe(true);
      expect(r.count).toBe(r.evidence.length);
      for (const e of r.evidence) expect(0 <= e.start && e.start < e.end && e.end <= doc.text.length).toBe(true);
    }
    const call = doc.relations.find((r) => r.type === 'spoke-with')!;
    expect(call.count).toBeGreaterThan(3);
  });

  it('draws no mentioned-with link where a typed one exists', () => {
    const typed = new Set(
      doc.relations.filter((r) => r.type !== 'mentioned-with').map((r) => [r.source, r.target].sort().join('|')),
    );
    for (const r of doc.relations.filter((x) => x.type === 'mentioned-with')) {
      expect(typed.has([r.source, r.target].sort().join('|'))).toBe(false);
    }
  });

  it('quotes the call between the two presidents', () => {
    const call = doc.relations.find((r) => r.id === 'spoke-with:person:donald-trump->person:vladimir-putin')!;
    expect(call.evidence.map((e) => doc.text.slice(e.start, e.end)).join(' ')).toContain('اتصال هاتفي');
  });
});

describe('relations from the other stages', () => {
  const text = 'Ana Lopes told Radio Sol that Pedro Alves, the minister, agreed.\n';
  const specs: EntitySpec[] = [
    { id: 'person:ana-lopes', type: 'person', names: ['Ana Lopes'] },
    { id: 'org:radio-sol', type: 'organization', names: ['Radio Sol'] },
    { id: 'person:pedro-alves', type: 'person', names: ['Pedro Alves'] },
  ];

  it('said-to from a statement addressed to an outlet, quoted-by from its chain', () => {
    const statement: Statement = {
      id: 's1',
      speaker: 'person:pedro-alves',
      start: 0,
      end: text.length - 1,
      to: ['org:radio-sol'],
      chain: [
        { entity: 'org:radio-sol', text: 'Radio Sol', start: 15, end: 24 },
        { entity: 'person:pedro-alves', text: 'Pedro Alves', start: 30, end: 41 },
      ],
      when: { start: null, end: null, precision: 'unknown' },
    };
    const doc = extractRelations(makeDoc(text, specs, { statements: [statement] }));
    const ids = doc.relations.map((r) => r.id);
    expect(ids).toContain('said-to:person:pedro-alves->org:radio-sol');
    expect(ids).toContain('said-to:person:ana-lopes->org:radio-sol');
    expect(ids).toContain('quoted-by:person:pedro-alves->org:radio-sol');
  });

  it("roleType('المتحدث باسم الخارجية') → spokesperson-of; roles held of a body become relations", () => {
    expect(roleType('المتحدث باسم الخارجية')).toBe('spokesperson-of');
    expect(roleType('نائبه', 'person')).toBe('deputy-of');
    expect(roleType('الرئيس الأمريكي', 'place')).toBeUndefined();
    const withRole: EntitySpec[] = [
      { ...specs[2]!, roles: [{ text: 'spokesman', start: 0, end: 9, of: 'org:radio-sol' }] },
      specs[1]!,
    ];
    const doc = extractRelations(makeDoc('Pedro Alves spoke. Radio Sol listened.\n', withRole));
    expect(doc.relations.map((r) => r.id)).toContain('spokesperson-of:person:pedro-alves->org:radio-sol');
  });

  it('returns no relations for a document with fewer than two entities', () => {
    expect(extractRelations(makeDoc('Nobody said anything.\n', [])).relations).toEqual([]);
  });
});

describe('house rules', () => {
  it("never names the seed's people in src/pipeline/relations code or data", () => {
    const files = [
      'src/pipeline/relations.ts',
      'src/pipeline/data/relation-cues.json',
      ...readdirSync('src/pipeline/relations').map((f) => `src/pipeline/relations/${f}`),
    ];
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const name of ['ترامب', 'بوتين', 'سبايسر', 'Trump', 'Putin', 'Spicer', 'كلينتسيفيتش', 'سلوتسكي', 'فوكس'])
      expect(text).not.toContain(name);
  });
});

describe('one-line patterns', () => {
  const P = (id: string, ...names: string[]): EntitySpec => ({ id: `person:${id}`, type: 'person', names });
  const O = (id: string, ...names: string[]): EntitySpec => ({ id: `org:${id}`, type: 'organization', names });
  const specs = [
    P('ana', 'Ana Lopes', 'آنا لوبيز'),
    P('ben', 'Ben Okafor', 'بن أوكافور'),
    O('radio', 'Radio Sol', 'إذاعة سول'),
    O('front', 'Green Front', 'الجبهة الخضراء'),
    O('council', 'City Council', 'مجلس المدينة'),
  ];
  it.each([
    ['Ana Lopes met Finance Minister Ben Okafor on Monday.', 'spoke-with:person:ana->person:ben'],
    ['Ana Lopes spoke by phone with Ben Okafor.', 'spoke-with:person:ana->person:ben'],
    ['Green Front leader Ben Okafor told Radio Sol the vote was fair.', 'chair-of:person:ben->org:front'],
    ['Green Front leader Ben Okafor told Radio Sol the vote was fair.', 'said-to:person:ben->org:radio'],
    ['Ben Okafor was quoted by Radio Sol as saying he would run.', 'quoted-by:person:ben->org:radio'],
    ['Ana Lopes, a member of the City Council, objected.', 'member-of:person:ana->org:council'],
    ['والتقى آنا لوبيز بن أوكافور أمس.', 'spoke-with:person:ana->person:ben'],
    ['وبحث بن أوكافور مع آنا لوبيز الأوضاع.', 'spoke-with:person:ana->person:ben'],
    ['وأجرت آنا لوبيز اتصالا هاتفيا بالوزير بن أوكافور.', 'spoke-with:person:ana->person:ben'],
    ['وقال زعيم الجبهة الخضراء بن أوكافور لإذاعة سول إن التصويت نزيه.', 'said-to:person:ben->org:radio'],
    ['ونقلت إذاعة سول عن بن أوكافور قوله إنه سيترشح.', 'quoted-by:person:ben->org:radio'],
  ])('%s → %s', (text, id) => {
    expect(extractRelations(makeDoc(`${text}\n`, specs)).relations.map((r) => r.id)).toContain(id);
  });
});
