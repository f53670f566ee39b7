import { errorOf } from './response_parser';
import { NO_PERMISSION, permissionError } from './permission';

describe('permissionError', () => {
  const refused = {
    status: 403,
    error: { type: 'security_exception', reason: 'no permissions for [indices:data/read/search] and User [name=reader, backend_roles=[], requestedTenant=null]' },
  };

  it('turns a security plugin refusal into "no permission", without the user or roles of the raw reason', () => {
    expect(permissionError(refused)).toBe(NO_PERMISSION);
    expect(errorOf(refused)).toBe(NO_PERMISSION);
    expect(errorOf(refused)).not.toContain('reader');
    expect(permissionError({ error: { type: 'security_exception' } })).toBe(NO_PERMISSION);
  });

  it('leaves other failures and successful items alone', () => {
    expect(permissionError({ status: 400, error: { type: 'query_shard_exception', reason: 'bad' } })).toBeUndefined();
    expect(errorOf({ status: 400, error: { type: 'query_shard_exception', reason: 'bad' } })).toBe('bad');
    expect(permissionError({ status: 200 })).toBeUndefined();
    expect(permissionError({ status: 403 })).toBeUndefined();
  });
});
