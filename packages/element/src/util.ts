/** The page's function, or `null` for anything that is not one. */
export function asFunction<F extends (...args: never[]) => unknown>(value: unknown): F | null {
  return typeof value === 'function' ? (value as F) : null;
}

/**
 * A property as the page set it, or `undefined` when reading it throws (a getter or a proxy of
 * the page's): read as unset, so nothing the element does throws at the page.
 */
export function readProperty<T extends object, K extends keyof T>(target: T, name: K): T[K] | undefined {
  try {
    return target[name];
  } catch {
    return undefined;
  }
}
