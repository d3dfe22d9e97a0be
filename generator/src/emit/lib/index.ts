export { jsdoc, jsdocText } from './docs.js'
export { isIdentifier, literal, propertyAccess, propertyKey, quote } from './literal.js'
export { indented, INDENT, newWriter, PartsWriter } from './writer.js'
