/*
 * Gender- and case-neutral stems, computed on latin keys (latin-key.ts), so that Yangulbayev,
 * Yangulbayeva, Янгулбаевой and a genitive Кадырова of a man meet. Russian surnames in -ov/-ev/-in
 * decline like adjectives in the feminine and partly in the masculine: Кадыров, Кадырова (his
 * genitive, or her nominative), Кадырову, Кадыровым, Кадырове, Кадыровой, Кадыровых. Those in
 * -sky/-skaya decline fully: -ского, -скому, -ским, -ской, -скую.
 */

const OV_SURNAME = /^(.{2,}?(?:ov|ev|in))(?:a|u|e|oi|oiu|ou|im|ih|om)?$/;
const SKY_SURNAME = /^(.{2,}?[sc]k)(?:i|ii|ogo|omu|im|om|ai|aia|aa|oi|uiu|ie|ih|a|ia)$/;
const PATRONYMIC = /^(.{2,}?)(?:ovich|evich|ich|ovn|evn|ichn|inichn)(?:a|u|e|om|em|oi|ei|i)?$/;

/** Stem of a surname key: kadirova → kadirov, ostrovskaia → ostrovsk. */
export function surnameStem(key: string): string {
  const ov = OV_SURNAME.exec(key);
  if (ov) return ov[1]!;
  const sky = SKY_SURNAME.exec(key);
  if (sky) return sky[1]!;
  return key.length > 4 ? key.replace(/[aeiou]+$/, '') : key;
}

/** Stem of a patronymic key: ahmedovich, ahmedovna, ahmedovicha → ahmed. */
export function patronymicStem(key: string): string {
  const match = PATRONYMIC.exec(key);
  return match ? match[1]! : key;
}

/** Stem of a given-name key, case endings and final vowels off: ramzana, ramzanom → ramzan; alekseia, aleksei → aleks. */
export function givenStem(key: string): string {
  const stem = key.replace(/(?:om|em|im)$/, '').replace(/[aeiou]+$/, '');
  return stem.length >= 2 ? stem : key;
}

/** Does this Cyrillic or Latin word look like a patronymic (-ович, -овна, -ovich, -ovna…, Turkic оглы/кызы)? */
export function looksLikePatronymic(word: string): boolean {
  return /(?:вич|вна|ична|ьич|вича|вны|вной|вичу|вне)$/i.test(word) || /(?:vich|vna|ichna|vicha|vny|vnoy|vnoi|vichu)$/i.test(word) || /^(?:оглы|кызы|ogly|ogli|kyzy|kizi)$/i.test(word);
}

/** Does this word look like a Russian-style surname (-ов, -ева, -ский, -in…)? */
export function looksLikeSurname(word: string): boolean {
  return /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ых|их|енко|ук|юк)$/i.test(word) || /(?:ov|ev|ow|ew|in|yn|ova|eva|ina|yna|sky|skiy|skii|ski|skaya|skaia|enko)$/i.test(word);
}
