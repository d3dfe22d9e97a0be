// Shared by the server tests: one request through `app.fetch` and a comparable view of its response.

/** Status, headers (sorted, repeated ones kept) and body text of a response. */
export interface Seen {
  status: number
  headers: [string, string][]
  body: string
}

/** Reads everything a client could observe about a response. */
export async function see(response: Response): Promise<Seen> {
  return { status: response.status, headers: [...response.headers].sort(([a], [b]) => a.localeCompare(b)), body: await response.text() }
}

/** Calls `app.fetch` with a relative path on a fixed origin. */
export function call(app: { fetch(r: Request): Promise<Response> }, method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  return app.fetch(new Request(`http://api.test${path}`, { method, ...init }))
}

/** A problem body as the server must write it: `type`, `title`, `status` first, then extensions. */
export function problemBody(status: number, title: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'about:blank', title, status, ...extra })
}
