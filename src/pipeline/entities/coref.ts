/**
 * Coreference (repeated names of people are in surnames.ts): ambiguous gazetteer names kept only
 * when the entity is confirmed, and titles without a name (`السيناتور الفرنسي`، `الرئيسان`)
 * linked to the most recent person whose office and nationality fit.
 */
import type { Context } from './context';
import type { Found } from './found';
import { joinable } from './tokens';
import { normalize } from '../../search/normalize';

interface PersonInfo {
  classes: Set<string>;
  nationality?: string;
}

/**
 * Drops ambiguous gazetteer names (`الأسد`) of entities the text never names fully or titles. One that is
 * the family name of another person named in full in the text is a mention of that person
 * (`أحمد المالكي` … `وأضاف المالكي`).
 */
export function dropUnconfirmed(ctx: Context): void {
  const confirmed = new Set(ctx.found.filter((f) => f.source === 'gazetteer' && (!f.weak || f.confirmed)).map((f) => f.key));
  const bearers = new Map<string, Found>();
  for (const f of ctx.found)
    if (f.type === 'person' && f.kind !== 'title' && !f.weak && f.tokEnd - f.tok >= 2)
      bearers.set(ctx.tokens[f.tokEnd - 1]!.norm, f);
  for (const f of [...ctx.found]) {
    if (!f.weak || f.confirmed || confirmed.has(f.key)) continue;
    const bearer = f.type === 'person' && f.tokEnd - f.tok === 1 ? bearers.get(ctx.tokens[f.tok]!.bare) : undefined;
    if (bearer && bearer.key !== f.key) {
      f.key = bearer.key;
      f.kind = 'alias';
      f.source = bearer.source;
      f.entry = bearer.entry;
      f.weak = false;
    } else ctx.remove(f);
  }
  relinkBareSurnames(ctx, bearers);
}

/**
 * A known person the text only ever calls by one word, with no title, whose word is the family name of
 * another person the text names in full, is that other person: the gazetteer's `Kabila` is one of two
 * presidents, and a text that says `Laurent Kabila` and then `Kabila` means the one it named. A known
 * person the text names in full or titles with one of its known offices (`President Kabila`) keeps the word;
 * another role (`rebel leader Kabila`, `زعيم المتمردين كابيلا`) does not.
 */
function relinkBareSurnames(ctx: Context, bearers: Map<string, Found>): void {
  const spoken = new Set<string>();
  for (const f of ctx.found)
    if (f.type === 'person' && (f.kind === 'title' || f.tokEnd - f.tok >= 2 || fittingRole(f) || (f.confirmed && !f.role)))
      spoken.add(f.key);
  for (const f of ctx.found) {
    if (f.type !== 'person' || f.source !== 'gazetteer' || f.kind === 'title' || f.tokEnd - f.tok !== 1 || spoken.has(f.key))
      continue;
    // The mention's own form: `كابيلا` starts with ك, which `bare` would strip as a clitic.
    const t = ctx.tokens[f.tok]!;
    const bearer = bearers.get(t.forms.find((x) => t.start + x.shift === f.start)?.form ?? t.bare);
    if (!bearer || bearer.key === f.key) continue;
    f.key = bearer.key;
    f.kind = 'alias';
    f.source = bearer.source;
    f.entry = bearer.entry;
  }
}

/**
 * Does the role the text gives a known person fit an office the gazetteer knows them for? `rebel leader Kabila`
 * after `Laurent Kabila` is not the later president the gazetteer also calls `Kabila`; `President Kabila` may be.
 * A role that is none of the entry's offices does not tie the word to that entry.
 */
function fittingRole(f: Found): boolean {
  if (!f.role) return false;
  const titles = f.entry?.titles ?? [];
  return f.role.classes.some((c) => titles.includes(c));
}

/** What the document and the gazetteer say about each person: offices and nationality. */
function personInfo(ctx: Context): Map<string, PersonInfo> {
  const info = new Map<string, PersonInfo>();
  for (const f of ctx.found) {
    if (f.type !== 'person' || f.kind === 'title') continue;
    const i = info.get(f.key) ?? { classes: new Set<string>() };
    for (const c of f.entry?.titles ?? []) i.classes.add(c);
    for (const c of f.role?.classes ?? []) i.classes.add(c);
    i.nationality ??= f.entry?.country ?? f.role?.nationality ?? f.nationality;
    info.set(f.key, i);
  }
  return info;
}

/** Links title mentions to people: by office, nationality and recency. Unresolved titles are dropped. */
export function resolveTitles(ctx: Context): void {
  const info = personInfo(ctx);
  const ordered = [...ctx.found].sort((a, b) => a.start - b.start);
  const fits = (key: string, classes: string[], nat?: string) => {
    const p = info.get(key);
    if (!p) return false;
    if (nat && p.nationality !== nat) return false;
    return classes.some((c) => p.classes.has(c));
  };
  const recent: string[] = []; // person keys, most recent last
  const pick = (classes: string[], nat: string | undefined, exclude: string[], after: number) => {
    for (let k = recent.length - 1; k >= 0; k--)
      if (!exclude.includes(recent[k]!) && fits(recent[k]!, classes, nat)) return recent[k];
    const later = ordered.find(
      (f) =>
        f.start > after && f.type === 'person' && f.kind !== 'title' && !exclude.includes(f.key) && fits(f.key, classes, nat),
    );
    return later?.key;
  };
  for (const f of ordered) {
    if (f.type === 'person' && f.kind !== 'title') {
      recent.push(f.key);
      continue;
    }
    if (f.kind !== 'title' || f.targets) continue;
    const classes = f.classes ?? [];
    const nats = f.nationalities ?? [];
    const targets: string[] = [];
    if (f.dual) {
      const wanted = nats.length >= 2 ? nats.slice(-2) : [undefined, undefined];
      for (const nat of wanted) {
        const k = pick(classes, nat, targets, f.end);
        if (k) targets.push(k);
      }
      if (targets.length < 2) targets.length = 0;
    } else {
      const k = pick(classes, nats[nats.length - 1], [], f.end);
      if (k) targets.push(k);
    }
    if (targets.length) f.targets = targets;
    else ctx.remove(f);
  }
}

/** `مجلس النواب` after `مجلس النواب العراقي`: one body, named with and without its nationality adjective. */
export function linkBodies(ctx: Context): void {
  const orgs = ctx.found.filter((f) => f.type === 'organization' && f.source === 'rule');
  const base = (f: Found) => {
    let end = f.tokEnd;
    while (end - 1 > f.tok && ctx.nisba(end - 1)) end--;
    return ctx.tokens
      .slice(f.tok, end)
      .map((t, k) => (k === 0 ? t.forms[t.forms.length - 1]!.form : t.norm))
      .join(' ');
  };
  // Only when one fuller name shares the base: with `العراقي` and `الأردني` both, `مجلس النواب` stays apart.
  const fuller = new Map<string, Set<string>>();
  const longest = new Map<string, Found>();
  for (const f of orgs) {
    const b = base(f);
    const had = longest.get(b);
    if (!had || f.tokEnd - f.tok > had.tokEnd - had.tok) longest.set(b, f);
    fuller.set(b, (fuller.get(b) ?? new Set()).add(f.key));
  }
  for (const f of orgs) {
    const b = base(f);
    const keys = [...fuller.get(b)!].filter((k) => k !== `rule:organization:${b}`);
    if (keys.length !== 1) continue;
    const target = longest.get(b)!;
    if (target.key !== f.key) {
      f.key = target.key;
      f.kind = 'alias';
    }
  }
}

/**
 * `المرصد السوري` after `المرصد السوري لحقوق الإنسان`: a body named by what it is for (a definite head, its
 * adjectives, then ل + complement) is later called by its head and adjectives alone. Those words are a
 * mention of it when exactly one such body in the text shortens to them.
 */
export function shortBodies(ctx: Context): void {
  const { tokens } = ctx;
  const shorts = new Map<string, Found | null>();
  for (const f of ctx.found) {
    if (f.type !== 'organization' || f.source !== 'rule' || f.kind !== 'name') continue;
    if (!ctx.inSet(f.tok, ctx.lex.forHeads) && !ctx.inSet(f.tok, ctx.lex.adjectiveHeads)) continue;
    let p = f.tok + 1;
    while (p < f.tokEnd && !tokens[p]!.norm.startsWith('ل')) p++;
    if (p - f.tok < 2 || p >= f.tokEnd) continue;
    const words = [tokens[f.tok]!.bare, ...tokens.slice(f.tok + 1, p).map((t) => t.norm)].join(' ');
    shorts.set(words, shorts.has(words) && shorts.get(words)?.key !== f.key ? null : { ...f, tokEnd: p });
  }
  if (!shorts.size) return;
  // `المركز المغربي` read alone as a body by the adjective rule: the same body.
  for (const f of ctx.found) {
    if (f.type !== 'organization' || f.source !== 'rule') continue;
    const words = [tokens[f.tok]!.bare, ...tokens.slice(f.tok + 1, f.tokEnd).map((t) => t.norm)].join(' ');
    const target = shorts.get(words);
    if (target && target.key !== f.key) {
      f.key = target.key;
      f.kind = 'alias';
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (ctx.cover[i] || !tokens[i]!.arabic) continue;
    for (const [words, f] of shorts) {
      if (!f) continue;
      const w = words.split(' ');
      const n = w.length;
      const first = tokens[i]!.forms.find((x) => x.form === w[0]);
      let ok = !!first;
      for (let k = 1; k < n && ok; k++) {
        const t = tokens[i + k];
        ok = !!t && !ctx.cover[i + k] && t.norm === w[k] && joinable(t.gap);
      }
      if (!ok) continue;
      // Not a name of its own that goes on (`المجلس الوطني الانتقالي`).
      const next = tokens[i + n];
      if (next && joinable(next.gap) && !ctx.cover[i + n] && ctx.definite(i + n) && /ي$|يه$/.test(next.norm)) continue;
      ctx.add({
        ...f,
        tok: i,
        tokEnd: i + n,
        start: tokens[i]!.start + first!.shift,
        end: tokens[i + n - 1]!.end,
        kind: 'alias',
      });
      i += n - 1;
      break;
    }
  }
}

/**
 * `عادل بن أحمد الجبير`: a name read by a rule that runs into a known person's surname, and starts with that
 * person's given name, is the known person named in full (with the father's name the gazetteer lacks).
 */
export function joinKnownSurnames(ctx: Context): void {
  for (const f of [...ctx.found]) {
    if (f.type !== 'person' || f.source !== 'rule' || f.kind !== 'name') continue;
    const g = ctx.cover[f.tokEnd];
    if (!g || g.tok !== f.tokEnd || g.type !== 'person' || g.source !== 'gazetteer' || g.kind === 'title' || !g.entry) continue;
    if (!ctx.tokens[g.tok]!.arabic || !joinable(ctx.tokens[g.tok]!.gap)) continue;
    const given = ctx.tokens[f.tok]!.bare;
    if (!g.entry.ar.some((n) => normalize(n).split(' ')[0] === given && normalize(n).split(' ').length >= 2)) continue;
    const role = f.role ?? g.role;
    ctx.remove(f);
    ctx.remove(g);
    ctx.add({ ...g, tok: f.tok, tokEnd: g.tokEnd, start: f.start, kind: 'name', confirmed: true, ...(role ? { role } : {}) });
  }
}
