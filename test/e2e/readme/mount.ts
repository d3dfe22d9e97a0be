// The README's mounting examples, type-checked by `npm test` so the README cannot lie.
import { serve } from '@hono/node-server'
import { toNodeHandler } from '@gatehouse/server'
import express from 'express'
import { Hono } from 'hono'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from '../../generated/articles/server.js'
import { articlesHandlers } from '../support/articles-app.js'

const verify = async () => undefined
const app = createServer({ authenticate: { oauth2: verify, bearerAuth: verify }, handlers: articlesHandlers() })

// readme:hono
const hono = new Hono()
hono.get('/health', (c) => c.text('ok')) // the app's own routes first
hono.all('*', (c) => app.fetch(c.req.raw)) // then everything the spec declares (and its 404/405)
serve({ fetch: hono.fetch, port: 3000 })
// readme:end

// readme:express
const web = express()
web.use(toNodeHandler(app)) // mount before any body parser: the pipeline reads the body itself
web.listen(3001)
// readme:end

// readme:node
createHttpServer(toNodeHandler(app)).listen(3002)
// readme:end

// readme:next
/** app/[...path]/route.ts: a Next.js route handler takes a Request and returns a Response. */
export const GET = (request: Request) => app.fetch(request)
export const POST = GET
export const DELETE = GET
// readme:end
