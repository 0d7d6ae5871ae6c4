/** Picks how to show an entity's name: the interface language's label when known, else any. */
import type { Entity } from '../model/schema';

/** The entity's name in `lang` if the gazetteer knows it, else its other label, else its first alias. */
export function entityName(entity: Pick<Entity, 'label' | 'aliases' | 'id'>, lang: 'ar' | 'en'): string {
  return entity.label[lang] ?? entity.label[lang === 'ar' ? 'en' : 'ar'] ?? entity.aliases[0] ?? entity.id;
}
