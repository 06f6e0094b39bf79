/**
 * Activities whose implementation is being built (issue 3 work in progress): each fails
 * with a clear message, so an element that needs one becomes an incident saying so.
 */
export function notYet(name: string): () => Promise<never> {
  return async () => {
    throw new Error(`${name} is not available in this build yet`);
  };
}
