/**
 * A compact English stemmer for claim terms: irregular verbs to their base,
 * British spellings to American, then plural, -ed, -ing, -ly, -ment, -ness,
 * -ive, final e/y and doubled consonants. Conflation only needs to be
 * consistent, not to yield real words.
 */
import { americanise } from '../text';

/** Irregular past forms -> base verb, so "broke"/"broken"/"break" share a stem. */
// Null prototype: page words such as "constructor" must not hit Object.prototype.
const IRREGULAR: Record<string, string> = Object.create(null);
for (const row of (
  'break:broke,broken flee:fled take:took,taken drive:drove,driven fight:fought shoot:shot give:gave,given ' +
  'go:went,gone begin:began,begun win:won lose:lost hold:held send:sent meet:met strike:struck,stricken ' +
  'lead:led fall:fell,fallen rise:rose,risen speak:spoke,spoken write:wrote,written run:ran bring:brought ' +
  'seek:sought catch:caught withdraw:withdrew,withdrawn overrun:overran build:built keep:kept pay:paid ' +
  'hide:hid,hidden choose:chose,chosen fly:flew,flown draw:drew,drawn grow:grew,grown know:knew,known ' +
  'throw:threw,thrown see:saw,seen spend:spent find:found feel:felt think:thought stand:stood slay:slew,slain'
).split(' ')) {
  const [base, forms] = row.split(':') as [string, string];
  for (const form of forms.split(',')) IRREGULAR[form] = base;
}

const VOWEL = /[aeiouy]/;
/** Words ending in s that are not plurals. */
const NOT_PLURAL = new Set('news series species means politics economics physics always perhaps whereas lens gas bus'.split(' '));

/**
 * A compact suffix stemmer (plural, -ed, -ing, -ly, -ment, -ness, -ive, final e/y,
 * doubled consonants). Conflation only needs to be consistent, not to yield real words.
 */
export function stemWord(input: string): string {
  let w = americanise(IRREGULAR[input] ?? input);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && !NOT_PLURAL.has(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 5 && VOWEL.test(w.slice(0, -2))) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  for (const suffix of ['ment', 'ness', 'ive']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.endsWith('y')) w = w.slice(0, -1) + 'i';
  if (w.length > 3 && /([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}
