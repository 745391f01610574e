/**
 * The raw QR scene the app was entered with (`c%3Dzhizijie` or `c=zhizijie`), at most once per entry.
 * weapp: the home page's `query.scene` (wxacode.getUnlimited opens pages/home/index?scene=…).
 * H5: `/?scene=c%3Dzhizijie` in the address bar behaves like scanning the code; the query is then removed.
 */
export function takeEntryScene(pageParams: Record<string, string | undefined>): string | null
