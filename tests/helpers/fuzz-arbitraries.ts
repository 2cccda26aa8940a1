import fc from 'fast-check';

/**
 * Bodies per route and per socket event. 300 keeps the HTTP fuzzer near 4 minutes of the CI run (37 routes
 * at ≈ 22 ms a body; 1,000 took 14 of the 36 minutes); FUZZ_RUNS=10000 for a longer hunt.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'then', '$where'];

/** Values that break careless code: wrong types, huge and odd strings, special numbers, deep nesting. */
const nasty = (maxStringLength: number) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '%',
      '%ff',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '🛢️油污',
      'null',
      '-1',
      '1e309',
    ),
    fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1, -0, 1e-320),
    fc.nat({ max: maxStringLength }).map((length) => 'x'.repeat(length)),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 50 }),
    fc.constant(null),
    fc.boolean(),
  );

/** A valid template with some fields replaced, some dropped, some dangerous keys added. */
function mutated(template: Record<string, unknown>, maxStringLength: number): fc.Arbitrary<unknown> {
  const keys = Object.keys(template);
  return fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), nasty(maxStringLength), { maxKeys: 3 }),
      drop: fc.subarray(keys),
      extra: fc.dictionary(fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string({ maxLength: 10 })), nasty(maxStringLength), {
        maxKeys: 3,
      }),
    })
    .map(({ replace, drop, extra }) => {
      const body: Record<string, unknown> = { ...template };
      for (const key of drop) delete body[key];
      Object.assign(body, replace);
      // Own properties even for `__proto__` (JSON.parse on the server makes them so, too).
      for (const [key, value] of Object.entries(extra)) {
        Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return body;
    });
}

/** The raw text of a body: mostly JSON (random or a mutated valid one), sometimes not JSON at all. */
export function bodyArbitrary(template: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    // Strings up to 40,000 characters: most bodies stay under the 64 KiB cap and reach validation.
    { weight: 3, arbitrary: mutated(template, 40_000).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  );
}

/**
 * Socket payloads are values, not text: the same mix without the non-JSON strings, and under the
 * 16 KiB frame limit (a larger frame closes the connection by design, before any handler runs).
 */
export function payloadArbitrary(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: mutated(template, 2_000) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: nasty(2_000) },
  );
}
