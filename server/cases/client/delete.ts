import { load } from './view';
import { CasesClientArgs } from './types';

/**
 * Deletes the case and its items (attached source documents are not touched): the items first,
 * so a delete that fails half-way leaves the case to delete again rather than orphans nobody sees.
 */
export async function deleteCase(args: CasesClientArgs, id: string): Promise<void> {
  const c = await load(args, id, { migrate: false });
  const items = await args.service.deleteItems(c.id);
  await args.service.delete(c.id);
  args.logger.debug(`case ${c.id}: deleted with ${items} items`);
}
