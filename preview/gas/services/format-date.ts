// Utilities.formatDate: Java SimpleDateFormat patterns in a given time zone, with English names
// (Apps Script formats month and day names in English whatever the user's locale).
// Reference: https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Fields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number; // 0..23
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function fieldsIn(date: Date, timeZone: string): Fields {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new Error(`Invalid argument: timeZone`);
    }
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const [year, month, day, hour, minute, second] = [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, second, weekday, offsetMinutes };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60), 2)}${colon ? ':' : ''}${pad(m % 60, 2)}`;
}

function field(letter: string, n: number, f: Fields, ms: number): string {
  switch (letter) {
    case 'y':
      return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
    case 'M':
      return n >= 4 ? MONTHS[f.month - 1]! : n === 3 ? MONTHS[f.month - 1]!.slice(0, 3) : pad(f.month, n);
    case 'd':
      return pad(f.day, n);
    case 'H':
      return pad(f.hour, n);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, n);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
    case 'K':
      return pad(f.hour % 12, n);
    case 'm':
      return pad(f.minute, n);
    case 's':
      return pad(f.second, n);
    case 'S':
      return pad(ms, n);
    case 'E':
      return n >= 4 ? DAYS[f.weekday]! : DAYS[f.weekday]!.slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, n);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offset(f.offsetMinutes, false);
    case 'X':
      return f.offsetMinutes === 0 ? 'Z' : n === 1 ? offset(f.offsetMinutes, false).slice(0, 3) : offset(f.offsetMinutes, n >= 3);
    case 'z':
      return `GMT${offset(f.offsetMinutes, true)}`;
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date) && Object.prototype.toString.call(date) !== '[object Date]') {
    throw new Error('Invalid argument: date');
  }
  const f = fieldsIn(date, timeZone);
  const ms = date.getTime() - Math.floor(date.getTime() / 1000) * 1000;
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      // Quoted literal; '' is a single quote.
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new Error('Unterminated quote');
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n, f, ms);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
