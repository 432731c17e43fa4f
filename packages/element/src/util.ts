/** The page's function, or `null` for anything that is not one. */
export const asFunction = <T,>(value: T): T | null => (typeof value === 'function' ? value : null);
