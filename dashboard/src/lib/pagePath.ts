/**
 * The path of a page URL (`http://shop.example/cart` → `/cart`): agents know
 * the site, the path tells them where the visitor is. A value that does not
 * parse as a URL is returned as it is.
 */
export function pagePath(url: string): string {
  try {
    const u = new URL(url)
    return u.pathname + u.search
  } catch {
    return url
  }
}
