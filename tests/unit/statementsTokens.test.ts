import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/pipeline/entities';
import { loadKnowledge } from '../../src/pipeline/knowledge';
import { readSeed } from '../../src/pipeline/read';
import { segment } from '../../src/pipeline/segment';
import { MentionIndex } from '../../src/pipeline/statements/mentions';
import { TokenCache } from '../../src/pipeline/statements/tokenCache';
import { tokenize } from '../../src/pipeline/statements/tokens';

/** The seed and the statement fixtures, segmented: real blocks and sentences. */
function documents() {
  const files = [
    'seeds/000_3a34eed36ca8e033.txt',
    ...readdirSync('tests/fixtures/articles/statements')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join('tests/fixtures/articles/statements', f)),
  ];
  return files.map((f) => segment(readSeed(readFileSync(f), f)));
}

const plain = (tokens: ReturnType<typeof tokenize>) => tokens.map((t) => ({ ...t }));

describe('TokenCache', () => {
  it('sentence(i) gives the tokens of tokenize(text, sentence.start, sentence.end), numbered from 0', () => {
    for (const doc of documents()) {
      const cache = new TokenCache(doc);
      doc.sentences.forEach((s, i) => {
        expect(plain(cache.sentence(i))).toEqual(plain(tokenize(doc.text, s.start, s.end)));
      });
    }
  });

  it('block(i) and span(start, end) give what tokenize gives', () => {
    for (const doc of documents()) {
      const cache = new TokenCache(doc);
      doc.blocks.forEach((b, i) => expect(cache.block(i)).toEqual(tokenize(doc.text, b.start, b.end)));
      for (let start = 0; start < doc.text.length; start += 37) {
        const end = Math.min(doc.text.length, start + 23);
        expect(plain(cache.span(start, end))).toEqual(plain(tokenize(doc.text, start, end)));
      }
    }
  });

  it('tokenises a sentence on its own when its edge falls inside a word', () => {
    const text = 'قال الوزيرإن الاتفاق تم.';
    const doc = {
      text,
      blocks: [{ kind: 'paragraph' as const, start: 0, end: text.length }],
      // An edge inside "الوزيرإن" (a glued word): the block's token crosses it.
      sentences: [
        { block: 0, start: 0, end: 10 },
        { block: 0, start: 10, end: text.length },
      ],
    } as never;
    const cache = new TokenCache(doc);
    expect(cache.sentence(0).map((t) => t.text)).toEqual(tokenize(text, 0, 10).map((t) => t.text));
    expect(cache.sentence(1).map((t) => t.text)).toEqual(tokenize(text, 10, text.length).map((t) => t.text));
  });
});

describe('MentionIndex.covers', () => {
  it('answers as the plain scan over every mention does', () => {
    const knowledge = loadKnowledge('seeds');
    for (const doc of documents()) {
      const entities = extractEntities(doc, knowledge).entities;
      const index = new MentionIndex(entities);
      const naive = (start: number, end: number) =>
        index.all.some((m) => m.start <= start && m.end >= end && m.end - m.start > end - start);
      for (const t of tokenize(doc.text)) expect(index.covers(t.start, t.end)).toBe(naive(t.start, t.end));
      // Spans that are whole mentions, and spans inside them.
      for (const m of index.all) {
        expect(index.covers(m.start, m.end)).toBe(naive(m.start, m.end));
        expect(index.covers(m.start + 1, m.end)).toBe(naive(m.start + 1, m.end));
      }
    }
  });

  it('byName finds the first mentioned entity with that label or alias, spelled loosely', () => {
    const entity = (id: string, ar: string, mentions: number) => ({
      id,
      type: 'organization' as const,
      label: { ar },
      aliases: [],
      mentions: Array.from({ length: mentions }, (_, i) => ({ start: i * 10, end: i * 10 + 4 })),
    });
    const index = new MentionIndex([
      entity('a', 'وكالة أنباء', 0),
      entity('b', 'وكالة انباء', 1),
      entity('c', 'وكالة أنباء', 1),
    ] as never);
    expect(index.byName('وكالة إنباء')).toBe('b');
    expect(index.byName('غير موجودة')).toBeNull();
  });
});

describe('tokenize', () => {
  it('over a span is the same as over the text cut to that span (property)', () => {
    const chars = fc.constantFrom(...'ابت ثجح،.«»"وفي 12 ٣٤ Ab c-d ـً\u200f\n'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 40 }).map((a) => a.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = Math.min(a, b) % (text.length + 1);
          const end = Math.max(start, Math.max(a, b) % (text.length + 1));
          const shifted = tokenize(text.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
          expect(tokenize(text, start, end)).toEqual(shifted);
        },
      ),
    );
  });
});
