/** A row of `public.agencies` (中介公司). */
export interface Agency {
  id: string;
  name: string;
  contact_name: string | null;
  contact_phone: string | null;
  active: boolean;
  created_at: string;
}

/** A row of `public.agency_stores` (门店). */
export interface AgencyStore {
  id: string;
  agency_id: string;
  name: string;
  address: string | null;
  active: boolean;
}
