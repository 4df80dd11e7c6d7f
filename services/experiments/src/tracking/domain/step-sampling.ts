/**
 * MLflow's bulk-interval sampling: at most `maxResults` of the distinct steps, evenly spaced,
 * always keeping the first and the last.
 */
export function sampleSteps(steps: number[], maxResults: number): Set<number> {
  const distinct = [...new Set(steps)].sort((a, b) => a - b);
  if (distinct.length <= maxResults) return new Set(distinct);
  if (maxResults === 1) return new Set([distinct[0]]);
  const chosen = new Set<number>();
  const stride = (distinct.length - 1) / (maxResults - 1);
  for (let i = 0; i < maxResults; i += 1) chosen.add(distinct[Math.round(i * stride)]);
  return chosen;
}
