import type { Landlord, MeetingFrequency, OccupancyStatus } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** The personalised contract was drafted (brick 1.5); any earlier signature is void. */
export interface ContractDraftedData {
  /** 'AVDL', 'GLA' or a custom measure type. */
  measureType: string;
  /** Brique codes planned. */
  briques: string[];
  durationMonths: number;
  bilanEveryMonths: number;
  meetingFrequency: MeetingFrequency;
  occupancyStatus: OccupancyStatus;
  /** When named, the landlord is a required signatory. */
  landlord?: Landlord;
  conventionId: string;
  /** The barème of the convention this measure is priced on (absent: the convention's first; choose-scale may change it). */
  scale?: string;
  /** Objective ids; their wording is personal. */
  objectives: { id: string }[];
  personal?: {
    objectives?: { id: string; text: string }[];
    meetingPlace?: string;
    landlordContact?: string;
  };
}

export const contractDraftedEvent = defineEvent<ContractDraftedData>()('ContractDrafted');
