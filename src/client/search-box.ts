/** Header search box. Full search arrives with the search issue; until then Enter submits the form. */
export function initSearchBox(): void {
  // Intentionally empty: the form submits to the search page.
}
