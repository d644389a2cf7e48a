import type { WebAssets } from '../web-assets.ts';

/** A page the server renders for a private link: it must work without JavaScript and leak nothing. */
const PLAIN_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** The same page with the web app taking over: its own scripts and API calls, nothing else. */
const WITH_APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function linkPageHeaders(web: WebAssets): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    // The token is in the URL: never send it on as a referrer, never cache the page.
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'content-security-policy': web.headTags ? WITH_APP_CSP : PLAIN_CSP,
    'x-content-type-options': 'nosniff',
  };
}

/**
 * Progressive enhancement: the server's plain page (forms that work without JavaScript) is put inside
 * the app's root element and the app's script is linked, so a browser with JavaScript replaces it with
 * the interactive page. Without a built app the page is served as it is.
 */
export function withWebApp(html: string, web: WebAssets): string {
  if (!web.headTags) return html;
  // The plain page's own style moves inside the root, so it leaves with the plain page and never
  // restyles the app.
  const style = /<style>[\s\S]*?<\/style>/.exec(html)?.[0] ?? '';
  return html
    .replace(style, '')
    .replace('</head>', `${web.headTags}</head>`)
    .replace('<body><main>', `<body><div id="root">${style}<main>`)
    .replace('</main></body>', '</main></div></body>');
}
