import { newCaseAttributes } from './create';

describe('newCaseAttributes', () => {
  it('opens a low-severity case whose activity starts with its creation', () => {
    const actor = { by: 'alice', at: '2026-08-01T10:00:00.000Z' };
    const a = newCaseAttributes({ title: 'SSH brute force on i-0a1b2c3d4e5f67890' }, actor);
    expect(a).toMatchObject({
      title: 'SSH brute force on i-0a1b2c3d4e5f67890',
      description: '',
      status: 'open',
      closeReason: null,
      severity: 'low',
      tags: [],
      assignees: [],
      attachmentCount: 0,
      commentCount: 0,
      createdBy: 'alice',
      updatedBy: 'alice',
    });
    expect(a).toMatchObject({ activityCount: 1, number: null, severityRank: 0, statusRank: 0, sortTitle: 'ssh brute force on i-0a1b2c3d4e5f67890' });
  });
});
