import { caseShareUrl, withTenant } from './share_link';

describe('case share links', () => {
  const application = {
    getUrlForApp: (appId: string, opts?: { path?: string; absolute?: boolean }) => `${opts?.absolute ? 'https://osd.example.com' : ''}/w/abc/app/${appId}${opts?.path ?? ''}`,
  };

  it('is the absolute app URL of the case, built by getUrlForApp', () => {
    expect(caseShareUrl(application, 'c-1', null)).toBe('https://osd.example.com/w/abc/app/siem-investigations#/cases/c-1');
  });

  it('names the tenant before the hash, as the security plugin does', () => {
    expect(caseShareUrl(application, 'c-1', 'global')).toBe('https://osd.example.com/w/abc/app/siem-investigations?security_tenant=global#/cases/c-1');
    expect(withTenant('https://h/app/x?a=1#/cases/1', 'SOC team')).toBe('https://h/app/x?a=1&security_tenant=SOC%20team#/cases/1');
  });

  it('keeps a tenant the URL already names', () => {
    expect(withTenant('https://h/app/x?security_tenant=private#/cases/1', 'global')).toBe('https://h/app/x?security_tenant=private#/cases/1');
  });
});
