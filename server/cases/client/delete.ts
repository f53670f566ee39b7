import { statusOf } from '../service';
import { load } from './view';
import { CasesClientArgs } from './types';

/**
 * Deletes the case and its items (attached source documents are not touched): the items first,
 * so a delete that fails half-way leaves the case to delete again rather than orphans nobody sees.
 */
export async function deleteCase(args: CasesClientArgs, id: string): Promise<void> {
  // The id itself: deleting a tombstone's id deletes the tombstone, never the case it was merged into.
  const c = await load(args, id, { migrate: false, follow: false });
  const items = await args.service.deleteItems(c.id);
  await args.service.delete(c.id);
  // The tombstones of cases merged into it would point nowhere: they go too (docs/cases.md "Merging cases").
  const tombstones = await args.service.mergedInto(c.id);
  for (const t of tombstones) {
    await args.service.deleteItems(t);
    await args.service.delete(t).catch((e) => {
      if (statusOf(e) !== 404) throw e;
    });
  }
  args.logger.debug(`case ${c.id}: deleted with ${items} items${tombstones.length ? ` and ${tombstones.length} tombstones of cases merged into it` : ''}`);
}
