import { first, flattenDocument, values } from './flatten';

describe('flattening documents', () => {
  it('turns nested objects and arrays of objects into dotted leaves, numbers into strings', () => {
    const flat = flattenDocument({ a: { b: 1, c: [{ d: 'x' }, { d: 'y' }] }, e: ['p', null, 'q'], f: null });
    expect({ ...flat }).toEqual({ 'a.b': '1', 'a.c.d': ['x', 'y'], e: ['p', 'q'] });
  });

  it('keeps keys with slashes and colons whole', () => {
    const flat = flattenDocument({ ProductFields: { 'aws/inspector/id': 'x' }, r: { 'AWS::S3::Bucket': 'b' } });
    expect(first(flat, 'ProductFields.aws/inspector/id')).toBe('x');
    expect(values(flat, 'r.AWS::S3::Bucket')).toEqual(['b']);
  });

  it('is not fooled by keys such as __proto__ in log data', () => {
    const flat = flattenDocument(JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c", "x": {"__proto__": "p"}}'));
    expect(first(flat, '__proto__.polluted')).toBe('yes');
    expect(first(flat, 'constructor')).toBe('c');
    expect(first(flat, 'x.__proto__')).toBe('p');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(first(flat, 'toString')).toBeUndefined();
  });
});
