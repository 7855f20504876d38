/*
 * The little dense linear algebra the Poisson fit needs: symmetric positive-definite systems of at
 * most a few dozen unknowns, solved by Cholesky decomposition. Matrices are arrays of rows.
 */

export type Matrix = number[][];

/**
 * Lower-triangular L with A = L·Lᵀ, or null when A is not (numerically) positive definite — which,
 * for an information matrix, means some parameter is not identifiable from the data.
 */
export function cholesky(a: Matrix): Matrix | null {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i]![i]!));
  const tiny = scale * 1e-13;
  for (let j = 0; j < n; j++) {
    const lj = l[j]!;
    let diagonal = a[j]![j]!;
    for (let k = 0; k < j; k++) diagonal -= lj[k]! * lj[k]!;
    if (!(diagonal > tiny)) return null;
    const root = Math.sqrt(diagonal);
    lj[j] = root;
    for (let i = j + 1; i < n; i++) {
      const li = l[i]!;
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= li[k]! * lj[k]!;
      li[j] = sum / root;
    }
  }
  return l;
}

/** Solve L·Lᵀ x = b given the Cholesky factor L. */
export function choleskySolve(l: Matrix, b: readonly number[]): number[] {
  const n = l.length;
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    const li = l[i]!;
    for (let k = 0; k < i; k++) sum -= li[k]! * y[k]!;
    y[i] = sum / li[i]!;
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/** A⁻¹ from the Cholesky factor of A (column by column). */
export function choleskyInverse(l: Matrix): Matrix {
  const n = l.length;
  const inverse: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const unit = new Array<number>(n).fill(0);
    unit[j] = 1;
    const column = choleskySolve(l, unit);
    for (let i = 0; i < n; i++) inverse[i]![j] = column[i]!;
  }
  return inverse;
}

/** xᵀ A x for symmetric A. */
export function quadraticForm(a: Matrix, x: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const ai = a[i]!;
    for (let j = 0; j < x.length; j++) sum += x[i]! * ai[j]! * x[j]!;
  }
  return sum;
}
