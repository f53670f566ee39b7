/**
 * `@osd/config-schema` for the schema types the plugin's config uses (object, boolean, string,
 * maybe, arrayOf), for loading the server outside OSD: the dev host, jest and the build's artifact
 * check resolve `@osd/config-schema` to this file, so the plugin's declared config is validated
 * with OSD's rules and messages (packages/osd-config-schema: defaults applied, unknown keys
 * refused, no type coercion but boolean strings, `[path]: message` errors). Inside OSD the real
 * package is used. No imports: the build check copies it, transpiled, into a bare node_modules.
 */

export class ValidationError extends Error {
  constructor(
    readonly cause: { path: string[]; message: string },
    namespace?: string
  ) {
    const path = namespace ? [namespace, ...cause.path] : cause.path;
    super(path.length ? `[${path.join('.')}]: ${cause.message}` : cause.message);
    this.name = 'ValidationError';
  }
}

class SchemaError extends Error {
  constructor(
    message: string,
    readonly path: string[] = []
  ) {
    super(message);
  }
}

/** type-detect's names, as config-schema messages use them. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null ? 'Object' : (value as object).constructor?.name ?? 'Object';
  return typeof value;
}

const expected = (type: string, value: unknown) => new SchemaError(`expected value of type [${type}] but got [${typeName(value)}]`);

export abstract class Type<V> {
  /** The value, with defaults applied, or a ValidationError naming the path. */
  validate(value: unknown, _context: Record<string, unknown> = {}, namespace?: string): V {
    try {
      return this.check(value);
    } catch (e) {
      if (e instanceof SchemaError) throw new ValidationError({ path: e.path, message: e.message }, namespace);
      throw e;
    }
  }

  /** @internal */
  abstract check(value: unknown): V;
}

class BooleanType extends Type<boolean> {
  constructor(private readonly defaultValue?: boolean) {
    super();
  }
  check(value: unknown): boolean {
    if (value === undefined && this.defaultValue !== undefined) return this.defaultValue;
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    if (typeof value !== 'boolean') throw expected('boolean', value);
    return value;
  }
}

class StringType extends Type<string> {
  constructor(
    private readonly defaultValue?: string,
    /** Like @osd/config-schema's `validate`: a message refuses the value. */
    private readonly validator?: (value: string) => string | void
  ) {
    super();
  }
  check(value: unknown): string {
    if (value === undefined && this.defaultValue !== undefined) return this.defaultValue;
    if (typeof value !== 'string') throw expected('string', value);
    const message = this.validator?.(value);
    if (message) throw new SchemaError(message);
    return value;
  }
}

class NumberType extends Type<number> {
  constructor(private readonly opts: { defaultValue?: number; min?: number; max?: number }) {
    super();
  }
  check(value: unknown): number {
    if (value === undefined && this.opts.defaultValue !== undefined) return this.opts.defaultValue;
    // Like joi's number(), a numeric string from the YAML or the command line is a number.
    const n = typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    if (typeof n !== 'number' || Number.isNaN(n)) throw expected('number', value);
    if (this.opts.min !== undefined && n < this.opts.min) throw new SchemaError(`Value must be equal to or greater than [${this.opts.min}].`);
    if (this.opts.max !== undefined && n > this.opts.max) throw new SchemaError(`Value must be equal to or lower than [${this.opts.max}].`);
    return n;
  }
}

class LiteralType<V extends string | number | boolean> extends Type<V> {
  constructor(private readonly value: V) {
    super();
  }
  check(value: unknown): V {
    if (value !== this.value) throw new SchemaError(`expected value to equal [${this.value}]`);
    return this.value;
  }
}

/** config-schema's union: the first type that accepts the value, or every type's complaint. */
class OneOfType<V> extends Type<V> {
  constructor(private readonly types: Array<Type<V>>, private readonly defaultValue?: V) {
    super();
  }
  check(value: unknown): V {
    if (value === undefined && this.defaultValue !== undefined) return this.defaultValue;
    const failures: string[] = [];
    for (const [i, type] of this.types.entries()) {
      try {
        return type.check(value);
      } catch (e) {
        if (!(e instanceof SchemaError)) throw e;
        failures.push(`- [${i}]: ${e.message}`);
      }
    }
    throw new SchemaError(`types that failed validation:\n${failures.join('\n')}`);
  }
}

class MaybeType<V> extends Type<V | undefined> {
  constructor(private readonly inner: Type<V>) {
    super();
  }
  check(value: unknown): V | undefined {
    return value === undefined ? undefined : this.inner.check(value);
  }
}

function within<V>(key: string, fn: () => V): V {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SchemaError) throw new SchemaError(e.message, [key, ...e.path]);
    throw e;
  }
}

class ArrayType<V> extends Type<V[]> {
  constructor(
    private readonly item: Type<V>,
    private readonly opts: { minSize?: number; maxSize?: number; defaultValue?: V[] }
  ) {
    super();
  }
  check(value: unknown): V[] {
    if (value === undefined && this.opts.defaultValue !== undefined) return this.opts.defaultValue;
    if (!Array.isArray(value)) throw expected('array', value);
    if (this.opts.minSize !== undefined && value.length < this.opts.minSize) {
      throw new SchemaError(`array size is [${value.length}], but cannot be smaller than [${this.opts.minSize}]`);
    }
    if (this.opts.maxSize !== undefined && value.length > this.opts.maxSize) {
      throw new SchemaError(`array size is [${value.length}], but cannot be greater than [${this.opts.maxSize}]`);
    }
    return value.map((v, i) => within(String(i), () => this.item.check(v)));
  }
}

type Props = Record<string, Type<unknown>>;
type ObjectValue<P extends Props> = { [K in keyof P]: TypeOf<P[K]> };

class ObjectType<P extends Props> extends Type<ObjectValue<P>> {
  constructor(private readonly props: P) {
    super();
  }
  check(value: unknown): ObjectValue<P> {
    // An absent object is `{}`: its keys' defaults apply.
    const input = value === undefined ? {} : value;
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new SchemaError(`expected a plain object value, but found [${typeName(input)}] instead.`);
    }
    for (const key of Object.keys(input)) {
      if (!Object.prototype.hasOwnProperty.call(this.props, key)) throw new SchemaError('definition for this key is missing', [key]);
    }
    const out: Record<string, unknown> = {};
    for (const [key, type] of Object.entries(this.props)) {
      const v = within(key, () => type.check((input as Record<string, unknown>)[key]));
      if (v !== undefined) out[key] = v;
    }
    return out as ObjectValue<P>;
  }
}

export const schema = {
  boolean: (opts: { defaultValue?: boolean } = {}) => new BooleanType(opts.defaultValue),
  string: (opts: { defaultValue?: string; validate?: (value: string) => string | void } = {}) => new StringType(opts.defaultValue, opts.validate),
  number: (opts: { defaultValue?: number; min?: number; max?: number } = {}) => new NumberType(opts),
  maybe: <V>(type: Type<V>) => new MaybeType(type),
  literal: <V extends string | number | boolean>(value: V) => new LiteralType(value),
  oneOf: <V>(types: Array<Type<V>>, opts: { defaultValue?: V } = {}) => new OneOfType(types, opts.defaultValue),
  arrayOf: <V>(item: Type<V>, opts: { minSize?: number; maxSize?: number; defaultValue?: V[] } = {}) => new ArrayType(item, opts),
  object: <P extends Props>(props: P) => new ObjectType(props),
};

export type TypeOf<T extends Type<unknown>> = T extends Type<infer V> ? V : never;
