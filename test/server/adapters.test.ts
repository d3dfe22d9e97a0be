// The same app over real HTTP on 127.0.0.1: node:http and Express through toNodeHandler, Hono through app.fetch.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { toNodeHandler } from '@gatehouse/server'
import express from 'express'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articleTokens } from '../fixtures/server/articles-app.js'
import { checkScenario, scenarioApp, scenarios, sendRaw } from './scenarios.js'

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))
}

const servers: Record<string, () => Promise<{ url: string; close: () => Promise<void> }>> = {
  'node:http': async () => {
    const server = createServer(toNodeHandler(scenarioApp()))
    return { url: await listen(server), close: () => new Promise<void>((r) => server.close(() => r())) }
  },
  'Express 5': async () => {
    const app = express()
    app.use(toNodeHandler(scenarioApp()))
    const server = createServer(app)
    return { url: await listen(server), close: () => new Promise<void>((r) => server.close(() => r())) }
  },
  Hono: async () => {
    const gate = scenarioApp()
    const hono = new Hono().all('*', (c) => gate.fetch(c.req.raw))
    return new Promise((resolve) => {
      const server = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((r) => server.close(() => r())) }),
      )
    })
  },
}

for (const [name, start] of Object.entries(servers)) {
  describe(`over ${name}`, () => {
    let server: { url: string; close: () => Promise<void> }
    beforeAll(async () => void (server = await start()))
    afterAll(() => server.close())
    // In order: "admin creates an article" expects the first id of a fresh store.
    it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_, s) => {
      await checkScenario(server.url, s)
    })
    it('hidden 404 and real 404 are the same bytes on the wire (apart from Date)', async () => {
      const strip = (r: Awaited<ReturnType<typeof sendRaw>>) => ({ ...r, headers: r.headers.filter(([n]) => n !== 'date') })
      const hidden = strip(await sendRaw(server.url, 'GET', '/articles/mary-draft', { authorization: `Bearer ${articleTokens.bob}` }))
      const missing = strip(await sendRaw(server.url, 'GET', '/articles/none', { authorization: `Bearer ${articleTokens.bob}` }))
      expect(hidden).toEqual(missing)
    })
  })
}

describe('node:http writes one WWW-Authenticate line per challenge', () => {
  it('keeps the two challenges of an unauthenticated petstore call apart', async () => {
    const { petstoreApp } = await import('../fixtures/server/petstore-app.js')
    const server = createServer(toNodeHandler(petstoreApp().app))
    const url = await listen(server)
    try {
      const res = await sendRaw(url, 'GET', '/pets/1')
      expect(res.headers.filter(([n]) => n === 'www-authenticate')).toEqual([
        ['www-authenticate', 'ApiKey realm="pets"'],
        ['www-authenticate', 'Basic realm="pets", charset="UTF-8"'],
      ])
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})
