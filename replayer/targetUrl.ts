/** `http://host/shop` + `/cart?x=1` -> `http://host/shop/cart?x=1`: recorded paths are mapped onto the target's prefix. */
export function joinTarget(target: string, path: string): string {
  const base = target.replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A page URL as the trajectory writes it: path, search and hash below the target (the full URL when elsewhere). */
export function relativeToTarget(target: string, url: string): string {
  const base = target.replace(/\/+$/, '');
  if (url === base) return '/';
  if (url.startsWith(`${base}/`) || url.startsWith(`${base}?`) || url.startsWith(`${base}#`)) {
    const rest = url.slice(base.length);
    return rest.startsWith('/') ? rest : `/${rest}`;
  }
  return url;
}
