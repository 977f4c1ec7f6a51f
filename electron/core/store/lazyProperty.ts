// A property worked out when first read, and then kept: for the parts of a record that most of
// its readers never ask for (an item's unpacked discussion and its plain text; a meeting's earlier
// actions). The property is an own, enumerable one, so spreading, Object.entries and JSON see it
// like any column.
//
// The getter is one function per property name, shared by every object. A getter made for each
// object (an object literal's `get x() {}`, or defineProperty with a new arrow) gives each object
// a hidden class of its own, which V8 keeps in the old generation; that class then holds the
// getter, its scope and all the scope reaches (the rows read, the text unpacked) through every
// young-generation collection until the next full one. With the copies shared/domain/withFields.ts
// is for, opening a meeting on the large store kept ~250 KB until then, and copying it at each
// young collection paused the main thread for 12–20 ms (tests/bench/PROFILE.md, round 16).
// What a value is read from is kept on the object itself, under a symbol no one else can name.

const PENDING = Symbol('values not yet read');

type Slot = { read: (() => unknown) | null; value: unknown };

const getters = new Map<string, () => unknown>();

function getterFor(key: string): () => unknown {
  let getter = getters.get(key);
  if (!getter) {
    getter = function (this: { [PENDING]: Record<string, Slot> }): unknown {
      const slot = this[PENDING][key]!;
      if (slot.read) {
        slot.value = slot.read();
        slot.read = null;
      }
      return slot.value;
    };
    getters.set(key, getter);
  }
  return getter;
}

/** Defines `key` on `target` as the value `read` gives, asked for once, when `key` is first read. */
export function lazyProperty<T extends object, K extends string, V>(target: T, key: K, read: () => V): T & Record<K, V> {
  let slots = (target as { [PENDING]?: Record<string, Slot> })[PENDING];
  if (!slots) {
    slots = {};
    Object.defineProperty(target, PENDING, { value: slots });
  }
  slots[key] = { read, value: undefined };
  return Object.defineProperty(target, key, { enumerable: true, get: getterFor(key) }) as T & Record<K, V>;
}
