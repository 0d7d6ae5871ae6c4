import { describe, expect, it } from 'vitest';
import { buildKnowledge, loadKnowledge, mergeCountries, parseGazetteer } from '../../src/pipeline/knowledge';
import { applyOverrides, parseOverrides } from '../../src/pipeline/entities/overrides';
import { extractEntities } from '../../src/pipeline/entities';
import { readSeed } from '../../src/pipeline/read';
import { segment } from '../../src/pipeline/segment';
import { readFileSync } from 'node:fs';
import type { Entity } from '../../src/model/schema';

const FILE = 'seeds/overrides.json';

describe('parseOverrides', () => {
  it('stops on a bad operation with the file, line and reason', () => {
    const text = '[\n  {"op": "alias", "entity": "person:x", "name": "س"},\n  {"op": "merge", "entities": ["person:x"]}\n]';
    expect(() => parseOverrides(text, FILE)).toThrow('Isnad: seeds/overrides.json line 3: merge needs two entity ids');
    expect(() => parseOverrides('[\n{"op": "rename", "entity": "person:x"}\n]', FILE)).toThrow('line 2: rename needs "label"');
    expect(() => parseOverrides('[\n{"op": "drop"}\n]', FILE)).toThrow('line 2: unknown op "drop"');
    expect(() => parseOverrides('{"op": "alias"}', FILE)).toThrow('line 1: overrides must be a JSON list');
  });

  it('reads the project overrides file', () => {
    expect(() => parseOverrides(readFileSync(FILE, 'utf8'), FILE)).not.toThrow();
  });
});

const entity = (id: string, type: Entity['type'], spans: [number, number][]): Entity => ({
  id,
  type,
  label: { ar: id },
  aliases: [],
  mentions: spans.map(([start, end]) => ({ start, end })),
});

describe('applyOverrides', () => {
  const text = 'أحمد زار سامي ثم عاد أحمد';
  const base = [
    entity('person:a', 'person', [
      [0, 4],
      [21, 25],
    ]),
    entity('person:b', 'person', [[9, 13]]),
  ];

  it('merges entities into the first id', () => {
    const out = applyOverrides(base, parseOverrides('[{"op": "merge", "entities": ["person:a", "person:b"]}]', FILE), text);
    expect(out.map((e) => e.id)).toEqual(['person:a']);
    expect(out[0]!.mentions).toHaveLength(3);
  });

  it('splits the mentions with a given name into a new entity', () => {
    const out = applyOverrides(
      base,
      parseOverrides('[{"op": "split", "entity": "person:a", "name": "أحمد", "id": "person:c"}]', FILE),
      text,
    );
    expect(out.find((e) => e.id === 'person:c')!.mentions).toHaveLength(2);
  });

  it('renames, retypes and ignores', () => {
    const ops = parseOverrides(
      '[{"op": "rename", "entity": "person:a", "label": {"en": "Ahmad"}}, {"op": "type", "entity": "person:b", "type": "place"}, {"op": "ignore", "name": "سامي"}]',
      FILE,
    );
    const out = applyOverrides(base, ops.slice(0, 2), text);
    expect(out[0]!.label.en).toBe('Ahmad');
    expect(out[1]!.id).toBe('place:b');
    expect(applyOverrides(base, ops.slice(2), text).map((e) => e.id)).toEqual(['person:a']);
  });
});

describe('buildKnowledge', () => {
  it('adds an alias from the overrides so the stage finds it', () => {
    const entries = mergeCountries(parseGazetteer(readFileSync('src/pipeline/data/gazetteer.json', 'utf8')));
    const k = buildKnowledge(
      entries,
      parseOverrides('[{"op": "alias", "entity": "person:vladimir-putin", "name": "القيصر"}]', FILE),
    );
    const doc = extractEntities(
      segment(
        readSeed(new TextEncoder().encode('عنوان\n\nقال القيصر إن الحرب انتهت.'), 'a.txt', {
          defaults: { lang: 'ar', date: null },
        }),
      ),
      k,
    );
    expect(doc.entities.map((e) => e.id)).toEqual(['person:vladimir-putin']);
    expect(k.names()).toContain('القيصر');
  });

  it('loads once per seeds folder (loadKnowledge caches)', () => {
    expect(loadKnowledge()).toBe(loadKnowledge());
  });
});
