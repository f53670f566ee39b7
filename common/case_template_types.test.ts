import { closeFieldValueProblem, findingTypeMatches, matchTemplate, median, missingCloseFields } from './case_template_types';

describe('finding type patterns', () => {
  it('match exactly, or with * for any characters', () => {
    expect(findingTypeMatches('UnauthorizedAccess:IAMUser/*', 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom')).toBe(true);
    expect(findingTypeMatches('UnauthorizedAccess:IAMUser/*', 'UnauthorizedAccess:EC2/SSHBruteForce')).toBe(false);
    expect(findingTypeMatches('*:EC2/*Brute*', 'UnauthorizedAccess:EC2/SSHBruteForce')).toBe(true);
    expect(findingTypeMatches('*:EC2/*Brute*', 'UnauthorizedAccess:EC2/SSHBrut')).toBe(false);
    expect(findingTypeMatches('Recon:EC2/Portscan', 'Recon:EC2/Portscan')).toBe(true);
    expect(findingTypeMatches('Recon:EC2/Portscan', 'Recon:EC2/PortscanX')).toBe(false);
    // A pattern's fixed ends may not overlap.
    expect(findingTypeMatches('ab*ba', 'aba')).toBe(false);
  });

  it('pick the most specific template: exact beats any pattern, longer patterns beat shorter, ties by name', () => {
    const t = (id: string, name: string, findingTypes: string[], damaged?: string) => ({ id, name, findingTypes, ...(damaged ? { damaged } : {}) });
    const templates = [t('1', 'B broad', ['UnauthorizedAccess:*']), t('2', 'IAM', ['UnauthorizedAccess:IAMUser/*']), t('3', 'A broad', ['UnauthorizedAccess:*']), t('4', 'Tor', ['UnauthorizedAccess:IAMUser/TorIPCaller'])];
    expect(matchTemplate(templates, 'UnauthorizedAccess:IAMUser/TorIPCaller')?.id).toBe('4');
    expect(matchTemplate(templates, 'UnauthorizedAccess:IAMUser/ConsoleLogin')?.id).toBe('2');
    expect(matchTemplate(templates, 'UnauthorizedAccess:EC2/TorClient')?.id).toBe('3');
    expect(matchTemplate(templates, 'Recon:EC2/Portscan')).toBeUndefined();
    expect(matchTemplate([t('9', 'Damaged', ['*Tor*'], 'bad')], 'UnauthorizedAccess:IAMUser/TorIPCaller')).toBeUndefined();
  });
});

describe('close fields', () => {
  const fields = [
    { key: 'classification', label: 'Classification', type: 'select' as const, options: ['tp', 'fp'] },
    { key: 'rotated', label: 'Rotated?', type: 'boolean' as const },
    { key: 'accounts', label: 'Accounts', type: 'text' as const, minLength: 3, maxLength: 5 },
  ];
  it('check each value against its field', () => {
    expect(closeFieldValueProblem(fields[0], 'tp')).toBeUndefined();
    expect(closeFieldValueProblem(fields[0], 'maybe')).toMatch(/one of: tp, fp/);
    expect(closeFieldValueProblem(fields[1], false)).toBeUndefined();
    expect(closeFieldValueProblem(fields[1], 'false')).toMatch(/true or false/);
    expect(closeFieldValueProblem(fields[2], ' ab ')).toMatch(/at least 3/);
    expect(closeFieldValueProblem(fields[2], 'abcdef')).toMatch(/longer than 5/);
  });
  it('list the missing ones (false is a value; blank text is not)', () => {
    expect(missingCloseFields(fields, { rotated: false, accounts: '  ' }).map((f) => f.key)).toEqual(['classification', 'accounts']);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(4); // (3 + 4) / 2 = 3.5, rounded to whole milliseconds
  });
});
