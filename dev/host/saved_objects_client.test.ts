import { toHttpError } from '../../server/lib/errors';
import { buildMappings, decodeRequestVersion, decorateOpenSearchError, encodeVersion, SavedObjectsErrors } from './saved_objects_client';

describe('dev saved objects client, the parts that must match OSD exactly', () => {
  it('encodes versions as OSD does: base64 of [seq_no, primary_term]', () => {
    expect(encodeVersion(5, 1)).toBe(Buffer.from('[5,1]').toString('base64'));
    expect(decodeRequestVersion(encodeVersion(5, 1))).toEqual({ if_seq_no: 5, if_primary_term: 1 });
  });

  it.each(['', 'garbage', Buffer.from('[1]').toString('base64'), Buffer.from('["1",2]').toString('base64')])('refuses the version %j with a 400', (v) => {
    let error: unknown;
    try {
      decodeRequestVersion(v);
    } catch (e) {
      error = e;
    }
    expect(SavedObjectsErrors.isInvalidVersionError(error)).toBe(true);
    expect(error).toMatchObject({ isBoom: true, output: { statusCode: 400, payload: { message: `Invalid version [${v}]` } } });
  });

  it('decorates OpenSearch errors as Boom errors by status', () => {
    const conflict = decorateOpenSearchError({ name: 'ResponseError', message: 'version_conflict_engine_exception', meta: { statusCode: 409, body: { error: { reason: '[x]: version conflict' } } } });
    expect(SavedObjectsErrors.isConflictError(conflict)).toBe(true);
    expect(conflict.output.payload).toEqual({ statusCode: 409, error: 'Conflict', message: '[x]: version conflict: version_conflict_engine_exception' });
    expect(decorateOpenSearchError({ name: 'ConnectionError', message: 'ECONNREFUSED' }).output).toMatchObject({
      statusCode: 503,
      payload: { message: 'An internal server error occurred' },
    });
    expect(SavedObjectsErrors.isNotFoundError(decorateOpenSearchError({ meta: { statusCode: 404 } }))).toBe(true);
  });

  it('maps each registered type under its name, with OSD root fields and strict root', () => {
    const m = buildMappings([{ name: 'case', mappings: { dynamic: false, properties: { title: { type: 'text' } } } }]);
    expect(m.dynamic).toBe('strict');
    expect(m.properties.case).toEqual({ dynamic: false, properties: { title: { type: 'text' } } });
    expect(Object.keys(m.properties)).toEqual(expect.arrayContaining(['type', 'namespace', 'namespaces', 'updated_at', 'references', 'migrationVersion']));
  });

  it('produces errors the plugin maps to the same HTTP status (server/lib/errors toHttpError)', () => {
    expect(toHttpError(SavedObjectsErrors.createConflictError('case', '1'))).toMatchObject({ statusCode: 409, message: 'Conflict: Saved object [case/1] conflict' });
    expect(toHttpError(SavedObjectsErrors.createGenericNotFoundError('case', '1'))).toMatchObject({ statusCode: 404 });
    expect(toHttpError(SavedObjectsErrors.createInvalidVersionError('x'))).toMatchObject({ statusCode: 400, message: 'Bad request: Invalid version [x]' });
    expect(toHttpError(decorateOpenSearchError({ name: 'ConnectionError', message: 'ECONNREFUSED' }))).toMatchObject({ statusCode: 503 });
  });
});
