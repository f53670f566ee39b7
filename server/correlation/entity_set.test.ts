import { LIMITS } from '../../common/constants';
import { EntitySet } from './entity_set';

const bucket = (n: number) => `made-up-bucket-${String(n).padStart(3, '0')}`;

describe('EntitySet under flooding', () => {
  it('follows a bucket of one successful call before 60 made-up buckets of failed calls', () => {
    const set = new EntitySet();
    for (let i = 0; i < 60; i++) set.add('bucket', bucket(i), 'cloudtrail.access_key', undefined, { hits: 1, successes: 0 });
    set.add('bucket', 'real-data-bucket', 'cloudtrail.access_key', undefined, { hits: 1, successes: 1 });
    const followed = set.values('bucket');
    expect(followed).toHaveLength(LIMITS.entitiesPerType);
    expect(followed[0]).toBe('real-data-bucket');
    const [omitted] = set.omitted();
    expect(omitted).toMatchObject({ type: 'bucket', limit: LIMITS.entitiesPerType, count: 61 - LIMITS.entitiesPerType });
    expect(omitted.examples).not.toContain('real-data-bucket');
  });

  it('ranks by documents when no value has a success, and keeps arrival order among equals', () => {
    const set = new EntitySet();
    for (let i = 0; i < 55; i++) set.add('bucket', bucket(i), 'r', undefined, { hits: 1, successes: 0 });
    set.add('bucket', bucket(54), 'r', undefined, { hits: 5, successes: 0 });
    expect(set.values('bucket')[0]).toBe(bucket(54));
    expect(set.values('bucket').slice(1, 3)).toEqual([bucket(0), bucket(1)]);
    expect(set.omitted()[0].examples).toEqual([bucket(49), bucket(50), bucket(51), bucket(52), bucket(53)]);
  });

  it('never leaves out a value of the finding itself, even past the cap', () => {
    const set = new EntitySet();
    for (let i = 0; i < 80; i++) set.add('ip', `198.51.100.${i}`, 'cloudtrail.attacker_ip', 'remote', { hits: 100, successes: 100 });
    const own = Array.from({ length: LIMITS.entitiesPerType + 5 }, (_v, i) => `203.0.113.${i}`);
    for (const ip of own) set.add('ip', ip, 'finding', 'remote');
    const followed = set.values('ip', 'remote');
    expect(followed).toEqual(expect.arrayContaining(own));
    expect(followed).toHaveLength(own.length);
    expect(set.omitted()).toEqual([expect.objectContaining({ type: 'ip', count: 80 })]);
  });

  it('reports nothing left out when every type is within the cap', () => {
    const set = new EntitySet();
    set.add('bucket', 'a-bucket', 'finding');
    set.add('access_key', 'ASIAQWERTYUIOPASDFGH', 'finding');
    expect(set.omitted()).toEqual([]);
  });

  it('clones with the evidence and what was left out', () => {
    const set = new EntitySet();
    for (let i = 0; i < 60; i++) set.add('bucket', bucket(i), 'r');
    set.add('bucket', 'strong-bucket', 'r', undefined, { hits: 2, successes: 2 });
    const copy = set.clone();
    copy.add('bucket', 'another-bucket', 'r');
    expect(copy.values('bucket')[0]).toBe('strong-bucket');
    expect(copy.omitted()[0].count).toBe(set.omitted()[0].count + 1);
    expect(set.has('bucket', 'another-bucket')).toBe(false);
  });
});
