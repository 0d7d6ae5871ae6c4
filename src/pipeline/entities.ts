/**
 * Entity recognition stage: finds every mention of people, organizations and places and links
 * mentions of the same thing into one entity. Order matters: the gazetteer first (the longest
 * known name wins), then rules for unknown names (organizations by head noun, places after place
 * nouns, people after titles or with known given names, English capitalised runs), then
 * coreference (repeated names and surnames, titles without a name), then the user's overrides.
 * Rules are described in docs/entities.md.
 */
import type { EntityDocument, SegmentedDocument } from './types';
import type { Knowledge } from './knowledge';
import { assemble } from './entities/assemble';
import {
  findGivenNamePeople,
  findOrganizations,
  dropPlaceAdjectives,
  findPlaces,
  findQuotedOrganizations,
  findTitledPeople,
} from './entities/arabicRules';
import { appositionPeople } from './entities/apposition';
import { clubsWithCities, scorers } from './entities/clubs';
import { Context } from './entities/context';
import { trimDescriptiveHeads } from './entities/descriptive';
import { dropUnconfirmed, joinKnownSurnames, linkBodies, resolveTitles, shortBodies } from './entities/coref';
import { propagateNames } from './entities/surnames';
import { englishRoles, englishTitles, findEnglishNames } from './entities/englishRules';
import { complementPeople, listPeople, loneGivenNames } from './entities/givenNames';
import { matchGazetteer } from './entities/match';
import { mediaNames } from './entities/media';
import {
  acronymAliases,
  bodiesNamedAfterPeople,
  corporateShortNames,
  dropGenericBodies,
  dropPlaceIdioms,
  englishBodyNames,
  extendKnownBodies,
  findArmedBranches,
  findLandforms,
  findWorshipPlaces,
  latinNamesAfterHeads,
  placesOverBodies,
  quotedNamesOverKnown,
  weakClubs,
} from './entities/orgRules';
import { applyOverrides } from './entities/overrides';
import { quotedFromPeople } from './entities/reported';
import { tokenize } from './entities/tokens';

/** Finds every mention of people, organizations and places and links them into entities. */
export function extractEntities(doc: SegmentedDocument, knowledge: Knowledge): EntityDocument {
  const tokens = tokenize(doc.text, doc.sentences);
  const ctx = new Context(doc.text, tokens, knowledge.lexicon);
  for (const m of matchGazetteer(tokens, knowledge.index)) ctx.add(m);
  weakClubs(ctx);
  mediaNames(ctx, knowledge.index);
  clubsWithCities(ctx);
  placesOverBodies(ctx);
  extendKnownBodies(ctx);
  englishBodyNames(ctx);
  quotedNamesOverKnown(ctx);
  latinNamesAfterHeads(ctx);
  findQuotedOrganizations(ctx);
  findWorshipPlaces(ctx);
  bodiesNamedAfterPeople(ctx);
  findLandforms(ctx);
  dropPlaceIdioms(ctx);
  findOrganizations(ctx);
  findArmedBranches(ctx);
  dropGenericBodies(ctx);
  dropPlaceAdjectives(ctx);
  findTitledPeople(ctx);
  findPlaces(ctx);
  findGivenNamePeople(ctx);
  appositionPeople(ctx);
  listPeople(ctx);
  complementPeople(ctx);
  quotedFromPeople(ctx);
  scorers(ctx);
  findEnglishNames(ctx);
  acronymAliases(ctx);
  englishRoles(ctx);
  englishTitles(ctx);
  joinKnownSurnames(ctx);
  propagateNames(ctx);
  loneGivenNames(ctx);
  linkBodies(ctx);
  shortBodies(ctx);
  corporateShortNames(ctx);
  dropUnconfirmed(ctx);
  resolveTitles(ctx);
  trimDescriptiveHeads(ctx);
  const entities = applyOverrides(assemble(ctx.found, doc.text), knowledge.overrides, doc.text);
  return { ...doc, entities };
}
