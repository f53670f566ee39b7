import { isAllowedUrl } from './safe_markdown';

describe('isAllowedUrl', () => {
  it.each(['https://example.com/x', 'http://example.com', 'HTTPS://EXAMPLE.COM', 'mailto:soc@example.com', '/app/x', './x', 'x/y:z', '#top', '?q=a:b', '//example.com/x'])(
    'allows %s',
    (url) => expect(isAllowedUrl(url)).toBe(true)
  );
  it.each(['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x'])(
    'refuses %j',
    (url) => expect(isAllowedUrl(url)).toBe(false)
  );
});
