export async function viewerLoad(..._args: unknown[]): Promise<void> {}
