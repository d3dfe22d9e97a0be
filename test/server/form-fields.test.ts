// fieldsToObject: form fields become own data properties, whatever their names.
import { describe, expect, it } from 'vitest'
import { fieldsToObject } from '../../packages/server/src/media.js'

describe('fieldsToObject', () => {
  it('keeps prototype member names as ordinary own keys, repeated names as arrays', () => {
    const out = fieldsToObject(new URLSearchParams('toString=x&constructor=y&hasOwnProperty=z&__proto__=w&a=1&a=2&a=3'))
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.keys(out)).toEqual(['toString', 'constructor', 'hasOwnProperty', '__proto__', 'a'])
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('w')
    expect(out.toString).toBe('x')
    expect(out.a).toEqual(['1', '2', '3'])
    expect(JSON.stringify(out)).toBe('{"toString":"x","constructor":"y","hasOwnProperty":"z","__proto__":"w","a":["1","2","3"]}')
  })
})
