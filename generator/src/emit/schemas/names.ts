/** Turns arbitrary component and operation names into identifiers (`simple-user` → `simple_user`). */
export function identifierPart(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_')
  if (cleaned === '') return '_'
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned
}

/**
 * Hands out unique identifiers in call order, so the same spec always gets
 * the same names: a clash gets the smallest free numeric suffix.
 */
export class NameAllocator {
  private readonly taken = new Set<string>()

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name)
  }

  allocate(base: string): string {
    let candidate = base
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}${n}`
    this.taken.add(candidate)
    return candidate
  }
}
