import { CasesClientArgs } from './types';

/** Deletes the case and everything in it; attached source documents are not touched. */
export async function deleteCase(args: CasesClientArgs, id: string): Promise<void> {
  await args.service.delete(id);
}
