/**
 * Hypervolume (minimisation) dominated by `points` up to `reference`, by recursive slicing along
 * the last objective. Exact; meant for the small sets TPE and reports use (tens of points, few
 * objectives).
 */
export function hypervolume(
  points: readonly (readonly number[])[],
  reference: readonly number[],
): number {
  const inside = points.filter((p) => p.every((v, i) => v < reference[i]));
  if (inside.length === 0) return 0;
  const d = reference.length;
  if (d === 1) return reference[0] - Math.min(...inside.map((p) => p[0]));
  if (d === 2) return hypervolume2d(inside, reference);
  const sorted = [...inside].sort((a, b) => a[d - 1] - b[d - 1]);
  let volume = 0;
  for (let i = 0; i < sorted.length; i++) {
    const next = i + 1 < sorted.length ? sorted[i + 1][d - 1] : reference[d - 1];
    const depth = next - sorted[i][d - 1];
    if (depth <= 0) continue;
    const slice = sorted.slice(0, i + 1).map((p) => p.slice(0, d - 1));
    volume += depth * hypervolume(slice, reference.slice(0, d - 1));
  }
  return volume;
}

function hypervolume2d(
  points: readonly (readonly number[])[],
  reference: readonly number[],
): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let bestY = reference[1];
  for (const [x, y] of sorted) {
    if (y < bestY) {
      area += (reference[0] - x) * (bestY - y);
      bestY = y;
    }
  }
  return area;
}

/** Optuna's reference point for a set: 1.1 times the worst value (0.9 if negative), never 0. */
export function referencePoint(points: readonly (readonly number[])[]): number[] {
  const d = points[0].length;
  return Array.from({ length: d }, (_, i) => {
    const worst = Math.max(...points.map((p) => p[i]));
    const ref = Math.max(1.1 * worst, 0.9 * worst);
    return ref === 0 ? 1e-12 : ref;
  });
}

/** Greedy hypervolume subset selection: `k` indices whose points cover the most volume. */
export function selectByHypervolume(points: readonly (readonly number[])[], k: number): number[] {
  const reference = referencePoint(points);
  const chosen: number[] = [];
  let covered = 0;
  while (chosen.length < Math.min(k, points.length)) {
    let best = -1;
    let bestVolume = -Infinity;
    for (let i = 0; i < points.length; i++) {
      if (chosen.includes(i)) continue;
      const volume = hypervolume([...chosen.map((c) => points[c]), points[i]], reference);
      if (volume - covered > bestVolume) {
        bestVolume = volume - covered;
        best = i;
      }
    }
    chosen.push(best);
    covered += bestVolume;
  }
  return chosen;
}

/** Optuna's MOTPE weights: each point's exclusive hypervolume, scaled so the largest is 1. */
export function hypervolumeContributionWeights(points: readonly (readonly number[])[]): number[] {
  if (points.length <= 1) return points.map(() => 1);
  const reference = referencePoint(points);
  const total = hypervolume(points, reference);
  const contributions = points.map(
    (_, i) =>
      total -
      hypervolume(
        points.filter((__, j) => j !== i),
        reference,
      ) +
      1e-12,
  );
  const max = Math.max(...contributions);
  return contributions.map((c) => Math.min(1, Math.max(0, c / max)));
}
