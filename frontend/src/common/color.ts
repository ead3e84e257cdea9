/** Accepts only colours that cannot smuggle anything into a style attribute. */
export function safeColor(color: string | undefined): string | undefined {
  if (!color) return undefined;
  return /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9.,%\s]+\))$/.test(color) ? color : undefined;
}

/** A translucent version of a #rrggbb colour for selections; other forms are left as they are. */
export function translucent(color: string, alpha = 0.25): string {
  const m = /^#([0-9a-fA-F]{6})$/.exec(color);
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
