import { Z_975 } from './special-functions.js';

/**
 * Chao's (1987) log-normal interval: f̂₀ = N̂ − n is taken as log-normal, so with
 * C = exp(z √log(1 + se²/f̂₀²)) the interval is [n + f̂₀/C, n + f̂₀·C]. It never goes below n.
 */
export function lognormalInterval(observed: number, N: number, se: number, z = Z_975): [number, number] {
  const unobserved = N - observed;
  if (!(unobserved > 0)) return [observed, observed];
  const c = Math.exp(z * Math.sqrt(Math.log(1 + (se * se) / (unobserved * unobserved))));
  return [observed + unobserved / c, observed + unobserved * c];
}
