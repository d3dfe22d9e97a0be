/** Sets `params[name]` even for `__proto__`, which plain assignment would treat as the prototype. */
export function setParam<T>(params: Record<string, T>, name: string, value: T): void {
  if (name === '__proto__') Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true })
  else params[name] = value
}
