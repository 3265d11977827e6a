/** list[i], failing the test when it is missing (instead of a non-null assertion). */
export function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item at ${i} (of ${list.length})`);
  return item;
}
