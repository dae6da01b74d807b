;; The labelling step of labelled-lines.ts for text (SPEC §19), in WebAssembly:
;; every line of a read goes out after its service's label, `name | `. The
;; bytes pass as they are. Each step takes 16 bytes (SIMD): a block without a
;; newline is copied whole, one with a newline up to it, then the label. No
;; JavaScript runs a line and nothing is allocated a read. The init's own
;; JavaScript does the same in about 30 to 60 µs a 64 KiB read of 100-byte
;; lines (a one-byte string, a regular expression, a string back to bytes,
;; and their garbage); this takes about 10. scripts/wasm.mjs assembles it
;; into label-wasm.ts.
;;
;; Every load and store moves 16 bytes, so each may reach up to 15 bytes past
;; what it means to: the caller leaves that room after the label, the input
;; and the output (wasm-labeller.ts).
(module
  (memory (export "memory") 1)

  ;; How many newlines [at, at + n) holds.
  (func (export "count") (param $at i32) (param $n i32) (result i32)
    (local $end i32) (local $count i32) (local $mask i32)
    (local.set $end (i32.add (local.get $at) (local.get $n)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $mask (i8x16.bitmask (i8x16.eq (v128.load (local.get $at)) (i8x16.splat (i32.const 10)))))
        ;; A last block shorter than 16 bytes: only its own bytes count.
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $at)) (i32.const 16))
          (then (local.set $mask (i32.and (local.get $mask)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $end) (local.get $at))) (i32.const 1))))))
        (local.set $count (i32.add (local.get $count) (i32.popcnt (local.get $mask))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    (local.get $count))

  ;; Copies [from, from + n) to `to`, 16 bytes at a time; returns to + n.
  (func $copy (param $to i32) (param $from i32) (param $n i32) (result i32)
    (local $k i32)
    (loop $blocks
      (v128.store (i32.add (local.get $to) (local.get $k)) (v128.load (i32.add (local.get $from) (local.get $k))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $blocks (i32.lt_u (local.get $k) (local.get $n))))
    (i32.add (local.get $to) (local.get $n)))

  ;; Writes the lines of [in, in + n), whose last byte is a newline, to `out`,
  ;; each after the label [label, label + length); returns where the output ends.
  (func (export "label") (param $label i32) (param $length i32) (param $in i32) (param $n i32) (param $out i32) (result i32)
    (local $i i32) (local $mask i32) (local $left i32) (local $step i32) (local $block v128)
    (local.set $out (call $copy (local.get $out) (local.get $label) (local.get $length)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $block (v128.load (i32.add (local.get $in) (local.get $i))))
        (local.set $mask (i8x16.bitmask (i8x16.eq (local.get $block) (i8x16.splat (i32.const 10)))))
        (local.set $left (i32.sub (local.get $n) (local.get $i)))
        (if (i32.lt_u (local.get $left) (i32.const 16))
          (then (local.set $mask (i32.and (local.get $mask) (i32.sub (i32.shl (i32.const 1) (local.get $left)) (i32.const 1))))))
        ;; The whole block goes out; only the bytes up to its first newline (or all 16) count.
        (v128.store (local.get $out) (local.get $block))
        (if (i32.eqz (local.get $mask))
          (then
            (local.set $step (select (i32.const 16) (local.get $left) (i32.ge_u (local.get $left) (i32.const 16))))
            (local.set $out (i32.add (local.get $out) (local.get $step)))
            (local.set $i (i32.add (local.get $i) (local.get $step)))
            (br $blocks)))
        (local.set $step (i32.add (i32.ctz (local.get $mask)) (i32.const 1)))
        (local.set $out (i32.add (local.get $out) (local.get $step)))
        (local.set $i (i32.add (local.get $i) (local.get $step)))
        ;; A newline ended a line: the next one, if any, starts with the label.
        (if (i32.lt_u (local.get $i) (local.get $n))
          (then (local.set $out (call $copy (local.get $out) (local.get $label) (local.get $length)))))
        (br $blocks)))
    (local.get $out))
)
