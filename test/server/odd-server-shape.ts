// The loose shape the emitter test uses for the server generated from test/fixtures/server/odd.yaml
// (generated into test/.tmp at test time, so it cannot be imported statically).

/** `createServer` of the odd fixture, typed loosely. */
export declare function createServer(options: {
  authenticate: Record<string, (...args: never[]) => unknown>
  handlers: Record<string, (...args: never[]) => unknown>
}): { fetch(request: Request): Promise<Response> }
