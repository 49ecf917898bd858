// What the export tests of every engine expect of Didar's exports.

/** The CSV's header line (src/library/export.rs CSV_HEADER). */
export const CSV_HEADER = 'date,interval,parties,status,mode,city,country,occasion,participants,articles,evidence';

/** The first (or, with `last`, the last) day of a YYYY, YYYY-MM or YYYY-MM-DD date, in days since 1970. */
const day = (s, last) => {
  const [y, m = last ? 12 : 1, d] = s.split('-').map(Number);
  return Date.UTC(y, m - 1, d ?? (last ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 1)) / 864e5;
};

/** The days an EDTF interval spans (Infinity when open or absent). */
const spanDays = (edtf) => {
  if (!edtf) return Infinity;
  const [a, b] = edtf.includes('/') ? edtf.split('/') : [edtf, edtf];
  return a === '..' || b === '..' ? Infinity : day(b, true) - day(a, false) + 1;
};

/** Is a timeline entry (of the JSON export) an event of the iCalendar export? A date to the day or
 * month, or an interval of at most 31 days. */
export const inCalendar = (e) => (e.meeting.date || '').length >= 7 || spanDays(e.meeting.date_interval) <= 31;
