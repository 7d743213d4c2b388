/**
 * Memoises a function of one string. Cells repeat a handful of values across thousands of rows (levels,
 * series, titles, committees, approval numbers), so normalising each distinct text once saves most of the
 * per-row work. The cache is bounded: when full it starts again (distinct texts are few in practice).
 */
export function memoText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= max) cache = new Map();
    cache.set(text, value);
    return value;
  };
}
