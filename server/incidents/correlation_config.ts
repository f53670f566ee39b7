import { INCIDENT_LIMITS } from '../../common/incident_types';
import { DEFAULT_IOC_TYPES } from '../../common/observable_types';
import { SiemInvestigationsConfig } from '../config';
import { parseDuration } from '../correlation/window';
import { ExclusionList } from './group';

/** The settings of grouping and observables in force (`siem_investigations.incidents.*`, `.observables.*`). */
export interface CorrelationConfig {
  window: string;
  windowMs: number;
  maxFindings: number;
  exclusions: ExclusionList;
  iocTypes: readonly string[];
}

export function correlationConfigOf(config: SiemInvestigationsConfig | undefined): CorrelationConfig {
  const window = config?.incidents?.window ?? INCIDENT_LIMITS.defaultWindow;
  const windowMs = parseDuration(window, 'siem_investigations.incidents.window');
  if (windowMs > INCIDENT_LIMITS.maxWindowMs) throw new Error(`siem_investigations.incidents.window may be at most 7d, got ${window}`);
  return {
    window,
    windowMs,
    maxFindings: config?.incidents?.maxFindings ?? INCIDENT_LIMITS.maxFindings,
    exclusions: new ExclusionList(config?.observables?.excludeFromCorrelation ?? []),
    iocTypes: config?.observables?.iocTypes ?? DEFAULT_IOC_TYPES,
  };
}
