import { describe, expect, it } from 'vitest';
import type { WebAssets } from '../web-assets.ts';
import { linkPageHeaders, withWebApp } from './with-web-app.ts';

const page = '<!doctype html><html lang="en"><head><title>x</title><style>main{max-width:40rem}</style></head>\n<body><main><form method="post"></form></main></body></html>';
const built: WebAssets = { shell: '<div id="root"></div>', headTags: '<script type="module" src="/assets/index-abc.js"></script>', files: new Map() };
const notBuilt: WebAssets = { shell: null, headTags: '', files: new Map() };

describe('a link page with the web app', () => {
  it('keeps the plain forms inside the root the app takes over, and links its script', () => {
    const html = withWebApp(page, built);
    expect(html).toContain('<script type="module" src="/assets/index-abc.js"></script></head>');
    // The plain page's style goes with the plain page when the app replaces the root's content.
    expect(html).toContain('<body><div id="root"><style>main{max-width:40rem}</style><main><form method="post"></form></main></div></body>');
    expect(html.indexOf('<style>')).toBeGreaterThan(html.indexOf('</head>'));
    expect(linkPageHeaders(built)['content-security-policy']).toContain("script-src 'self'");
    expect(linkPageHeaders(built)['content-security-policy']).toContain("connect-src 'self'");
  });

  it('is served as it is, with no script allowed, when the app is not built', () => {
    expect(withWebApp(page, notBuilt)).toBe(page);
    expect(linkPageHeaders(notBuilt)['content-security-policy']).not.toContain('script-src');
  });

  it('never lets the page be cached or its token leak as a referrer', () => {
    for (const web of [built, notBuilt]) {
      expect(linkPageHeaders(web)).toMatchObject({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
      expect(linkPageHeaders(web)['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });
});
