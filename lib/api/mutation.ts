/**
 * The header every mutating request to the console's API must carry. Browsers cannot send it
 * cross-site without a CORS preflight (which the console never grants), so together with the Origin
 * check it keeps other sites from changing the mesh through a logged-in user's browser.
 * Scripts send it too: `-H 'X-Meshscope-Request: 1'`.
 */
export const MUTATION_HEADER = "x-meshscope-request";
