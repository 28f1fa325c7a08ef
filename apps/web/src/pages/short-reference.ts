/** The reference a team says aloud: the trajectory id's first 8 characters, upper-cased (no name leaves the file). */
export function shortReference(trajectoryId: string): string {
  return trajectoryId.slice(0, 8).toUpperCase();
}
