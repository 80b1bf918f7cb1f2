// The organisation's name as it enters the order's sentences ("в …", "приказом …"). Pure text,
// kept apart from requisites.ts so the order sidebars, which build the order preview in the
// browser, do not bundle the zod schema that validates the requisites.
import { inflectHeadPhrase } from './heading';
import type { Requisites } from './requisites';

/** "МКУ «Управление образования»…" → for "в …": abbreviations stay, a leading noun phrase declines. */
export function organisationIn(requisites: Pick<Requisites, 'shortName' | 'shortNameIn'>): string {
  const explicit = requisites.shortNameIn?.trim();
  if (explicit) return explicit.replace(/^(в|во)\s+/i, '');
  return inflectHeadPhrase(requisites.shortName.trim());
}

/** "приказом …", "к приказу …": the short name in the genitive (abbreviation-led names stay). */
export function organisationOf(requisites: Pick<Requisites, 'shortName'>): string {
  return inflectHeadPhrase(requisites.shortName.trim(), 'genitive');
}
