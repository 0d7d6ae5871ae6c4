import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, DEFAULT_STATE, encode, MAX_QUERY, type UrlState } from '../../src/share/urlState';

const params = (s: string) => new URLSearchParams(s);

describe('decode', () => {
  it('reads every parameter of a full link', () => {
    const { state, notices } = decode(
      params(
        'q=بوتين&entity=person:vladimir-putin&statement=doc:st-1a2b&doc=seed&span=10-20&view=graph&lang=ar&types=place,person&rel=spoke_with&minWeight=2&from=2015-01-01&to=2017-02-01&embed=1',
      ),
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      q: 'بوتين',
      entity: 'person:vladimir-putin',
      statement: 'doc:st-1a2b',
      event: null,
      doc: 'seed',
      span: [10, 20],
      view: 'graph',
      lang: 'ar',
      types: ['person', 'place'],
      rel: ['spoke_with'],
      minWeight: 2,
      from: '2015-01-01',
      to: '2017-02-01',
      embed: true,
    });
  });

  it('drops hostile values with a notice instead of failing', () => {
    const { state, notices } = decode(
      params('entity=<script>alert(1)</script>&view=admin&lang=fr&span=9-3&from=2017-13-45&minWeight=-1'),
    );
    expect(state.entity).toBeNull();
    expect(state.view).toBeNull();
    expect(state.lang).toBeNull();
    expect(state.span).toBeNull();
    expect(state.from).toBeNull();
    expect(state.minWeight).toBe(0);
    expect(notices.map((n) => n.param).sort()).toEqual(['entity', 'from', 'lang', 'minWeight', 'span', 'view']);
  });

  it('cuts an absurdly long query and says so', () => {
    const { state, notices } = decode(params(`q=${'ا'.repeat(100_000)}`));
    expect(state.q.length).toBe(MAX_QUERY);
    expect(notices).toEqual([{ param: 'q', reason: 'too-long' }]);
  });

  it('removes bidi overrides and control characters from the query', () => {
    expect(decode(params('q=%E2%80%AEabc%00def')).state.q).toBe('abc def');
  });

  it('ignores unknown keys', () => {
    expect(decode(params('utm_source=x&foo=bar')).state).toEqual(DEFAULT_STATE);
  });
});

describe('encode', () => {
  it('leaves defaults out', () => {
    expect(encode(DEFAULT_STATE).toString()).toBe('');
    expect(encode({ ...DEFAULT_STATE, view: 'timeline', lang: 'en' }).toString()).toBe('view=timeline&lang=en');
  });
});

const idArb = fc.stringMatching(/^[a-z]{1,8}:[a-z0-9-]{1,20}$/);
const stateArb: fc.Arbitrary<UrlState> = fc.record({
  // eslint-disable-next-line no-control-regex -- mirrors what decode removes
  q: fc.string({ maxLength: 50 }).map((s) => s.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ' ').trim()),
  entity: fc.option(idArb, { nil: null }),
  statement: fc.option(idArb, { nil: null }),
  event: fc.option(idArb, { nil: null }),
  doc: fc.option(fc.stringMatching(/^[a-z0-9_]{1,20}$/), { nil: null }),
  span: fc.option(
    fc.tuple(fc.nat(10_000), fc.integer({ min: 1, max: 500 })).map(([a, n]) => [a, a + n] as [number, number]),
    { nil: null },
  ),
  view: fc.option(fc.constantFrom('search' as const, 'reader' as const, 'graph' as const, 'timeline' as const), { nil: null }),
  lang: fc.option(fc.constantFrom('ar' as const, 'en' as const), { nil: null }),
  types: fc
    .uniqueArray(fc.constantFrom('person' as const, 'organization' as const, 'place' as const, 'other' as const))
    .map((a) => a.sort()),
  rel: fc.uniqueArray(fc.constantFrom('spoke_with', 'member_of', 'quoted_by')).map((a) => a.sort()),
  minWeight: fc.integer({ min: 0, max: 20 }),
  from: fc.constant(null),
  to: fc.constant(null),
  embed: fc.boolean(),
});

describe('properties', () => {
  it('any string in any parameter decodes to a valid state without throwing', () => {
    const keys = [
      'q',
      'entity',
      'statement',
      'event',
      'doc',
      'span',
      'view',
      'lang',
      'types',
      'rel',
      'minWeight',
      'from',
      'to',
      'embed',
      'x',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.string({ unit: 'binary', maxLength: 300 })), { maxLength: 8 }),
        (pairs) => {
          const p = new URLSearchParams();
          for (const [k, v] of pairs) p.append(k, v);
          const { state } = decode(p);
          expect(state.q.length).toBeLessThanOrEqual(MAX_QUERY);
          for (const id of [state.entity, state.statement, state.doc])
            if (id !== null) expect(id).toMatch(/^[\p{L}\p{N}_.:~@+-]+$/u);
          // Decoding what we encode gives the same state back.
          expect(decode(encode(state)).state).toEqual(state);
        },
      ),
    );
  });

  it('encode then decode round-trips', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const back = decode(new URLSearchParams(encode(s).toString()));
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(s);
      }),
    );
  });
});
