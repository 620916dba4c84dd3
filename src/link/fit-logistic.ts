/** A fitted logistic model on standardized inputs. */
export interface Logistic {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/**
 * L2-regularized logistic regression by Newton's method (scripts/link-train.ts). Inputs are standardized first,
 * so `lambda` treats every feature alike; the bias is not penalized. Small models only: the Hessian is d × d.
 */
export function fitLogistic(X: number[][], Y: number[], lambda = 1, iterations = 30): Logistic {
  const d = X[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of X) for (let j = 0; j < d; j++) mean[j] += x[j] / X.length;
  for (const x of X) for (let j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) ** 2 / X.length;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const Z = X.map((x) => [1, ...x.map((v, j) => (v - mean[j]) / scale[j])]);
  const k = d + 1;
  let w = new Array<number>(k).fill(0);
  for (let iter = 0; iter < iterations; iter++) {
    const g = new Array<number>(k).fill(0);
    const H = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < Z.length; i++) {
      const z = Z[i];
      let s = 0;
      for (let j = 0; j < k; j++) s += w[j] * z[j];
      const p = 1 / (1 + Math.exp(-s));
      const r = p - Y[i];
      const v = p * (1 - p);
      for (let a = 0; a < k; a++) {
        g[a] += r * z[a];
        const va = v * z[a];
        for (let b = a; b < k; b++) H[a][b] += va * z[b];
      }
    }
    for (let a = 1; a < k; a++) {
      g[a] += lambda * w[a];
      H[a][a] += lambda;
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) H[a][b] = H[b][a];
    const step = solve(H, g);
    w = w.map((v, j) => v - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0] };
}

/** The model's probability for one input. */
export function predict(m: Logistic, x: number[]): number {
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += (m.weights[i] * (x[i] - m.mean[i])) / m.scale[i];
  return 1 / (1 + Math.exp(-z));
}

// Gaussian elimination with partial pivoting.
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let j = c; j <= n; j++) M[r][j] -= f * M[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let j = r + 1; j < n; j++) s -= M[r][j] * x[j];
    x[r] = s / M[r][r];
  }
  return x;
}
