import { isSecurityPluginAbsent } from './current_user';

describe('isSecurityPluginAbsent', () => {
  it('recognises OpenSearch without the security plugin', () => {
    const noHandler = { meta: { statusCode: 400, body: { error: 'no handler found for uri [/_plugins/_security/authinfo] and method [GET]' } } };
    expect(isSecurityPluginAbsent(noHandler)).toBe(true);
    expect(isSecurityPluginAbsent({ meta: { statusCode: 404, body: {} } })).toBe(true);
  });

  it('does not treat an authentication failure or an outage as "no security"', () => {
    expect(isSecurityPluginAbsent({ meta: { statusCode: 401, body: {} } })).toBe(false);
    expect(isSecurityPluginAbsent({ meta: { statusCode: 400, body: { error: { reason: 'bad' } } } })).toBe(false);
    expect(isSecurityPluginAbsent({ name: 'ConnectionError' })).toBe(false);
  });
});
