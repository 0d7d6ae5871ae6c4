/**
 * The chain of transmission as words: outermost source first (the publisher), each arrow
 * pointing the way the report travelled — from the original speaker towards the publisher. In
 * left-to-right text that is "SANA ← RT ← the Kremlin". Right-to-left text lays the same list out
 * from the right (سانا rightmost), so the arrow that points back at the publisher is "→": on
 * screen the Kremlin → RT → SANA, read the Arabic way as "سانا، عن روسيا اليوم، عن الكرملين".
 */
import type { ChainLink } from '../model/schema';

/** The arrow between two links, pointing towards the one who reported the other. */
export function chainArrow(dir: 'ltr' | 'rtl'): '←' | '→' {
  return dir === 'rtl' ? '→' : '←';
}

/** The chain in one line, each link named by `name` (entity links) or its words in the text. */
export function chainText(
  chain: readonly ChainLink[],
  dir: 'ltr' | 'rtl',
  name: (entity: string, text: string) => string,
): string {
  return chain.map((l) => (l.entity ? name(l.entity, l.text) : l.text)).join(` ${chainArrow(dir)} `);
}
