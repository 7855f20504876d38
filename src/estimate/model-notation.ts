import { popcount } from './overlap-table.js';

/*
 * Models by name.
 *
 * Hierarchical log-linear models are written by their generators (maximal terms) in the usual
 * notation: lists numbered 1…k, a term the digits of its lists, "[1,2,3]" independence, "[12,3]"
 * lists 1 and 2 dependent, "[123,14,34]" a three-way term plus two two-way ones. A hierarchical
 * model holds every subset of each generator (its closure), and every list's main effect.
 *
 * The closed-population models of Otis et al. (1978) as fitted log-linearly by Rcapture
 * (Baillargeon & Rivest 2007) are named as there: M0, Mt, Mh_Chao, Mh_Poisson2, Mh_Darroch,
 * Mh_Gamma3.5, the same with Mth, and Mb, Mbh. ("_LB" after Chao is accepted.)
 */

export interface HierarchicalModel {
  kind: 'hierarchical';
  name: string;
  /** Maximal terms as list bit masks (list i = bit i). */
  generators: number[];
  /** Every interaction and main effect in the model (the closure), by size then mask. */
  terms: number[];
}

export type Heterogeneity = 'none' | 'chao' | 'poisson2' | 'darroch' | 'gamma3.5';

/** M0/Mt with an optional heterogeneity column (Mh…, Mth…). */
export interface HeterogeneityModel {
  kind: 'heterogeneity';
  name: string;
  /** Mt-type (one parameter per list) rather than M0-type (one common capture parameter). */
  time: boolean;
  heterogeneity: Heterogeneity;
}

/** Behavioural-response models Mb and Mbh, fitted on first captures in list order. */
export interface BehaviourModel {
  kind: 'behaviour';
  name: 'Mb' | 'Mbh';
}

export type ModelSpec = HierarchicalModel | HeterogeneityModel | BehaviourModel;

export class ModelNotationError extends Error {
  override readonly name = 'ModelNotationError';
}

/** Every non-empty subset of every generator. */
export function hierarchicalClosure(generators: readonly number[]): number[] {
  const terms = new Set<number>();
  for (const generator of generators) {
    // Enumerate the non-empty submasks of the generator.
    for (let sub = generator; sub > 0; sub = (sub - 1) & generator) terms.add(sub);
  }
  return [...terms].sort((a, b) => popcount(a) - popcount(b) || a - b);
}

/** Drop generators contained in others; order by size (largest first), then by digits. */
export function maximalTerms(terms: readonly number[]): number[] {
  const unique = [...new Set(terms)];
  const maximal = unique.filter((term) => !unique.some((other) => other !== term && (other & term) === term));
  return maximal.sort((a, b) => popcount(b) - popcount(a) || termDigits(a).localeCompare(termDigits(b)));
}

export function termDigits(term: number): string {
  let digits = '';
  for (let i = 0; term >> i; i++) if ((term >> i) & 1) digits += String(i + 1);
  return digits;
}

export function formatGenerators(generators: readonly number[]): string {
  return `[${maximalTerms(generators).map(termDigits).join(',')}]`;
}

/** A hierarchical model from generators; every list gets its main effect. */
export function hierarchicalModel(generators: readonly number[], k: number): HierarchicalModel {
  const full = (1 << k) - 1;
  for (const generator of generators) {
    if (generator <= 0 || (generator & ~full) !== 0) throw new ModelNotationError(`term ${termDigits(generator)} names a list beyond the ${k} given`);
    if (generator === full) throw new ModelNotationError(`the ${k}-way interaction [${termDigits(full)}] is confounded with the unobserved cell: no model can hold it`);
  }
  const withMains = [...generators];
  for (let i = 0; i < k; i++) withMains.push(1 << i);
  const maximal = maximalTerms(withMains);
  return { kind: 'hierarchical', name: formatGenerators(maximal), generators: maximal, terms: hierarchicalClosure(maximal) };
}

/** Parse "[12,3]" (brackets optional, spaces allowed) for k lists. */
export function parseHierarchical(text: string, k: number): HierarchicalModel {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (!/^[1-9]+(\s*,\s*[1-9]+)*$/.test(body)) throw new ModelNotationError(`"${text}" is not a model: write generators of list numbers, like [12,3] or [12,13,23]`);
  const generators = body.split(',').map((part) => {
    const digits = part.trim();
    let mask = 0;
    for (const digit of digits) {
      const list = Number(digit);
      if (list > k) throw new ModelNotationError(`"${text}" names list ${list}, but the table has ${k} lists`);
      const bit = 1 << (list - 1);
      if (mask & bit) throw new ModelNotationError(`"${text}": list ${list} appears twice in term ${digits}`);
      mask |= bit;
    }
    return mask;
  });
  const covered = generators.reduce((all, generator) => all | generator, 0);
  if (covered !== (1 << k) - 1) {
    const missing = Array.from({ length: k }, (_, i) => i + 1).filter((list) => !(covered & (1 << (list - 1))));
    throw new ModelNotationError(`"${text}" leaves out list${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: every list must appear (write [12,3], not [12])`);
  }
  return hierarchicalModel(generators, k);
}

const HETEROGENEITY: Record<string, Heterogeneity> = { chao: 'chao', chaolb: 'chao', poisson2: 'poisson2', darroch: 'darroch', 'gamma3.5': 'gamma3.5' };
const HETEROGENEITY_NAME: Record<Heterogeneity, string> = { none: '', chao: 'Chao', poisson2: 'Poisson2', darroch: 'Darroch', 'gamma3.5': 'Gamma3.5' };

export function heterogeneityModel(time: boolean, heterogeneity: Heterogeneity): HeterogeneityModel {
  const base = heterogeneity === 'none' ? (time ? 'Mt' : 'M0') : time ? 'Mth' : 'Mh';
  return { kind: 'heterogeneity', name: heterogeneity === 'none' ? base : `${base}_${HETEROGENEITY_NAME[heterogeneity]}`, time, heterogeneity };
}

/** Parse any model name: hierarchical notation or an Otis/Rcapture closed-population model. */
export function parseModel(text: string, k: number): ModelSpec {
  const trimmed = text.trim();
  const named = /^m(th|bh|0|t|h|b)(?:[_ ]?([a-z0-9.]+?))?(?:_?lb)?$/i.exec(trimmed);
  if (named) {
    const base = named[1]!.toLowerCase();
    const suffix = named[2]?.toLowerCase();
    if (base === 'b' || base === 'bh') {
      if (suffix) throw new ModelNotationError(`unknown model "${text}"`);
      return { kind: 'behaviour', name: base === 'b' ? 'Mb' : 'Mbh' };
    }
    if (base === '0' || base === 't') {
      if (suffix) throw new ModelNotationError(`unknown model "${text}"`);
      return heterogeneityModel(base === 't', 'none');
    }
    const heterogeneity = suffix ? HETEROGENEITY[suffix] : undefined;
    if (!heterogeneity) throw new ModelNotationError(`unknown heterogeneity model "${text}": use ${base === 'th' ? 'Mth' : 'Mh'}_Chao, _Poisson2, _Darroch or _Gamma3.5`);
    return heterogeneityModel(base === 'th', heterogeneity);
  }
  return parseHierarchical(trimmed, k);
}
