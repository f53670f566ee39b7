import { risonDecode, risonEncode, RisonSyntaxError, RisonValue } from './rison';

describe('rison encoding', () => {
  it('writes the literals', () => {
    expect(risonEncode(true)).toBe('!t');
    expect(risonEncode(false)).toBe('!f');
    expect(risonEncode(null)).toBe('!n');
    expect(risonEncode(undefined)).toBe('!n');
  });

  it('writes numbers as JSON numbers, without "+" in exponents', () => {
    expect(risonEncode(0)).toBe('0');
    expect(risonEncode(-1.5)).toBe('-1.5');
    expect(risonEncode(1e21)).toBe('1e21');
    expect(risonEncode(Number.NaN)).toBe('!n');
  });

  it('leaves id-safe strings bare and quotes the rest', () => {
    expect(risonEncode('discover')).toBe('discover');
    expect(risonEncode('user.name')).toBe('user.name');
    expect(risonEncode('')).toBe("''");
    expect(risonEncode('two words')).toBe("'two words'");
    expect(risonEncode('2021-04-27T10:21:19.000Z')).toBe("'2021-04-27T10:21:19.000Z'");
    expect(risonEncode('-x')).toBe("'-x'");
    expect(risonEncode('a:b')).toBe("'a:b'");
  });

  it('escapes ! and quote with !', () => {
    expect(risonEncode("it's")).toBe("'it!'s'");
    expect(risonEncode('wow!')).toBe("'wow!!'");
    expect(risonEncode("!'")).toBe("'!!!''");
  });

  it('writes arrays and objects with sorted keys, skipping undefined', () => {
    expect(risonEncode([])).toBe('!()');
    expect(risonEncode([1, 'a', true])).toBe('!(1,a,!t)');
    expect(risonEncode({})).toBe('()');
    expect(risonEncode({ b: 1, a: 'x', c: undefined })).toBe('(a:x,b:1)');
    expect(risonEncode({ 'odd key': [{ 'x:y': null }] })).toBe("('odd key':!(('x:y':!n)))");
  });
});

describe('rison decoding', () => {
  it('reads what the encoder writes', () => {
    const value: RisonValue = {
      discover: { columns: ['source.ip', 'user.name'], isDirty: false, sort: [] },
      metadata: { indexPattern: '5f946950-7fc8-11ea-945d-8d0868f4a377', view: 'discover' },
      n: -12.5,
      e: 1e-7,
      empty: '',
    };
    expect(risonDecode(risonEncode(value))).toEqual(value);
  });

  it('rejects malformed input instead of guessing', () => {
    for (const bad of ["'open", '(a:1', '!x', '(a)', "'bad !x escape'", '!(1,2', '1 2']) {
      expect(() => risonDecode(bad)).toThrow(RisonSyntaxError);
    }
  });
});

describe('hostile strings survive a round trip unchanged', () => {
  const hostile = [
    "<img src=x onerror=alert(1)>",
    "'); alert(1); ('",
    "!!'!(!t)'",
    "a',b:!t,c:'",
    ')(:,!@$*',
    '${jndi:ldap://evil/a}',
    '\u0000\u001f\u2028\u2029',
    '😈 unicode ユーザー',
    'x'.repeat(2000),
    '#/investigate/../../etc/passwd?x=1&y=2',
    '%27%21%28',
    "\\' OR 1=1 --",
  ];

  it.each(hostile)('%#', (s) => {
    const encoded = risonEncode({ query: s, list: [s], [s]: s });
    expect(risonDecode(encoded)).toEqual({ query: s, list: [s], [s]: s });
  });

  it('cannot close the string early: a value never produces a second key', () => {
    const decoded = risonDecode(risonEncode({ alias: "x',negate:!t,y:'" })) as Record<string, RisonValue>;
    expect(Object.keys(decoded)).toEqual(['alias']);
  });
});
