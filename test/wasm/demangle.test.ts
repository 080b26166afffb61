import { describe, expect, it } from 'vitest';
import { demangle } from '../../src/wasm/demangle.js';

describe('demangle', () => {
  it.each([
    // v0 (RFC 2603), as current rustc emits them into the name section
    ['_RNvCs1234_7mycrate3foo', 'mycrate::foo'],
    [
      '_RNvNtNtNtCs7PnuBPlJO1p_4core3num3imp7flt2dec17digits_to_dec_str',
      'core::num::imp::flt2dec::digits_to_dec_str',
    ],
    // a closure inside a generic function: `0` is an empty name, the namespace C a closure
    [
      '_RNCNCINvNtCsbuxlfqw9QKV_5alloc3str17join_generic_copyehNtNtB8_6string6StringE00CsltWQeXaSjd2_5sized',
      'alloc::str::join_generic_copy::<str, u8, alloc::string::String>::{closure}::{closure}',
    ],
    // an inherent impl (M), a trait impl (X), generic arguments in type position
    ['_RNvMNtCs1_5alloc3vecINtB2_3VechE3new', '<alloc::vec::Vec<u8>>::new'],
    ['_RNvXCs1_3fooNtB2_3BarNtB2_5Trait4call', '<foo::Bar as foo::Trait>::call'],
    ['_RINvNtCs1_4core3mem7size_ofRShE', 'core::mem::size_of::<&[u8]>'],
    ['_RNvNtCs1_4core3ptr13drop_in_placeB4_', 'core::ptr::drop_in_place'],
    // legacy mangling, hash dropped, escapes decoded
    ['_ZN4core3fmt5write17h0123456789abcdefE', 'core::fmt::write'],
    [
      '_ZN60_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$3fmt17h0123456789abcdefE',
      '<alloc::string::String as core::fmt::Display>::fmt',
    ],
  ])('%s → %s', (symbol, readable) => {
    expect(demangle(symbol)).toBe(readable);
  });

  it.each([
    'dlmalloc',
    '__wasm_call_ctors',
    '_RNvC',
    '_RB_',
    '_RNvCs1234_7mycrate30foo',
    '_ZN4core3fmt',
    '_RINvNtCs1_4core3mem7size_ofRS',
    `_R${'I'.repeat(200)}`,
  ])('leaves %s as it is (not Rust, or not decodable)', (name) => {
    expect(demangle(name)).toBe(name);
  });
});

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A v0 backref to absolute position `at` (positions count from after `_R`). */
function backref(at: number): string {
  let value = at - 2;
  if (value === 0) return 'B_';
  value -= 1;
  let digits = '';
  do {
    digits = BASE62[value % 62]! + digits;
    value = Math.floor(value / 62);
  } while (value > 0);
  return `B${digits}_`;
}

describe('demangle on hostile input', () => {
  it('gives up on a symbol whose backrefs would expand exponentially', () => {
    // each tuple type refers twice to the one before it: 2^40 leaves if expanded
    let symbol = '_RINvCs1_1a1fTlE';
    let previous = symbol.indexOf('T');
    for (let i = 0; i < 40; i++) {
      const at = symbol.length;
      symbol += `T${backref(previous)}${backref(previous)}E`;
      previous = at;
    }
    symbol += 'E';
    expect(demangle(symbol)).toBe(symbol);
    // the first levels alone decode
    const small = `_RINvCs1_1a1fTlET${backref(13)}${backref(13)}EE`;
    expect(demangle(small)).toBe('a::f::<(i32,), ((i32,), (i32,))>');
  });
});
