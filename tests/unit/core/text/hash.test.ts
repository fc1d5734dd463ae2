import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../../src/core/text';

/** Reference FNV-1a-64 over UTF-8 with BigInt, to check the limb arithmetic. */
function reference(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(s)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('contentHash', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(contentHash('')).toBe('cbf29ce484222325');
    expect(contentHash('a')).toBe('af63dc4c8601ec8c');
    expect(contentHash('foobar')).toBe('85944171f73967e8');
  });

  it('agrees with a BigInt reference on non-ASCII text (UTF-8 bytes, astral characters)', () => {
    for (const s of ['Київ', 'Zelenskyy – “quoted”', 'km² 😀 emoji', 'a'.repeat(1000), 'New Delhi: The Russian Defence Ministry']) {
      expect(contentHash(s)).toBe(reference(s));
    }
  });

  it('is 16 hex digits and distinguishes near-identical texts', () => {
    const a = contentHash('Russian forces fired on more than 15 towns');
    const b = contentHash('Russian forces fired on more than 16 towns');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
  });

  it('hashes a lone surrogate without throwing', () => {
    expect(contentHash('\ud800x')).toMatch(/^[0-9a-f]{16}$/);
  });
});
