import { backoff } from './append';

describe('backoff', () => {
  it('waits a random time below a ceiling that doubles per attempt up to 500 ms', () => {
    expect(backoff(1, () => 0.999)).toBe(19);
    expect(backoff(3, () => 0.999)).toBe(79);
    expect(backoff(10, () => 0.999)).toBe(499);
    expect(backoff(10, () => 0)).toBe(0);
  });
});
