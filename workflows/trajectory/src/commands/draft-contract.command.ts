import type { Landlord, MeetingFrequency, OccupancyStatus } from '../vocabulary/trajectory-terms';

export interface DraftContractPayload {
  measureType: string;
  briques: string[];
  /** Default: the programme's duration. */
  durationMonths?: number;
  /** Default: the programme's bilan cadence. */
  bilanEveryMonths?: number;
  meetingFrequency: MeetingFrequency;
  occupancyStatus: OccupancyStatus;
  landlord?: Landlord;
  /** Default: the saisine's convention. */
  conventionId?: string;
  objectives?: { id: string }[];
  personal?: {
    objectives?: { id: string; text: string }[];
    meetingPlace?: string;
    landlordContact?: string;
  };
}
