/** 网页体验版: there are no subscribe messages in a browser; the in-app inbox is the channel. */
export async function askToBeTold(_templateIds: string[]): Promise<void> {}
