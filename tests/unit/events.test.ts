import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/schema';
import { readSeed } from '../../src/pipeline/read';
import { segment } from '../../src/pipeline/segment';
import { extractStatements } from '../../src/pipeline/statements';

function run(text: string, names: Record<string, string>, date: string | null = '2017-01-28') {
  const seg = segment(
    readSeed(new TextEncoder().encode(text), 'e.txt', { defaults: { lang: 'ar', date, outlet: 'SANA' } as never }),
  );
  const entities: Entity[] = Object.entries(names).map(([id, form]) => ({
    id,
    type: 'person',
    label: { ar: form },
    aliases: [form],
    mentions: [...text.matchAll(new RegExp(form, 'g'))].map((m) => ({ start: m.index, end: m.index + form.length })),
  }));
  return extractStatements({ ...seg, entities });
}

describe('extractEvents', () => {
  const names = { 'person:a': 'أحمد', 'person:b': 'خالد' };
  it('finds a call today, a meeting planned for later and a speech in 2015, and links statements to them', () => {
    const d = run(
      'عنوان\n\nأجرى الرئيس أحمد اليوم اتصالا هاتفيا مع الرئيس خالد. واتفق الرئيسان أحمد وخالد على إجراء لقاء خاص بينهما مستقبلا. وقال خالد إن أحمد دعا إلى ذلك من منبر الأمم المتحدة في عام 2015.',
      names,
    );
    const byKind = Object.fromEntries(d.events.map((e) => [e.kind, e]));
    expect(byKind.call).toMatchObject({ when: { start: '2017-01-28', end: '2017-01-28' }, future: false });
    expect(byKind.call!.participants.sort()).toEqual(['person:a', 'person:b']);
    expect(byKind.meeting).toMatchObject({ future: true, when: { start: '2017-01-28', end: null } });
    expect(byKind.speech).toMatchObject({ when: { start: '2015-01-01', end: '2015-12-31', precision: 'year' } });
    expect(d.statements[0]!.events).toEqual([byKind.speech!.id]);
  });

  it('merges repeated mentions of the same call and keeps an earlier call apart as an honest interval', () => {
    const d = run(
      'عنوان\n\nأجرى أحمد اليوم اتصالا هاتفيا مع خالد. وكان الاتصال الهاتفي بين أحمد وخالد اليوم مثمرا. وسبق أن أجريا مكالمة هاتفية بعد انتخاب خالد.',
      names,
    );
    const calls = d.events.filter((e) => e.kind === 'call');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.when).toMatchObject({ start: null, end: '2017-01-28', precision: 'range' });
  });
});
