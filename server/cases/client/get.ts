import { Case } from '../../../common/case_types';
import { load, view } from './view';
import { CasesClientArgs } from './types';

/** The case an id or a reference (`SIR-12`) names, with the newest items of each kind. */
export async function get(args: CasesClientArgs, id: string): Promise<Case> {
  return view(args, await load(args, id));
}
