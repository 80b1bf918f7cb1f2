// People in the order text: names declined by lvovich (a maintained Russian-name library) and
// positions declined by rules ("заместитель начальника" → "заместителя начальника"). Where the
// gender or the shape is unclear the text is left as typed: the user edits the draft anyway.
import { getGender, incline } from 'lvovich';

export type GrammaticalCase = 'genitive' | 'dative' | 'accusative' | 'instrumental';

export interface PersonName {
  last: string;
  first?: string;
  middle?: string;
  /** "Н.Н." when only initials were typed. */
  initials?: string;
}

const WORD = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const INITIALS = '[А-ЯЁ]\\.\\s?(?:[А-ЯЁ]\\.)?';
const FULL = new RegExp(`^(${WORD})\\s+(${WORD})(?:\\s+(${WORD}))?$`);
const LAST_INITIALS = new RegExp(`^(${WORD})\\s+(${INITIALS})$`);
const INITIALS_LAST = new RegExp(`^(${INITIALS})\\s*(${WORD})$`);

/** Reads "Фамилия Имя Отчество", "Фамилия И.О." or "И.О. Фамилия"; null for anything else. */
export function parsePersonName(text: string): PersonName | null {
  const t = text.replace(/\s+/g, ' ').trim();
  let m = LAST_INITIALS.exec(t);
  if (m) return { last: m[1]!, initials: m[2]!.replace(/\s/g, '') };
  m = INITIALS_LAST.exec(t);
  if (m) return { last: m[2]!, initials: m[1]!.replace(/\s/g, '') };
  m = FULL.exec(t);
  if (m) return m[3] ? { last: m[1]!, first: m[2]!, middle: m[3] } : { last: m[1]!, first: m[2]! };
  return null;
}

function initialsOf(p: PersonName): string {
  if (p.initials) return p.initials;
  return [p.first, p.middle].filter((x): x is string => !!x).map((x) => `${x.charAt(0)}.`).join('');
}

/** The signature form "И.О. Фамилия": "Гаджибекова Саида Алиевна" → "С.А. Гаджибекова". */
export function signatureName(name: string): string {
  const p = parsePersonName(name);
  if (!p) return name.trim();
  const initials = initialsOf(p);
  return initials ? `${initials} ${p.last}` : p.last;
}

/**
 * The name in a case for the text, as "Фамилия И.О." ("Мирзаеву Н.Н."). The surname is declined
 * only when the gender is known (from the first name or patronymic, or a surname such as
 * "-ова"); otherwise it is left as typed.
 */
export function nameInCase(name: string, grammaticalCase: GrammaticalCase): string {
  const p = parsePersonName(name);
  if (!p) return name.trim();
  const gender = getGender({ last: p.last, first: p.first ?? null, middle: p.middle ?? null });
  const initials = initialsOf(p);
  if (gender !== 'male' && gender !== 'female') return initials ? `${p.last} ${initials}` : p.last;
  const declined = incline({ last: p.last, gender }, grammaticalCase).last ?? p.last;
  return initials ? `${declined} ${initials}` : declined;
}

/** 'male' / 'female' when the name tells (patronymic, first name, surname such as "-ова"); null otherwise. */
export function personGender(name: string): 'male' | 'female' | null {
  const p = parsePersonName(name);
  if (!p) return null;
  const g = getGender({ last: p.last, first: p.first ?? null, middle: p.middle ?? null });
  return g === 'male' || g === 'female' ? g : null;
}

// --- positions ---------------------------------------------------------------------------------

/** Adjectives used as nouns: the head ends with them ("заведующий отделом" → "заведующему отделом"). */
const SUBSTANTIVES = /^(заведующ|управляющ|исполняющ|ответственн|уполномоченн)/;

const ADJ_ENDINGS: Record<GrammaticalCase, { hard: string; soft: string; fem: string; softFem: string }> = {
  genitive: { hard: 'ого', soft: 'его', fem: 'ой', softFem: 'ей' },
  dative: { hard: 'ому', soft: 'ему', fem: 'ой', softFem: 'ей' },
  accusative: { hard: 'ого', soft: 'его', fem: 'ую', softFem: 'юю' },
  instrumental: { hard: 'ым', soft: 'им', fem: 'ой', softFem: 'ей' },
};

function isAdjective(lower: string): boolean {
  return /(ый|ой|ий|ая|яя)$/.test(lower);
}

function declineAdjective(word: string, c: GrammaticalCase): string {
  const lower = word.toLowerCase();
  const stem = word.slice(0, -2);
  const e = ADJ_ENDINGS[c];
  const soft = /[жшчщ]$/.test(stem.toLowerCase()) || /н$/.test(stem.toLowerCase()) && /ний$/.test(lower) && !/нный$/.test(lower);
  if (/(ый|ой)$/.test(lower)) return stem + e.hard;
  if (/ий$/.test(lower)) {
    if (soft) return stem + e.soft;
    // -кий, -гий, -хий take the hard set except instrumental -им.
    return stem + (c === 'instrumental' ? 'им' : e.hard);
  }
  if (/ая$/.test(lower)) return stem + (/[жшчщ]$/.test(stem.toLowerCase()) && c !== 'accusative' ? 'ей' : e.fem);
  if (/яя$/.test(lower)) return stem + e.softFem;
  return word;
}

/** Masculine animate nouns of positions: директор, начальник, заместитель, специалист… */
function declineNoun(word: string, c: GrammaticalCase): string {
  const lower = word.toLowerCase();
  const soft = /[ьй]$/.test(lower);
  const stem = soft ? word.slice(0, -1) : word;
  if (/[аяоеиыуюэ]$/.test(lower) && !soft) return word; // feminine or indeclinable: leave as typed
  const endings: Record<GrammaticalCase, [string, string]> = {
    genitive: ['а', 'я'],
    accusative: ['а', 'я'],
    dative: ['у', 'ю'],
    instrumental: ['ом', 'ем'],
  };
  const [hard, softEnding] = endings[c];
  if (lower.endsWith('ь') && !/(тель|арь)$/.test(lower)) return word; // feminine -ь or unsure
  return stem + (soft ? softEnding : hard);
}

/**
 * A position in a case, head phrase only: "заместитель начальника" → dative "заместителю
 * начальника"; "ведущий специалист" → accusative "ведущего специалиста". The first letter is
 * lower-cased for use inside a sentence (abbreviations stay as typed).
 */
export function positionInCase(position: string, c: GrammaticalCase): string {
  // "заместитель начальника – начальник отдела": each dash-separated position declines on its own.
  const parts = position.replace(/\s+/g, ' ').trim().split(/(\s+[-–—]\s+)/);
  return parts.map((part, i) => (i % 2 === 1 ? part : headInCase(part, c, i === 0))).join('');
}

function headInCase(position: string, c: GrammaticalCase, first: boolean): string {
  const words = position.split(' ').filter(Boolean);
  const out: string[] = [];
  let done = false;
  for (const [i, w] of words.entries()) {
    if (done || !/^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$/.test(w) || (w.length > 1 && w === w.toUpperCase())) {
      done = true;
      out.push(w);
      continue;
    }
    const base = i === 0 && first ? w.charAt(0).toLowerCase() + w.slice(1) : w;
    const pieces = base.split('-');
    const adjective = isAdjective(pieces[pieces.length - 1]!.toLowerCase());
    // "научно-методический": stems in -о stay; "педагог-психолог": every part declines.
    out.push(
      pieces
        .map((piece) => (/о$/i.test(piece) && pieces.length > 1 ? piece : adjective ? declineAdjective(piece, c) : declineNoun(piece, c)))
        .join('-'),
    );
    if (!adjective || SUBSTANTIVES.test(base.toLowerCase())) done = true;
  }
  return out.join(' ');
}

/** "заместителя начальника Мирзаеву Н.Н." — the position and the name, both in the case. */
export function personInCase(position: string, name: string, c: GrammaticalCase): string {
  const p = positionInCase(position, c);
  const n = nameInCase(name, c);
  return [p, n].filter(Boolean).join(' ');
}
