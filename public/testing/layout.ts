/**
 * OUI's selectable list is virtualised and sizes itself from its parent, which jsdom lays out as
 * 0×0 (so it would render no options). Call in a `describe` to give every element a size.
 */
export function giveElementsASize(px = 400): void {
  const sizes = ['offsetWidth', 'offsetHeight'] as const;
  beforeAll(() => sizes.forEach((p) => Object.defineProperty(HTMLElement.prototype, p, { configurable: true, value: px })));
  afterAll(() => sizes.forEach((p) => delete (HTMLElement.prototype as unknown as Record<string, unknown>)[p]));
}
