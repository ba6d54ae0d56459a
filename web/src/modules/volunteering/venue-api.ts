import type { VenueType } from '@pioneer/domain';
import type { Abilities } from './vol-api';

/** Shapes of the venue API (GET /api/volunteer/venues, /venues/:id) as the venue pages use them. */
export interface Venue {
  id: number;
  name: string;
  type: VenueType;
  unitId: number;
  unitName: string;
  partnerId: number | null;
  partnerName: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: string;
  responsiblePersonId: number;
  responsibleName: string;
  description: string;
  isPublic: boolean;
  closedAt: string | null;
  abilities: Abilities;
}
/** A duty on a venue's roster, with the swap request waiting on it. */
export interface Duty {
  id: number;
  personId: number;
  post: string;
  startsAt: string;
  endsAt: string;
  status: string;
  pendingSwapId: number | null;
  pendingSwapTo: string | null;
  abilities: Abilities;
}
/** GET /api/volunteer/my/duties: my duties, each with its venue. */
export interface MyDuty extends Duty {
  venueId: number;
  venueName: string;
}
export interface VenueDetail extends Venue {
  duties: (Duty & { personName: string })[];
  services: {
    id: number;
    servedAt: string;
    title: string;
    peopleServed: number;
    minutes: number;
    recordedByName: string;
    demandId: number | null;
  }[];
}
