import { describe, expect, it } from 'vitest'
import { splitStatements } from './migrate.ts'

describe('splitStatements', () => {
  it('splits on ; at line ends and drops comment lines', () => {
    expect(splitStatements('-- a table\nCREATE TABLE a (x String DEFAULT \';\');\n\nCREATE TABLE b (y UInt8);\n')).toEqual([
      "CREATE TABLE a (x String DEFAULT ';')",
      'CREATE TABLE b (y UInt8)',
    ])
  })
})
