// The event-stream and JSON-lines readers, table-driven over the WHATWG HTML §9.2.6 rules,
// each input also fed one byte at a time (chunk boundaries must not matter).
import { describe, expect, it } from 'vitest'
import { RequestError } from '@gatehouse/client'
import { jsonLines, serverSentEvents, type ServerSentEvent } from '../../packages/client/src/result/stream.js'

const encode = (text: string) => new TextEncoder().encode(text)
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (c) => (chunks.forEach((chunk) => c.enqueue(chunk)), c.close()) })
}
const whole = (text: string) => streamOf([encode(text)])
const bytewise = (text: string) => streamOf([...encode(text)].map((b) => new Uint8Array([b])))
async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}
const msg = (data: string, rest: Partial<ServerSentEvent> = {}): ServerSentEvent => ({ event: 'message', data, id: '', ...rest })

describe('text/event-stream', () => {
  const cases: [string, string, ServerSentEvent[]][] = [
    ['one event', 'data: hi\n\n', [msg('hi')]],
    ['data lines joined with LF', 'data: a\ndata: b\n\n', [msg('a\nb')]],
    ['only one leading space is removed', 'data:  two\ndata:none\n\n', [msg(' two\nnone')]],
    ['a field without a colon has an empty value', 'data\n\n', [msg('')]],
    ['comments are ignored', ': keep-alive\ndata: x\n\n', [msg('x')]],
    ['CR and CRLF end lines too', 'data: a\r\rdata: b\r\n\r\n', [msg('a'), msg('b')]],
    ['event types reset after each dispatch', 'event: add\ndata: 1\n\ndata: 2\n\n', [msg('1', { event: 'add' }), msg('2')]],
    ['ids persist across events; an id with NUL is ignored', 'id: 7\ndata: a\n\nid: x\0y\ndata: b\n\n', [msg('a', { id: '7' }), msg('b', { id: '7' })]],
    ['an empty id resets it', 'id: 7\ndata: a\n\nid\ndata: b\n\n', [msg('a', { id: '7' }), msg('b')]],
    ['retry only with ASCII digits', 'retry: 10\ndata: a\n\nretry: 1e3\ndata: b\n\n', [msg('a', { retry: 10 }), msg('b')]],
    ['a block without data dispatches nothing', 'event: ping\n\nid: 3\n\n', []],
    ['unknown fields are ignored', 'foo: bar\ndata: a\n\n', [msg('a')]],
    ['the last block without a blank line is dropped', 'data: a\n\ndata: b\n', [msg('a')]],
    ['a leading BOM is skipped', '\uFEFFdata: a\n\n', [msg('a')]],
    ['multi-byte characters survive any chunking', 'data: héllo ✓ 😀\n\n', [msg('héllo ✓ 😀')]],
  ]
  it.each(cases)('%s', async (_title, input, expected) => {
    expect(await collect(serverSentEvents(whole(input)))).toEqual(expected)
    expect(await collect(serverSentEvents(bytewise(input)))).toEqual(expected)
  })
})

describe('newline-delimited JSON', () => {
  it('one value per line; blank lines and CRLF are fine; a last line without LF counts', async () => {
    const input = '{"a":1}\r\n\n[2]\n"three"'
    expect(await collect(jsonLines(whole(input), 'op', RequestError))).toEqual([{ a: 1 }, [2], 'three'])
    expect(await collect(jsonLines(bytewise(input), 'op', RequestError))).toEqual([{ a: 1 }, [2], 'three'])
  })

  it('a line that is not JSON rejects the iteration with invalid-response', async () => {
    const error = await collect(jsonLines(whole('{"a":1}\n{oops\n'), 'exportFiles', RequestError)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestError)
    expect((error as RequestError).code).toBe('invalid-response')
  })
})
